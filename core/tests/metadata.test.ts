import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  type DocumentMetadata,
  DOCUMENT_SCHEMA_ID,
  MetadataError,
  checkDocumentMetadata,
  documentTypeIndex,
  formatDocumentMetadata,
  parseDocumentMetadata,
} from "@government-dao/core/metadata";
import { orderMetadata } from "./support/fixtures.ts";

const valid: DocumentMetadata = orderMetadata;

describe("document metadata (core/src/metadata.ts)", () => {
  it("accepts valid metadata from an object, JSON text or JSON bytes", () => {
    assert.deepEqual(parseDocumentMetadata(valid), valid);
    assert.deepEqual(parseDocumentMetadata(JSON.stringify(valid)), valid);
    assert.deepEqual(parseDocumentMetadata(formatDocumentMetadata(valid)), valid);
    assert.deepEqual(checkDocumentMetadata(valid), []);
  });

  it("formats canonically: key order and bytes do not depend on how the object was built", () => {
    const reordered = Object.fromEntries(Object.entries(valid).reverse()) as DocumentMetadata;
    const a = formatDocumentMetadata(valid);
    assert.deepEqual(formatDocumentMetadata(reordered), a);
    const text = new TextDecoder().decode(a);
    assert.equal(text.startsWith(`{\n  "schema": "${DOCUMENT_SCHEMA_ID}",\n  "title"`), true);
    assert.equal(text.endsWith("}\n"), true);
  });

  it("lists every failing field in one plain message", () => {
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
    assert.ok(error instanceof MetadataError);
    const problems = (error as MetadataError).problems;
    for (const member of [
      "title.kk: must be a non-empty string",
      "title.en: is missing",
      "type: must be one of decree, law, budget, order, certificate, notice",
      "dates.adopted: must be an ISO date (YYYY-MM-DD)",
      "body.sha256: must be 0x and 64 lowercase hex digits",
      'coSignature.algorithm: must be "ML-DSA-65"',
    ]) assert.ok((problems).includes(member), member);
    assert.equal(problems.some((p) => p.startsWith("coSignature.signature: ")), true);
    assert.match((error as Error).message, /^Malformed document metadata: title\.kk: must be a non-empty string; /);
  });

  it("rejects unknown fields, so personal data has nowhere to go", () => {
    assert.deepEqual(checkDocumentMetadata({ ...valid, signedBy: "A. Person" }), ["(root): unknown field(s) signedBy"]);
    assert.deepEqual(checkDocumentMetadata({ ...valid, agency: { ...valid.agency, head: "A. Person" } }), [
      "agency: unknown field(s) head",
    ]);
  });

  it("says plainly when the input is not JSON", () => {
    assert.throws(() => parseDocumentMetadata("{not json"), (e: unknown) => e instanceof MetadataError && /^Malformed document metadata: \(root\): not JSON/.test(e.message));
  });

  it("maps types to the contract's enum values", () => {
    assert.equal(documentTypeIndex("decree"), 0);
    assert.equal(documentTypeIndex("budget"), 2);
    assert.equal(documentTypeIndex("notice"), 5);
  });
});
