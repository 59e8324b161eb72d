// Names and decodes the calls of proposals and timelock operations whose target is one of our contracts, with core's
// decoder (core/src/actions/decode.ts) and the same rendering as the subgraph (subgraph/src/utils/calls.ts):
// signature `name(types)`, arguments "name: value" (core/src/actions/graph-args.ts).
import { type DecodedAction, contractLookup, decodeAction, functionBySelector } from "@government-dao/core/actions/decode";
import { functionSignature, renderArguments } from "@government-dao/core/actions/graph-args";
import { contractNamesByAddress, readDeployment } from "@government-dao/core/deployment";
import { DEFAULT_DEPLOYMENT_DIR } from "../../lib/paths.js";

export { canonicalType, renderValue } from "@government-dao/core/actions/graph-args";

/** A decoded call; fields are null when the target or the function is not one of ours. */
export interface DecodedCall {
  selector: `0x${string}` | null;
  contract: string | null;
  signature: string | null;
  arguments: string[] | null;
  /** Core's decoding (with the reason when a call to our contract does not decode). */
  decoded: DecodedAction;
}

/** The deployment the indexer indexes. */
export const deployment = readDeployment(process.env.INDEXER_DEPLOYMENT_DIR ?? DEFAULT_DEPLOYMENT_DIR);
/** Our contracts by address. */
export const ourContracts = contractLookup(contractNamesByAddress(deployment));

/**
 * Names the function of a call to `target` with `data` and decodes its arguments when the target is ours. As in the
 * subgraph, the signature is named whenever the selector is a state-changing function of the target, even when the
 * arguments do not decode (then `arguments` is null).
 */
export function decodeCall(target: string, data: `0x${string}`, value = 0n): DecodedCall {
  const decoded = decodeAction(ourContracts, { target, value, data });
  const selector = data.length >= 10 ? (data.slice(0, 10).toLowerCase() as `0x${string}`) : null;
  // As the subgraph: data shorter than a selector names nothing, not even the contract.
  const contract = decoded.kind === "unknownTarget" || selector === null ? null : decoded.contract;
  const fn = contract !== null && selector !== null ? functionBySelector(contract, selector) : undefined;
  return {
    selector,
    contract,
    signature: fn ? functionSignature(fn) : null,
    arguments: decoded.kind === "decoded" ? renderArguments(decoded.inputs, decoded.args.map((a) => a.value)) : null,
    decoded,
  };
}
