/** The digital auditor's published flags (empty until the auditor has run). */
import { z } from "zod";

import { getJson } from "./client";

const flagSchema = z.object({
  rule: z.string(),
  severity: z.enum(["info", "warning", "critical"]),
  subject: z.object({ kind: z.enum(["allocation", "milestone", "proposal", "document", "recipient"]), id: z.string() }),
  message: z.string(),
  block: z.number().int(),
  timestamp: z.number().int(),
});
export type ApiFlag = z.infer<typeof flagSchema>;

const flagsSchema = z.object({
  generatedAt: z.number().int().nullable(),
  rules: z.array(z.object({ id: z.string(), title: z.string(), explanation: z.string() })),
  items: z.array(flagSchema),
});
export type FlagsReport = z.infer<typeof flagsSchema>;

export const getFlags = (): Promise<FlagsReport> => getJson("/flags", flagsSchema);
