/**
 * The registrar's forms, validated with zod: issue (the metadata of a new document), amend (a new version's metadata
 * plus the public reason) and revoke (the reason). Each problem is a message key under `registrar.problems`.
 */
import { z } from "zod";

import "@/utils/zod-jitless";
import { AGENCY_DOC_TYPES } from "@/utils/format";

/** DocumentRegistry.MAX_REASON_LENGTH: a reason has 1 to 1,024 bytes of UTF-8 (a Cyrillic letter takes two). */
export const MAX_REASON_BYTES = 1024;

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const date = z.iso.date({ error: "invalidDate" });

export const reasonSchema = z
  .string()
  .trim()
  .min(1, { error: "reasonRequired" })
  .refine((r) => new TextEncoder().encode(r).length <= MAX_REASON_BYTES, { error: "reasonTooLong" });

const documentFields = z.object({
  contentHash: z.string({ error: "fileRequired" }).regex(/^0x[0-9a-f]{64}$/, { error: "fileRequired" }),
  agencyId: z.number({ error: "agencyRequired" }).int().positive({ error: "agencyRequired" }),
  type: z.enum(AGENCY_DOC_TYPES, { error: "required" }),
  number: text(64),
  titleKk: text(300),
  titleRu: text(300),
  titleEn: text(300),
  adopted: date,
  effective: date.optional(),
});

const effectiveAfterAdopted = (f: { adopted: string; effective?: string | undefined }) => !f.effective || f.effective >= f.adopted;

export const documentFormSchema = documentFields.refine(effectiveAfterAdopted, { error: "effectiveBeforeAdopted", path: ["effective"] });

/** A new version of a document: the same metadata fields (type and agency are the old one's) and why it is amended. */
export const amendFormSchema = documentFields
  .extend({ reason: reasonSchema })
  .refine(effectiveAfterAdopted, { error: "effectiveBeforeAdopted", path: ["effective"] });

export type DocumentForm = z.infer<typeof documentFormSchema>;
export type AmendForm = z.infer<typeof amendFormSchema>;
export type FormProblems = Partial<Record<keyof AmendForm, string>>;

type Checked<T> = { ok: true; value: T } | { ok: false; problems: FormProblems };

function check<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems: FormProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in problems)) problems[field as keyof AmendForm] = issue.message;
  }
  return { ok: false, problems };
}

/** The issue form's problems by field (empty when valid). */
export const checkDocumentForm = (input: unknown): Checked<DocumentForm> => check(documentFormSchema, input);

/** The amend form's problems by field (empty when valid). */
export const checkAmendForm = (input: unknown): Checked<AmendForm> => check(amendFormSchema, input);

/** A revocation reason: the trimmed reason, or the problem's key. */
export function checkReason(input: string): { ok: true; value: string } | { ok: false; problem: string } {
  const result = reasonSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: result.error.issues[0]?.message ?? "reasonRequired" };
}
