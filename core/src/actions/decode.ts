/**
 * Decodes a proposal action (or a Timelock operation's call) whose target is one of the system's contracts: which
 * contract, which state-changing function, and its arguments by name and type. A call to one of our contracts that
 * does not decode is reported as undecodable with the reason, never silently dropped. Browser-safe (viem only).
 */
import { type AbiFunction, type AbiParameter, type Hex, decodeFunctionData, toFunctionSelector } from "viem";

import { abis } from "../abis.ts";
import { CONTRACT_NAMES, type ContractName } from "../contracts.ts";
import { canonicalType, functionSignature } from "./graph-args.ts";

/** The contract name at an address (any case), or undefined for an address that is not ours. */
export type ContractLookup = (address: string) => ContractName | undefined;

/** A lookup over an address book (`{ OfficialSeats: "0x…", … }`, e.g. the dApp's runtime addresses). */
export function contractLookup(addresses: Partial<Record<ContractName, string>> | ReadonlyMap<string, ContractName>): ContractLookup {
  const byAddress = new Map<string, ContractName>();
  if (addresses instanceof Map) for (const [address, name] of addresses) byAddress.set(address.toLowerCase(), name);
  else for (const [name, address] of Object.entries(addresses) as [ContractName, string | undefined][]) if (address) byAddress.set(address.toLowerCase(), name);
  return (address) => byAddress.get(address.toLowerCase());
}

/** One decoded argument: the parameter's name (`argN` when unnamed) and canonical type, and viem's decoded value. */
export interface DecodedArg {
  name: string;
  type: string;
  value: unknown;
}

/** A call, as the Governor's `propose` takes it. */
export interface ActionCall {
  target: string;
  value: bigint;
  data: Hex;
}

/** A call decoded against our ABI. */
export interface DecodedCall extends ActionCall {
  kind: "decoded";
  contract: ContractName;
  functionName: string;
  /** `name(types)` (tuples expanded). */
  signature: string;
  selector: Hex;
  args: DecodedArg[];
  /** The ABI parameters, for renderers that need the components of tuples. */
  inputs: readonly AbiParameter[];
}

/** A call to one of our contracts that does not decode, and why. */
export interface UndecodableCall extends ActionCall {
  kind: "undecodable";
  contract: ContractName;
  /** The first 4 bytes of the data, or null when it is shorter. */
  selector: Hex | null;
  reason: string;
}

/** A call to an address that is not one of our contracts (not decoded: its ABI is unknown). */
export interface UnknownTargetCall extends ActionCall {
  kind: "unknownTarget";
  selector: Hex | null;
}

export type DecodedAction = DecodedCall | UndecodableCall | UnknownTargetCall;

/** State-changing functions (a call to a view function does nothing) by contract and selector. */
const FUNCTIONS: ReadonlyMap<ContractName, ReadonlyMap<string, AbiFunction>> = new Map(
  CONTRACT_NAMES.map((contract) => {
    const bySelector = new Map<string, AbiFunction>();
    for (const item of abis[contract] as readonly { type: string }[]) {
      if (item.type !== "function") continue;
      const fn = item as AbiFunction;
      if (fn.stateMutability === "view" || fn.stateMutability === "pure") continue;
      bySelector.set(toFunctionSelector(functionSignature(fn)), fn);
    }
    return [contract, bySelector] as const;
  }),
);

/** The state-changing function of `contract` with `selector`, if any. */
export const functionBySelector = (contract: ContractName, selector: string): AbiFunction | undefined => FUNCTIONS.get(contract)?.get(selector.toLowerCase());

/** The first line of an error's message (viem's messages carry long "Docs:"/"Version:" trailers). */
const shortMessage = (error: unknown): string => {
  const text = error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error);
  return text.split("\n")[0] ?? text;
};

/**
 * Decodes the call `data` (with `value`) to `target`, naming the target with `lookup`. Our contract with data that
 * has no state-changing function's selector, or arguments that do not decode, is `undecodable` with the reason.
 */
export function decodeAction(lookup: ContractLookup, call: ActionCall): DecodedAction {
  const selector = call.data.length >= 10 ? (call.data.slice(0, 10).toLowerCase() as Hex) : null;
  const contract = lookup(call.target);
  if (!contract) return { kind: "unknownTarget", ...call, selector };
  if (selector === null) {
    const reason = call.data === "0x" ? "no calldata (a plain transfer)" : `calldata ${call.data} is shorter than a 4-byte selector`;
    return { kind: "undecodable", ...call, contract, selector, reason };
  }
  const fn = functionBySelector(contract, selector);
  if (!fn) return { kind: "undecodable", ...call, contract, selector, reason: `${contract} has no state-changing function with selector ${selector}` };
  let values: readonly unknown[];
  try {
    values = decodeFunctionData({ abi: [fn], data: call.data }).args ?? [];
  } catch (error) {
    return { kind: "undecodable", ...call, contract, selector, reason: `the arguments of ${functionSignature(fn)} do not decode: ${shortMessage(error)}` };
  }
  const args = fn.inputs.map((input, i) => ({ name: input.name || `arg${i}`, type: canonicalType(input), value: values[i] }));
  return { kind: "decoded", ...call, contract, functionName: fn.name, signature: functionSignature(fn), selector, args, inputs: fn.inputs };
}

/**
 * A decoded value as JSON-safe data: integers as decimal strings (uint8…uint48 too, so every integer reads the same),
 * addresses and bytes as given (0x hex), tuples as objects by component name, arrays as arrays.
 */
export function jsonValue(value: unknown, param: AbiParameter): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array && Array.isArray(value)) {
    const inner = { ...param, type: array[1] ?? "" } as AbiParameter;
    return value.map((v) => jsonValue(v, inner));
  }
  if (param.type === "tuple" && "components" in param) {
    return Object.fromEntries(
      param.components.map((component, i) => {
        const item = Array.isArray(value) ? value[i] : (value as Record<string, unknown>)[component.name ?? String(i)];
        return [component.name || `arg${i}`, jsonValue(item, component)];
      }),
    );
  }
  if (typeof value === "bigint" || typeof value === "number") return value.toString();
  return value;
}

/** The arguments of a decoded call with JSON-safe values (see {@link jsonValue}). */
export const jsonArgs = (call: DecodedCall): { name: string; type: string; value: unknown }[] =>
  call.args.map((arg, i) => ({ name: arg.name, type: arg.type, value: call.inputs[i] ? jsonValue(arg.value, call.inputs[i]) : arg.value }));
