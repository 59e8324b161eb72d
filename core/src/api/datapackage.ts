/**
 * The Frictionless Tabular Data Package (v1, https://specs.frictionlessdata.io/tabular-data-package/) of the API's
 * CSV exports: one resource per data set of core/src/datasets.ts that has a CSV format, each with the Table Schema of
 * its rows (table-schema.ts, from the same zod schemas the API's answers are built and checked with).
 */
import type { z } from "zod";

import { DATASETS, type Dataset } from "../datasets.ts";
import { appealSchema, appealStatsSchema } from "./appeal.ts";
import { roleChangeSchema } from "./audit.ts";
import { ALLOCATION_MONEY, RELEASE_MONEY, TOTAL_MONEY, agencyTotalSchema, allocationSchema, releaseSchema } from "./budget.ts";
import { documentSchema } from "./document.ts";
import { exportRowSchema } from "./export-row.ts";
import { flagRowSchema } from "./flags.ts";
import { agencySchema, officialSchema } from "./people.ts";
import { proposalActionRowSchema, proposalSchema } from "./proposal.ts";
import { settingChangeSchema } from "./settings.ts";
import { type TableSchema, tableSchemaOf } from "./table-schema.ts";

/**
 * The exported rows of each CSV data set (export-row.ts: with the ISO times and currency amounts beside the chain's
 * values), by its key in DATASETS (a core test checks that every CSV data set has one).
 */
export const CSV_ROWS: Readonly<Record<string, z.ZodObject>> = {
  documents: exportRowSchema(documentSchema),
  proposals: exportRowSchema(proposalSchema),
  proposalActions: exportRowSchema(proposalActionRowSchema),
  allocations: exportRowSchema(allocationSchema, ALLOCATION_MONEY),
  releases: exportRowSchema(releaseSchema, RELEASE_MONEY),
  totals: exportRowSchema(agencyTotalSchema, TOTAL_MONEY),
  officials: exportRowSchema(officialSchema),
  agencies: exportRowSchema(agencySchema),
  auditLog: exportRowSchema(roleChangeSchema),
  settingsHistory: exportRowSchema(settingChangeSchema),
  flags: exportRowSchema(flagRowSchema),
  appeals: exportRowSchema(appealSchema),
  appealStats: exportRowSchema(appealStatsSchema),
};

/** Rows per page of a list (the API's `limit` maximum); a longer list continues at the cursor in `X-Next-Cursor`. */
export const PAGE_ROWS = 1000;

export interface DataResource {
  name: string;
  path: string;
  title: string;
  description: string;
  profile: "tabular-data-resource";
  format: "csv";
  mediatype: "text/csv";
  encoding: "utf-8";
  schema: TableSchema;
}

export interface DataPackage {
  profile: "tabular-data-package";
  name: string;
  title: string;
  description: string;
  homepage: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  resources: DataResource[];
}

/** A resource name as the spec allows it: lower case, digits, `-`, `_`, `.` (auditLog → audit-log). */
export const resourceName = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Each data set's Table Schema, generated once (the row schemas do not change while the API runs). */
const tableSchemas = new Map<string, TableSchema>();
function tableSchemaFor(key: string, rows: z.ZodObject): TableSchema {
  let schema = tableSchemas.get(key);
  if (schema === undefined) tableSchemas.set(key, (schema = tableSchemaOf(rows)));
  return schema;
}

/** The file of data set `key` in an open-data snapshot (core/src/snapshot.ts): `audit-log.csv`. */
export const snapshotCsvName = (key: string): string => `${resourceName(key)}.csv`;

function resource(apiBase: string, dataset: Dataset, rows: z.ZodObject, inSnapshot: boolean): DataResource {
  return {
    name: resourceName(dataset.key),
    path: inSnapshot ? snapshotCsvName(dataset.key) : `${apiBase}${dataset.path}?format=csv&limit=${PAGE_ROWS}`,
    title: dataset.title.en,
    description: inSnapshot
      ? `${dataset.description.en} Every row, newest first, as of the snapshot.`
      : `${dataset.description.en} The first ${PAGE_ROWS} rows, newest first; the next page is at the cursor the answer names in its X-Next-Cursor header (&cursor=…).`,
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    schema: tableSchemaFor(dataset.key, rows),
  };
}

/**
 * The data package of the API at `publicUrl` (its origin, without /api/v1), as of `created` (ISO 8601). With
 * `inSnapshot`, each resource is the complete file beside it in an open-data snapshot (a relative path) instead of the
 * API's first page.
 */
export function dataPackage(publicUrl: string, created: string, options: { inSnapshot?: boolean } = {}): DataPackage {
  const apiBase = `${publicUrl}/api/v1`;
  return {
    profile: "tabular-data-package",
    name: "government-dao",
    title: "Government DAO: documents, council and budget",
    description: "The public API's CSV exports: every document, proposal, action of a proposal, allocation, release, seat, agency, change of power and auditor flag the chain holds.",
    homepage: `${apiBase}/catalog`,
    created,
    licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0" }],
    resources: DATASETS.flatMap((d) => {
      const rows = CSV_ROWS[d.key];
      return d.formats.includes("csv") && rows ? [resource(apiBase, d, rows, options.inSnapshot === true)] : [];
    }),
  };
}
