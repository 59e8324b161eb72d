/**
 * `gov verify-extract` checks a citizen extract against the chain, never against the API that signed it: the
 * signature under the key the extract carries, that key's hash and validity period in the SigningKeyRegistry, and
 * the named block's time. A real anvil with the demo deployment (its genesis extract key is the demo seed's); the
 * Timelock is impersonated to register and retire keys, as a passed proposal would.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { EXTRACT_KEY_PURPOSE, EXTRACT_SCHEMA_V1, type ApiKeys, apiKeysFromSeed, canonicalJson, demoExtractSeed, extractMessage, signExtract } from "@government-dao/core/extract";
import { toBase64 } from "@government-dao/core/base64";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { type SystemAddresses, deploySystem } from "../../scripts/lib/deploy-system.js";
import { runGov } from "../../scripts/lib/gov/program.js";

describe("gov verify-extract", function () {
  this.timeout(120_000);
  const demo = apiKeysFromSeed(demoExtractSeed());
  const unregistered = apiKeysFromSeed(new Uint8Array(32).fill(8));
  const next = apiKeysFromSeed(new Uint8Array(32).fill(9));
  const document = { id: `0x${"ab".repeat(32)}`, status: "ACTIVE" };
  let anvil: Anvil;
  let connection: NetworkConnection;
  let addresses: SystemAddresses;
  let deploymentId = "";
  let dir = "";

  const rpc = async (method: string, params: unknown[]): Promise<unknown> => {
    const response = await fetch(anvil.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    const body = (await response.json()) as { result?: unknown; error?: { message: string } };
    if (body.error) throw new Error(body.error.message);
    return body.result;
  };
  const latest = async (): Promise<{ number: number; timestamp: number }> => {
    const block = (await rpc("eth_getBlockByNumber", ["latest", false])) as { number: string; timestamp: string };
    return { number: Number(block.number), timestamp: Number(block.timestamp) };
  };
  /** Sends SigningKeyRegistry.<fn>(args) as the Timelock (impersonated): what a passed proposal executes. */
  async function asTimelock(fn: "registerKey" | "retireKey", args: readonly unknown[]): Promise<void> {
    const { ethers } = connection;
    await rpc("anvil_impersonateAccount", [addresses.timelock]);
    await rpc("anvil_setBalance", [addresses.timelock, "0x56BC75E2D63100000"]);
    const registry = await ethers.getContractAt("SigningKeyRegistry", addresses.signingKeys, await ethers.getSigner(addresses.timelock));
    await (await registry.getFunction(fn)(...args)).wait();
  }
  const mine = (seconds: number) => rpc("evm_increaseTime", [seconds]).then(() => rpc("evm_mine", []));

  /** An extract of `document` signed by `keys`, naming key `id`, at `block` (the chain's latest by default). */
  async function extractFile(name: string, keys: ApiKeys, id: number, block?: { number: number; timestamp: number }, chainId = 31337): Promise<string> {
    const signed = signExtract({ documentRegistry: addresses.documents, document }, { chainId, key: { registry: addresses.signingKeys.toLowerCase(), id, sha256: keys.publicKeySha256 }, block: block ?? (await latest()) }, keys);
    return file(name, JSON.stringify(signed));
  }
  async function file(name: string, text: string): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, text);
    return target;
  }
  async function gov(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runGov(["--rpc", anvil.rpcUrl, "--deployment", deploymentId, ...argv], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  before(async function () {
    anvil = await startAnvil({ port: await freePort() });
    connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
    deploymentId = `verify-extract-test-${process.pid}-${Date.now()}`;
    addresses = await deploySystem(connection, deploymentId);
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-extract-"));
  });
  after(async function () {
    await connection?.close().catch(() => undefined);
    await anvil?.stop();
    await rm(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("accepts an extract signed by the key the deployment registered, naming its id and block (exit 0)", async function () {
    const block = await latest();
    const result = await gov("verify-extract", await extractFile("ok.json", demo, 1, block));
    expect(result.code, result.err).to.equal(0);
    expect(result.out).to.equal(
      `VALID: the extract of document ${document.id} (status ACTIVE) is signed by key 1 of the SigningKeyRegistry ${addresses.signingKeys}, valid at block ${block.number} (${new Date(block.timestamp * 1000).toISOString().replace(".000Z", "Z")}).`,
    );
  });

  it("refuses an extract signed by a key governance never registered, whatever the API serves (exit 4)", async function () {
    // What the review found: a compromised API serves its own key at /signing-key, and the CLI used to trust it.
    const claimingId1 = await gov("verify-extract", await extractFile("claims-1.json", unregistered, 1));
    expect([claimingId1.code, claimingId1.out]).to.deep.equal([4, `INVALID: key 1 on chain is another key (${demo.publicKeySha256}).`]);
    const claimingId7 = await gov("verify-extract", await extractFile("claims-7.json", unregistered, 7));
    expect([claimingId7.code, claimingId7.out]).to.deep.equal([4, "INVALID: no key 7 is registered on chain."]);
  });

  it("refuses an extract changed after signing, or carrying another key than it names (exit 4)", async function () {
    const signed = JSON.parse(await import("node:fs/promises").then((fs) => extractFile("base.json", demo, 1).then((f) => fs.readFile(f, "utf8")))) as Record<string, unknown>;
    const tampered = await gov("verify-extract", await file("tampered.json", JSON.stringify({ ...signed, document: { ...document, status: "REVOKED" } })));
    expect([tampered.code, tampered.out]).to.deep.equal([4, "INVALID: the signature does not verify: the extract was changed or is not from this key."]);
    const swapped = { ...signed, signature: { ...(signed.signature as object), publicKey: toBase64(unregistered.publicKey) } };
    const otherKey = await gov("verify-extract", await file("swapped.json", JSON.stringify(swapped)));
    expect([otherKey.code, otherKey.out]).to.deep.equal([4, "INVALID: the public key it carries is not the key it names."]);
  });

  it("refuses a block time the chain does not have, another chain, and a block the chain has not reached (exit 4, 1)", async function () {
    const block = await latest();
    const wrongTime = await gov("verify-extract", await extractFile("time.json", demo, 1, { number: block.number, timestamp: block.timestamp + 3600 }));
    expect([wrongTime.code, wrongTime.out]).to.deep.equal([4, `INVALID: block ${block.number} has time ${block.timestamp} on chain, not ${block.timestamp + 3600}.`]);
    const otherChain = await gov("verify-extract", await extractFile("chain.json", demo, 1, block, 7));
    expect([otherChain.code, otherChain.out]).to.deep.equal([4, "INVALID: the extract is for chain 7, not this chain (31337)."]);
    const future = await gov("verify-extract", await extractFile("future.json", demo, 1, { number: block.number + 1000, timestamp: block.timestamp }));
    expect(future.code).to.equal(1);
    expect(future.err).to.equal(`Error: The extract names block ${block.number + 1000}, which this chain does not have (head ${block.number}).`);
  });

  it("keeps what a rotated key signed verifiable, refuses what it signed after retirement, and voids a compromised key", async function () {
    const before = await latest();
    const old = await extractFile("before-rotation.json", demo, 1, before);
    await mine(60);
    await asTimelock("registerKey", [EXTRACT_KEY_PURPOSE, next.publicKeySha256]);
    await asTimelock("retireKey", [1, false]);
    const retiredAt = await latest();
    await mine(60);
    expect((await gov("verify-extract", old)).code, "signed before the rotation").to.equal(0);
    const late = await gov("verify-extract", await extractFile("after-rotation.json", demo, 1));
    expect(late.code).to.equal(4);
    expect(late.out).to.match(new RegExp(`^INVALID: key 1 was retired before the extract's block time \\(${retiredAt.timestamp} <= \\d+\\)\\.$`));
    const rotated = await gov("verify-extract", await extractFile("new-key.json", next, 2));
    expect(rotated.code, rotated.out).to.equal(0);
    expect(rotated.out).to.contain("signed by key 2 of the SigningKeyRegistry");
    // Found leaked: everything key 1 ever signed is void, the extract from before the rotation too.
    await asTimelock("retireKey", [1, true]);
    expect(await gov("verify-extract", old).then((r) => [r.code, r.out])).to.deep.equal([4, "INVALID: key 1 was retired as compromised: nothing it signed is valid."]);
  });

  it("checks a schema-1 extract only against a key file the reader supplies, and says it is not pinned", async function () {
    const body = { schema: EXTRACT_SCHEMA_V1, chainId: 31337, document, extractedAt: 1_800_000_000 };
    const v1 = { ...body, signature: { algorithm: "ML-DSA-65", publicKeySha256: unregistered.publicKeySha256, value: toBase64(ml_dsa65.sign(extractMessage(body), unregistered.secretKey)) } };
    expect(canonicalJson(v1)).to.contain(EXTRACT_SCHEMA_V1);
    const extract = await file("v1.json", JSON.stringify(v1));
    const key = await file("key.json", JSON.stringify({ algorithm: "ML-DSA-65", publicKey: toBase64(unregistered.publicKey) }));
    const unpinned = await gov("verify-extract", extract, "--signing-key", key);
    expect(unpinned.code).to.equal(0);
    expect(unpinned.out).to.match(/^VALID, NOT PINNED: the extract of document 0x(?:ab)+ \(status ACTIVE\) is signed by the key in .*key\.json; it is a schema-1 extract/);
    const without = await gov("verify-extract", extract);
    expect([without.code, without.out]).to.deep.equal([4, `INVALID: a ${EXTRACT_SCHEMA_V1} extract names no key on chain: give the key it was signed with (--signing-key).`]);
  });

  it("gives one plain line for a missing file, non-JSON and a key file that is not the API's key", async function () {
    const missing = await gov("verify-extract", path.join(dir, "nope.json"));
    expect([missing.code, missing.err]).to.deep.equal([1, `Error: Cannot read the extract ${path.join(dir, "nope.json")}: no such file.`]);
    const notJson = await gov("verify-extract", await file("bad.json", "not json"));
    expect(notJson.code).to.equal(1);
    expect(notJson.err).to.match(/^Error: The extract .* is not JSON\.$/);
    const badKey = await gov("verify-extract", await extractFile("ok2.json", demo, 1), "--signing-key", await file("k2.json", "{}"));
    expect(badKey.code).to.equal(1);
    expect(badKey.err).to.include("is not the API's key JSON");
  });
});
