/**
 * `npm run bench -w indexer`: the indexer's numbers, measured on a real anvil in one run.
 *  1. backfill of 10,000 events (native deposits, 100 per block, on top of the demo seed) by `ponder start`
 *     from nothing to the head, against raw `eth_getLogs` + viem `decodeEventLog` of the same logs (ratio);
 *  2. head lag: 30 blocks, one every 250 ms, each with one event; lag = chain head − indexed block, sampled every 50 ms;
 *  3. the API on loopback (autocannon) for the documents list and the verify endpoint, with the answer cache on (the
 *     default) and off (`API_ANSWER_CACHE_MB=0`, the same indexer restarted), side by side: latency at 200
 *     requests/s (10 connections, at most 2,000 requests or 10 s; p50 / p95) and the most it answers (50
 *     connections, 10 s; ratio on/off);
 *  4. RSS of the `ponder start` process (current and peak).
 * Prints a table and rewrites bench/indexer-snapshot.md.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { type Abi, type Log, decodeEventLog } from "viem";

import { freePort } from "@government-dao/devchain/anvil";
import { cast } from "@government-dao/devchain/demo-cast";
import { abis } from "@government-dao/core/abis";
import { INDEXED_CONTRACTS } from "@government-dao/core/contracts";
import { chainHead, indexedBlock, startIndexer } from "../lib/run.js";
import { startTestChain } from "../tests/support/chain.js";
import { depositBurst, rpc } from "../tests/support/rpc.js";
import { memory, percentile, runLoad } from "./load.js";

const EVENTS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const chain = await startTestChain();
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};
try {
  const url = chain.anvil.rpcUrl;
  // 100 per block: blocks of 1,000 full transactions made anvil's eth_getBlockByNumber(…, true) exceed Ponder's
  // 10 s request timeout under 8 parallel requests on a 2-core machine (the bench then never reached the head).
  await depositBurst(url, chain.addresses.escrow, cast.treasurer, EVENTS, 100);
  const head = await chainHead(url);

  // Raw: every log of our contracts, fetched in one eth_getLogs and decoded with viem.
  const contracts = INDEXED_CONTRACTS.map((c) => [c.name, chain.addresses[c.key]] as const);
  const abiByAddress = new Map(contracts.map(([name, address]) => [address.toLowerCase(), abis[name as keyof typeof abis] as Abi]));
  const rawStart = performance.now();
  const logs = await rpc<Log[]>(url, "eth_getLogs", [{ fromBlock: "0x0", toBlock: "latest", address: contracts.map(([, a]) => a) }]);
  let decoded = 0;
  for (const log of logs) {
    const abi = abiByAddress.get(log.address.toLowerCase());
    if (!abi) continue;
    try {
      decodeEventLog({ abi, data: log.data, topics: log.topics as [`0x${string}`, ...`0x${string}`[]] });
      decoded++;
    } catch {
      // an event no handler indexes (none expected)
    }
  }
  const rawMs = performance.now() - rawStart;

  const backfillStart = performance.now();
  // The rate limit off: one loopback client sends all the load, and the bench measures the server.
  const start = (fresh: boolean, env: Record<string, string> = {}) =>
    freePort().then((port) => startIndexer({ rpcUrl: url, deploymentDir: chain.deploymentDir, port, fresh, stateDir: path.join(chain.dir, "indexer"), contentDir: chain.contentDir, pollingMs: 200, timeoutMs: 600_000, env: { API_RATE_LIMIT: "0", ...env } }));
  let indexer = await start(true);
  const backfillMs = performance.now() - backfillStart;
  try {
    report(`| backfill | ${logs.length.toLocaleString("en")} logs (${decoded.toLocaleString("en")} decoded), ${head} blocks | ponder start → head ${(backfillMs / 1000).toFixed(1)} s | eth_getLogs + viem decode ${(rawMs / 1000).toFixed(2)} s | ratio ${(backfillMs / rawMs).toFixed(0)}× |`);

    // Head lag while blocks arrive.
    const lags: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [chainAt, indexedAt] = await Promise.all([chainHead(url), indexedBlock(indexer.url)]);
        if (indexedAt >= 0) lags.push(Math.max(0, chainAt - indexedAt));
        await sleep(50);
      }
    })();
    let caughtStart = 0;
    for (let i = 0; i < 30; i++) {
      await depositBurst(url, chain.addresses.escrow, cast.treasurer, 1, 1);
      caughtStart = performance.now();
      if (i < 29) await sleep(250);
    }
    const lastBlock = await chainHead(url);
    while ((await indexedBlock(indexer.url)) < lastBlock) await sleep(20);
    const lastLagMs = performance.now() - caughtStart;
    sampling = false;
    await sampler;
    lags.sort((a, b) => a - b);
    report(`| head lag | 30 blocks, 1 per 250 ms | median ${percentile(lags, 50)} blocks, p95 ${percentile(lags, 95)}, max ${lags.at(-1)} | last block indexed ${lastLagMs.toFixed(0)} ms after it was mined | polling 200 ms |`);

    // The API with its answer cache on, then off (the same data: the indexer restarted on its state).
    const documents = (await (await fetch(`${indexer.url}/api/v1/documents?type=DECREE`)).json()) as { items: { id: string }[] };
    const routes = [["documents list", "/api/v1/documents"], ["verify", `/api/v1/verify/${documents.items[0]?.id}`]] as const;
    const most = new Map<string, number>();
    for (const cache of ["on", "off"] as const) {
      if (cache === "off") {
        await indexer.stop();
        indexer = await start(false, { API_ANSWER_CACHE_MB: "0" });
      }
      for (const [label, route] of routes) {
        const paced = await runLoad({ url: indexer.url, routes: [{ path: route }], connections: 10, overallRate: 200, duration: 10, amount: 2000 });
        report(`| API ${label}, cache ${cache} | ${paced.requests} requests at 200/s target, ${paced.non2xx} non-2xx | p50 ${paced.p50.toFixed(1)} ms | p95 ${paced.p95.toFixed(1)} ms | achieved ${paced.achieved.toFixed(0)} req/s |`);
        const flat = await runLoad({ url: indexer.url, routes: [{ path: route }], connections: 50, duration: 10 });
        const on = most.get(label);
        most.set(label, flat.achieved);
        report(`| API ${label}, cache ${cache}, as fast as it answers | 50 connections, 10 s, ${flat.non2xx} non-2xx, ${flat.errors} errors | ${flat.achieved.toFixed(0)} req/s | p99 ${flat.p99.toFixed(0)} ms | ${on === undefined ? "" : `cache on/off ${(on / flat.achieved).toFixed(1)}×`} |`);
      }
    }
    const mem = memory(indexer.pid);
    report(`| indexer memory | ponder start, PGlite, after the cache-off runs | RSS ${mem.rssMb.toFixed(0)} MB | peak ${mem.peakMb.toFixed(0)} MB | |`);
  } finally {
    await indexer.stop();
  }
} finally {
  await chain.close();
}
const snapshot = [
  "# Indexer bench snapshot",
  "",
  "Written by `npm run bench -w indexer` (indexer/bench/indexer.ts) on the machine that ran it; compare runs on the same machine only.",
  "",
  "| what | load | result | baseline | note |",
  "|---|---|---|---|---|",
  ...lines,
  "",
].join("\n");
await writeFile(path.join(path.dirname(fileURLToPath(import.meta.url)), "indexer-snapshot.md"), snapshot);
