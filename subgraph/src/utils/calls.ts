// Names and decodes the calls of proposals and timelock operations whose target is one of our contracts.
import { Address, Bytes, dataSource, ethereum, log } from "@graphprotocol/graph-ts";

import { CONTRACT_NAMES, FunctionInfo, lookupFunction } from "../generated/functions";

/** A decoded call. Fields are null when the target or the function is not one of ours. */
export class DecodedCall {
  selector: Bytes | null = null;
  contract: string | null = null;
  signature: string | null = null;
  arguments: Array<string> | null = null;
}

/** The name of our contract at `target`, read from the data source context, or null. */
export function contractNameAt(target: Address): string | null {
  const context = dataSource.context();
  const wanted = target.toHexString();
  for (let i = 0; i < CONTRACT_NAMES.length; i++) {
    const name = CONTRACT_NAMES[i];
    const entry = context.get(name);
    if (entry != null && entry.toString().toLowerCase() == wanted) return name;
  }
  return null;
}

/** Human-readable rendering of a decoded ABI value. */
export function renderValue(value: ethereum.Value): string {
  const kind = value.kind;
  if (kind == ethereum.ValueKind.ADDRESS) return value.toAddress().toHexString();
  if (kind == ethereum.ValueKind.FIXED_BYTES || kind == ethereum.ValueKind.BYTES) return value.toBytes().toHexString();
  if (kind == ethereum.ValueKind.INT || kind == ethereum.ValueKind.UINT) return value.toBigInt().toString();
  if (kind == ethereum.ValueKind.BOOL) return value.toBoolean() ? "true" : "false";
  if (kind == ethereum.ValueKind.STRING) return value.toString();
  if (kind == ethereum.ValueKind.ARRAY || kind == ethereum.ValueKind.FIXED_ARRAY) {
    const items = value.toArray();
    const parts = new Array<string>(0);
    for (let i = 0; i < items.length; i++) parts.push(renderValue(items[i]));
    return "[" + parts.join(", ") + "]";
  }
  if (kind == ethereum.ValueKind.TUPLE) {
    const items = value.toTuple();
    const parts = new Array<string>(0);
    for (let i = 0; i < items.length; i++) parts.push(renderValue(items[i]));
    return "(" + parts.join(", ") + ")";
  }
  return "?";
}

/**
 * The 32-byte word 0x…20: the offset at which ethereum.decode expects a dynamic top-level tuple. graph-node decodes
 * `types` as ONE parameter (ethabi `decode(&[tuple], data)`), so a tuple with a dynamic component (string, bytes,
 * an array…) is read behind an offset word, which calldata — the arguments laid out as a parameter list — lacks.
 */
const TUPLE_OFFSET = Bytes.fromHexString("0x0000000000000000000000000000000000000000000000000000000000000020");

/** The arguments of calldata (selector stripped) in the layout ethereum.decode expects for `info.argTypes`. */
export function argumentsForDecode(info: FunctionInfo, args: Uint8Array): Bytes {
  if (!info.argsDynamic) return Bytes.fromUint8Array(args);
  const prefixed = new Uint8Array(TUPLE_OFFSET.length + args.length);
  prefixed.set(TUPLE_OFFSET, 0);
  prefixed.set(args, TUPLE_OFFSET.length);
  return Bytes.fromUint8Array(prefixed);
}

/** Names the function of a call to `target` with `data` and decodes its arguments when the target is ours. */
export function decodeCall(target: Address, data: Bytes): DecodedCall {
  const result = new DecodedCall();
  if (data.length < 4) return result;
  const selector = Bytes.fromUint8Array(data.subarray(0, 4));
  result.selector = selector;
  const contract = contractNameAt(target);
  if (contract == null) return result;
  result.contract = contract;
  const info = lookupFunction(contract!, selector.toHexString());
  if (info == null) return result;
  result.signature = info.signature;
  if (info.argTypes == "()") {
    result.arguments = new Array<string>(0);
    return result;
  }
  const decoded = ethereum.decode(info.argTypes, argumentsForDecode(info, data.subarray(4)));
  if (decoded == null) {
    log.warning("calldata of {}.{} does not decode as {}: arguments left null", [contract!, info.signature, info.argTypes]);
    return result;
  }
  // A bool word other than 0 or 1: graph-node reads false, Solidity and the indexer refuse the call. Left undecoded.
  const args = data.subarray(4);
  for (let i = 0; i < info.boolWords.length; i++) {
    const last = info.boolWords[i] * 32 + 31;
    if (last < args.length && args[last] > 1) {
      log.warning("calldata of {}.{}: bool argument word {} is not 0 or 1: arguments left null", [
        contract!,
        info.signature,
        info.boolWords[i].toString(),
      ]);
      return result;
    }
  }
  const values = decoded.toTuple();
  const names = info.argNames.length > 0 ? info.argNames.split(",") : new Array<string>(0);
  const rendered = new Array<string>(0);
  for (let i = 0; i < values.length; i++) {
    const name = i < names.length ? names[i] : "arg" + i.toString();
    rendered.push(name + ": " + renderValue(values[i]));
  }
  result.arguments = rendered;
  return result;
}
