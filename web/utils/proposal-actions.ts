/**
 * The proposal builder's pure part: the zod schemas of the typed action forms, and the step from a checked form to
 * the call the Timelock will make through core's encoders (core/src/actions/encode.ts, the same calls
 * scripts/lib/gov/builders.ts builds for `npm run gov -- propose …`); calls are decoded back with core's decoder.
 * Every problem is a message key under `builder.problems`.
 */
import { type Address, type Hex, getAddress, isAddress, parseUnits } from "viem";
import { z } from "zod";

import "@/utils/zod-jitless";
import { type DecodedAction, contractLookup, decodeAction } from "@government-dao/core/actions/decode";
import * as calls from "@government-dao/core/actions/encode";
import { CENTRAL_GOVERNMENT_AGENCY_ID, CENTRAL_GOVERNMENT_NAMES } from "@government-dao/core/agencies";
import { APPEAL_OUTCOMES, type AppealVerdict } from "@government-dao/core/appeals";
import type { ContractName } from "@government-dao/core/contracts";
import { ENACTED_DOCUMENT_TYPES } from "@government-dao/core/enums";
import { RATIONALE_MAX, TITLE_MAX } from "@government-dao/core/proposal-description";
import { DOC_TYPES } from "@/utils/format";

/** One call of a proposal, as the Governor's `propose` takes it. */
export type ProposalCall = calls.ProposalCall;

export type Addresses = Partial<Record<ContractName, Address>>;

/** The zero address stands for the native coin in the escrow. */
export const NATIVE = calls.NATIVE;

/** The central government (agency id 0) issues decrees, laws and budgets; its metadata names it as core does. */
export const CENTRAL_GOVERNMENT = { id: CENTRAL_GOVERNMENT_AGENCY_ID, name: CENTRAL_GOVERNMENT_NAMES.en } as const;

/** Types a proposal mints (the others are issued by registrars): core's list. */
export const ENACTED_DOC_TYPES = ENACTED_DOCUMENT_TYPES;

/** Positions with a name (any uint16 is allowed on chain; the dApp offers the named ones). */
export const POSITIONS = [1, 2, 3] as const;

/**
 * The description of a proposal, exactly as the CLI writes it: `# title`, the rationale and OpenZeppelin's
 * `#proposer=<address>` suffix, so nobody else can submit the same proposal first (scripts/lib/proposal-description.ts).
 */
export { proposalDescription } from "@government-dao/core/proposal-description";

// ─── Form schemas ────────────────────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const address = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .refine((v) => isAddress(v, { strict: false }), { error: "invalidAddress" })
  .transform((v) => getAddress(v));
const uint = (max: bigint, error = "invalidNumber") =>
  z
    .string()
    .trim()
    .min(1, { error: "required" })
    .regex(/^\d{1,78}$/, { error })
    .transform((v) => BigInt(v))
    .refine((v) => v <= max, { error });
const agencyId = z.number({ error: "agencyRequired" }).int().min(1, { error: "agencyRequired" }).max(0xffffffff, { error: "agencyRequired" });
const hash32 = (error: string) => z.string({ error }).regex(/^0x[0-9a-fA-F]{64}$/, { error }).transform((v) => v.toLowerCase() as Hex);
const isoDate = z.iso.date({ error: "invalidDate" });

/** The limits readers cap a description at (core/src/proposal-description.ts): the builder writes nothing longer. */
export const proposalTextSchema = z.object({ title: text(TITLE_MAX), rationale: text(RATIONALE_MAX) });

export const seatFormSchema = z.object({
  official: address,
  agencyId,
  position: uint(0xffffn, "invalidPosition").transform(Number),
});

export const agencyFormSchema = z
  .object({
    id: uint(0xffffffffn).refine((v) => v > 0n, { error: "invalidNumber" }).transform(Number),
    name: text(200),
    keyHash: hash32("invalidKeyHash"),
    registrars: z
      .string()
      .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
      .pipe(z.array(z.string().refine((v) => isAddress(v, { strict: false }), { error: "invalidRegistrars" }).transform((v) => getAddress(v))).max(20, { error: "tooMany" })),
  })
  .refine((f) => new Set(f.registrars).size === f.registrars.length, { error: "duplicateRegistrar", path: ["registrars"] });

export const decreeFormSchema = z
  .object({
    contentHash: hash32("fileRequired"),
    type: z.enum(ENACTED_DOC_TYPES, { error: "required" }),
    number: text(64),
    titleKk: text(300),
    titleRu: text(300),
    titleEn: text(300),
    adopted: isoDate,
    effective: isoDate.optional(),
  })
  .refine((f) => !f.effective || f.effective >= f.adopted, { error: "effectiveBeforeAdopted", path: ["effective"] });

/** A milestone as typed: amount in whole tokens (decimals allowed), due date, description. */
const milestoneForm = z.object({
  amount: z.string().trim().min(1, { error: "required" }).regex(/^\d+(\.\d+)?$/, { error: "invalidAmount" }),
  due: isoDate,
  description: text(500),
});

/** Today (UTC) as YYYY-MM-DD: the earliest due date a milestone may have is tomorrow. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const allocationFormSchema = (decimals: number, today: string) =>
  z.object({
    recipient: address,
    token: z.string().refine((v) => isAddress(v, { strict: false }), { error: "required" }).transform((v) => getAddress(v)),
    budgetDocumentId: hash32("budgetRequired"),
    milestones: z
      .array(
        milestoneForm
          .refine((m) => !/^\d+(\.\d+)?$/.test(m.amount) || (m.amount.split(".")[1]?.length ?? 0) <= decimals, { error: "tooManyDecimals", path: ["amount"] })
          .refine((m) => !/^\d+(\.\d+)?$/.test(m.amount) || parseUnits(m.amount, decimals) > 0n, { error: "zeroAmount", path: ["amount"] })
          .refine((m) => m.due > today, { error: "dateInPast", path: ["due"] }),
      )
      .min(1, { error: "noMilestones" })
      .max(50, { error: "tooMany" }),
  });

export const releaseFormSchema = z.object({
  allocationId: uint(2n ** 256n - 1n).refine((v) => v > 0n, { error: "invalidNumber" }),
  /** The milestone's number as people count it (from 1, as the budget page does); the call takes its index. */
  milestone: uint(2n ** 256n - 1n).refine((v) => v > 0n, { error: "invalidNumber" }),
});

export type SeatForm = z.infer<typeof seatFormSchema>;
export type AgencyForm = z.infer<typeof agencyFormSchema>;
export type DecreeForm = z.infer<typeof decreeFormSchema>;
export type AllocationForm = z.infer<ReturnType<typeof allocationFormSchema>>;
export type ReleaseForm = z.infer<typeof releaseFormSchema>;

/** Problems by field path ("milestones.1.amount"), each a key under `builder.problems`. */
export type FormProblems = Record<string, string>;

/** Parses `input` with `schema`: the value, or the first problem of each field. */
export function checkForm<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.infer<S> } | { ok: false; problems: FormProblems } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems: FormProblems = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    problems[key] ??= issue.message;
  }
  return { ok: false, problems };
}

// ─── Encoders ────────────────────────────────────────────────────────────────────────────────────────────────

export class MissingContractError extends Error {
  constructor(readonly contract: ContractName) {
    super(`The deployment has no ${contract}`);
  }
}

const at = (addresses: Addresses, name: ContractName): Address => {
  const found = addresses[name];
  if (!found) throw new MissingContractError(name);
  return found;
};

export const seatOfficialCall = (addresses: Addresses, f: SeatForm): ProposalCall =>
  calls.seatOfficialCall(at(addresses, "OfficialSeats"), { official: f.official, agencyId: f.agencyId, position: f.position });

export const addAgencyCall = (addresses: Addresses, f: AgencyForm): ProposalCall =>
  calls.addAgencyCall(at(addresses, "AgencyRegistry"), { id: f.id, name: f.name, pqKeyHash: f.keyHash, registrars: f.registrars });

/** DocumentRegistry.issue of a central-government document (agency 0), with the digests of its stored metadata. */
export const issueDocumentCall = (
  addresses: Addresses,
  doc: { type: (typeof ENACTED_DOC_TYPES)[number]; contentHash: Hex; metadataDigest: Hex; coSignatureDigest: Hex },
): ProposalCall =>
  calls.issueDocumentCall(at(addresses, "DocumentRegistry"), {
    docType: DOC_TYPES.indexOf(doc.type),
    agencyId: CENTRAL_GOVERNMENT.id,
    contentHash: doc.contentHash,
    metadataDigest: doc.metadataDigest,
    coSignatureDigest: doc.coSignatureDigest,
  });

/** A milestone's due date (YYYY-MM-DD) as the CLI reads it: midnight UTC. */
export const dueSeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;

/** BudgetEscrow.createAllocation: the total is the sum of the milestones; descriptions go on chain as sha-256. */
export function createAllocationCall(addresses: Addresses, f: AllocationForm, decimals: number, descriptionHashes: readonly Hex[]): ProposalCall {
  const milestones = f.milestones.map((m, i) => ({ amount: parseUnits(m.amount, decimals), deadline: dueSeconds(m.due), descriptionHash: descriptionHashes[i] ?? "0x" }));
  return calls.createAllocationCall(at(addresses, "BudgetEscrow"), { recipient: f.recipient, token: f.token, budgetDocumentId: BigInt(f.budgetDocumentId), milestones });
}

export const releaseMilestoneCall = (addresses: Addresses, f: ReleaseForm): ProposalCall =>
  calls.releaseMilestoneCall(at(addresses, "BudgetEscrow"), f.allocationId, f.milestone - 1n);

/** Appeals.answer by the council: the verdict (core's names), the stored answer's sha-256, no remedy yet. */
export const answerAppealCall = (addresses: Addresses, f: { appealId: bigint; outcome: AppealVerdict; answerDigest: Hex }): ProposalCall =>
  calls.answerAppealCall(at(addresses, "Appeals"), f.appealId, APPEAL_OUTCOMES.indexOf(f.outcome), f.answerDigest, 0n);

// ─── Decoder ─────────────────────────────────────────────────────────────────────────────────────────────────

/** The call decoded against the deployment's contracts (core/src/actions/decode.ts). */
export const decodeCall = (addresses: Addresses, call: ProposalCall): DecodedAction => decodeAction(contractLookup(addresses), call);
