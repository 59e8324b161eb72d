/**
 * Appeals from the command line: a citizen files one (a key is made for it and written to a file only its owner
 * can read; the CLI's account relays the signed request, as the dApp's relayer does), anyone reads one, a
 * registrar answers one of its agency. The council answers by proposal (`propose answer-appeal`, builders.ts).
 * Texts are validated with core's schemas (no personal data) and stored in the content store before anything is sent.
 */
import { open } from "node:fs/promises";

import { Wallet } from "ethers";

import {
  APPEAL_OUTCOMES,
  APPEAL_REQUEST_TYPES,
  APPEAL_STATES,
  APPEAL_SUBJECT_KINDS,
  type AppealVerdict,
  appealAnswerSchema,
  appealJson,
  appealNoteSchema,
  appealTextSchema,
  appealsDomain,
} from "@government-dao/core/appeals";
import { hex32 } from "@government-dao/core/enums";
import { PlainError } from "../explain-error.js";
import { jsonSafe, terminalSafe } from "../terminal-text.js";
import { type Output, iso } from "./commands-governance.js";
import { type GovContext, readKeyFile } from "./context.js";
import { sendChecked } from "./transactions.js";

export type AppealLanguage = "kk" | "ru" | "en";
export type Verdict = AppealVerdict;

const body = (respondent: bigint): string => (respondent === 0n ? "the council (answers by proposal)" : `agency ${respondent}`);

/** The first problem of a text that core's schema refuses, as one plain line ending in "Nothing was sent.". */
function refusal(issues: readonly { path: PropertyKey[]; message: string }[]): PlainError {
  const issue = issues[0];
  return new PlainError(`${issue?.path.map(String).join(".") || "text"}: ${issue?.message ?? "invalid"}. Nothing was sent.`);
}

/** Writes `key` to `file`, which must not exist yet, readable by its owner only. */
async function writeKeyFile(file: string, key: string): Promise<void> {
  let handle;
  try {
    handle = await open(file, "wx", 0o600);
  } catch {
    throw new PlainError(`Cannot create ${file} (it exists, or the folder is not writable): the tracking code is never written over. Nothing was sent.`);
  }
  await handle.writeFile(`${key}\n`);
  await handle.close();
}

/** Files an appeal against a document (sha-256) or a proposal (id); returns its number. */
export async function fileAppeal(
  ctx: GovContext,
  io: Output,
  kind: (typeof APPEAL_SUBJECT_KINDS)[number],
  subject: bigint,
  options: { text: string; language: AppealLanguage; keyOut: string },
): Promise<bigint> {
  const parsed = appealTextSchema.safeParse({ schema: "government-dao/appeal@1", language: options.language, text: options.text });
  if (!parsed.success) throw refusal(parsed.error.issues);
  const { appeals } = ctx.contracts;
  const citizen = Wallet.createRandom();
  const kindIndex = APPEAL_SUBJECT_KINDS.indexOf(kind);
  // Checked before the key file exists or anything is stored: an unknown act leaves nothing behind.
  const named = kind === "document" ? hex32(subject) : subject.toString();
  const known = kind === "document" ? (await ctx.contracts.documents.verify(named)).found : (await ctx.contracts.governor.proposalSnapshot(subject)) > 0n;
  if (!known) throw new PlainError(`There is no ${kind} ${named} to appeal against. Nothing was sent.`);
  await writeKeyFile(options.keyOut, citizen.privateKey);
  const { digest } = await ctx.store.putText(appealJson(parsed.data));
  const deadline = BigInt(((await ctx.provider.getBlock("latest"))?.timestamp ?? 0) + 3_600);
  const nonce = await appeals.nonces(citizen.address);
  const domain = appealsDomain(ctx.chainId, ctx.addresses.appeals as `0x${string}`);
  const signature = await citizen.signTypedData(domain, { FileAppeal: [...APPEAL_REQUEST_TYPES.FileAppeal] }, { kind: kindIndex, subject, bodyDigest: digest, nonce, deadline });
  const receipt = await sendChecked(ctx, "file the appeal", ctx.as().appeals.file.populateTransaction(kindIndex, subject, digest, citizen.address, deadline, signature));
  const id = await appeals.appealCount();
  const a = await appeals.appeal(id);
  io.out(`Appeal No. ${id} filed in tx ${receipt.hash}: ${body(a.respondent)} must answer by ${iso(a.dueAt)}.`);
  io.out(`Its tracking code (the key that signed it) is in ${terminalSafe(options.keyOut)}: keep it, it withdraws or adds to the appeal.`);
  return id;
}

/**
 * The filer adds a message to (`text`) or withdraws (no text) a pending appeal, signing with the appeal's key from
 * `keyFile` (readable by its owner only); the CLI's account relays the request.
 */
export async function filerRequest(ctx: GovContext, io: Output, id: bigint, keyFile: string, note?: { text: string; language: AppealLanguage }): Promise<void> {
  const { appeals } = ctx.contracts;
  if (id < 1n || id > (await appeals.appealCount())) throw new PlainError(`There is no appeal No. ${id}. Nothing was sent.`);
  const citizen = readKeyFile(keyFile);
  const a = await appeals.appeal(id);
  if (a.filer !== citizen.address) throw new PlainError(`The key in ${terminalSafe(keyFile)} did not file appeal No. ${id}. Nothing was sent.`);
  const parsed = note ? appealNoteSchema.safeParse({ schema: "government-dao/appeal-note@1", language: note.language, text: note.text }) : undefined;
  if (parsed && !parsed.success) throw refusal(parsed.error.issues);
  const deadline = BigInt(((await ctx.provider.getBlock("latest"))?.timestamp ?? 0) + 3_600);
  const nonce = await appeals.nonces(citizen.address);
  const domain = appealsDomain(ctx.chainId, ctx.addresses.appeals as `0x${string}`);
  if (parsed?.success) {
    const { digest } = await ctx.store.putText(appealJson(parsed.data));
    const signature = await citizen.signTypedData(domain, { FollowUpAppeal: [...APPEAL_REQUEST_TYPES.FollowUpAppeal] }, { appealId: id, bodyDigest: digest, nonce, deadline });
    const receipt = await sendChecked(ctx, "add the message", ctx.as().appeals.followUp.populateTransaction(id, digest, deadline, signature));
    io.out(`Message added to appeal No. ${id} in tx ${receipt.hash}.`);
    return;
  }
  const signature = await citizen.signTypedData(domain, { WithdrawAppeal: [...APPEAL_REQUEST_TYPES.WithdrawAppeal] }, { appealId: id, nonce, deadline });
  const receipt = await sendChecked(ctx, "withdraw the appeal", ctx.as().appeals.withdraw.populateTransaction(id, deadline, signature));
  io.out(`Appeal No. ${id} withdrawn in tx ${receipt.hash}.`);
}

/** Prints one appeal as the chain has it (and its texts from the content store). */
export async function appealStatus(ctx: GovContext, io: Output, id: bigint, json: boolean): Promise<void> {
  const { appeals } = ctx.contracts;
  if (id < 1n || id > (await appeals.appealCount())) throw new PlainError(`There is no appeal No. ${id}.`);
  const a = await appeals.appeal(id);
  const text = async (digest: string) => {
    if (/^0x0{64}$/.test(digest)) return undefined;
    try {
      return JSON.parse(new TextDecoder().decode(await ctx.store.getByDigest(digest))) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const status = {
    appeal: id.toString(),
    state: APPEAL_STATES[Number(a.state)],
    contests: `${APPEAL_SUBJECT_KINDS[Number(a.kind)]} ${a.kind === 0n ? hex32(a.subject) : a.subject}`,
    respondent: body(a.respondent),
    filedAt: iso(a.filedAt),
    dueAt: iso(a.dueAt),
    overdue: await appeals.isOverdue(id),
    outcome: a.outcome === 0n ? null : APPEAL_OUTCOMES[Number(a.outcome)],
    answeredAt: a.answeredAt === 0n ? null : iso(a.answeredAt),
    remedy: a.remedy === 0n ? null : hex32(a.remedy),
    text: (await text(a.bodyDigest))?.text ?? null,
    reasons: (await text(a.answerDigest))?.reasons ?? null,
  };
  if (json) {
    io.out(jsonSafe(status));
    return;
  }
  for (const [key, value] of Object.entries(status)) if (value !== null) io.out(`${key.padEnd(11)} ${terminalSafe(String(value))}`);
}

/** The stored answer's digest: the verdict and the reasons, validated, written to the content store. */
export async function storeAnswer(ctx: GovContext, outcome: Verdict, reasons: string, language: AppealLanguage): Promise<string> {
  const parsed = appealAnswerSchema.safeParse({ schema: "government-dao/appeal-answer@1", language, outcome, reasons });
  if (!parsed.success) throw refusal(parsed.error.issues);
  return (await ctx.store.putText(appealJson(parsed.data))).digest;
}

/** A registrar answers an appeal its agency must answer. */
export async function answerAppeal(
  ctx: GovContext,
  io: Output,
  id: bigint,
  options: { outcome: Verdict; reasons: string; language: AppealLanguage; remedy?: string },
): Promise<void> {
  const { appeals } = ctx.contracts;
  if (id < 1n || id > (await appeals.appealCount())) throw new PlainError(`There is no appeal No. ${id}. Nothing was sent.`);
  const digest = await storeAnswer(ctx, options.outcome, options.reasons, options.language);
  const remedy = options.remedy ? BigInt(options.remedy) : 0n;
  const receipt = await sendChecked(ctx, "answer the appeal", ctx.as().appeals.answer.populateTransaction(id, APPEAL_OUTCOMES.indexOf(options.outcome), digest, remedy));
  io.out(`Appeal No. ${id} answered (${options.outcome}) in tx ${receipt.hash}.`);
}
