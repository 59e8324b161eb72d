// A proposal action as the indexer stores it: core's decoding (arguments as JSON) and its sentence in kk, ru and
// en, with the labels the indexer's own tables hold at that block: agency names, seated officials, registrars, our
// contracts, the dev token's symbol and decimals, and the documents it names by number and title (from their
// metadata in the content store, when it is there).
import path from "node:path";

import { agency, document, official, registrar, seat } from "ponder:schema";
import { and, eq } from "ponder";

import { type DecodedAction, jsonArgs } from "@government-dao/core/actions/decode";
import { type AddressLabel, type Labels, renderActionInAll } from "@government-dao/core/actions/render";
import { openContentStore } from "@government-dao/core/content-store";
import { DIGITAL_TENGE_TOKEN } from "@government-dao/core/contracts";
import { documentMetadataSchema } from "@government-dao/core/metadata";
import { ROOT_DIR } from "../../lib/paths.js";
import { deployment, ourContracts } from "./calls.js";
import { type Db, lower, uint256ToBytes32Hex } from "./common.js";

/** The content store the API serves (lib/run.ts sets CONTENT_DIR). */
const store = openContentStore(process.env.CONTENT_DIR ?? path.join(ROOT_DIR, ".local", "content"));
/** Arguments that hold a document's token id. */
const DOCUMENT_ARGS = new Set(["tokenId", "oldTokenId", "budgetDocumentId"]);

/** The decoded-and-rendered columns of proposal_action. */
export interface ActionRendering {
  /** JSON of [{ name, type, value }] (integers as decimal strings), null when the call is not decoded. */
  args: string | null;
  /** Why a call to one of our contracts does not decode; null otherwise. */
  decodeError: string | null;
  sentenceEn: string;
  sentenceRu: string;
  sentenceKk: string;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Every address and agency id a decoded action mentions (arguments, nested tuples and arrays, and its target). */
function mentions(decoded: DecodedAction): { addresses: Set<string>; agencyIds: Set<number>; documentIds: Set<bigint> } {
  const addresses = new Set<string>([lower(decoded.target)]);
  const agencyIds = new Set<number>();
  const documentIds = new Set<bigint>();
  const visit = (value: unknown, name: string): void => {
    if (DOCUMENT_ARGS.has(name) && typeof value === "bigint") documentIds.add(value);
    else if (typeof value === "string" && ADDRESS.test(value)) addresses.add(lower(value));
    else if (Array.isArray(value)) value.forEach((v) => visit(v, ""));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (name === "agencyId" && typeof value === "number") agencyIds.add(value);
  };
  if (decoded.kind === "decoded") for (const arg of decoded.args) visit(arg.value, arg.name);
  return { addresses, agencyIds, documentIds };
}

/**
 * A document's number and titles from its metadata in the content store; undefined when the document is not
 * indexed or its metadata is not stored or not valid (the sentence then shows the id). Only a missing or bad
 * metadata file is passed over: the sentence is a reading aid, and the id it falls back to is exact.
 */
async function documentLabel(db: Db, id: bigint): Promise<{ number: string; title: Record<"kk" | "ru" | "en", string> } | undefined> {
  const row = await db.find(document, { id: uint256ToBytes32Hex(id) });
  if (row === null) return undefined;
  let text: string;
  try {
    text = new TextDecoder().decode(await store.getByDigest(row.metadataDigest));
  } catch {
    return undefined; // not in this indexer's content store
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined; // stored, but not JSON
  }
  const parsed = documentMetadataSchema.safeParse(json);
  return parsed.success ? { number: parsed.data.number, title: parsed.data.title } : undefined;
}

const contractKind = (name: string): AddressLabel["kind"] =>
  name === "TimelockController" ? "timelock" : name === "GovernmentGovernor" ? "governor" : name === "DigitalTenge" ? "token" : "contract";

/** The labels of what `decoded` mentions, read from the indexer's tables as they are now (at the event's block). */
async function labelsFor(db: Db, decoded: DecodedAction): Promise<Labels> {
  const { addresses, agencyIds, documentIds } = mentions(decoded);
  const byAddress = new Map<string, AddressLabel>();
  for (const address of addresses) {
    const contract = ourContracts(address);
    if (contract) {
      byAddress.set(address, { kind: contractKind(contract), name: contract });
      continue;
    }
    const person = await db.find(official, { id: address });
    if (person?.seated && person.seatId !== null) {
      const held = await db.find(seat, { id: person.seatId });
      if (held?.active) {
        byAddress.set(address, { kind: "official", agencyId: Number(held.agencyId) });
        agencyIds.add(Number(held.agencyId));
        continue;
      }
    }
    const [serving] = await db.sql.select().from(registrar).where(and(eq(registrar.account, lower(address)), eq(registrar.active, true))).limit(1);
    if (serving) {
      byAddress.set(address, { kind: "registrar", agencyId: Number(serving.agencyId) });
      agencyIds.add(Number(serving.agencyId));
    }
  }
  const names = new Map<number, string>();
  for (const id of agencyIds) {
    const row = await db.find(agency, { id: BigInt(id) });
    if (row?.registered && row.name) names.set(id, row.name);
  }
  const documents = new Map<bigint, { number: string; title: Record<"kk" | "ru" | "en", string> }>();
  for (const id of documentIds) {
    const label = await documentLabel(db, id);
    if (label) documents.set(id, label);
  }
  const tenge = deployment.decodeOnly.DigitalTenge?.address.toLowerCase();
  return {
    document: (id, locale) => {
      const label = documents.get(id);
      return label ? { number: label.number, title: label.title[locale] } : undefined;
    },
    address: (address) => byAddress.get(lower(address)),
    agency: (id) => names.get(id),
    token: (address) => (tenge !== undefined && address.toLowerCase() === tenge ? DIGITAL_TENGE_TOKEN : undefined),
  };
}

/** The columns stored for action `decoded`. */
export async function renderActionRow(db: Db, decoded: DecodedAction): Promise<ActionRendering> {
  const sentence = renderActionInAll(decoded, await labelsFor(db, decoded));
  return {
    args: decoded.kind === "decoded" ? JSON.stringify(jsonArgs(decoded)) : null,
    decodeError: decoded.kind === "undecodable" ? decoded.reason : null,
    sentenceEn: sentence.en,
    sentenceRu: sentence.ru,
    sentenceKk: sentence.kk,
  };
}
