/**
 * `gov verify-extract`: a citizen extract signed by the API's ML-DSA-65 key (core/src/extract.ts) checks out
 * offline against the published key; any change to it, or another key, is caught. No chain is involved.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";

import { EXTRACT_SCHEMA, apiKeysFromSeed, signExtract } from "@government-dao/core/extract";
import { runGov } from "../../scripts/lib/gov/program.js";

describe("gov verify-extract", function () {
  const keys = apiKeysFromSeed(new Uint8Array(32).fill(7));
  const other = apiKeysFromSeed(new Uint8Array(32).fill(8));
  const keyJson = (k: typeof keys) => JSON.stringify({ algorithm: "ML-DSA-65", publicKey: Buffer.from(k.publicKey).toString("base64"), publicKeySha256: k.publicKeySha256 });
  const body = { schema: EXTRACT_SCHEMA, chainId: 31337, document: { id: `0x${"ab".repeat(32)}`, status: "ACTIVE" }, extractedAt: 1_800_000_000 };
  let dir = "";

  async function gov(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runGov(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }
  const file = async (name: string, text: string) => {
    const target = path.join(dir, name);
    await writeFile(target, text);
    return target;
  };

  before(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-extract-"));
  });
  after(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  it("accepts an extract signed by the published key (exit 0)", async function () {
    const extract = await file("ok.json", JSON.stringify(signExtract(body, keys)));
    const key = await file("key.json", keyJson(keys));
    const result = await gov("verify-extract", extract, "--signing-key", key);
    expect(result.code).to.equal(0);
    expect(result.out).to.include("VALID").and.include(body.document.id);
  });

  it("rejects an extract whose content was changed after signing (exit 4)", async function () {
    const signed = signExtract(body, keys);
    const tampered = await file("tampered.json", JSON.stringify({ ...signed, document: { ...body.document, status: "REVOKED" } }));
    const result = await gov("verify-extract", tampered, "--signing-key", await file("key.json", keyJson(keys)));
    expect(result.code).to.equal(4);
    expect(result.out).to.include("INVALID").and.include("does not verify");
  });

  it("rejects an extract signed with another key (exit 4)", async function () {
    const extract = await file("other.json", JSON.stringify(signExtract(body, other)));
    const result = await gov("verify-extract", extract, "--signing-key", await file("key.json", keyJson(keys)));
    expect(result.code).to.equal(4);
    expect(result.out).to.include("signed with another key");
  });

  it("gives one plain line for a missing file, non-JSON and a key file that is not the API's key", async function () {
    const key = await file("key.json", keyJson(keys));
    const missing = await gov("verify-extract", path.join(dir, "nope.json"), "--signing-key", key);
    expect([missing.code, missing.err]).to.deep.equal([1, `Error: Cannot read the extract ${path.join(dir, "nope.json")}: no such file.`]);
    const notJson = await gov("verify-extract", await file("bad.json", "not json"), "--signing-key", key);
    expect(notJson.code).to.equal(1);
    expect(notJson.err).to.match(/^Error: The extract .* is not JSON\.$/);
    const badKey = await gov("verify-extract", await file("ok2.json", JSON.stringify(signExtract(body, keys))), "--signing-key", await file("k2.json", "{}"));
    expect(badKey.code).to.equal(1);
    expect(badKey.err).to.include("is not the API's key JSON");
  });
});
