/** The registrar's form, validated with zod; each problem is a message key under `registrar.problems`. */
import { z } from "zod";

import { AGENCY_DOC_TYPES } from "@/utils/format";

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const date = z.iso.date({ error: "invalidDate" });

export const documentFormSchema = z
  .object({
    contentHash: z.string({ error: "fileRequired" }).regex(/^0x[0-9a-f]{64}$/, { error: "fileRequired" }),
    agencyId: z.number({ error: "agencyRequired" }).int().positive({ error: "agencyRequired" }),
    type: z.enum(AGENCY_DOC_TYPES, { error: "required" }),
    number: text(64),
    titleKk: text(300),
    titleRu: text(300),
    titleEn: text(300),
    adopted: date,
    effective: date.optional(),
  })
  .refine((f) => !f.effective || f.effective >= f.adopted, { error: "effectiveBeforeAdopted", path: ["effective"] });

export type DocumentForm = z.infer<typeof documentFormSchema>;
export type FormProblems = Partial<Record<keyof DocumentForm, string>>;

/** The form's problems by field (empty when valid). */
export function checkDocumentForm(input: unknown): { ok: true; value: DocumentForm } | { ok: false; problems: FormProblems } {
  const result = documentFormSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems: FormProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in problems)) problems[field as keyof DocumentForm] = issue.message;
  }
  return { ok: false, problems };
}
