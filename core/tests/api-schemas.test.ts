/** The API answer schemas: JSON Schema for every one, column order, titles by locale, both shapes of a proposal's actions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { z } from "zod";

import { roleChangeSchema } from "../src/api/audit.ts";
import { agencyTotalSchema, allocationSchema, budgetOverviewSchema, milestoneSchema, releaseSchema } from "../src/api/budget.ts";
import { documentDetailSchema, documentSchema, documentTitle } from "../src/api/document.ts";
import { columnsOf } from "../src/api/fields.ts";
import { flagRowSchema, flagsAnswerSchema } from "../src/api/flags.ts";
import { agencyWithRegistrarsSchema, officialSchema } from "../src/api/people.ts";
import { proposalDetailSchema, proposalSchema, voteSchema } from "../src/api/proposal.ts";
import { verifySchema } from "../src/api/verify.ts";

const HASH = `0x${"ab".repeat(32)}`;
const ADDRESS = `0x${"12".repeat(20)}`;

describe("API answer schemas", () => {
  it("each becomes a JSON Schema whose object properties are all required and closed", () => {
    const schemas = [
      roleChangeSchema, agencyTotalSchema, allocationSchema, budgetOverviewSchema, milestoneSchema, releaseSchema, documentDetailSchema,
      documentSchema, flagRowSchema, flagsAnswerSchema, agencyWithRegistrarsSchema, officialSchema, proposalSchema, voteSchema, verifySchema,
    ];
    for (const schema of schemas) {
      const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" }) as { type?: string; additionalProperties?: boolean };
      if (json.type === "object") assert.equal(json.additionalProperties, false);
    }
    const row = z.toJSONSchema(documentSchema, { target: "draft-2020-12", io: "output" }) as { required: string[]; properties: Record<string, unknown> };
    assert.deepEqual(row.required, columnsOf(documentSchema), "every column required");
    assert.deepEqual(Object.keys(row.properties), columnsOf(documentSchema), "columns in schema order (CSV header)");
  });

  it("names a document in the reader's language, or not at all without metadata", () => {
    const doc = { number: "D-1", titleKk: "Қаулы", titleRu: "Постановление", titleEn: "Decree" };
    assert.deepEqual(documentTitle(doc, "ru"), { number: "D-1", title: "Постановление" });
    assert.deepEqual(documentTitle(doc, "kk"), { number: "D-1", title: "Қаулы" });
    assert.deepEqual(documentTitle(doc, "de"), { number: "D-1", title: "Decree" });
    assert.equal(documentTitle({ number: null, titleKk: null, titleRu: null, titleEn: null }, "en"), null);
  });

  it("reads a proposal with the Governor's state at the indexed block, its actions decoded and in three languages", () => {
    const proposal = {
      id: "1", proposer: ADDRESS, description: "# T", state: "CREATED", governorState: "Active", voteStart: "1", voteEnd: "2", extendedDeadline: null,
      forVotes: "0", againstVotes: "0", abstainVotes: "0", voteCount: 0, actionCount: 1, eta: null, createdAt: "1", createdBlock: "1", createdTx: HASH,
      queuedAt: null, executedAt: null, executedTx: null, canceledAt: null,
    };
    const action = {
      id: "1-0", proposalId: "1", index: 0, target: ADDRESS, value: "0", calldata: "0x12345678", selector: "0x12345678", targetContract: "DocumentRegistry",
      signature: "issue(bytes32)", arguments: [`contentHash: ${HASH}`], args: [{ name: "contentHash", type: "bytes32", value: HASH }], decodeError: null,
      sentence: { en: "Issue", ru: "Выпустить", kk: "Шығару" },
    };
    const detail = {
      proposal, state: "Active", indexedBlock: { number: "10", timestamp: "100" }, actions: [action], votes: [],
      timeline: [{ event: "created", timestamp: "1", transactionHash: HASH }],
    };
    assert.ok(proposalDetailSchema.safeParse(detail).success);
    // An undecodable call on one of ours: no args, the reason given; the sentence is still there.
    assert.ok(proposalDetailSchema.safeParse({ ...detail, actions: [{ ...action, args: null, signature: null, arguments: null, decodeError: "no function with selector 0x12345678" }] }).success);
    assert.equal(proposalDetailSchema.safeParse({ ...detail, state: "Lost" }).success, false, "an unknown Governor state");
    assert.equal(proposalDetailSchema.safeParse({ ...detail, proposal: { ...proposal, state: "Active" } }).success, false, "the row's state is event-derived");
    const { sentence: _, ...withoutSentence } = action;
    assert.equal(proposalDetailSchema.safeParse({ ...detail, actions: [withoutSentence] }).success, false, "every action has its sentence");
  });
});
