/**
 * The graph-style rendering of a decoded call, shared with the subgraph (subgraph/src/utils/calls.ts, in
 * AssemblyScript, renders the same way): signature `name(types)` with tuples expanded, arguments `name: value` with
 * addresses and bytes lower-case hex, tuples `(a, b)`, arrays `[a, b]`. The indexer stores these strings; the
 * subgraph parity test compares them with the subgraph's.
 */
import type { AbiFunction, AbiParameter } from "viem";

/** The canonical type of a parameter (tuples expanded), as in a function signature. */
export function canonicalType(param: AbiParameter): string {
  if (param.type.startsWith("tuple") && "components" in param) {
    return `(${param.components.map(canonicalType).join(",")})${param.type.slice("tuple".length)}`;
  }
  return param.type;
}

/** `name(type,…)`: the signature whose keccak-256 gives the function's selector. */
export const functionSignature = (fn: Pick<AbiFunction, "name" | "inputs">): string => `${fn.name}(${fn.inputs.map(canonicalType).join(",")})`;

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

/** `name: value` for each argument (`argN` for unnamed parameters), as the subgraph stores them. */
export const renderArguments = (inputs: readonly AbiParameter[], values: readonly unknown[]): string[] =>
  inputs.map((input, i) => `${input.name || `arg${i}`}: ${renderValue(values[i], input)}`);
