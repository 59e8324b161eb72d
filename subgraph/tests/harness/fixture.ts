/**
 * Shared setup of the mapping tests: the compiled subgraph (build/), the recorded scenario
 * (tests/.scenario/scenario.json, written by tests/scenario/run.ts from a real anvil run), and helpers to craft
 * extra blocks and logs for the bad-input tests (encoded with the contracts' own ABIs).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { Interface, zeroPadValue } from "ethers";

import { ABIS_DIR, SCENARIO_FILE, SUBGRAPH_DIR } from "../../scripts/lib/paths.js";
import type { RawBlock, RawLog, ScenarioRecord } from "./chain.js";
import { Indexer, type IndexerOptions } from "./indexer.js";

export const BUILD_DIR = path.join(SUBGRAPH_DIR, "build");

export function loadScenario(): ScenarioRecord {
  if (!existsSync(SCENARIO_FILE)) throw new Error(`Missing ${SCENARIO_FILE}: run "npm run scenario" first.`);
  return JSON.parse(readFileSync(SCENARIO_FILE, "utf8")) as ScenarioRecord;
}

export function loadIndexer(options: IndexerOptions = {}): Indexer {
  if (!existsSync(path.join(BUILD_DIR, "subgraph.yaml"))) throw new Error(`Missing ${BUILD_DIR}: run "npm run build" first.`);
  return Indexer.load(BUILD_DIR, options);
}

/** A fresh indexer that has indexed the whole scenario. */
export function indexScenario(record: ScenarioRecord = loadScenario(), options: IndexerOptions = {}): Indexer {
  const indexer = loadIndexer(options);
  indexer.processBlocks(record.blocks, record.logs);
  return indexer;
}

export function abiOf(contract: string): Interface {
  return new Interface(readFileSync(path.join(ABIS_DIR, `${contract}.json`), "utf8"));
}

/** Builds blocks after the recorded chain, each with one transaction, and logs encoded from event arguments. */
export class ChainExtender {
  private number: number;
  private timestamp: bigint;
  private readonly blocks: RawBlock[] = [];

  constructor(record: ScenarioRecord) {
    const last = record.blocks[record.blocks.length - 1];
    if (!last) throw new Error("empty scenario");
    this.number = Number(last.number);
    this.timestamp = BigInt(last.timestamp);
  }

  /** A new block holding one transaction from `from` to `to`, and its logs built by `events`. */
  block(
    from: string,
    to: string,
    events: { address: string; contract: string; event: string; args: readonly unknown[] }[],
  ): { block: RawBlock; logs: RawLog[] } {
    this.number += 1;
    this.timestamp += 12n;
    const hex = (n: number | bigint) => `0x${n.toString(16)}`;
    const hash = zeroPadValue(hex(0xb10c0000 + this.number), 32);
    const txHash = zeroPadValue(hex(0x7a000000 + this.number), 32);
    const previous = this.blocks[this.blocks.length - 1];
    const block: RawBlock = {
      number: hex(this.number),
      hash,
      parentHash: previous?.hash ?? zeroPadValue("0x01", 32),
      sha3Uncles: zeroPadValue("0x", 32),
      miner: "0x0000000000000000000000000000000000000000",
      stateRoot: zeroPadValue("0x", 32),
      transactionsRoot: zeroPadValue("0x", 32),
      receiptsRoot: zeroPadValue("0x", 32),
      gasUsed: "0x5208",
      gasLimit: "0x1c9c380",
      timestamp: hex(this.timestamp),
      difficulty: "0x0",
      transactions: [
        { hash: txHash, transactionIndex: "0x0", from, to, value: "0x0", gas: "0x7a120", gasPrice: "0x1", input: "0x", nonce: "0x0" },
      ],
    };
    this.blocks.push(block);
    const logs = events.map((e, i): RawLog => {
      const iface = abiOf(e.contract);
      const encoded = iface.encodeEventLog(e.event, e.args);
      return {
        address: e.address,
        topics: encoded.topics,
        data: encoded.data,
        blockNumber: block.number,
        blockHash: hash,
        transactionHash: txHash,
        transactionIndex: "0x0",
        logIndex: hex(i),
      };
    });
    return { block, logs };
  }
}

/** Asserts each expected field of an entity, one by one (so a failure names the field). */
export function expectFields(indexer: Indexer, type: string, id: string, expected: Record<string, unknown>): void {
  const entity = indexer.store.entity(type, id);
  assert.ok(entity, `${type} ${id} is not in the store`);
  for (const [field, value] of Object.entries(expected)) {
    assert.deepStrictEqual(entity[field] ?? null, value, `${type} ${id}: field ${field}`);
  }
}

/** The WARNING lines of blocks after the recorded chain (the scenario's own warnings, such as P7's, excluded). */
export function warningsAfterScenario(indexer: Indexer, record: ScenarioRecord): string[] {
  const last = Number(record.blocks[record.blocks.length - 1]?.number ?? -1);
  return indexer.logs.filter((l) => l.level === "WARNING" && l.block > last).map((l) => l.message);
}

/** The document id of a bytes32 content hash (lower-case 0x-hex). */
export const docId = (hash: string): string => hash.toLowerCase();
