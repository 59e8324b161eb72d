/**
 * Typed builders of proposal actions: each takes checked values and returns the call the Timelock will make.
 * `npm run gov -- propose <builder>` and the tests use them; the dApp's proposal builder builds the same calls.
 */
import { readFile } from "node:fs/promises";

import * as calls from "@government-dao/core/actions/encode";
import { type Address, type Hex, getAddress } from "viem";
import { Interface, ZeroAddress, toUtf8Bytes } from "ethers";

import type { Action } from "../contracts.js";
import { type SigningContext, demoKeyring } from "../documents.js";
import { PlainError } from "../explain-error.js";
import { calendarDay } from "@government-dao/core/appeals";
import { type AgencyKeys, parseAgencyKeyFile } from "@government-dao/core/cosignature";
import { type GovContext, LOCAL_CHAIN_ID } from "./context.js";
import { parseAmount, parseTime, shown } from "./inputs.js";

// The calls are encoded once, in core (core/src/actions/encode.ts, viem); these wrappers pass the deployment's
// addresses and convert the CLI's strings at the boundary.
const address = (text: string): Address => getAddress(text);
const hex = (text: string): Hex => text as Hex;

export const seatOfficial = (ctx: GovContext, official: string, agencyId: number, position: number): Action =>
  calls.seatOfficialCall(address(ctx.addresses.seats), { official: address(official), agencyId, position });

export const unseatOfficial = (ctx: GovContext, official: string): Action => calls.unseatOfficialCall(address(ctx.addresses.seats), address(official));

export const addAgency = (ctx: GovContext, id: number, name: string, pqKeyHash: string, registrars: readonly string[]): Action =>
  calls.addAgencyCall(address(ctx.addresses.agencies), { id, name, pqKeyHash: hex(pqKeyHash), registrars: registrars.map(address) });

export const addRegistrar = (ctx: GovContext, agencyId: number, account: string): Action =>
  calls.addRegistrarCall(address(ctx.addresses.agencies), agencyId, address(account));

export const issueDocument = (
  ctx: GovContext,
  doc: { docType: number; contentHash: string; metadataDigest: string; coSignatureDigest: string },
  agencyId: number,
): Action =>
  calls.issueDocumentCall(address(ctx.addresses.documents), {
    docType: doc.docType,
    agencyId,
    contentHash: hex(doc.contentHash),
    metadataDigest: hex(doc.metadataDigest),
    coSignatureDigest: hex(doc.coSignatureDigest),
  });

export const releaseMilestone = (ctx: GovContext, allocationId: bigint, index: bigint): Action =>
  calls.releaseMilestoneCall(address(ctx.addresses.escrow), allocationId, index);

/** The council's answer to appeal `appealId` (outcome: IAppeals.Outcome index), with its remedy document or 0. */
export const answerAppealAction = (ctx: GovContext, appealId: bigint, outcome: number, answerDigest: string, remedy: bigint): Action =>
  calls.answerAppealCall(address(ctx.addresses.appeals), appealId, outcome, hex(answerDigest), remedy);

/** Declares calendar days (ISO dates, Kazakhstan time) public holidays, working days, or ordinary again. */
export const setDayKinds = (ctx: GovContext, dates: readonly string[], kind: "holiday" | "working" | "default"): Action => {
  if (dates.length === 0 || dates.length > 64) throw new PlainError(`Give 1 to 64 dates (${dates.length} given).`);
  const days = dates.map((d) => {
    try {
      return calendarDay(d);
    } catch (error) {
      throw new PlainError(`${error instanceof Error ? error.message : String(error)}. Nothing was sent.`);
    }
  });
  return calls.setDayKindsCall(address(ctx.addresses.appeals), days, { default: 0, holiday: 1, working: 2 }[kind]);
};

export const cancelAllocation = (ctx: GovContext, allocationId: bigint, reason: string): Action =>
  calls.cancelAllocationCall(address(ctx.addresses.escrow), allocationId, reason);

/** Adds `token` to the escrow's allow-list, or removes it. */
export const setTokenAllowed = (ctx: GovContext, token: string, allowed: boolean): Action =>
  calls.setTokenAllowedCall(address(ctx.addresses.escrow), address(token), allowed);

/** A milestone as typed on the command line: `<amount>@<due date>:<description>`. */
export interface MilestoneInput {
  amount: bigint;
  deadline: number;
  description: string;
}

/** Parses `1500000@2027-03-31:Design approved` with the token's decimals. */
export function parseMilestone(text: string, decimals: number): MilestoneInput {
  const match = /^([^@]+)@([^:]+):(.+)$/.exec(text);
  if (!match) throw new PlainError(`Invalid milestone ${shown(text)}: expected <amount>@<YYYY-MM-DD>:<description>.`);
  return {
    amount: parseAmount(match[1] ?? "", decimals, "milestone amount"),
    deadline: parseTime(match[2] ?? "", "milestone deadline"),
    description: (match[3] ?? "").trim(),
  };
}

/**
 * `createAllocation`: the milestone descriptions are stored in the content store and only their sha-256 goes on
 * chain. `token` is an ERC-20 address or the zero address for the native coin.
 */
export async function createAllocation(
  ctx: GovContext,
  recipient: string,
  token: string,
  budgetDocumentId: string,
  milestones: readonly MilestoneInput[],
): Promise<Action> {
  if (milestones.length === 0) throw new PlainError("An allocation needs at least one --milestone.");
  const plan: calls.MilestonePlan[] = [];
  for (const m of milestones) {
    const stored = await ctx.store.put(toUtf8Bytes(m.description));
    plan.push({ amount: m.amount, deadline: m.deadline, descriptionHash: hex(stored.digest) });
  }
  return calls.createAllocationCall(address(ctx.addresses.escrow), { recipient: address(recipient), token: address(token), budgetDocumentId: BigInt(budgetDocumentId), milestones: plan });
}

/**
 * Appoints the proposal guardian, or removes the role with the zero address. A proposal made only of this call is a
 * guardian recall: the sitting guardian cannot cancel it (GovernmentGovernor.isGuardianRecall).
 */
export const setGuardian = (ctx: GovContext, guardian: string): Action => calls.setProposalGuardianCall(address(ctx.addresses.governor), address(guardian));

/** Governor and Timelock settings a proposal can change, by CLI name (core/src/actions/encode.ts). */
export { SETTINGS, type SettingName } from "@government-dao/core/actions/encode";

export function changeSetting(ctx: GovContext, name: string, value: bigint): Action {
  if (!calls.isSettingName(name)) throw new PlainError(`Unknown setting "${name}": use ${Object.keys(calls.SETTINGS).join(", ")}.`);
  try {
    return calls.changeSettingCall({ governor: address(ctx.addresses.governor), timelock: address(ctx.addresses.timelock) }, name, value);
  } catch (error) {
    if (error instanceof RangeError) throw new PlainError(`Invalid value for ${name}: ${error.message}.`);
    throw error;
  }
}

/** A raw call: `--target 0x… --signature "fn(uint256,address)" --args '[1,"0x…"]'`. */
export function rawCall(target: string, signature: string, argsJson: string, value: bigint): Action {
  let args: unknown;
  try {
    args = JSON.parse(argsJson);
  } catch {
    throw new PlainError(`Invalid --args: not JSON (${argsJson}).`);
  }
  if (!Array.isArray(args)) throw new PlainError("Invalid --args: expected a JSON array of arguments.");
  const fragment = /^\s*([A-Za-z_][A-Za-z0-9_]*)\((.*)\)\s*$/.exec(signature);
  if (!fragment) throw new PlainError(`Invalid --signature "${signature}": expected e.g. "setVotingDelay(uint48)".`);
  try {
    const iface = new Interface([`function ${signature}`]);
    return { target, value, data: iface.encodeFunctionData(fragment[1] ?? "", args) };
  } catch (error) {
    throw new PlainError(`Cannot encode ${signature} with ${argsJson}: ${error instanceof Error ? error.message.split(" (")[0] : String(error)}.`);
  }
}

/**
 * The signing context for documents: the co-signing agency's ML-DSA key comes from `--pq-key <file>` (JSON with
 * base64 `publicKey` and `secretKey`); on the local chain the public demo keys are used when no file is given.
 */
export async function signingContext(ctx: GovContext, pqKeyFile?: string): Promise<SigningContext> {
  let keys: (agencyId: number) => AgencyKeys;
  if (pqKeyFile) {
    const loaded = await loadKeyFile(pqKeyFile);
    keys = () => loaded;
  } else if (ctx.chainId === LOCAL_CHAIN_ID) {
    keys = demoKeyring();
  } else {
    throw new PlainError("Documents are co-signed with the agency's ML-DSA key: give it with --pq-key <file> (demo keys exist only on the local chain).");
  }
  return { store: ctx.store, chainId: ctx.chainId, registry: ctx.addresses.documents, keys };
}

async function loadKeyFile(file: string): Promise<AgencyKeys> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new PlainError(`Cannot read the ML-DSA key file ${file} (JSON with base64 publicKey and secretKey).`);
  }
  try {
    return parseAgencyKeyFile(text, file);
  } catch (error) {
    throw new PlainError(error instanceof Error ? error.message : String(error));
  }
}

/** Checks that the key about to co-sign is the one the AgencyRegistry holds for `agencyId` (before anything is sent). */
export async function assertRegisteredKey(ctx: GovContext, signing: SigningContext, coSigningAgency: number): Promise<void> {
  const registered = (await ctx.contracts.agencies.agency(coSigningAgency)).pqKeyHash;
  const ours = signing.keys(coSigningAgency).publicKeyHash;
  if (registered.toLowerCase() !== ours.toLowerCase()) {
    throw new PlainError(`The ML-DSA key given (sha-256 ${ours}) is not agency ${coSigningAgency}'s registered key (${registered}).`);
  }
}

/** The zero address stands for the native coin in the escrow. */
export const NATIVE = ZeroAddress;
