/**
 * The indexer and the subgraph agree: both index the subgraph's recorded scenario (subgraph/tests/.scenario, real
 * anvil logs written by `npm test -w subgraph`, which the root `npm test` runs first) — the subgraph's compiled
 * WASM mappings in its Node test host, this indexer through `ponder start` against a JSON-RPC server over the same
 * recorded blocks and logs — and every entity of every type must be equal, field by field.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { freePort } from "@government-dao/devchain/anvil";
import { indexScenario, loadScenario } from "../../subgraph/tests/harness/fixture.js";
import type { Indexer } from "../../subgraph/tests/harness/indexer.js";
import { type RunningIndexer, startIndexer } from "../lib/run.js";
import { ROOT_DIR } from "../lib/paths.js";
import { type Recording, serveRecording } from "./support/recorded-chain.js";

const SCENARIO_DIR = path.join(ROOT_DIR, "subgraph", "tests", ".scenario");
const SCENARIO_FILE = path.join(SCENARIO_DIR, "scenario.json");
const DEPLOYMENT_DIR = path.join(SCENARIO_DIR, "ignition", "deployments", "subgraph-scenario");
const BUILD_DIR = path.join(ROOT_DIR, "subgraph", "build");
const available = existsSync(SCENARIO_FILE) && existsSync(path.join(DEPLOYMENT_DIR, "journal.jsonl")) && existsSync(path.join(BUILD_DIR, "subgraph.yaml"));

/** The indexer's column for a subgraph field (ponder.schema.ts: references are `<field>Id`, two renamed). */
function columnOf(entity: string, field: string, isReference: boolean): string {
  if (entity === "Allocation" && field === "budgetDocument") return "budgetDocumentRefId";
  if (field === "operation") return "timelockOperationId";
  return isReference ? `${field}Id` : field;
}

/**
 * One comparable form for what the GraphQL answer transports differently, and nothing else: bigints (the
 * subgraph's BigInt/Int8/Timestamp) as decimal text, lists element-wise, an absent field as null. Text — hex
 * included — is compared exactly: an address in another case is a difference.
 */
function normal(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(normal);
  return value;
}

describe("indexer entities equal the subgraph mappings' on the recorded scenario", { skip: available ? false : "no subgraph scenario/build (run npm test -w subgraph first)" }, () => {
  let subgraph: Indexer;
  let rpc: { url: string; close(): Promise<void> };
  let indexer: RunningIndexer;
  let stateDir: string;

  before(async () => {
    subgraph = indexScenario();
    rpc = await serveRecording(JSON.parse(readFileSync(SCENARIO_FILE, "utf8")) as Recording);
    stateDir = await mkdtemp(path.join(os.tmpdir(), "indexer-parity-"));
    indexer = await startIndexer({ rpcUrl: rpc.url, deploymentDir: DEPLOYMENT_DIR, port: await freePort(), fresh: true, stateDir, contentDir: stateDir });
  });
  after(async () => {
    await indexer?.stop();
    await rpc?.close();
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it("holds the same entities, with the same fields, as the subgraph", async (t) => {
    const schema = subgraph.store.schema;
    let compared = 0;
    let fieldsCompared = 0;
    let decodedActions = 0;
    let actionCount = 0;
    const differences: string[] = [];
    for (const [entity, info] of schema.entities) {
      const expected = subgraph.store.all(entity);
      const fields = [...info.fields.values()].filter((f) => !f.derived);
      const columns = fields.map((f) => ({ field: f.name, column: columnOf(entity, f.name, schema.entities.has(f.base)) }));
      const plural = `${entity[0]?.toLowerCase()}${entity.slice(1)}s`;
      const response = await fetch(`${indexer.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ ${plural}(limit: 1000) { items { ${columns.map((c) => c.column).join(" ")} } } }` }),
      });
      const body = (await response.json()) as { data?: Record<string, { items: Record<string, unknown>[] }>; errors?: unknown };
      assert.equal(body.errors, undefined, `${entity}: ${JSON.stringify(body.errors)}`);
      const actual = new Map((body.data?.[plural]?.items ?? []).map((row) => [String(normal(row.id)), row]));
      assert.equal(actual.size, expected.length, `${entity}: ${actual.size} rows in the indexer, ${expected.length} entities in the subgraph`);
      for (const want of expected) {
        const got = actual.get(String(normal(want.id)));
        assert.ok(got, `${entity} ${String(want.id)} is missing from the indexer`);
        for (const { field, column } of columns) {
          const [mine, theirs] = [normal(got[column]), normal(want[field])];
          fieldsCompared++;
          if (JSON.stringify(mine) === JSON.stringify(theirs)) continue;
          differences.push(`${entity} ${String(want.id)} .${field}: indexer ${JSON.stringify(mine)}, subgraph ${JSON.stringify(theirs)}`);
        }
        compared++;
        if (entity === "ProposalAction" && want.arguments !== null && want.arguments !== undefined) decodedActions++;
        if (entity === "ProposalAction") actionCount++;
      }
    }
    t.diagnostic(`${compared} entities of ${schema.entities.size} types, ${fieldsCompared} fields compared; ${decodedActions} of ${actionCount} proposal actions decoded`);
    assert.deepEqual(differences, [], "no known differences: every field of every entity is equal");
    assert.ok(compared > 50, `compared ${compared} entities`);
    // The comparison covers a decoded call of every state-changing function (P6) and the odd calldata of P7.
    const { proposals } = loadScenario().facts;
    const everyAction = subgraph.store.all("ProposalAction").filter((a) => a.proposal === proposals.everyAction);
    assert.ok(everyAction.length > 50 && everyAction.every((a) => a.arguments !== null), "P6: every state-changing function decoded");
    assert.ok(subgraph.store.all("ProposalAction").some((a) => a.proposal === proposals.oddCalls), "P7: odd calldata compared");
  });
});
