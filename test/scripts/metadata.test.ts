import { expect } from "chai";
import { sha256, toUtf8Bytes } from "ethers";

import {
  type DocumentMetadata,
  DOCUMENT_SCHEMA_ID,
  MetadataError,
  checkDocumentMetadata,
  documentTypeIndex,
  formatDocumentMetadata,
  parseDocumentMetadata,
} from "@government-dao/core/metadata";
import { coSign, demoAgencyKeys } from "@government-dao/core/cosignature";

const contentHash = sha256(toUtf8Bytes("order text"));
const { coSignature } = coSign(demoAgencyKeys(2), contentHash, 31337n, "0x5FbDB2315678afecb367f032d93F642f64180aa3");

const valid: DocumentMetadata = {
  schema: DOCUMENT_SCHEMA_ID,
  title: { kk: "Бұйрық", ru: "Приказ", en: "Order" },
  type: "order",
  agency: { id: 2, name: "Ministry of Digital Development" },
  number: "MDD-1",
  dates: { adopted: "2026-03-01", effective: "2026-03-10" },
  body: { sha256: contentHash, mediaType: "text/plain; charset=utf-8", size: 10 },
  coSignature,
};

describe("document metadata (scripts/lib/metadata.ts)", function () {
  it("accepts valid metadata from an object, JSON text or JSON bytes", function () {
    expect(parseDocumentMetadata(valid)).to.deep.equal(valid);
    expect(parseDocumentMetadata(JSON.stringify(valid))).to.deep.equal(valid);
    expect(parseDocumentMetadata(formatDocumentMetadata(valid))).to.deep.equal(valid);
    expect(checkDocumentMetadata(valid)).to.deep.equal([]);
  });

  it("formats canonically: key order and bytes do not depend on how the object was built", function () {
    const reordered = Object.fromEntries(Object.entries(valid).reverse()) as DocumentMetadata;
    const a = formatDocumentMetadata(valid);
    expect(formatDocumentMetadata(reordered)).to.deep.equal(a);
    const text = new TextDecoder().decode(a);
    expect(text.startsWith(`{\n  "schema": "${DOCUMENT_SCHEMA_ID}",\n  "title"`)).to.equal(true);
    expect(text.endsWith("}\n")).to.equal(true);
  });

  it("lists every failing field in one plain message", function () {
    const bad = {
      ...valid,
      title: { kk: "", ru: "Приказ" },
      type: "memo",
      dates: { adopted: "01.03.2026" },
      body: { ...valid.body, sha256: "0xABC" },
      coSignature: { ...valid.coSignature, algorithm: "ML-DSA-44", signature: "!!" },
    };
    let error: unknown;
    try {
      parseDocumentMetadata(bad);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MetadataError);
    const problems = (error as MetadataError).problems;
    expect(problems).to.include.members([
      "title.kk: must be a non-empty string",
      "title.en: is missing",
      "type: must be one of decree, law, budget, order, certificate, notice",
      "dates.adopted: must be an ISO date (YYYY-MM-DD)",
      "body.sha256: must be 0x and 64 lowercase hex digits",
      'coSignature.algorithm: must be "ML-DSA-65"',
    ]);
    expect(problems.some((p) => p.startsWith("coSignature.signature: "))).to.equal(true);
    expect((error as Error).message).to.match(/^Malformed document metadata: title\.kk: must be a non-empty string; /);
  });

  it("rejects unknown fields, so personal data has nowhere to go", function () {
    expect(checkDocumentMetadata({ ...valid, signedBy: "A. Person" })).to.deep.equal(["(root): unknown field(s) signedBy"]);
    expect(checkDocumentMetadata({ ...valid, agency: { ...valid.agency, head: "A. Person" } })).to.deep.equal([
      "agency: unknown field(s) head",
    ]);
  });

  it("says plainly when the input is not JSON", function () {
    expect(() => parseDocumentMetadata("{not json")).to.throw(MetadataError, /^Malformed document metadata: \(root\): not JSON/);
  });

  it("maps types to the contract's enum values", function () {
    expect(documentTypeIndex("decree")).to.equal(0);
    expect(documentTypeIndex("budget")).to.equal(2);
    expect(documentTypeIndex("notice")).to.equal(5);
  });
});
