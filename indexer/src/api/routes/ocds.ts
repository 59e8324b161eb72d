// OCDS 1.1 (src/api/ocds.ts): every allocation of the escrow as a contracting process, as a release package and as
// a record package (compiled releases); `allocation=` for one process.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, eq, inArray } from "ponder";
import { z } from "zod";

import { hex32 } from "@government-dao/core/enums";

import { deployment, digitalTenge, publicUrl } from "../context.js";
import { ApiError, notFound } from "../errors.js";
import { type AllocationFacts, type OcdsContext, recordPackage, releasePackage } from "../ocds.js";

const ocdsQuery = z.object({ allocation: z.string().regex(/^\d{1,78}$/, "a decimal allocation id").transform(BigInt).optional() }).strict();

/** The publisher's OCDS prefix (`OCDS_PREFIX`; a real publisher registers one with the Open Contracting Partnership). */
const context: OcdsContext = {
  prefix: process.env.OCDS_PREFIX ?? "ocds-gdaokz",
  chainId: deployment.chainId,
  digitalTenge,
  publicUrl,
  publisherName: process.env.OCDS_PUBLISHER ?? "Government DAO public API",
};

/** Every allocation (or one) with its milestones, releases and agency name. */
async function processes(only: bigint | undefined): Promise<AllocationFacts[]> {
  const a = schema.allocation;
  const allocations = await db.select().from(a).where(only === undefined ? undefined : eq(a.id, only)).orderBy(asc(a.createdAt), asc(a.id));
  if (only !== undefined && allocations.length === 0) throw notFound(`allocation ${only}`);
  if (allocations.length === 0) throw new ApiError(404, "not_found", "no contracting process yet: the escrow has no allocation (an OCDS package holds at least one release)");
  const ids = allocations.map((row) => row.id);
  const milestones = await db.select().from(schema.milestone).where(inArray(schema.milestone.allocationId, ids)).orderBy(asc(schema.milestone.index));
  const releases = await db.select().from(schema.release).where(inArray(schema.release.allocationId, ids)).orderBy(asc(schema.release.blockNumber), asc(schema.release.id));
  const budgetIds = [...new Set(allocations.map((row) => hex32(row.budgetDocumentId)))];
  const d = schema.document;
  const budgets = new Map(
    (await db.select({ id: d.id, number: d.number, titleKk: d.titleKk, titleRu: d.titleRu, titleEn: d.titleEn, issuedAt: d.issuedAt }).from(d).where(inArray(d.id, budgetIds))).map((doc) => [doc.id, doc]),
  );
  const agencies = new Map((await db.select({ id: schema.agency.id, name: schema.agency.name, registered: schema.agency.registered }).from(schema.agency)).map((g) => [g.id, g]));
  return allocations.map((allocation) => {
    const agency = allocation.agencyId === null ? undefined : agencies.get(allocation.agencyId);
    return {
      allocation,
      milestones: milestones.filter((m) => m.allocationId === allocation.id),
      releases: releases.filter((r) => r.allocationId === allocation.id),
      agencyRegisteredName: agency?.registered ? agency.name : null,
      budgetDocument: budgets.get(hex32(allocation.budgetDocumentId)) ?? null,
    };
  });
}

const selfUri = (path: string, allocation: bigint | undefined): string =>
  `${publicUrl}/api/v1/ocds/${path}${allocation === undefined ? "" : `?allocation=${allocation}`}`;

export const ocds = new Hono()
  .get("/ocds/release-package", async (c) => {
    const q = ocdsQuery.parse(c.req.query());
    return c.json(releasePackage(context, selfUri("release-package", q.allocation), await processes(q.allocation)));
  })
  .get("/ocds/record-package", async (c) => {
    const q = ocdsQuery.parse(c.req.query());
    return c.json(recordPackage(context, selfUri("record-package", q.allocation), await processes(q.allocation)));
  });
