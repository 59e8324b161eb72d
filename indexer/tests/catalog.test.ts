/**
 * The API's DCAT-AP 3 catalogue (issue 22; src/api/catalog.ts) conforms to the DCAT-AP 3.0.1 SHACL shapes
 * (indexer/standards/dcat-ap-3.0.1/shapes.ttl): the JSON-LD is expanded with its inline context (nothing fetched),
 * turned into RDF and validated with rdf-validate-shacl. Every data set of core/src/datasets.ts is in it, with a
 * distribution per format and its title in kk, ru and en.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import rdf from "@zazuko/env";
import jsonld from "jsonld";
import { Parser } from "n3";
import SHACLValidator from "rdf-validate-shacl";

import { DATASETS } from "@government-dao/core/datasets";

import { INDEXER_DIR } from "../lib/paths.js";
import { catalog } from "../src/api/catalog.js";

const SHAPES = path.join(INDEXER_DIR, "standards", "dcat-ap-3.0.1", "shapes.ttl");

async function toDataset(doc: object) {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: "application/n-quads" })) as unknown as string;
  return rdf.dataset(new Parser({ format: "N-Quads" }).parse(nquads));
}

async function validate(doc: object) {
  const shapes = rdf.dataset(new Parser().parse(readFileSync(SHAPES, "utf8")));
  const validator = new SHACLValidator(shapes, { factory: rdf });
  const data = await toDataset(doc);
  return { report: await validator.validate(data), triples: data.size };
}

describe("DCAT-AP catalogue", () => {
  const doc = catalog("https://data.gov.example", "Government DAO public API", "2026-12-01T10:00:00.000Z");

  it("conforms to the DCAT-AP 3.0.1 shapes", async () => {
    const { report, triples } = await validate(doc);
    const problems = report.results.map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join("; ")}`);
    assert.deepEqual(problems, []);
    assert.equal(report.conforms, true);
    console.log(`# ${triples} triples conform`);
  });

  it("fails the shapes when a mandatory property is missing (the check can fail)", async () => {
    const broken = structuredClone(doc) as { dataset: Record<string, unknown>[] };
    delete broken.dataset[0]?.title;
    delete (broken as Record<string, unknown>).publisher;
    const { report } = await validate(broken);
    assert.equal(report.conforms, false);
    const paths = new Set(report.results.map((r) => r.path?.value));
    assert.ok(paths.has("http://purl.org/dc/terms/title"), "the data set without a title");
    assert.ok(paths.has("http://purl.org/dc/terms/publisher"), "the catalogue without a publisher");
  });

  it("lists every data set with a distribution per format and titles in three languages", () => {
    const datasets = (doc as { dataset: { identifier: string; title: Record<string, string>; distribution: { accessURL: string }[] }[] }).dataset;
    assert.deepEqual(datasets.map((d) => d.identifier), DATASETS.map((d) => d.key));
    for (const [i, d] of datasets.entries()) {
      const expected = DATASETS[i];
      assert.deepEqual(Object.keys(d.title).sort(), ["en", "kk", "ru"]);
      assert.equal(d.distribution.length, expected?.formats.length);
      for (const dist of d.distribution) assert.ok(dist.accessURL.startsWith(`https://data.gov.example/api/v1${expected?.path}`), dist.accessURL);
    }
  });
});
