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
 *   ethereum.decode                         ABI decoding into ethereum.Value trees with graph-node's rules (its ethabi
 *                                           `decode(&[type], data)`, see decodeAsGraphNode): `types` is ONE parameter,
 *                                           so a dynamic top-level tuple is read behind a 32-byte offset word. Data that does not
 *                                           decode THROWS (graph-node returns null) unless the trigger allows
 *                                           decode failures (`decodeFailures.mode: "null"`, for bad-input tests);
 *                                           every failure is recorded in `decodeFailures.seen` either way
 *   dataSource.address / network / context  from the data source of the trigger (context from the manifest)
 * Any other import links to a function that throws `host function not implemented: <name>`, so a mapping
 * that starts using one fails its test loudly instead of silently doing nothing. An implemented function that fails
 * (bad pointer, unparsable input, unknown log level…) throws `host function <name> failed: <why>`; nothing is
 * turned into 0 or null silently.
 */
import { ParamType, getAddress, keccak256 } from "ethers";

import { type AscHeap, type EthereumValue, type StoreValue, bytesToHex, hexToBytes } from "./memory.js";
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

/** A decoding failure of `decodeAsGraphNode` (graph-node's ethabi error, in words). */
class AbiDecodeError extends Error {}

/** The 32-byte word at `offset`, or an error when the data ends before it (ethabi `peek_32_bytes`). */
function wordAt(data: Uint8Array, offset: number): Uint8Array {
  if (offset < 0 || offset + 32 > data.length) throw new AbiDecodeError(`no 32-byte word at offset ${offset} of ${data.length} bytes`);
  return data.subarray(offset, offset + 32);
}

const wordValue = (word: Uint8Array): bigint => BigInt(bytesToHex(word));

/** An offset or a length: ethabi `as_usize` refuses a word whose 28 high bytes are not zero. */
function usizeAt(data: Uint8Array, offset: number): number {
  const word = wordAt(data, offset);
  if (word.subarray(0, 28).some((b) => b !== 0)) throw new AbiDecodeError(`offset/length word at ${offset} is too large`);
  return Number(wordValue(word));
}

/** `len` bytes at `offset` (ethabi `take_bytes`). */
function bytesAt(data: Uint8Array, offset: number, len: number): Uint8Array {
  if (offset + len > data.length) throw new AbiDecodeError(`${len} bytes at offset ${offset} run past the ${data.length} bytes of data`);
  return data.subarray(offset, offset + len);
}

/** ethabi `ParamType::is_dynamic`. */
function isDynamicType(type: ParamType): boolean {
  if (type.baseType === "string" || type.baseType === "bytes") return true;
  if (type.baseType === "array") return type.arrayLength === -1 || isDynamicType(type.arrayChildren as ParamType);
  if (type.baseType === "tuple") return (type.components ?? []).some(isDynamicType);
  return false;
}

/** Decodes `types` in sequence from `data` (a tuple's or an array's elements, in place from offset 0). */
function decodeSequence(types: readonly ParamType[], data: Uint8Array): EthereumValue[] {
  let offset = 0;
  return types.map((type) => {
    const [value, next] = decodeParam(type, data, offset);
    offset = next;
    return value;
  });
}

/** ethabi `decode_param` (graph-node's fork, not validating): the value at `offset` and the offset after its head. */
function decodeParam(type: ParamType, data: Uint8Array, offset: number): [EthereumValue, number] {
  const base = type.baseType;
  if (base === "address") return [{ kind: "address", value: bytesToHex(wordAt(data, offset).subarray(12)) }, offset + 32];
  if (base === "bool") {
    const word = wordAt(data, offset);
    if (word.subarray(0, 31).some((b) => b !== 0)) throw new AbiDecodeError(`bool word at ${offset} is not 0 or 1`);
    return [{ kind: "bool", value: word[31] === 1 }, offset + 32]; // ethabi: `slice[31] == 1`
  }
  if (/^uint\d*$/.test(base)) return [{ kind: "uint", value: wordValue(wordAt(data, offset)) }, offset + 32]; // the whole word
  if (/^int\d*$/.test(base)) return [{ kind: "int", value: BigInt.asIntN(256, wordValue(wordAt(data, offset))) }, offset + 32];
  const fixed = /^bytes(\d+)$/.exec(base);
  if (fixed) return [{ kind: "fixedBytes", value: bytesToHex(wordAt(data, offset).subarray(0, Number(fixed[1]))) }, offset + 32];
  if (base === "bytes" || base === "string") {
    const start = usizeAt(data, offset);
    const bytes = bytesAt(data, start + 32, usizeAt(data, start));
    const value: EthereumValue =
      base === "bytes"
        ? { kind: "bytes", value: bytesToHex(bytes) }
        : { kind: "string", value: Buffer.from(bytes).toString("utf8") }; // lossy UTF-8, as graph-node's ethabi
    return [value, offset + 32];
  }
  if (base === "array") {
    const child = type.arrayChildren as ParamType;
    if (type.arrayLength === -1) {
      const start = usizeAt(data, offset);
      const length = usizeAt(data, start);
      const items = decodeSequence(Array.from({ length }, () => child), data.subarray(start + 32));
      return [{ kind: "array", value: items }, offset + 32];
    }
    if (type.arrayLength === null) throw new AbiDecodeError(`array type ${type.format()} without a length`);
    const types = Array.from({ length: type.arrayLength }, () => child);
    if (isDynamicType(child)) return [{ kind: "fixedArray", value: decodeSequence(types, data.subarray(usizeAt(data, offset))) }, offset + 32];
    const items: EthereumValue[] = [];
    let next = offset;
    for (const t of types) {
      const [value, after] = decodeParam(t, data, next);
      items.push(value);
      next = after;
    }
    return [{ kind: "fixedArray", value: items }, next];
  }
  if (base === "tuple") {
    const components = type.components ?? [];
    if (isDynamicType(type)) return [{ kind: "tuple", value: decodeSequence(components, data.subarray(usizeAt(data, offset))) }, offset + 32];
    const items: EthereumValue[] = [];
    let next = offset;
    for (const c of components) {
      const [value, after] = decodeParam(c, data, next);
      items.push(value);
      next = after;
    }
    return [{ kind: "tuple", value: items }, next];
  }
  throw new AbiDecodeError(`unsupported ABI type ${type.format()}`);
}

/**
 * graph-node's ethereum.decode: `decode(&[ParamType::read(types)], data)` of its ethabi fork, not validating. `types`
 * is ONE parameter, so a dynamic top-level tuple (one holding a string, bytes or an array) is read behind a 32-byte
 * offset word. Like ethabi: integers are the whole 32-byte word (no width check), addresses its last 20 bytes, a
 * bool word must be 0…0 then any byte (true only for 1), offsets and lengths must fit in 4 bytes, strings are decoded
 * as lossy UTF-8, trailing data is ignored. Throws (AbiDecodeError) when the data does not decode.
 */
export function decodeAsGraphNode(types: string, data: Uint8Array): EthereumValue {
  let type: ParamType;
  try {
    type = ParamType.from(types);
  } catch (error) {
    throw new AbiDecodeError(`types do not parse (${error instanceof Error ? (error.message.split(" (")[0] ?? "") : String(error)})`);
  }
  return decodeParam(type, data, 0)[0];
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
        const why = `${typeText} does not decode from ${bytes.length} bytes: ${error instanceof Error ? error.message : String(error)}`;
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
