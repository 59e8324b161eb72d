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
 *   ethereum.decode                         ABI decoding (ethers AbiCoder) into ethereum.Value trees, of `types` as ONE
 *                                           parameter like graph-node (ethabi `decode(&[type], data)`): a dynamic
 *                                           top-level tuple is read behind a 32-byte offset word. Data that does not
 *                                           decode THROWS (graph-node returns null) unless the trigger allows
 *                                           decode failures (`decodeFailures.mode: "null"`, for bad-input tests);
 *                                           every failure is recorded in `decodeFailures.seen` either way
 *   dataSource.address / network / context  from the data source of the trigger (context from the manifest)
 * Any other import links to a function that throws `host function not implemented: <name>`, so a mapping
 * that starts using one fails its test loudly instead of silently doing nothing. An implemented function that fails
 * (bad pointer, unparsable input, unknown log level…) throws `host function <name> failed: <why>`; nothing is
 * turned into 0 or null silently.
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

/** A host function that failed: names the function and why (the original error is the cause). */
export class HostFunctionError extends Error {
  constructor(
    readonly functionName: string,
    why: string,
    options?: ErrorOptions,
  ) {
    super(`host function ${functionName} failed: ${why}`, options);
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
  /**
   * What ethereum.decode does with data that does not decode: "throw" (the default of the tests: a broken decode
   * fails the test) or "null" (graph-node's behaviour, for tests of undecodable input). Failures are recorded in
   * `seen` ("<types>: <why>") in both modes.
   */
  decodeFailures: { mode: "throw" | "null"; seen: string[] };
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
 * `fn`, with any error it throws (a null pointer, an unparsable number or address…) turned into a HostFunctionError
 * naming `name`. A mapping's own failure (abort, critical log: MappingAbort) and an already named one pass through.
 */
function failingLoudly(name: string, fn: HostFunction): HostFunction {
  return (...args: number[]) => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof MappingAbort || error instanceof HostFunctionError) throw error;
      throw new HostFunctionError(name, error instanceof Error ? error.message : String(error), { cause: error });
    }
  };
}

/** The reason of an ethers decoding error (ethers defers some to the access of a value: the original is `.error`). */
function decodeErrorMessage(error: unknown): string {
  const inner = typeof error === "object" && error !== null && "error" in error ? error.error : undefined;
  const cause = inner instanceof Error ? inner : error;
  return cause instanceof Error ? (cause.message.split(" (")[0] ?? cause.message) : String(cause);
}

/**
 * graph-node's ethereum.decode (ethabi `decode(&[ParamType::read(types)], data)`): `types` is ONE parameter, so a
 * dynamic top-level tuple (one holding a string, bytes or an array) is read behind a 32-byte offset word, exactly
 * as ethers decodes `[type]`. Throws when the types do not parse or the data does not decode.
 */
export function decodeAsGraphNode(types: string, data: Uint8Array): EthereumValue {
  const type = ParamType.from(types);
  const [decoded] = AbiCoder.defaultAbiCoder().decode([type], data);
  return toEthereumValue(type, decoded);
}

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
      const name = LOG_LEVELS[level];
      if (name === undefined) throw new Error(`unknown log level ${level}`);
      const entry: MappingLog = {
        level: name,
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
      let value: EthereumValue;
      try {
        value = decodeAsGraphNode(typeText, bytes);
      } catch (error) {
        const why = `${typeText} does not decode from ${bytes.length} bytes: ${decodeErrorMessage(error)}`;
        trigger.decodeFailures.seen.push(why);
        if (trigger.decodeFailures.mode === "null") return 0; // graph-node returns null when the data does not decode
        throw new HostFunctionError("ethereum.decode", why, { cause: error });
      }
      return h().writeEthereumValue(value);
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
    const fn: HostFunction = implemented
      ? failingLoudly(entry.name, implemented)
      : () => {
          throw new HostFunctionNotImplemented(entry.name);
        };
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
