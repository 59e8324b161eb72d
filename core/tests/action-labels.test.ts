/**
 * core/src/actions/labels.ts: what an action mentions, and the labels every reader (indexer, CLI, dApp) hands the
 * renderer, so a sentence names documents by number and title and officials and registrars by their agency.
 *
 *   cd core && node --import tsx --test tests/action-labels.test.ts
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { type Address, getAddress, stringToBytes } from "viem";

import { contractLookup, decodeAction } from "../src/actions/decode.ts";
import * as encode from "../src/actions/encode.ts";
import { actionMentions, contractLabel, documentLabelOf, labelsOf } from "../src/actions/labels.ts";
import { renderAction } from "../src/actions/render.ts";
import { formatDocumentMetadata } from "../src/metadata.ts";
import { ORDER_CONTENT_HASH, orderMetadata } from "./support/fixtures.ts";

const at = (n: number): Address => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const SEATS = at(0x103);
const AGENCIES = at(0x102);
const DOCUMENTS = at(0x104);
const lookup = contractLookup({ OfficialSeats: SEATS, AgencyRegistry: AGENCIES, DocumentRegistry: DOCUMENTS, TimelockController: at(0x101) });
const ALICE = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const BOB = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");

const metadata = orderMetadata;
const contentHash = ORDER_CONTENT_HASH;

describe("action labels (core/src/actions/labels.ts)", () => {
  it("finds every address, agency and document an action mentions, its target included", () => {
    const seat = decodeAction(lookup, encode.seatOfficialCall(SEATS, { official: ALICE, agencyId: 3, position: 1 }));
    const issue = decodeAction(lookup, encode.issueDocumentCall(DOCUMENTS, { docType: 0, agencyId: 2, contentHash, metadataDigest: contentHash, coSignatureDigest: contentHash }));
    const found = actionMentions([seat, issue]);
    assert.deepEqual([...found.addresses].sort(), [SEATS, DOCUMENTS, ALICE].map((a) => a.toLowerCase()).sort());
    assert.deepEqual([...found.agencyIds].sort(), [2, 3]);
    assert.deepEqual([...found.documentIds], []); // `issue` names the file by contentHash, not by a token id argument
  });

  it("names an official and a registrar by their agency, a document by number and title, a contract by its role", () => {
    const unseat = decodeAction(lookup, encode.unseatOfficialCall(SEATS, ALICE));
    const registrar = decodeAction(lookup, encode.addRegistrarCall(AGENCIES, 2, BOB));
    const label = documentLabelOf(formatDocumentMetadata(metadata));
    assert.deepEqual(label, { number: "MDD-1", title: metadata.title });
    const labels = labelsOf({
      contracts: lookup,
      people: new Map([[ALICE.toLowerCase(), { kind: "official", agencyId: 2 } as const], [BOB.toLowerCase(), { kind: "registrar", agencyId: 2 } as const]]),
      agencies: new Map([[2, "Ministry of Digital Development"]]),
      documents: new Map(label ? [[BigInt(contentHash), label]] : []),
    });
    assert.match(renderAction(unseat, "en", labels), new RegExp(`${ALICE} \\(official of agency 2 "Ministry of Digital Development"\\)`));
    assert.match(renderAction(registrar, "ru", labels), new RegExp(`${BOB} \\(регистратор ведомства 2 «Ministry of Digital Development»\\)`));
    assert.deepEqual(labels.document?.(BigInt(contentHash), "kk"), { number: "MDD-1", title: "Бұйрық" });
    assert.deepEqual(labels.address?.(at(0x101).toLowerCase()), { kind: "timelock", name: "TimelockController" });
    assert.deepEqual(contractLabel("DigitalTenge"), { kind: "token", name: "DigitalTenge" });
  });

  it("gives no label for bytes that are not document metadata (the sentence shows the id)", () => {
    assert.equal(documentLabelOf(stringToBytes("not json")), undefined);
    assert.equal(documentLabelOf(stringToBytes(JSON.stringify({ ...metadata, number: "" }))), undefined);
    assert.equal(labelsOf({}).address?.(ALICE), undefined);
  });
});
