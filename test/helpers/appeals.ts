/**
 * A citizen's side of the appeal procedure in tests: a key made for the appeal (no coin, no seat) signs the
 * EIP-712 requests of core/src/appeals.ts, and a relayer submits them. Shared by the Appeals tests and the
 * access-control matrix.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { type BaseWallet, type ContractTransactionResponse, Wallet, id } from "ethers";

import { APPEAL_REQUEST_TYPES, appealsDomain } from "@government-dao/core/appeals";
import { type System, hashOf } from "./fixtures.js";

/** `IAppeals.SubjectKind`. */
export const Subject = { Document: 0, Proposal: 1 } as const;
/** `IAppeals.State`. */
export const AppealState = { None: 0, Filed: 1, Forwarded: 2, Extended: 3, Answered: 4, Withdrawn: 5 } as const;
/** `IAppeals.Outcome`. */
export const Outcome = { None: 0, Upheld: 1, PartlyUpheld: 2, Rejected: 3 } as const;

type RequestType = keyof typeof APPEAL_REQUEST_TYPES;

/**
 * A fresh key, as the dApp makes one in the browser for each citizen; or, given a `seed`, the same key on every run
 * (the gas bench needs the same calldata bytes each time).
 */
export const citizenKey = (seed?: string): BaseWallet => (seed === undefined ? Wallet.createRandom() : new Wallet(id(seed)));

/** `signer`'s EIP-712 signature of a `type` request to the Appeals contract of `s` (chain id overridable). */
export async function signRequest(
  s: System,
  signer: BaseWallet,
  type: RequestType,
  message: Record<string, unknown>,
  chainId?: bigint,
): Promise<string> {
  const chain = chainId ?? (await s.appeals.runner!.provider!.getNetwork()).chainId;
  const domain = appealsDomain(chain, s.appeals.target as `0x${string}`);
  return signer.signTypedData(domain, { [type]: [...APPEAL_REQUEST_TYPES[type]] }, message);
}

/** A deadline one hour after the chain's latest block. */
export async function deadlineOf(s: System): Promise<bigint> {
  const block = await s.appeals.runner!.provider!.getBlock("latest");
  return BigInt(block!.timestamp) + 3_600n;
}

/**
 * The arguments of `Appeals.file` for `filer`'s appeal against `subject`, signed with its current nonce, valid for an
 * hour unless a `deadline` is given.
 */
export async function filing(s: System, filer: BaseWallet, kind: number, subject: bigint | string, text = "I contest this act", deadline?: bigint) {
  deadline ??= await deadlineOf(s);
  const bodyDigest = hashOf(text);
  const nonce = await s.appeals.nonces(filer.address);
  const signature = await signRequest(s, filer, "FileAppeal", { kind, subject: BigInt(subject), bodyDigest, nonce, deadline });
  return [kind, BigInt(subject), bodyDigest, filer.address, deadline, signature] as const;
}

/** Files `filer`'s appeal through `relayer` and returns its number. */
export async function fileAppeal(
  s: System,
  relayer: HardhatEthersSigner,
  filer: BaseWallet,
  kind: number,
  subject: bigint | string,
): Promise<bigint> {
  const tx: ContractTransactionResponse = await s.appeals.connect(relayer).file(...(await filing(s, filer, kind, subject)));
  await tx.wait();
  return s.appeals.appealCount();
}
