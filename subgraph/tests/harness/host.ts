/**
 * TEST HOST — a re-implementation, for tests, of the host functions graph-node gives a mapping. It is NOT
 * graph-node: no Postgres, no block cache, no reorgs, no eth_call, no IPFS, no gas metering. It exists so the
 * compiled mappings of `graph build` run in Node on real anvil logs (matchstick and graph-node cannot run here).
 *
 * Implemented host functions (import name → behaviour):
 *   abort                                   throws MappingAbort(message, file, line, column)
 *   store.get / store.get_in_block / store.set / store.remove      the schema-checked EntityStore
 *   log.log                                 recorded in `logs`; level CRITICAL (0) throws, as graph-node fails
 *   typeConversion.bytesToHex / bytesToString / bigIntToString / bigIntToHex / stringToH160
 *   bigInt.plus / minus / times / dividedBy / mod / pow / fromString / bitOr / bitAnd / leftShift / rightShift
 *   bigDecimal.toString
 *   crypto.keccak256
 *   ethereum.decode                         ABI decoding (ethers AbiCoder) into ethereum.Value trees
 *   dataSource.address / network / context  from the data source of the trigger (context from the manifest)
 * Any other import links to a function that throws `host function not implemented: <name>`, so a mapping
 * that starts using one fails its test loudly instead of silently doing nothing.
 */
import { AbiCoder, ParamType, getAddress, keccak256 } from "ethers";

import { type AscHeap, type EthereumValue, type StoreValue, hexToBytes } from "./memory.js";
import type { EntityStore } from "./store.js";

/** The names of the implemented host functions (see the header). */
export const IMPLEMENTED_HOST_FUNCTIONS = [
  "abort",
  "store.get",
  "store.get_in_block",
  "store.set",
  "store.remove",
  "log.log",
  "typeConversion.bytesToHex",
  "typeConversion.bytesToString",
  "typeConversion.bigIntToString",
  "typeConversion.bigIntToHex",
  "typeConversion.stringToH160",
  "bigInt.plus",
  "bigInt.minus",
  "bigInt.times",
  "bigInt.dividedBy",
  "bigInt.mod",
  "bigInt.pow",
  "bigInt.fromString",
  "bigInt.bitOr",
  "bigInt.bitAnd",
  "bigInt.leftShift",
  "bigInt.rightShift",
  "bigDecimal.toString",
  "crypto.keccak256",
  "ethereum.decode",
  "dataSource.address",
  "dataSource.network",
  "dataSource.context",
] as const;

export class HostFunctionNotImplemented extends Error {
  constructor(readonly functionName: string) {
    super(`host function not implemented: ${functionName}`);
  }
}

export class MappingAbort extends Error {}

export const LOG_LEVELS = ["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"] as const;
export interface MappingLog {
  level: (typeof LOG_LEVELS)[number];
  message: string;
  dataSource: string;
  handler: string;
  block: number;
}

/** What the host needs to know about the trigger being run. */
export interface TriggerContext {
  dataSource: { name: string; address: string; network: string; context: ReadonlyMap<string, StoreValue> };
  handler: string;
  block: number;
  /** Entity keys ("Type/id") written in the current block, for store.get_in_block. */
  writtenInBlock: Set<string>;
}

/** Converts an ethers-decoded value of ABI type `type` into an ethereum.Value tree, as graph-node does. */
export function toEthereumValue(type: ParamType, value: unknown): EthereumValue {
  const base = type.baseType;
  if (base === "address") return { kind: "address", value: String(value).toLowerCase() };
  if (base === "bool") return { kind: "bool", value: Boolean(value) };
  if (base === "string") return { kind: "string", value: String(value) };
  if (base === "bytes") return { kind: "bytes", value: String(value) };
  if (/^bytes\d+$/.test(base)) return { kind: "fixedBytes", value: String(value) };
  if (/^uint\d*$/.test(base)) return { kind: "uint", value: BigInt(value as bigint) };
  if (/^int\d*$/.test(base)) return { kind: "int", value: BigInt(value as bigint) };
  if (base === "array") {
    const child = type.arrayChildren;
    if (!child || !Array.isArray(value)) throw new Error(`cannot convert array value of ${type.format()}`);
    const items = (value as unknown[]).map((item) => toEthereumValue(child, item));
    return type.arrayLength === -1 ? { kind: "array", value: items } : { kind: "fixedArray", value: items };
  }
  if (base === "tuple") {
    const components = type.components;
    if (!components || !Array.isArray(value)) throw new Error(`cannot convert tuple value of ${type.format()}`);
    return { kind: "tuple", value: components.map((c, i) => toEthereumValue(c, (value as unknown[])[i])) };
  }
  throw new Error(`unsupported ABI type ${type.format()}`);
}

type HostFunction = (...args: number[]) => number | void;

/**
 * The import object for one instance. `heap()` returns the instance's heap (set once it is instantiated).
 */
export function buildImports(
  module: WebAssembly.Module,
  heap: () => AscHeap,
  store: EntityStore,
  trigger: TriggerContext,
  logs: MappingLog[],
): WebAssembly.Imports {
  const h = heap;
  const bigIntOp = (op: (a: bigint, b: bigint) => bigint) => (x: number, y: number) =>
    h().writeBigInt(op(h().readBigInt(x), h().readBigInt(y)));

  const functions: Record<(typeof IMPLEMENTED_HOST_FUNCTIONS)[number], HostFunction> = {
    abort: (message: number, file: number, line: number, column: number) => {
      const text = message ? h().readString(message) : "(no message)";
      const where = file ? h().readString(file) : "?";
      throw new MappingAbort(`mapping aborted: ${text} at ${where}:${line}:${column}`);
    },
    "store.get": (entity: number, id: number) => {
      const data = store.get(h().readString(entity), h().readString(id));
      return data ? h().writeEntity(data) : 0;
    },
    "store.get_in_block": (entity: number, id: number) => {
      const type = h().readString(entity);
      const key = h().readString(id);
      if (!trigger.writtenInBlock.has(`${type}/${key}`)) return 0;
      const data = store.get(type, key);
      return data ? h().writeEntity(data) : 0;
    },
    "store.set": (entity: number, id: number, data: number) => {
      const type = h().readString(entity);
      const key = h().readString(id);
      store.set(type, key, h().readEntity(data), trigger.block);
      trigger.writtenInBlock.add(`${type}/${key}`);
    },
    "store.remove": (entity: number, id: number) => {
      const type = h().readString(entity);
      const key = h().readString(id);
      store.remove(type, key);
      trigger.writtenInBlock.delete(`${type}/${key}`);
    },
    "log.log": (level: number, message: number) => {
      const entry: MappingLog = {
        level: LOG_LEVELS[level] ?? "DEBUG",
        message: h().readString(message),
        dataSource: trigger.dataSource.name,
        handler: trigger.handler,
        block: trigger.block,
      };
      logs.push(entry);
      if (level === 0) throw new MappingAbort(`critical log: ${entry.message}`);
    },
    "typeConversion.bytesToHex": (bytes: number) => h().writeString(h().readHex(bytes)),
    "typeConversion.bytesToString": (bytes: number) =>
      // graph-node drops NUL characters from the UTF-8 text.
      h().writeString(Buffer.from(h().readBytes(bytes)).toString("utf8").replaceAll("\u0000", "")),
    "typeConversion.bigIntToString": (value: number) => h().writeString(h().readBigInt(value).toString()),
    "typeConversion.bigIntToHex": (value: number) => {
      const v = h().readBigInt(value);
      return h().writeString(v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);
    },
    "typeConversion.stringToH160": (text: number) => {
      const s = h().readString(text);
      return h().writeHex(getAddress(s.startsWith("0x") ? s : `0x${s}`).toLowerCase());
    },
    "bigInt.plus": bigIntOp((a, b) => a + b),
    "bigInt.minus": bigIntOp((a, b) => a - b),
    "bigInt.times": bigIntOp((a, b) => a * b),
    "bigInt.dividedBy": bigIntOp((a, b) => {
      if (b === 0n) throw new MappingAbort("bigInt.dividedBy: division by zero");
      return a / b;
    }),
    "bigInt.mod": bigIntOp((a, b) => {
      if (b === 0n) throw new MappingAbort("bigInt.mod: division by zero");
      return a % b;
    }),
    "bigInt.pow": (x: number, exponent: number) => h().writeBigInt(h().readBigInt(x) ** BigInt(exponent)),
    "bigInt.fromString": (text: number) => h().writeBigInt(BigInt(h().readString(text))),
    "bigInt.bitOr": bigIntOp((a, b) => a | b),
    "bigInt.bitAnd": bigIntOp((a, b) => a & b),
    "bigInt.leftShift": (x: number, bits: number) => h().writeBigInt(h().readBigInt(x) << BigInt(bits)),
    "bigInt.rightShift": (x: number, bits: number) => h().writeBigInt(h().readBigInt(x) >> BigInt(bits)),
    "bigDecimal.toString": (value: number) => h().writeString(h().readBigDecimal(value)),
    "crypto.keccak256": (bytes: number) => h().writeHex(keccak256(h().readBytes(bytes))),
    "ethereum.decode": (types: number, data: number) => {
      const typeText = h().readString(types);
      const bytes = h().readBytes(data);
      try {
        const type = ParamType.from(typeText);
        const [decoded] = AbiCoder.defaultAbiCoder().decode([type], bytes);
        return h().writeEthereumValue(toEthereumValue(type, decoded));
      } catch {
        return 0; // graph-node returns null when the data does not decode
      }
    },
    "dataSource.address": () => h().writeBytes(hexToBytes(trigger.dataSource.address)),
    "dataSource.network": () => h().writeString(trigger.dataSource.network),
    "dataSource.context": () => h().writeEntity(trigger.dataSource.context),
  };

  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const entry of WebAssembly.Module.imports(module)) {
    if (entry.kind !== "function") {
      throw new Error(`mapping imports a ${entry.kind} "${entry.module}.${entry.name}": the test host only provides functions`);
    }
    const implemented = (functions as Record<string, HostFunction | undefined>)[entry.name];
    const fn: HostFunction =
      implemented ??
      (() => {
        throw new HostFunctionNotImplemented(entry.name);
      });
    imports[entry.module] ??= {};
    (imports[entry.module] as Record<string, WebAssembly.ImportValue>)[entry.name] = fn;
  }
  return imports;
}

/** The host functions a module imports that this host does not implement. */
export function unimplementedImports(module: WebAssembly.Module): string[] {
  const implemented = new Set<string>(IMPLEMENTED_HOST_FUNCTIONS);
  return WebAssembly.Module.imports(module)
    .filter((entry) => !implemented.has(entry.name))
    .map((entry) => `${entry.module}.${entry.name}`);
}
