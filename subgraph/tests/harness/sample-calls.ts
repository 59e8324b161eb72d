/**
 * One call of EVERY state-changing function of the deployment's contracts (the subgraph's function table: the
 * six data-source contracts and DigitalTenge), with deterministic sample arguments of every ABI type (addresses,
 * uintN/intN, bool, bytesN, bytes, Unicode strings, arrays, fixed arrays, structs, struct arrays), and the
 * `ProposalAction.arguments` the subgraph must render for it ("name: value", graph-ts rendering: hex lower case,
 * integers in decimal, arrays `[a, b]`, tuples `(a, b)`).
 *
 * The scenario (tests/scenario/run.ts) proposes all of them in one real proposal, so the mappings and the
 * indexer decode every action type the system can propose from real logs. Read from `abis/` (npm run abis).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { type FunctionFragment, Interface, type ParamType, keccak256, toUtf8Bytes } from "ethers";

import { ABIS_DIR, CONTRACTS, DECODE_ONLY_CONTRACTS } from "../../scripts/lib/paths.js";

export type ContractName = (typeof CONTRACTS)[number]["name"] | (typeof DECODE_ONLY_CONTRACTS)[number]["name"];

/** A sample argument value, as ethers encodes it. */
export type SampleValue = string | bigint | boolean | SampleValue[];

export interface SampleCall {
  contract: ContractName;
  /** `name(types)` (canonical, tuples expanded). */
  signature: string;
  /** Calldata: selector and ABI-encoded arguments. */
  data: string;
  /** What `ProposalAction.arguments` must hold. */
  arguments: string[];
}

/** Sample values, distinct per position (`seed`), at the edge of their type where that is cheap. */
function sampleValue(type: ParamType, seed: number): SampleValue {
  const base = type.baseType;
  if (base === "array") {
    const child = type.arrayChildren;
    if (!child) throw new Error(`array without element type: ${type.format()}`);
    const length = type.arrayLength === null || type.arrayLength === -1 ? 2 : type.arrayLength;
    return Array.from({ length }, (_, i) => sampleValue(child, seed * 10 + i + 1));
  }
  if (base === "tuple") return (type.components ?? []).map((c, i) => sampleValue(c, seed * 10 + i + 1));
  if (base === "address") return `0x${(0xa11ce000 + seed).toString(16).padStart(40, "0")}`;
  if (base === "bool") return seed % 2 === 0;
  if (base === "string") return `Reason ${seed}: Қазақстан, «әділет» 📄`;
  if (base === "bytes") return `0xdeadbeef${(seed & 0xff).toString(16).padStart(2, "0")}`;
  const fixed = /^bytes(\d+)$/.exec(base);
  if (fixed) return `0x${(seed & 0xff).toString(16).padStart(2, "0").repeat(Number(fixed[1]))}`;
  const uint = /^uint(\d*)$/.exec(base);
  if (uint) return (1n << BigInt(uint[1] || 256)) - 1n - (BigInt(seed) % 100n); // near the top of the type's range
  const int = /^int(\d*)$/.exec(base);
  if (int) return -(1n << BigInt(Number(int[1] || 256) - 1)) + (BigInt(seed) % 100n); // near the bottom
  throw new Error(`no sample value for ABI type ${type.format()}`);
}

/** graph-ts rendering of a value (subgraph/src/utils/calls.ts `renderValue`). */
function render(type: ParamType, value: SampleValue): string {
  if (Array.isArray(value)) {
    const parts = value.map((v, i) => render(type.baseType === "array" ? (type.arrayChildren as ParamType) : (type.components?.[i] as ParamType), v));
    return type.baseType === "array" ? `[${parts.join(", ")}]` : `(${parts.join(", ")})`;
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  return type.baseType === "string" ? value : value.toLowerCase();
}

/** The canonical signature of a fragment (tuples expanded), as the function table writes it. */
const signatureOf = (fn: FunctionFragment): string => fn.format("sighash");

/** Every state-changing function of every contract, in ABI order, with its sample call. */
export function sampleCalls(): SampleCall[] {
  const calls: SampleCall[] = [];
  let seed = 0;
  for (const { name } of [...CONTRACTS, ...DECODE_ONLY_CONTRACTS]) {
    const iface = new Interface(readFileSync(path.join(ABIS_DIR, `${name}.json`), "utf8"));
    iface.forEachFunction((fn) => {
      if (fn.stateMutability === "view" || fn.stateMutability === "pure") return;
      seed += 1;
      const values = fn.inputs.map((input, i) => sampleValue(input, seed * 100 + i));
      calls.push({
        contract: name,
        signature: signatureOf(fn),
        data: iface.encodeFunctionData(fn, values),
        arguments: fn.inputs.map((input, i) => `${input.name || `arg${i}`}: ${render(input, values[i] as SampleValue)}`),
      });
    });
  }
  return calls;
}

/** A call the Governor accepts as a proposal action, with calldata no ABI encoder writes, and what it must decode to. */
export interface OddCall {
  what: string;
  /** The target: one of our contracts, or `null` for an address that is not ours. */
  contract: ContractName | null;
  data: string;
  signature: string | null;
  /** `ProposalAction.arguments`: null when the call must be left undecoded. */
  arguments: string[] | null;
}

const word = (hex: string): string => hex.replace(/^0x/, "").padStart(64, "0");
const selectorOf = (signature: string): string => keccak256(toUtf8Bytes(signature)).slice(0, 10);

/**
 * Odd calldata that graph-node's ethereum.decode accepts (so the test host does not fail) and that the subgraph and
 * the indexer must render alike: a bool word of 2 (Solidity and viem refuse it, graph-node reads false: left
 * undecoded), dirty high bytes of an address, integer words above their type's range, invalid UTF-8, trailing data,
 * calldata shorter than a selector, an empty call, and a call to an address that is not ours.
 */
export function oddCalls(): OddCall[] {
  const revokeSeat = "revoke(address)";
  const setActive = "setAgencyActive(uint32,bool)";
  const issue = "issue(uint8,uint32,bytes32,bytes32,bytes32)";
  const revokeDoc = "revoke(uint256,string)";
  const hash = (byte: string) => `0x${byte.repeat(32)}`;
  return [
    { what: "bool word 2", contract: "AgencyRegistry", data: `${selectorOf(setActive)}${word("2")}${word("2")}`, signature: setActive, arguments: null },
    {
      what: "uint32 word above 2^32",
      contract: "AgencyRegistry",
      data: `${selectorOf(setActive)}${word("100000002")}${word("1")}`,
      signature: setActive,
      arguments: ["agencyId: 4294967298", "active: true"],
    },
    {
      what: "address with dirty high bytes",
      contract: "OfficialSeats",
      data: `${selectorOf(revokeSeat)}ff${"00".repeat(11)}${"ab".repeat(20)}`,
      signature: revokeSeat,
      arguments: [`official: 0x${"ab".repeat(20)}`],
    },
    {
      what: "uint8 word 300",
      contract: "DocumentRegistry",
      data: `${selectorOf(issue)}${word("12c")}${word("1")}${word(hash("aa"))}${word(hash("bb"))}${word(hash("cc"))}`,
      signature: issue,
      arguments: ["docType: 300", "agencyId: 1", `contentHash: ${hash("aa")}`, `metadataDigest: ${hash("bb")}`, `coSignatureDigest: ${hash("cc")}`],
    },
    {
      what: "invalid UTF-8 in a string",
      contract: "DocumentRegistry",
      data: `${selectorOf(revokeDoc)}${word("5")}${word("40")}${word("3")}41ff42${"00".repeat(29)}`,
      signature: revokeDoc,
      arguments: ["tokenId: 5", "reason: A\ufffdB"],
    },
    {
      what: "trailing data",
      contract: "OfficialSeats",
      data: `${selectorOf(revokeSeat)}${word("ab".repeat(20))}${word("99")}`,
      signature: revokeSeat,
      arguments: [`official: 0x${"ab".repeat(20)}`],
    },
    { what: "3 bytes", contract: "OfficialSeats", data: "0xabcdef", signature: null, arguments: null },
    { what: "empty call", contract: "OfficialSeats", data: "0x", signature: null, arguments: null },
    { what: "not our contract", contract: null, data: `${selectorOf(revokeSeat)}${word("1")}`, signature: null, arguments: null },
  ];
}
