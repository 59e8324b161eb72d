// Names and decodes the calls of proposals and timelock operations whose target is one of our contracts, with the
// same rendering as the subgraph (subgraph/src/utils/calls.ts): signature `name(types)`, arguments "name: value".
import { type AbiFunction, type AbiParameter, decodeAbiParameters, toFunctionSelector } from "viem";

import { abis } from "@government-dao/core/abis";
import type { ContractName } from "@government-dao/core/contracts";
import { contractNamesByAddress, readDeployment } from "@government-dao/core/deployment";
import { DEFAULT_DEPLOYMENT_DIR } from "../../lib/paths.js";

/** A decoded call; fields are null when the target or the function is not one of ours. */
export interface DecodedCall {
  selector: `0x${string}` | null;
  contract: string | null;
  signature: string | null;
  arguments: string[] | null;
}

const names = contractNamesByAddress(readDeployment(process.env.INDEXER_DEPLOYMENT_DIR ?? DEFAULT_DEPLOYMENT_DIR));

/** The canonical type of a parameter (tuples expanded), as in a function signature. */
export function canonicalType(param: AbiParameter): string {
  if (param.type.startsWith("tuple") && "components" in param) {
    return `(${param.components.map(canonicalType).join(",")})${param.type.slice("tuple".length)}`;
  }
  return param.type;
}

/** State-changing functions only (a call to a view function does nothing), by contract and selector. */
const functions = new Map<ContractName, Map<string, AbiFunction>>();
for (const [contract, abi] of Object.entries(abis) as [ContractName, readonly unknown[]][]) {
  const bySelector = new Map<string, AbiFunction>();
  for (const item of abi as readonly AbiFunction[]) {
    if (item.type !== "function" || item.stateMutability === "view" || item.stateMutability === "pure") continue;
    bySelector.set(toFunctionSelector(`${item.name}(${item.inputs.map(canonicalType).join(",")})`), item);
  }
  functions.set(contract, bySelector);
}

/** Renders a decoded value like graph-ts does: addresses/bytes lower-case hex, tuples (a, b), arrays [a, b]. */
export function renderValue(value: unknown, param: AbiParameter): string {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array && Array.isArray(value)) {
    const inner = { ...param, type: array[1] ?? "" } as AbiParameter;
    return `[${value.map((v) => renderValue(v, inner)).join(", ")}]`;
  }
  if (param.type === "tuple" && "components" in param) {
    const parts = param.components.map((component, i) => {
      const item = Array.isArray(value) ? value[i] : (value as Record<string, unknown>)[component.name ?? String(i)];
      return renderValue(item, component);
    });
    return `(${parts.join(", ")})`;
  }
  if (typeof value === "string") return param.type === "string" ? value : value.toLowerCase();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint" || typeof value === "number") return value.toString();
  return "?";
}

/** Names the function of a call to `target` with `data` and decodes its arguments when the target is ours. */
export function decodeCall(target: string, data: `0x${string}`): DecodedCall {
  const result: DecodedCall = { selector: null, contract: null, signature: null, arguments: null };
  if (data.length < 10) return result;
  const selector = data.slice(0, 10).toLowerCase() as `0x${string}`;
  result.selector = selector;
  const contract = names.get(target.toLowerCase()) ?? null;
  if (contract === null) return result;
  result.contract = contract;
  const fn = functions.get(contract)?.get(selector);
  if (!fn) return result;
  result.signature = `${fn.name}(${fn.inputs.map(canonicalType).join(",")})`;
  if (fn.inputs.length === 0) {
    result.arguments = [];
    return result;
  }
  try {
    const values = decodeAbiParameters(fn.inputs, `0x${data.slice(10)}`);
    result.arguments = fn.inputs.map((input, i) => `${input.name || `arg${i}`}: ${renderValue(values[i], input)}`);
  } catch {
    // undecodable calldata: named, not decoded
  }
  return result;
}
