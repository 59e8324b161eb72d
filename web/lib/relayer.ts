/**
 * Server-only: the citizens' relayer. A citizen signs an appeal request (EIP-712, core/src/appeals.ts) with a key
 * made in the browser; the relayer checks it and submits it with its own account, so the citizen needs no wallet
 * and no coin. What it checks before spending gas, in order: the body size, the request's shape, the text's schema
 * (no personal data), the rate limits (per citizen key and per network address), the deadline and the signature
 * against the chain's nonce, and a simulation of the call (custom errors come back as plain sentences). The
 * contract checks the signature and the nonce again: the relayer cannot forge or replay a request, only refuse it.
 *
 * The relayer's account: RELAYER_PRIVATE_KEY (a funded key of the deployment, with a nonce manager), or on the local
 * chain with development accounts the keeper's unlocked account (anvil signs, so its nonces never collide with the
 * keeper's). Otherwise there is no relayer and the routes answer 501.
 */
import { type Address, type Hex, BaseError, RawContractError, createPublicClient, createWalletClient, encodeFunctionData, http, parseEventLogs, verifyTypedData } from "viem";
import { nonceManager, privateKeyToAccount } from "viem/accounts";
import { z } from "zod";

import { abis } from "@government-dao/core/abis";
import { APPEAL_REQUEST_TYPES, APPEAL_SUBJECT_KINDS, appealDigest, appealJson, appealNoteSchema, appealTextSchema, appealsDomain } from "@government-dao/core/appeals";
import { openContentStore } from "@government-dao/core/content-store";
import { decodeCustomError, sentenceFor } from "@government-dao/core/errors";
import { contentDir, runtimeConfig } from "@/lib/runtime";

/** Largest request body accepted, in bytes (a 10,000-character text in UTF-8 with its envelope fits). */
export const MAX_REQUEST_BYTES = 48 * 1024;
/** Requests per citizen key, and per network address, within {@link RATE_WINDOW_MS}. */
export const RATE_PER_KEY = 5;
export const RATE_PER_ADDRESS = 20;
export const RATE_WINDOW_MS = 60 * 60 * 1000;

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((a) => a as Address);
const uint = z.string().regex(/^\d{1,78}$/).transform(BigInt);
const signed = { filer: address, deadline: uint, signature: hex.transform((s) => s as Hex) };

/** What the browser posts: one of the three requests a filer signs, with its text where it has one. */
export const relayRequestSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("file"), kind: z.enum(APPEAL_SUBJECT_KINDS), subject: uint, text: appealTextSchema, ...signed }),
  z.strictObject({ type: z.literal("followUp"), appealId: uint, text: appealNoteSchema, ...signed }),
  z.strictObject({ type: z.literal("withdraw"), appealId: uint, ...signed }),
]);
export type RelayRequest = z.infer<typeof relayRequestSchema>;

/** A refusal: HTTP status, a stable code for the dApp's messages, and a plain English sentence. */
export class RelayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Sliding-window counters per key, in memory (one relayer process; restart forgets, which only loosens limits). */
class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  /** Counts a request for `key`; the seconds to wait when the limit is spent, else undefined. */
  take(key: string, now = Date.now()): number | undefined {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) return Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 100_000) this.hits.delete(this.hits.keys().next().value ?? "");
    return undefined;
  }
}
const perKey = new RateLimiter(RATE_PER_KEY, RATE_WINDOW_MS);
const perAddress = new RateLimiter(RATE_PER_ADDRESS, RATE_WINDOW_MS);

interface Relayer {
  account: Address | ReturnType<typeof privateKeyToAccount>;
  sender: Address;
}

function relayerAccount(): Relayer | undefined {
  const key = process.env.RELAYER_PRIVATE_KEY;
  if (key && /^0x[0-9a-fA-F]{64}$/.test(key)) {
    const account = privateKeyToAccount(key as Hex, { nonceManager });
    return { account, sender: account.address };
  }
  const keeper = runtimeConfig().devAccounts.find((a) => a.role === "keeper");
  return keeper ? { account: keeper.address, sender: keeper.address } : undefined;
}

/** Whether this server can relay (a relayer account and a deployed Appeals contract). */
export const relayAvailable = (): boolean => relayerAccount() !== undefined && runtimeConfig().addresses.Appeals !== undefined;

/** Whether the filer signed request `r` (text digest `digest`) with its current nonce `nonce`, for this chain and contract. */
function signedByFiler(r: RelayRequest, digest: Hex, nonce: bigint, domain: ReturnType<typeof appealsDomain>): Promise<boolean> {
  const base = { address: r.filer, domain, types: APPEAL_REQUEST_TYPES, signature: r.signature } as const;
  if (r.type === "file") {
    const message = { kind: APPEAL_SUBJECT_KINDS.indexOf(r.kind), subject: r.subject, bodyDigest: digest, nonce, deadline: r.deadline };
    return verifyTypedData({ ...base, primaryType: "FileAppeal", message });
  }
  if (r.type === "followUp") return verifyTypedData({ ...base, primaryType: "FollowUpAppeal", message: { appealId: r.appealId, bodyDigest: digest, nonce, deadline: r.deadline } });
  return verifyTypedData({ ...base, primaryType: "WithdrawAppeal", message: { appealId: r.appealId, nonce, deadline: r.deadline } });
}

/** A revert as a refusal with the contract's custom error in plain words. */
function refusalOf(error: unknown): RelayError {
  const raw = error instanceof BaseError ? error.walk((e) => e instanceof RawContractError) : undefined;
  const data = raw instanceof RawContractError && typeof raw.data === "string" ? raw.data : undefined;
  const decoded = data === undefined ? undefined : decodeCustomError(data);
  if (decoded) return new RelayError(400, decoded.name, sentenceFor(decoded) ?? `The contract refused the request (${decoded.name}).`);
  return new RelayError(502, "chainUnavailable", "The chain could not be reached; nothing was submitted. Try again later.");
}

export interface RelayResult {
  appealId: string;
  transactionHash: Hex;
  blockNumber: string;
}

/** Checks and submits one request from network address `client`; throws a {@link RelayError} on any refusal. */
export async function relay(raw: unknown, client: string): Promise<RelayResult> {
  const relayer = relayerAccount();
  const config = runtimeConfig();
  const appeals = config.addresses.Appeals;
  if (!relayer || !appeals) throw new RelayError(501, "relayUnavailable", "This server has no relayer for appeals (no funded relayer key is configured).");
  const parsed = relayRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RelayError(400, /personal data/.test(issue?.message ?? "") ? "personalData" : "invalidRequest", `${issue?.path.join(".") || "request"}: ${issue?.message ?? "invalid"}`);
  }
  const r = parsed.data;
  const waitAddress = perAddress.take(client);
  if (waitAddress !== undefined) throw new RelayError(429, "rateLimited", "Too many appeal requests from this network address.", waitAddress);

  const publicClient = createPublicClient({ transport: http(config.rpcUrl, { timeout: 10_000, retryCount: 0 }) });
  const now = BigInt(Math.floor(Date.now() / 1000));
  const latest = await publicClient.getBlock().catch(() => undefined);
  if (!latest) throw new RelayError(502, "chainUnavailable", "The chain could not be reached; nothing was submitted. Try again later.");
  if (r.deadline < latest.timestamp) throw new RelayError(400, "SignatureExpired", "The signed request has expired; sign it again.");
  if (r.deadline > (latest.timestamp > now ? latest.timestamp : now) + 86_400n) throw new RelayError(400, "invalidRequest", "deadline: at most one day ahead");

  const json = "text" in r ? appealJson(r.text) : undefined;
  const digest: Hex = "text" in r ? appealDigest(r.text) : "0x";
  const nonce = await publicClient.readContract({ address: appeals, abi: abis.Appeals, functionName: "nonces", args: [r.filer] });
  const valid = await signedByFiler(r, digest, nonce, appealsDomain(config.chainId, appeals)).catch(() => false);
  if (!valid) throw new RelayError(400, "InvalidSignature", "The request is not signed by this key for this chain, or it was already used.");
  // Counted only for requests the key really signed, so nobody can spend a citizen's allowance for them.
  const waitKey = perKey.take(r.filer.toLowerCase());
  if (waitKey !== undefined) throw new RelayError(429, "rateLimited", "Too many requests signed by this key.", waitKey);

  const abi = abis.Appeals;
  const data =
    r.type === "file"
      ? encodeFunctionData({ abi, functionName: "file", args: [APPEAL_SUBJECT_KINDS.indexOf(r.kind), r.subject, digest, r.filer, r.deadline, r.signature] })
      : r.type === "followUp"
        ? encodeFunctionData({ abi, functionName: "followUp", args: [r.appealId, digest, r.deadline, r.signature] })
        : encodeFunctionData({ abi, functionName: "withdraw", args: [r.appealId, r.deadline, r.signature] });
  try {
    await publicClient.call({ account: relayer.sender, to: appeals, data });
  } catch (error) {
    throw refusalOf(error);
  }
  // Stored before submission: the digest on chain must always name a file anyone can read.
  if (json !== undefined) await openContentStore(contentDir()).putText(json);
  const wallet = createWalletClient({ account: relayer.account, transport: http(config.rpcUrl, { timeout: 30_000, retryCount: 0 }) });
  let hash: Hex;
  try {
    hash = await wallet.sendTransaction({ to: appeals, data, chain: null });
  } catch (error) {
    throw refusalOf(error);
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 60_000 });
  if (receipt.status !== "success") throw new RelayError(502, "reverted", "The transaction was mined but reverted; nothing changed.");
  const appealId =
    r.type === "file" ? parseEventLogs({ abi: abis.Appeals, eventName: "AppealFiled", logs: receipt.logs })[0]?.args.appealId : r.appealId;
  return { appealId: String(appealId ?? ""), transactionHash: hash, blockNumber: receipt.blockNumber.toString() };
}
