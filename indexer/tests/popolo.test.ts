/**
 * The council as Popolo (issue 22): on a seeded chain (anvil, PGlite) every object of `GET /api/v1/popolo` is valid
 * against the Popolo JSON schemas (indexer/standards/popolo/, draft-03), no person has a name, and the export says
 * what the chain says: one vote per VoteCast, counts equal to the Governor's tallies, a membership per seat term.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { Validator } from "jsonschema";

import { connectGovernment } from "../../scripts/lib/contracts.js";
import { INDEXER_DIR } from "../lib/paths.js";
import type { RunningIndexer } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

const SCHEMAS = path.join(INDEXER_DIR, "standards", "popolo");
const schemas = new Map(
  readdirSync(SCHEMAS)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [path.basename(f, ".json"), JSON.parse(readFileSync(path.join(SCHEMAS, f), "utf8")) as { id: string }]),
);
const validator = new Validator();
for (const schema of schemas.values()) validator.addSchema(schema, schema.id);

/** Export key → Popolo schema. */
const KINDS = { persons: "person", organizations: "organization", posts: "post", memberships: "membership", motions: "motion", vote_events: "vote_event", votes: "vote" } as const;

type PopoloObject = Record<string, unknown> & { id: string };
type Export = Record<keyof typeof KINDS, PopoloObject[]>;

describe("Popolo export (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  let data: Export;

  before(async () => {
    chain = await startTestChain();
    indexer = await startChainIndexer(chain);
    const response = await fetch(`${indexer.url}/api/v1/popolo`);
    assert.equal(response.status, 200);
    data = (await response.json()) as Export;
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  it("is valid against the Popolo schemas, object by object; no person has a name", () => {
    let checked = 0;
    for (const [key, kind] of Object.entries(KINDS) as [keyof typeof KINDS, string][]) {
      assert.ok(Array.isArray(data[key]) && data[key].length > 0, `${key} is a non-empty list`);
      for (const object of data[key]) {
        const result = validator.validate(object, schemas.get(kind) as object);
        assert.deepEqual(result.errors.map((e) => e.stack), [], `${kind} ${object.id}`);
        checked++;
      }
    }
    for (const person of data.persons) {
      for (const field of ["name", "family_name", "given_name", "email", "birth_date", "image", "contact_details", "national_identity"]) assert.equal(person[field], undefined, `${person.id}.${field}`);
    }
    // The validator does catch a bad object: a count without its value.
    assert.notEqual(validator.validate({ option: "yes" }, schemas.get("count") as object).errors.length, 0);
    console.log(`# ${checked} Popolo objects valid`);
  });

  it("says what the chain says: votes, counts and seats", async () => {
    const { governor, seats } = connectGovernment(chain.addresses, chain.connection.ethers.provider);
    const cast = [
      ...(await governor.queryFilter(governor.filters.VoteCast(), 0, "latest")),
      ...(await governor.queryFilter(governor.filters.VoteCastWithParams(), 0, "latest")),
    ];
    assert.equal(data.votes.length, cast.length, "one vote per VoteCast");
    const count = Number(await governor.proposalCount());
    assert.equal(data.vote_events.length, count);
    for (const event of data.vote_events) {
      const id = BigInt(String(event.identifier));
      const [against, forVotes, abstain] = await governor.proposalVotes(id);
      const counts = Object.fromEntries((event.counts as { option: string; value: number }[]).map((c) => [c.option, c.value]));
      assert.deepEqual(counts, { yes: Number(forVotes), no: Number(against), abstain: Number(abstain) }, `proposal ${id}`);
    }
    const seatCount = Number(await seats.totalSupply());
    assert.ok(data.memberships.length >= seatCount, "a membership for every seat (a term each, at least)");
    const persons = new Set(data.persons.map((p) => p.id));
    for (const m of data.memberships) assert.ok(persons.has(String(m.person_id)), `${m.id}: its person is listed`);
    for (const v of data.votes) assert.ok(persons.has(String(v.voter_id)), `${v.id}: its voter is listed`);
  });
});
