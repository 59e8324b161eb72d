// GET /catalog: the DCAT-AP 3 catalogue of the API's data sets (src/api/catalog.ts), JSON-LD; GET /datapackage.json:
// the Frictionless Tabular Data Package of its CSV exports (core/src/api/datapackage.ts).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { desc } from "ponder";
import { z } from "zod";

import { dataPackage } from "@government-dao/core/api/datapackage";

import { catalog } from "../catalog.js";
import { publicUrl } from "../context.js";

/** The latest change any data set shows (the newest audit-log, document or release time), else the epoch; ISO 8601. */
async function lastModified(): Promise<string> {
  const times = await Promise.all([
    db.select({ t: schema.roleChange.timestamp }).from(schema.roleChange).orderBy(desc(schema.roleChange.timestamp)).limit(1),
    db.select({ t: schema.document.issuedAt }).from(schema.document).orderBy(desc(schema.document.issuedAt)).limit(1),
    db.select({ t: schema.release.timestamp }).from(schema.release).orderBy(desc(schema.release.timestamp)).limit(1),
  ]);
  const latest = times.flat().reduce((max, row) => (row.t > max ? row.t : max), 0n);
  return new Date(Number(latest) * 1000).toISOString();
}

export const catalogRoute = new Hono()
  .get("/catalog", async (c) => {
    z.object({}).strict().parse(c.req.query());
    const body = catalog(publicUrl, process.env.OCDS_PUBLISHER ?? "Government DAO public API", await lastModified());
    return c.body(JSON.stringify(body), 200, { "content-type": "application/ld+json; charset=utf-8" });
  })
  .get("/datapackage.json", async (c) => {
    z.object({}).strict().parse(c.req.query());
    return c.json(dataPackage(publicUrl, await lastModified()));
  });
