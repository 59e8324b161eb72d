/**
 * The digital auditor: reads the facts, runs the published rules and writes the report that the API serves
 * (`/api/v1/flags`) — `{ generatedAt, asOf, chainId, block, rules: [{id, title, explanation, threshold}], flags: [...] }`:
 * `generatedAt` is when the file was written (this machine's clock), `asOf` the chain's time of the block audited,
 * the time every figure of the report (days overdue, days left) is counted from.
 * The file is replaced atomically (write, then rename), so a reader never sees half a report.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import type { GovContext } from "../gov/context.js";
import { PlainError } from "../explain-error.js";
import { type AuditFacts, readFacts } from "./facts.js";
import { AUDIT_RULES, type AuditConfig, type AuditFlag, DEFAULT_AUDIT_CONFIG, audit, auditConfigSchema } from "./rules.js";

/** Where the report goes unless AUDIT_FLAGS_FILE or --flags says otherwise. */
export const DEFAULT_FLAGS_FILE = path.join(".local", "agent", "flags.json");

/** The report the API serves. */
export interface AuditReport {
  generatedAt: number;
  /** The chain's time of `block` (its timestamp), which the rules count from. */
  asOf: number;
  chainId: number;
  block: number;
  rules: { id: string; title: string; explanation: string; threshold: string }[];
  flags: AuditFlag[];
}

/** Builds the report for `facts`. */
export function buildReport(facts: AuditFacts, config: AuditConfig = DEFAULT_AUDIT_CONFIG): AuditReport {
  return {
    generatedAt: Math.floor(Date.now() / 1000),
    asOf: facts.now,
    chainId: facts.chainId,
    block: facts.block,
    rules: AUDIT_RULES.map((r) => ({ id: r.id, title: r.title, explanation: r.explanation, threshold: r.threshold(config) })),
    flags: audit(facts, config),
  };
}

/** Reads the facts of the chain behind `ctx`, audits them and writes the report to `file`. */
export async function runAudit(ctx: GovContext, file: string, config: AuditConfig = DEFAULT_AUDIT_CONFIG): Promise<AuditReport> {
  const report = buildReport(await readFacts(ctx), config);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(report, null, 2)}\n`);
  await rename(temp, file);
  return report;
}

/** Loads thresholds from a JSON file (missing keys keep their defaults); a plain error names every bad field. */
export async function loadAuditConfig(file?: string): Promise<AuditConfig> {
  if (!file) return DEFAULT_AUDIT_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new PlainError(`Cannot read the auditor config ${file} (JSON).`);
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject(json)) throw new PlainError(`Invalid auditor config ${file}: expected a JSON object of rule thresholds.`);
  const partial = json;
  // A rule given as a non-object (e.g. `"lowTurnout": 0.5`) is kept as is, so the schema names it instead of ignoring it.
  const merged: Record<string, unknown> = Object.fromEntries(
    Object.entries(DEFAULT_AUDIT_CONFIG).map(([key, value]) => {
      const given = partial[key];
      return [key, given === undefined ? value : isObject(given) ? { ...value, ...given } : given];
    }),
  );
  for (const key of Object.keys(partial)) if (!(key in DEFAULT_AUDIT_CONFIG)) merged[key] = partial[key];
  const parsed = auditConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new PlainError(`Invalid auditor config ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}
