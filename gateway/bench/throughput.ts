/**
 * `npm run bench -w @government-dao/gateway`: documents per second through the gateway, beside the raw `issue`
 * transaction rate on the same anvil, in one run.
 *   1. raw: the registrar key sends {@link DOCUMENTS} `issue` transactions itself (metadata co-signed beforehand, the
 *      same way the gateway does it; consecutive nonces, no waiting between sends), until every receipt is in;
 *   2. gateway: a simulated agency system posts {@link DOCUMENTS} other documents, {@link CONCURRENCY} at a time,
 *      until each is confirmed (signature check, chain checks, queue, co-signing, storing, submitting, receipts).
 * Prints both rates and their ratio, and rewrites bench/throughput-snapshot.md.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { type Hex, createWalletClient, http, sha256, stringToHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { documentRegistryAbi } from "@government-dao/core/abis";
import type { GatewayHealth } from "@government-dao/core/api/gateway";
import { coSignedMetadata } from "@government-dao/core/co-signed-metadata";
import { openContentStore } from "@government-dao/core/content-store";
import { demoAgencyKeys, keySigner } from "@government-dao/core/cosignature";
import { DEV_ACCOUNT_INDEX, devAccountKey } from "@government-dao/core/dev-accounts";
import { documentTypeIndex } from "@government-dao/core/metadata";
import { documentRequest, startWorld } from "../tests/support/world.ts";

const DOCUMENTS = 500;
const CONCURRENCY = 8;

const world = await startWorld();
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};
try {
  const registrar = privateKeyToAccount(devAccountKey(DEV_ACCOUNT_INDEX.financeRegistrar));
  const wallet = createWalletClient({ account: registrar, transport: http(world.anvil.rpcUrl) });
  const store = openContentStore(world.contentDir);
  const signer = keySigner(demoAgencyKeys(1));

  // 1. Raw transactions.
  const prepared = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const description = documentRequest(i, sha256(stringToHex(`raw ${i}`)));
    const signed = await coSignedMetadata({ ...description, agency: { id: 1, name: "Ministry of Finance" } }, signer, 31337, world.addresses.documents);
    const stored = await store.put(signed.bytes);
    prepared.push({ contentHash: description.contentHash, metadataDigest: stored.digest as Hex, coSignatureDigest: signed.coSignatureDigest as Hex });
  }
  const rawStart = performance.now();
  let nonce = await world.chain.getTransactionCount({ address: registrar.address });
  const hashes: Hex[] = [];
  for (const p of prepared) {
    hashes.push(
      await wallet.writeContract({
        chain: null, address: world.addresses.documents as Hex, abi: documentRegistryAbi, functionName: "issue",
        args: [documentTypeIndex("certificate"), 1, p.contentHash, p.metadataDigest, p.coSignatureDigest], nonce: nonce++, gas: 300_000n,
      }),
    );
  }
  for (const hash of hashes) {
    const receipt = await world.chain.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (receipt.status !== "success") throw new Error(`raw issue ${hash} reverted`);
  }
  const rawSeconds = (performance.now() - rawStart) / 1000;

  // 2. Through the gateway.
  const gatewayStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < DOCUMENTS) {
        const i = next++;
        const response = await world.call(1, {
          method: "POST", path: "/v1/agencies/1/documents", body: documentRequest(i, sha256(stringToHex(`gateway ${i}`))), idempotencyKey: `bench-${String(i).padStart(6, "0")}`,
        });
        if (response.status !== 202) throw new Error(`gateway answered ${response.status}: ${await response.text()}`);
        await response.body?.cancel();
      }
    }),
  );
  const acceptedSeconds = (performance.now() - gatewayStart) / 1000;
  let health: GatewayHealth;
  for (;;) {
    health = (await (await fetch(`${world.gateway.url}/health`)).json()) as GatewayHealth;
    if (health.queue.queued + health.queue.submitted === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const gatewaySeconds = (performance.now() - gatewayStart) / 1000;
  if (health.queue.confirmed !== DOCUMENTS || health.queue.failed !== 0) throw new Error(`gateway queue ended ${JSON.stringify(health.queue)}`);

  const rawRate = DOCUMENTS / rawSeconds;
  const gatewayRate = DOCUMENTS / gatewaySeconds;
  report(`| what | documents | seconds | documents/s |`);
  report(`|---|---:|---:|---:|`);
  report(`| raw \`issue\` transactions (registrar key, pre-signed metadata) | ${DOCUMENTS} | ${rawSeconds.toFixed(2)} | ${rawRate.toFixed(1)} |`);
  report(`| through the gateway (${CONCURRENCY} concurrent clients, confirmed) | ${DOCUMENTS} | ${gatewaySeconds.toFixed(2)} | ${gatewayRate.toFixed(1)} |`);
  report(`| of which accepting the ${DOCUMENTS} signed requests (202) | ${DOCUMENTS} | ${acceptedSeconds.toFixed(2)} | ${(DOCUMENTS / acceptedSeconds).toFixed(1)} |`);
  report(`| ratio raw / gateway | | | ${(rawRate / gatewayRate).toFixed(2)}× |`);
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "throughput-snapshot.md");
  await writeFile(
    file,
    `# Gateway throughput snapshot\n\nWritten by \`npm run bench -w @government-dao/gateway\` (gateway/bench/throughput.ts) on ${new Date().toISOString().slice(0, 10)}: anvil with a block per transaction, PGlite, one run.\n\n${lines.join("\n")}\n`,
  );
} finally {
  await world.close();
}
