/**
 * The appeal procedure's shared facts (contracts/appeals/Appeals.sol): its enums in the contract's order, the
 * EIP-712 requests a citizen signs with the key made for the appeal, the working-day calendar's day numbers, and
 * the schemas of the texts whose sha-256 the chain holds (appeal, answer, note; personal data refused), so that the
 * dApp, the CLI, the relayer, the seed and the tests sign, write and check exactly what the contract verifies.
 * Browser-safe.
 */
import { z } from "zod";

import { sha256Hex } from "./content-read.ts";
import { CALENDAR_OFFSET_SECONDS } from "./dates.ts";

/** What an appeal contests, by `IAppeals.SubjectKind` index. */
export const APPEAL_SUBJECT_KINDS = ["document", "proposal"] as const;
/** An appeal's life cycle, by `IAppeals.State` index (index 0, "none", is no appeal). */
export const APPEAL_STATES = ["none", "filed", "forwarded", "extended", "answered", "withdrawn"] as const;
/** An answer's verdict, by `IAppeals.Outcome` index. */
export const APPEAL_OUTCOMES = ["none", "upheld", "partlyUpheld", "rejected"] as const;
/** The verdicts an answer may give (every outcome but "none"). */
export const APPEAL_VERDICTS = ["upheld", "partlyUpheld", "rejected"] as const satisfies readonly (typeof APPEAL_OUTCOMES)[number][];
export type AppealVerdict = (typeof APPEAL_VERDICTS)[number];
/** Whether an appeal in `state` (a name of {@link APPEAL_STATES}) still waits for its answer. */
export const isPendingAppeal = (state: string): boolean => state === "filed" || state === "forwarded" || state === "extended";

/** The EIP-712 domain's name and version, as the Appeals constructor fixes them. */
export const APPEALS_DOMAIN = { name: "GovernmentDAO Appeals", version: "1" } as const;

/** The domain of the Appeals contract at `verifyingContract` on chain `chainId`. */
export const appealsDomain = (chainId: number | bigint, verifyingContract: `0x${string}`) => ({
  ...APPEALS_DOMAIN,
  chainId: BigInt(chainId),
  verifyingContract,
});

/**
 * The signed requests (EIP-712 types, as viem's `signTypedData` and ethers' `signTypedData` take them). Each carries
 * the filer's nonce (`Appeals.nonces(filer)`) and a deadline, so a request is valid once, on one chain, until then.
 */
export const APPEAL_REQUEST_TYPES = {
  FileAppeal: [
    { name: "kind", type: "uint8" },
    { name: "subject", type: "uint256" },
    { name: "bodyDigest", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  WithdrawAppeal: [
    { name: "appealId", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  FollowUpAppeal: [
    { name: "appealId", type: "uint256" },
    { name: "bodyDigest", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** Kazakhstan time minus UTC, in seconds (core/src/dates.ts): the appeals calendar counts days in it. */
export { CALENDAR_OFFSET_SECONDS } from "./dates.ts";

/** The calendar's day number (days since 1970-01-01 in UTC+5) of an ISO date `yyyy-mm-dd`. */
export function calendarDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`"${isoDate}" is not a date as yyyy-mm-dd`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== isoDate) throw new Error(`"${isoDate}" is not a calendar date`);
  return ms / 86_400_000;
}

/** The calendar's day number of a moment (Unix seconds), as `WorkingDayCalendar.dayOf` computes it. */
export const calendarDayOf = (timestamp: number): number => Math.floor((timestamp + CALENDAR_OFFSET_SECONDS) / 86_400);

// ─── The texts (content-store JSON; the chain holds their sha-256) ────────────────────────────────────────────

/** The languages an appeal or an answer is written in. */
export const APPEAL_LANGUAGES = ["kk", "ru", "en"] as const;
/** Longest appeal, answer or note, in characters. */
export const MAX_APPEAL_TEXT = 10_000;

/**
 * Personal data an appeal must not carry: everything it says is public for ever. Heuristics, each named so the
 * refusal can say which: an e-mail address, a phone number (Kazakhstan's +7/8 and international forms), an IIN or
 * BIN (12 digits in a row) and a self-introduction with a name ("my name is …", "меня зовут …", "менің атым …").
 * Contact details stay with the citizen: the appeal is followed by its key, not by a name.
 */
export const PERSONAL_DATA_PATTERNS = {
  email: /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/iu,
  phone: /(?:\+\d{1,3}|\b8)[\s\-().]*\d{3}[\s\-().]*\d{3}[\s\-().]*\d{2}[\s\-().]*\d{2}\b/u,
  iin: /(?<!\d)\d{12}(?!\d)/u,
  // \b is ASCII-only even with /u: letters of any script bound the phrase instead.
  name: /(?<![\p{L}\p{N}])(?:my name is|меня зовут|моя фамилия|менің атым|менің есімім|менің тегім)(?![\p{L}\p{N}])/iu,
} as const;
export type PersonalDataKind = keyof typeof PERSONAL_DATA_PATTERNS;

/** Which kinds of personal data `text` seems to hold (empty: none found). */
export const personalDataIn = (text: string): PersonalDataKind[] =>
  (Object.keys(PERSONAL_DATA_PATTERNS) as PersonalDataKind[]).filter((kind) => PERSONAL_DATA_PATTERNS[kind].test(text));

const publicText = (min: number) =>
  z
    .string()
    .trim()
    .min(min, `at least ${min} characters`)
    .max(MAX_APPEAL_TEXT, `at most ${MAX_APPEAL_TEXT.toLocaleString("en")} characters`)
    .superRefine((text, ctx) => {
      const found = personalDataIn(text);
      if (found.length > 0) ctx.addIssue({ code: "custom", message: `personal data is not allowed in a public text (${found.join(", ")}): remove it` });
    });

/** An appeal's text, as the citizen wrote it (schema `government-dao/appeal@1`). */
export const appealTextSchema = z
  .object({ schema: z.literal("government-dao/appeal@1"), language: z.enum(APPEAL_LANGUAGES), text: publicText(20) })
  .strict();
/** A reasoned answer (schema `government-dao/appeal-answer@1`): the verdict and its reasons (art. 79). */
export const appealAnswerSchema = z
  .object({
    schema: z.literal("government-dao/appeal-answer@1"),
    language: z.enum(APPEAL_LANGUAGES),
    outcome: z.enum(APPEAL_VERDICTS),
    reasons: publicText(20),
  })
  .strict();
/** A note on an appeal: forwarding or extension reasons, or the filer's follow-up (schema `government-dao/appeal-note@1`). */
export const appealNoteSchema = z
  .object({ schema: z.literal("government-dao/appeal-note@1"), language: z.enum(APPEAL_LANGUAGES), text: publicText(5) })
  .strict();
export type AppealText = z.infer<typeof appealTextSchema>;
export type AppealAnswer = z.infer<typeof appealAnswerSchema>;
export type AppealNote = z.infer<typeof appealNoteSchema>;

/** The exact bytes stored for a text (one JSON line): its sha-256 is the digest the chain holds. */
export const appealJson = (value: AppealText | AppealAnswer | AppealNote): string => `${JSON.stringify(value)}\n`;

/** The digest the chain holds for a text: sha-256 of {@link appealJson}, 0x lower-case hex. */
export const appealDigest = (value: AppealText | AppealAnswer | AppealNote): `0x${string}` => sha256Hex(new TextEncoder().encode(appealJson(value)));
