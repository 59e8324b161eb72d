/**
 * Reading and writing AssemblyScript objects in a mapping's linear memory, with the layouts graph-node uses
 * (AssemblyScript 0.19 stub runtime, apiVersion 0.0.9; see graph-ts and graph-node's runtime/wasm asc_abi).
 *
 * Object header: `allocate(16 + n)` returns p; p..p+16 hold gcInfo, gcInfo2, rtId (class id), rtSize (payload
 * bytes); the object starts at p + 16. Class ids come from the module: `id_of_type(TypeId.<Name>)`.
 * - String: UTF-16LE code units, rtSize = 2 × length.
 * - ArrayBuffer: raw bytes. Uint8Array (and Bytes, BigInt, Address): { buffer, dataStart, byteLength }.
 * - Array<T>: { buffer, dataStart, byteLength, length }, elements are 4-byte pointers (or i32).
 * - ethereum.Value and store Value: { kind: i32, (pad), data: u64 }.
 * - TypedMap (Entity): { entries: Array<TypedMapEntry> }; TypedMapEntry: { key: string, value: Value }.
 * - BigInt: minimal signed little-endian two's complement.
 * Memory may grow inside `allocate`, so every access builds a fresh view of `memory.buffer`.
 */

/** The exports of a compiled graph-cli mapping this file relies on. */
export interface MappingExports {
  memory: WebAssembly.Memory;
  allocate: (size: number) => number;
  id_of_type: (typeId: number) => number;
  _start: () => void;
  [name: string]: unknown;
}

/** Class names of graph-ts's TypeId enum that the harness allocates. */
export type TypeName =
  | "String"
  | "ArrayBuffer"
  | "Uint8Array"
  | "BigDecimal"
  | "ArrayUint8Array"
  | "ArrayEthereumValue"
  | "ArrayStoreValue"
  | "ArrayString"
  | "ArrayEventParam"
  | "ArrayTypedMapEntryStringStoreValue"
  | "EventParam"
  | "EthereumTransaction"
  | "EthereumBlock"
  | "EthereumValue"
  | "StoreValue"
  | "EthereumEvent"
  | "TypedMapEntryStringStoreValue"
  | "TypedMapStringStoreValue";

/** A store value (graph-ts `Value`), in JavaScript. Bytes are lower-case 0x-hex. */
export type StoreValue =
  | { kind: "String"; value: string }
  | { kind: "Int"; value: number }
  | { kind: "BigDecimal"; value: string }
  | { kind: "Bool"; value: boolean }
  | { kind: "Array"; value: StoreValue[] }
  | { kind: "Null" }
  | { kind: "Bytes"; value: string }
  | { kind: "BigInt"; value: bigint }
  | { kind: "Int8"; value: bigint }
  | { kind: "Timestamp"; value: bigint };

const STORE_KINDS = ["String", "Int", "BigDecimal", "Bool", "Array", "Null", "Bytes", "BigInt", "Int8", "Timestamp"] as const;

/** An ABI value (graph-ts `ethereum.Value`), in JavaScript. */
export type EthereumValue =
  | { kind: "address"; value: string }
  | { kind: "fixedBytes"; value: string }
  | { kind: "bytes"; value: string }
  | { kind: "int"; value: bigint }
  | { kind: "uint"; value: bigint }
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "fixedArray"; value: EthereumValue[] }
  | { kind: "array"; value: EthereumValue[] }
  | { kind: "tuple"; value: EthereumValue[] };

const ETHEREUM_KINDS = ["address", "fixedBytes", "bytes", "int", "uint", "bool", "string", "fixedArray", "array", "tuple"] as const;

export const hexToBytes = (hex: string): Uint8Array => {
  const clean = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`not hex: ${hex}`);
  return Uint8Array.from(Buffer.from(clean, "hex"));
};
export const bytesToHex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;

/** Minimal signed little-endian two's complement, as graph-node encodes BigInt. */
export function bigIntToBytes(value: bigint): Uint8Array {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = Number(v & 0xffn);
    out.push(byte);
    v >>= 8n;
    const signBit = (byte & 0x80) !== 0;
    if ((v === 0n && !signBit) || (v === -1n && signBit)) break;
  }
  return Uint8Array.from(out);
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i] as number);
  const negative = ((bytes[bytes.length - 1] as number) & 0x80) !== 0;
  return negative ? v - (1n << BigInt(bytes.length * 8)) : v;
}

/** One instance's heap. */
export class AscHeap {
  private readonly classIds = new Map<TypeName, number>();

  constructor(private readonly exports: MappingExports) {}

  private view(): DataView {
    return new DataView(this.exports.memory.buffer);
  }

  private bytesAt(ptr: number, length: number): Uint8Array {
    return new Uint8Array(this.exports.memory.buffer, ptr, length).slice();
  }

  classId(name: TypeName): number {
    let id = this.classIds.get(name);
    if (id === undefined) {
      const global = this.exports[`TypeId.${name}`];
      if (!(global instanceof WebAssembly.Global)) throw new Error(`mapping exports no TypeId.${name}`);
      id = this.exports.id_of_type(Number(global.value));
      this.classIds.set(name, id);
    }
    return id;
  }

  /** Allocates an object of class `type` with `size` payload bytes (zeroed) and returns its pointer. */
  newObject(type: TypeName, size: number): number {
    const classId = this.classId(type);
    const block = this.exports.allocate(16 + size);
    const view = this.view(); // after allocate: memory may have grown
    view.setUint32(block, 0, true);
    view.setUint32(block + 4, 0, true);
    view.setUint32(block + 8, classId, true);
    view.setUint32(block + 12, size, true);
    const ptr = block + 16;
    new Uint8Array(this.exports.memory.buffer, ptr, size).fill(0);
    return ptr;
  }

  // ─── Writing ──────────────────────────────────────────────────────────────────────────────────────────────

  writeString(text: string): number {
    const ptr = this.newObject("String", text.length * 2);
    const view = this.view();
    for (let i = 0; i < text.length; i++) view.setUint16(ptr + 2 * i, text.charCodeAt(i), true);
    return ptr;
  }

  writeArrayBuffer(bytes: Uint8Array): number {
    const ptr = this.newObject("ArrayBuffer", bytes.length);
    new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
    return ptr;
  }

  /** A Uint8Array (Bytes, Address, BigInt are the same layout). */
  writeBytes(bytes: Uint8Array): number {
    const buffer = this.writeArrayBuffer(bytes);
    const ptr = this.newObject("Uint8Array", 12);
    const view = this.view();
    view.setUint32(ptr, buffer, true);
    view.setUint32(ptr + 4, buffer, true);
    view.setUint32(ptr + 8, bytes.length, true);
    return ptr;
  }

  writeHex(hex: string): number {
    return this.writeBytes(hexToBytes(hex));
  }

  writeBigInt(value: bigint): number {
    return this.writeBytes(bigIntToBytes(value));
  }

  /** An Array<T> of 4-byte pointers. */
  writeArray(type: TypeName, pointers: number[]): number {
    const bytes = new Uint8Array(pointers.length * 4);
    const dv = new DataView(bytes.buffer);
    pointers.forEach((p, i) => dv.setUint32(i * 4, p, true));
    const buffer = this.writeArrayBuffer(bytes);
    const ptr = this.newObject(type, 16);
    const view = this.view();
    view.setUint32(ptr, buffer, true);
    view.setUint32(ptr + 4, buffer, true);
    view.setUint32(ptr + 8, bytes.length, true);
    view.setInt32(ptr + 12, pointers.length, true);
    return ptr;
  }

  /** A class whose fields are all 4-byte pointers (Block, Transaction, Event, EventParam, TypedMapEntry…). */
  writePointers(type: TypeName, pointers: number[]): number {
    const ptr = this.newObject(type, pointers.length * 4);
    const view = this.view();
    pointers.forEach((p, i) => view.setUint32(ptr + i * 4, p, true));
    return ptr;
  }

  private writeValue(type: "EthereumValue" | "StoreValue", kind: number, data: bigint): number {
    const ptr = this.newObject(type, 16);
    const view = this.view();
    view.setInt32(ptr, kind, true);
    view.setBigUint64(ptr + 8, BigInt.asUintN(64, data), true);
    return ptr;
  }

  writeEthereumValue(value: EthereumValue): number {
    const kind = ETHEREUM_KINDS.indexOf(value.kind);
    switch (value.kind) {
      case "address":
      case "fixedBytes":
      case "bytes":
        return this.writeValue("EthereumValue", kind, BigInt(this.writeHex(value.value)));
      case "int":
      case "uint":
        return this.writeValue("EthereumValue", kind, BigInt(this.writeBigInt(value.value)));
      case "bool":
        return this.writeValue("EthereumValue", kind, value.value ? 1n : 0n);
      case "string":
        return this.writeValue("EthereumValue", kind, BigInt(this.writeString(value.value)));
      case "fixedArray":
      case "array":
      case "tuple": {
        const items = value.value.map((item) => this.writeEthereumValue(item));
        return this.writeValue("EthereumValue", kind, BigInt(this.writeArray("ArrayEthereumValue", items)));
      }
    }
  }

  writeStoreValue(value: StoreValue): number {
    const kind = STORE_KINDS.indexOf(value.kind);
    switch (value.kind) {
      case "String":
      case "BigDecimal":
        // BigDecimal values are not written by this harness (no BigDecimal host functions); stored as text.
        return this.writeValue("StoreValue", kind, BigInt(this.writeString(value.value)));
      case "Int":
        return this.writeValue("StoreValue", kind, BigInt(value.value));
      case "Bool":
        return this.writeValue("StoreValue", kind, value.value ? 1n : 0n);
      case "Array": {
        const items = value.value.map((item) => this.writeStoreValue(item));
        return this.writeValue("StoreValue", kind, BigInt(this.writeArray("ArrayStoreValue", items)));
      }
      case "Null":
        return this.writeValue("StoreValue", kind, 0n);
      case "Bytes":
        return this.writeValue("StoreValue", kind, BigInt(this.writeHex(value.value)));
      case "BigInt":
        return this.writeValue("StoreValue", kind, BigInt(this.writeBigInt(value.value)));
      case "Int8":
      case "Timestamp":
        return this.writeValue("StoreValue", kind, value.value);
    }
  }

  /** An Entity / DataSourceContext: TypedMap<string, Value>. */
  writeEntity(entity: ReadonlyMap<string, StoreValue>): number {
    const entries: number[] = [];
    for (const [key, value] of entity) {
      const keyPtr = this.writeString(key);
      const valuePtr = this.writeStoreValue(value);
      entries.push(this.writePointers("TypedMapEntryStringStoreValue", [keyPtr, valuePtr]));
    }
    const array = this.writeArray("ArrayTypedMapEntryStringStoreValue", entries);
    return this.writePointers("TypedMapStringStoreValue", [array]);
  }

  // ─── Reading ──────────────────────────────────────────────────────────────────────────────────────────────

  readU32(ptr: number): number {
    return this.view().getUint32(ptr, true);
  }

  readString(ptr: number): string {
    if (ptr === 0) throw new Error("null string pointer");
    const byteLength = this.readU32(ptr - 4);
    const view = this.view();
    let text = "";
    for (let i = 0; i < byteLength; i += 2) text += String.fromCharCode(view.getUint16(ptr + i, true));
    return text;
  }

  /** A typed array (Uint8Array, Bytes, BigInt, Address). */
  readBytes(ptr: number): Uint8Array {
    if (ptr === 0) throw new Error("null bytes pointer");
    const dataStart = this.readU32(ptr + 4);
    const byteLength = this.readU32(ptr + 8);
    return this.bytesAt(dataStart, byteLength);
  }

  readHex(ptr: number): string {
    return bytesToHex(this.readBytes(ptr));
  }

  readBigInt(ptr: number): bigint {
    return bytesToBigInt(this.readBytes(ptr));
  }

  /** The element words of an Array<T>. */
  readArray(ptr: number): number[] {
    const dataStart = this.readU32(ptr + 4);
    const length = this.view().getInt32(ptr + 12, true);
    const out: number[] = [];
    for (let i = 0; i < length; i++) out.push(this.readU32(dataStart + i * 4));
    return out;
  }

  readStoreValue(ptr: number): StoreValue {
    const view = this.view();
    const kindIndex = view.getInt32(ptr, true);
    const data = view.getBigUint64(ptr + 8, true);
    const kind = STORE_KINDS[kindIndex];
    const pointer = Number(data & 0xffffffffn);
    switch (kind) {
      case "String":
        return { kind, value: this.readString(pointer) };
      case "Int":
        return { kind, value: Number(BigInt.asIntN(32, data)) };
      case "BigDecimal":
        return { kind, value: this.readBigDecimal(pointer) };
      case "Bool":
        return { kind, value: data !== 0n };
      case "Array":
        return { kind, value: this.readArray(pointer).map((p) => this.readStoreValue(p)) };
      case "Null":
        return { kind };
      case "Bytes":
        return { kind, value: this.readHex(pointer) };
      case "BigInt":
        return { kind, value: this.readBigInt(pointer) };
      case "Int8":
      case "Timestamp":
        return { kind, value: BigInt.asIntN(64, data) };
      default:
        throw new Error(`unknown store value kind ${kindIndex}`);
    }
  }

  /** An ethereum.Value tree (what ethereum.decode returns to the mapping). */
  readEthereumValue(ptr: number): EthereumValue {
    if (ptr === 0) throw new Error("null ethereum.Value pointer");
    const view = this.view();
    const kindIndex = view.getInt32(ptr, true);
    const pointer = Number(view.getBigUint64(ptr + 8, true) & 0xffffffffn);
    const kind = ETHEREUM_KINDS[kindIndex];
    switch (kind) {
      case "address":
      case "fixedBytes":
      case "bytes":
        return { kind, value: this.readHex(pointer) };
      case "int":
      case "uint":
        return { kind, value: this.readBigInt(pointer) };
      case "bool":
        return { kind, value: pointer !== 0 };
      case "string":
        return { kind, value: this.readString(pointer) };
      case "fixedArray":
      case "array":
      case "tuple":
        return { kind, value: this.readArray(pointer).map((p) => this.readEthereumValue(p)) };
      default:
        throw new Error(`unknown ethereum.Value kind ${kindIndex}`);
    }
  }

  readEntity(ptr: number): Map<string, StoreValue> {
    const entries = this.readArray(this.readU32(ptr));
    const out = new Map<string, StoreValue>();
    for (const entry of entries) {
      out.set(this.readString(this.readU32(entry)), this.readStoreValue(this.readU32(entry + 4)));
    }
    return out;
  }

  /** BigDecimal { digits: BigInt, exp: BigInt } as a decimal string. */
  readBigDecimal(ptr: number): string {
    const digits = this.readBigInt(this.readU32(ptr));
    const exp = this.readBigInt(this.readU32(ptr + 4));
    if (exp >= 0n) return (digits * 10n ** exp).toString();
    const negative = digits < 0n;
    const text = (negative ? -digits : digits).toString().padStart(Number(-exp) + 1, "0");
    const cut = text.length + Number(exp);
    const fraction = text.slice(cut).replace(/0+$/, "");
    return `${negative ? "-" : ""}${text.slice(0, cut)}${fraction ? `.${fraction}` : ""}`;
  }
}
