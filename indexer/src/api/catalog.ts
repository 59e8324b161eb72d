// The API's data sets as a DCAT-AP 3 catalogue (JSON-LD; shapes in indexer/standards/dcat-ap-3.0.1/): the data
// sets of core/src/datasets.ts, each with one distribution per format, the API as the data service that serves
// them, titles in kk, ru and en. The context is inline: a reader needs nothing from the network to expand it.
import { DATASETS } from "@government-dao/core/datasets";

type Json = Record<string, unknown>;

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  dcatap: "http://data.europa.eu/r5r/",
  title: { "@id": "dct:title", "@container": "@language" },
  description: { "@id": "dct:description", "@container": "@language" },
  publisher: { "@id": "dct:publisher", "@type": "@id" },
  license: { "@id": "dct:license", "@type": "@id" },
  conformsTo: { "@id": "dct:conformsTo", "@type": "@id" },
  format: { "@id": "dct:format", "@type": "@id" },
  mediaType: { "@id": "dcat:mediaType", "@type": "@id" },
  accessURL: { "@id": "dcat:accessURL", "@type": "@id" },
  downloadURL: { "@id": "dcat:downloadURL", "@type": "@id" },
  endpointURL: { "@id": "dcat:endpointURL", "@type": "@id" },
  endpointDescription: { "@id": "dcat:endpointDescription", "@type": "@id" },
  accessService: { "@id": "dcat:accessService", "@type": "@id" },
  servesDataset: { "@id": "dcat:servesDataset", "@type": "@id" },
  dataset: { "@id": "dcat:dataset", "@type": "@id" },
  distribution: { "@id": "dcat:distribution", "@type": "@id" },
  service: { "@id": "dcat:service", "@type": "@id" },
  homepage: { "@id": "foaf:homepage", "@type": "@id" },
  name: { "@id": "foaf:name" },
  modified: { "@id": "dct:modified", "@type": "xsd:dateTime" },
  identifier: { "@id": "dct:identifier" },
};

/** EU file-type authority and IANA media types of the formats. */
const FORMATS = {
  json: { format: "http://publications.europa.eu/resource/authority/file-type/JSON", mediaType: "https://www.iana.org/assignments/media-types/application/json" },
  csv: { format: "http://publications.europa.eu/resource/authority/file-type/CSV", mediaType: "https://www.iana.org/assignments/media-types/text/csv" },
  xml: { format: "http://publications.europa.eu/resource/authority/file-type/XML", mediaType: "https://www.iana.org/assignments/media-types/application/xml" },
} as const;

const LICENSE = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";

/** The catalogue, with `publicUrl` as the base of every IRI and `modified` the indexed head's block time. */
export function catalog(publicUrl: string, publisherName: string, modified: string): Json {
  const api = `${publicUrl}/api/v1`;
  const serviceId = `${api}#service`;
  const publisher = { "@id": `${publicUrl}/#publisher`, "@type": "foaf:Agent", name: publisherName };
  const datasets = DATASETS.map((d) => ({
    "@id": `${api}/catalog#${d.key}`,
    "@type": "dcat:Dataset",
    identifier: d.key,
    title: d.title,
    description: d.description,
    publisher: publisher["@id"],
    modified,
    ...(d.conformsTo ? { conformsTo: d.conformsTo } : {}),
    distribution: d.formats.map((format) => {
      const url = format === "json" && d.formats.length === 1 ? `${api}${d.path}` : `${api}${d.path}?format=${format}`;
      return {
        "@id": `${api}/catalog#${d.key}-${format}`,
        "@type": "dcat:Distribution",
        title: { en: `${d.title.en} (${format.toUpperCase()})` },
        accessURL: url,
        downloadURL: url,
        format: FORMATS[format].format,
        mediaType: FORMATS[format].mediaType,
        license: LICENSE,
        accessService: serviceId,
      };
    }),
  }));
  return {
    "@context": CONTEXT,
    "@id": `${api}/catalog`,
    "@type": "dcat:Catalog",
    title: { en: "Government DAO open data", ru: "Открытые данные Government DAO", kk: "Government DAO ашық деректері" },
    description: {
      en: "Decisions, official documents and budget releases of the council, indexed from the chain: every data set of the public API.",
      ru: "Решения, официальные документы и бюджетные выплаты совета, проиндексированные из блокчейна: все наборы данных публичного API.",
      kk: "Кеңестің шешімдері, ресми құжаттары мен бюджет төлемдері, блокчейннен индекстелген: ашық API-дің барлық деректер жиынтығы.",
    },
    publisher,
    homepage: publicUrl,
    license: LICENSE,
    modified,
    dataset: datasets,
    service: [
      {
        "@id": serviceId,
        "@type": "dcat:DataService",
        title: { en: "Government DAO public API" },
        endpointURL: api,
        endpointDescription: `${api}/openapi.json`,
        servesDataset: datasets.map((d) => d["@id"]),
        license: LICENSE,
      },
    ],
  };
}
