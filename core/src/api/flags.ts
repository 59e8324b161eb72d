/**
 * The digital auditor's flags: the file the auditor writes (scripts/agent.ts), the API's JSON answer built from it
 * (GET /api/v1/flags) and its flat CSV/XML row.
 */
import { z } from "zod";

export const FLAG_SEVERITIES = ["info", "warning", "critical"] as const;
export const FLAG_SUBJECTS = ["allocation", "milestone", "proposal", "document", "recipient", "appeal"] as const;

/** A rule the auditor checks. */
export const flagRuleSchema = z.object({ id: z.string(), title: z.string(), explanation: z.string(), threshold: z.string() });

/** One flag raised by the auditor. */
export const flagSchema = z.object({
  rule: z.string(),
  severity: z.enum(FLAG_SEVERITIES),
  subject: z.object({ kind: z.enum(FLAG_SUBJECTS), id: z.string() }),
  message: z.string(),
  evidence: z.record(z.string(), z.union([z.string(), z.number()])),
  block: z.number().int(),
  timestamp: z.number().int(),
});
export type Flag = z.infer<typeof flagSchema>;

/** The auditor's file, as written. */
export const flagsFileSchema = z.object({
  generatedAt: z.number().int(),
  /** The chain's time of `block`, which the rules count from (null in a file written before it was recorded). */
  asOf: z.number().int().nullable().default(null),
  chainId: z.number().int(),
  block: z.number().int(),
  rules: z.array(flagRuleSchema),
  flags: z.array(flagSchema),
});

/** GET /api/v1/flags (JSON): the file's flags as `items` (nulls and empty lists before the auditor's first run). */
export const flagsAnswerSchema = z.object({
  generatedAt: z.number().int().nullable(),
  asOf: z.number().int().nullable(),
  chainId: z.number().int().nullable(),
  block: z.number().int().nullable(),
  rules: z.array(flagRuleSchema),
  items: z.array(flagSchema),
  nextCursor: z.null(),
});
export type FlagsAnswer = z.infer<typeof flagsAnswerSchema>;

/** A flag as a flat CSV/XML row (evidence as JSON text). */
export const flagRowSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(FLAG_SEVERITIES),
    subjectKind: z.enum(FLAG_SUBJECTS),
    subjectId: z.string(),
    message: z.string(),
    evidence: z.string().meta({ description: "the flag's evidence, as JSON text" }),
    block: z.number().int(),
    timestamp: z.number().int(),
  })
  .meta({ description: "A flag of the digital auditor, flat." });
export type FlagRow = z.infer<typeof flagRowSchema>;

/** A flag as its flat row (the API's CSV and XML, and the open-data snapshots' flags.csv). */
export const flagRow = (flag: Flag): FlagRow => ({
  rule: flag.rule,
  severity: flag.severity,
  subjectKind: flag.subject.kind,
  subjectId: flag.subject.id,
  message: flag.message,
  evidence: JSON.stringify(flag.evidence),
  block: flag.block,
  timestamp: flag.timestamp,
});
