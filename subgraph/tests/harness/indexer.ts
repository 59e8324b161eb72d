/**
 * TEST HOST (not graph-node): runs the WASM mappings of `graph build` (build/subgraph.yaml) over recorded
 * blocks and logs, the way graph-node triggers them:
 * - a log triggers every data source whose `source.address` is the log's address (from `startBlock` on) and
 *   whose event handler's signature hashes to topic 0; triggers run in log-index order within a block;
 * - each trigger runs on a FRESH instance of the module (`_start` first, then the handler), as graph-node does;
 * - the event is passed as graph-node's ethereum.Event (Block with 15 fields, Transaction with 9, parameters
 *   decoded with the ABI of the data source, receipt null);
 * - a failing handler aborts the block: the store is rolled back to the start of the block and the error thrown.
 * See host.ts for the host functions it implements; by default a decode that fails throws (see `IndexerOptions`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { type EventFragment, Indexed, Interface, id as keccakId } from "ethers";
import yaml from "js-yaml";

import type { RawBlock, RawLog, RawTransaction } from "./chain.js";
import { type MappingLog, type TriggerContext, buildImports, toEthereumValue } from "./host.js";
import { AscHeap, type MappingExports, type StoreValue } from "./memory.js";
import { EntityStore, Schema } from "./store.js";

interface ManifestEventHandler {
  event: string;
  handler: string;
}
interface ManifestDataSource {
  kind: string;
  name: string;
  network: string;
  context?: Record<string, { type: string; data: string | number | boolean }>;
  source: { address: string; abi: string; startBlock?: number };
  mapping: { apiVersion: string; file: string; abis: { name: string; file: string }[]; eventHandlers?: ManifestEventHandler[] };
}
interface Manifest {
  specVersion: string;
  schema: { file: string };
  dataSources: ManifestDataSource[];
}

/** A data source ready to run. */
export interface LoadedDataSource {
  name: string;
  network: string;
  address: string;
  startBlock: number;
  apiVersion: string;
  module: WebAssembly.Module;
  abi: Interface;
  context: ReadonlyMap<string, StoreValue>;
  /** topic0 → handler */
  handlers: Map<string, { event: string; handler: string; fragment: EventFragment }>;
}

export class MappingError extends Error {}

export interface IndexerOptions {
  /**
   * "throw" (default): an ethereum.decode that fails fails the trigger, so a broken decode fails the test.
   * "null": graph-node's behaviour (the mapping gets null), for tests of calldata that must not decode.
   */
  decodeFailures?: "throw" | "null";
}

/** The topic 0 of a manifest event signature (`indexed` markers dropped). */
export const topicOf = (signature: string): string => keccakId(signature.replaceAll("indexed ", ""));

function contextEntity(context: ManifestDataSource["context"]): Map<string, StoreValue> {
  const out = new Map<string, StoreValue>();
  for (const [key, entry] of Object.entries(context ?? {})) {
    if (entry.type === "String") out.set(key, { kind: "String", value: String(entry.data) });
    else if (entry.type === "Bool") out.set(key, { kind: "Bool", value: Boolean(entry.data) });
    else if (entry.type === "Int") out.set(key, { kind: "Int", value: Number(entry.data) });
    else if (entry.type === "BigInt") out.set(key, { kind: "BigInt", value: BigInt(entry.data) });
    else if (entry.type === "Bytes") out.set(key, { kind: "Bytes", value: String(entry.data).toLowerCase() });
    else throw new Error(`context ${key}: type ${entry.type} not supported by the test host`);
  }
  return out;
}

/** Compiled modules by file: compiling is the slow part of loading, and instances are per trigger anyway. */
const compiled = new Map<string, WebAssembly.Module>();
function compile(file: string): WebAssembly.Module {
  let module = compiled.get(file);
  if (!module) {
    module = new WebAssembly.Module(readFileSync(file));
    compiled.set(file, module);
  }
  return module;
}

const hexNumber = (hex: string | undefined): bigint => (hex === undefined ? 0n : BigInt(hex));

export class Indexer {
  readonly store: EntityStore;
  readonly logs: MappingLog[] = [];
  readonly dataSources: LoadedDataSource[];
  /** Triggers run and the time spent in them. */
  readonly stats = { triggers: 0, milliseconds: 0 };
  /** Every ethereum.decode that failed ("<types> does not decode from <n> bytes: <why>"), in both modes. */
  readonly decodeFailures: string[] = [];
  private readonly decodeFailureMode: "throw" | "null";
  private lastBlock = -1;

  private constructor(buildDir: string, manifest: Manifest, options: IndexerOptions) {
    this.decodeFailureMode = options.decodeFailures ?? "throw";
    this.store = new EntityStore(new Schema(path.join(buildDir, manifest.schema.file)));
    this.dataSources = manifest.dataSources.map((ds) => {
      if (ds.kind !== "ethereum/contract") throw new Error(`data source ${ds.name}: kind ${ds.kind} not supported`);
      const abiFile = ds.mapping.abis.find((a) => a.name === ds.source.abi)?.file;
      if (!abiFile) throw new Error(`data source ${ds.name}: no ABI named ${ds.source.abi}`);
      const abi = new Interface(readFileSync(path.join(buildDir, abiFile), "utf8"));
      const handlers = new Map<string, { event: string; handler: string; fragment: EventFragment }>();
      for (const h of ds.mapping.eventHandlers ?? []) {
        const topic = topicOf(h.event);
        const fragment = abi.getEvent(topic);
        if (!fragment) throw new Error(`data source ${ds.name}: ABI has no event ${h.event}`);
        handlers.set(topic, { event: h.event, handler: h.handler, fragment });
      }
      return {
        name: ds.name,
        network: ds.network,
        address: ds.source.address.toLowerCase(),
        startBlock: ds.source.startBlock ?? 0,
        apiVersion: ds.mapping.apiVersion,
        module: compile(path.join(buildDir, ds.mapping.file)),
        abi,
        context: contextEntity(ds.context),
        handlers,
      };
    });
  }

  /** Loads `build/subgraph.yaml` and compiles its modules. */
  static load(buildDir: string, options: IndexerOptions = {}): Indexer {
    const manifest = yaml.load(readFileSync(path.join(buildDir, "subgraph.yaml"), "utf8")) as Manifest;
    return new Indexer(buildDir, manifest, options);
  }

  dataSource(name: string): LoadedDataSource {
    const ds = this.dataSources.find((d) => d.name === name);
    if (!ds) throw new Error(`no data source ${name}`);
    return ds;
  }

  /**
   * Indexes one block: the logs must be that block's logs (any order: sorted by log index here). Blocks must
   * come in increasing order. On a handler error the block's changes are rolled back and the error rethrown.
   */
  processBlock(block: RawBlock, logs: readonly RawLog[]): void {
    const number = Number(block.number);
    if (number <= this.lastBlock) throw new Error(`block ${number} after block ${this.lastBlock}: blocks must increase`);
    const snapshot = this.store.snapshot();
    const logCount = this.logs.length;
    const writtenInBlock = new Set<string>();
    try {
      const sorted = [...logs].sort((a, b) => Number(BigInt(a.logIndex) - BigInt(b.logIndex)));
      for (const log of sorted) {
        if (BigInt(log.blockNumber) !== BigInt(block.number)) throw new Error(`log of block ${log.blockNumber} fed with block ${number}`);
        if (log.removed) continue;
        for (const ds of this.dataSources) {
          if (ds.address !== log.address.toLowerCase() || number < ds.startBlock) continue;
          const handler = ds.handlers.get((log.topics[0] ?? "").toLowerCase());
          if (!handler) continue;
          this.runTrigger(ds, handler.handler, handler.fragment, block, log, sorted, writtenInBlock);
        }
      }
      this.lastBlock = number;
    } catch (error) {
      this.store.restore(snapshot);
      this.logs.length = logCount;
      throw error;
    }
  }

  /** Indexes blocks with their logs (logs of other blocks are ignored per block). */
  processBlocks(blocks: readonly RawBlock[], logs: readonly RawLog[]): void {
    const byBlock = new Map<string, RawLog[]>();
    for (const log of logs) {
      const key = BigInt(log.blockNumber).toString();
      const list = byBlock.get(key) ?? [];
      list.push(log);
      byBlock.set(key, list);
    }
    for (const block of blocks) this.processBlock(block, byBlock.get(BigInt(block.number).toString()) ?? []);
  }

  private runTrigger(
    ds: LoadedDataSource,
    handlerName: string,
    fragment: EventFragment,
    block: RawBlock,
    log: RawLog,
    blockLogs: readonly RawLog[],
    writtenInBlock: Set<string>,
  ): void {
    const started = performance.now();
    const trigger: TriggerContext = {
      dataSource: { name: ds.name, address: ds.address, network: ds.network, context: ds.context },
      handler: handlerName,
      block: Number(block.number),
      writtenInBlock,
      decodeFailures: { mode: this.decodeFailureMode, seen: this.decodeFailures },
    };
    let heap: AscHeap | undefined;
    const getHeap = (): AscHeap => {
      if (!heap) throw new Error("host function called before the instance exists");
      return heap;
    };
    const imports = buildImports(ds.module, getHeap, this.store, trigger, this.logs);
    const instance = new WebAssembly.Instance(ds.module, imports);
    const exports = instance.exports as unknown as MappingExports;
    heap = new AscHeap(exports);
    const handler = exports[handlerName];
    if (typeof handler !== "function") throw new MappingError(`${ds.name} exports no handler ${handlerName}`);
    try {
      exports._start();
      const event = this.writeEvent(heap, ds, fragment, block, log, blockLogs);
      (handler as (event: number) => void)(event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new MappingError(
        `${ds.name}.${handlerName} failed at block ${Number(block.number)}, log ${Number(log.logIndex)}: ${message}`,
        { cause: error },
      );
    } finally {
      this.stats.triggers += 1;
      this.stats.milliseconds += performance.now() - started;
    }
  }

  /** Writes graph-node's ethereum.Event for `log` into the instance's memory. */
  private writeEvent(
    heap: AscHeap,
    ds: LoadedDataSource,
    fragment: EventFragment,
    block: RawBlock,
    log: RawLog,
    blockLogs: readonly RawLog[],
  ): number {
    const decoded = ds.abi.decodeEventLog(fragment, log.data, log.topics);
    const params = fragment.inputs.map((input, i) => {
      // Indexed dynamic values arrive as their topic hash (ethers Indexed), as bytes32 in graph-node.
      const raw: unknown = decoded[i];
      if (Indexed.isIndexed(raw) && raw.hash === null) throw new Error(`indexed parameter ${input.name} of ${fragment.name} has no topic hash`);
      const value = Indexed.isIndexed(raw)
        ? heap.writeEthereumValue({ kind: "fixedBytes", value: raw.hash as string })
        : heap.writeEthereumValue(toEthereumValue(input, raw));
      return heap.writePointers("EventParam", [heap.writeString(input.name), value]);
    });
    const parameters = heap.writeArray("ArrayEventParam", params);

    const blockPtr = heap.writePointers("EthereumBlock", [
      heap.writeHex(block.hash),
      heap.writeHex(block.parentHash),
      heap.writeHex(block.sha3Uncles),
      heap.writeHex(block.miner),
      heap.writeHex(block.stateRoot),
      heap.writeHex(block.transactionsRoot),
      heap.writeHex(block.receiptsRoot),
      heap.writeBigInt(hexNumber(block.number)),
      heap.writeBigInt(hexNumber(block.gasUsed)),
      heap.writeBigInt(hexNumber(block.gasLimit)),
      heap.writeBigInt(hexNumber(block.timestamp)),
      heap.writeBigInt(hexNumber(block.difficulty)),
      heap.writeBigInt(hexNumber(block.totalDifficulty)),
      block.size === undefined ? 0 : heap.writeBigInt(hexNumber(block.size)),
      block.baseFeePerGas === undefined ? 0 : heap.writeBigInt(hexNumber(block.baseFeePerGas)),
    ]);

    const tx: RawTransaction | undefined = block.transactions.find((t) => t.hash.toLowerCase() === log.transactionHash.toLowerCase());
    if (!tx) throw new Error(`block ${Number(block.number)} has no transaction ${log.transactionHash}`);
    const transactionPtr = heap.writePointers("EthereumTransaction", [
      heap.writeHex(tx.hash),
      heap.writeBigInt(hexNumber(tx.transactionIndex)),
      heap.writeHex(tx.from),
      tx.to === null ? 0 : heap.writeHex(tx.to),
      heap.writeBigInt(hexNumber(tx.value)),
      heap.writeBigInt(hexNumber(tx.gas)),
      heap.writeBigInt(hexNumber(tx.gasPrice ?? tx.maxFeePerGas)),
      heap.writeHex(tx.input),
      heap.writeBigInt(hexNumber(tx.nonce)),
    ]);

    const transactionLogIndex = blockLogs
      .filter((l) => l.transactionHash === log.transactionHash)
      .findIndex((l) => l.logIndex === log.logIndex);
    if (transactionLogIndex < 0) throw new Error(`log ${Number(log.logIndex)} is not among the logs of its transaction ${log.transactionHash}`);
    return heap.writePointers("EthereumEvent", [
      heap.writeHex(log.address),
      heap.writeBigInt(hexNumber(log.logIndex)),
      heap.writeBigInt(BigInt(transactionLogIndex)),
      0, // logType: null
      blockPtr,
      transactionPtr,
      parameters,
      0, // receipt: null (no handler asks for `receipt: true`)
    ]);
  }

  /** Mapping log lines of a level (e.g. WARNING). */
  messages(level: MappingLog["level"]): string[] {
    return this.logs.filter((l) => l.level === level).map((l) => l.message);
  }
}
