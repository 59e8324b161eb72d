// A proposal action as the indexer stores it: core's decoding (arguments as JSON) and its sentence in kk, ru and
// en, with the labels the indexer's own tables hold at that block: agency names, seated officials, registrars, our
// contracts, the dev token's symbol and decimals, and the documents it names by number and title (from their
// metadata in the content store, when it is there).
import path from "node:path";

import { agency, document, official, registrar, seat } from "ponder:schema";
import { and, eq } from "ponder";

import { type DecodedAction, jsonArgs } from "@government-dao/core/actions/decode";
import { type DocumentLabel, actionMentions, documentLabelOf, labelsOf } from "@government-dao/core/actions/labels";
import { type AddressLabel, type Labels, renderActionInAll } from "@government-dao/core/actions/render";
import { openContentStore } from "@government-dao/core/content-store";
import { DIGITAL_TENGE_TOKEN } from "@government-dao/core/contracts";
import { ROOT_DIR } from "../../lib/paths.js";
import { deployment, ourContracts } from "./calls.js";
import { type Db, lower, uint256ToBytes32Hex } from "./common.js";

/** The content store the API serves (lib/run.ts sets CONTENT_DIR). */
const store = openContentStore(process.env.CONTENT_DIR ?? path.join(ROOT_DIR, ".local", "content"));

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

/** A document's number and titles from its metadata in the content store; undefined when not indexed or not stored. */
async function documentLabel(db: Db, id: bigint): Promise<DocumentLabel | undefined> {
  const row = await db.find(document, { id: uint256ToBytes32Hex(id) });
  if (row === null) return undefined;
  try {
    return documentLabelOf(await store.getByDigest(row.metadataDigest));
  } catch {
    return undefined; // not in this indexer's content store
  }
}

/** The labels of what `decoded` mentions, read from the indexer's tables as they are now (at the event's block). */
async function labelsFor(db: Db, decoded: DecodedAction): Promise<Labels> {
  const { addresses, agencyIds, documentIds } = actionMentions([decoded]);
  const people = new Map<string, AddressLabel>();
  for (const address of addresses) {
    if (ourContracts(address)) continue;
    const person = await db.find(official, { id: address });
    if (person?.seated && person.seatId !== null) {
      const held = await db.find(seat, { id: person.seatId });
      if (held?.active) {
        people.set(address, { kind: "official", agencyId: Number(held.agencyId) });
        agencyIds.add(Number(held.agencyId));
        continue;
      }
    }
    const [serving] = await db.sql.select().from(registrar).where(and(eq(registrar.account, lower(address)), eq(registrar.active, true))).limit(1);
    if (serving) {
      people.set(address, { kind: "registrar", agencyId: Number(serving.agencyId) });
      agencyIds.add(Number(serving.agencyId));
    }
  }
  const agencies = new Map<number, string>();
  for (const id of agencyIds) {
    const row = await db.find(agency, { id: BigInt(id) });
    if (row?.registered && row.name) agencies.set(id, row.name);
  }
  const documents = new Map<bigint, DocumentLabel>();
  for (const id of documentIds) {
    const label = await documentLabel(db, id);
    if (label) documents.set(id, label);
  }
  const tenge = deployment.decodeOnly.DigitalTenge?.address.toLowerCase();
  return labelsOf({ contracts: ourContracts, people, agencies, documents, tokens: new Map(tenge === undefined ? [] : [[tenge, DIGITAL_TENGE_TOKEN]]) });
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
