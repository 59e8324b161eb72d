// GovernmentGovernor: proposals (with decoded actions), votes and tallies, queue/execute/cancel, council settings.
import { ponder } from "ponder:registry";
import { allocation, document, proposal, proposalAction, release, timelockOperation, vote } from "ponder:schema";

import { renderActionRow } from "./utils/action-rows.js";
import { decodeCall } from "./utils/calls.js";
import { quorumAt, recordCheckpoint } from "./utils/checkpoints.js";
import { type Db, type EventMeta, addRoleChange, findLinks, getOrCreateOfficial, lower, recordSettingChange, skipEvent, updateCouncil } from "./utils/common.js";

ponder.on("GovernmentGovernor:ProposalCreated", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = a.proposalId;
  if ((await db.find(proposal, { id })) !== null) return skipEvent(event, `proposal ${id} created twice`);
  const proposerOfficialId = await getOrCreateOfficial(db, a.proposer);
  await db.insert(proposal).values({
    id,
    proposalId: a.proposalId,
    proposer: lower(a.proposer),
    proposerOfficialId,
    description: a.description,
    state: "CREATED",
    voteStart: a.voteStart,
    voteEnd: a.voteEnd,
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    voteCount: 0,
    actionCount: a.targets.length,
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
    createdTx: event.transaction.hash,
  });
  const actions = [];
  for (const [i, target] of a.targets.entries()) {
    const data = a.calldatas[i] ?? "0x";
    const value = a.values[i] ?? 0n;
    const call = decodeCall(target, data, value);
    actions.push({
      id: `${id}-${i}`,
      proposalId: id,
      index: i,
      target: lower(target),
      value,
      calldata: lower(data),
      selector: call.selector,
      targetContract: call.contract,
      signature: call.signature,
      arguments: call.arguments,
      ...(await renderActionRow(db, call.decoded)),
    });
  }
  if (actions.length > 0) await db.insert(proposalAction).values(actions);
  await updateCouncil(db, (c) => ({ governor: lower(event.log.address), proposalCount: c.proposalCount + 1n }));
});

const SUPPORT = ["AGAINST", "FOR", "ABSTAIN"] as const;

async function recordVote(
  db: Db,
  event: EventMeta,
  v: { voter: `0x${string}`; proposalId: bigint; support: number; weight: bigint; reason: string; params: `0x${string}` | null },
): Promise<void> {
  const id = v.proposalId;
  const row = await db.find(proposal, { id });
  if (row === null) return skipEvent(event, `vote for unknown proposal ${id}`);
  const voteId = `${id}-${lower(v.voter)}`;
  if ((await db.find(vote, { id: voteId })) !== null) return skipEvent(event, `second vote of ${lower(v.voter)} on proposal ${id}`);
  const support = SUPPORT[v.support];
  if (support === undefined) return skipEvent(event, `vote with unknown support ${v.support} on proposal ${id}`);
  await db.update(proposal, { id }).set({
    // The first vote comes after the snapshot, so every seat and quorum change up to it is indexed.
    quorum: row.quorum ?? (await quorumAt(db, row.voteStart)),
    forVotes: row.forVotes + (support === "FOR" ? v.weight : 0n),
    againstVotes: row.againstVotes + (support === "AGAINST" ? v.weight : 0n),
    abstainVotes: row.abstainVotes + (support === "ABSTAIN" ? v.weight : 0n),
    voteCount: row.voteCount + 1,
  });
  await db.insert(vote).values({
    id: voteId,
    proposalId: id,
    voter: lower(v.voter),
    officialId: await getOrCreateOfficial(db, v.voter),
    support,
    weight: v.weight,
    reason: v.reason,
    params: v.params === null ? null : lower(v.params),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
}

ponder.on("GovernmentGovernor:VoteCast", async ({ event, context }) => {
  await recordVote(context.db, event, { ...event.args, params: null });
});

ponder.on("GovernmentGovernor:VoteCastWithParams", async ({ event, context }) => {
  await recordVote(context.db, event, event.args);
});

ponder.on("GovernmentGovernor:ProposalQueued", async ({ event, context }) => {
  const { db } = context;
  const id = event.args.proposalId;
  const row = await db.find(proposal, { id });
  if (row === null) return skipEvent(event, `queue of unknown proposal ${id}`);
  if (row.state !== "CREATED") return skipEvent(event, `queue of proposal ${id} in state ${row.state}: state kept`);
  let timelockOperationId = row.timelockOperationId;
  // The Timelock scheduled the operation earlier in this transaction.
  const links = await findLinks(db, event);
  if (links?.timelockOperationId) {
    const operation = await db.find(timelockOperation, { id: links.timelockOperationId });
    if (operation !== null) {
      await db.update(timelockOperation, { id: operation.id }).set({ proposalId: id });
      timelockOperationId = operation.id;
    }
  }
  await db.update(proposal, { id }).set({ state: "QUEUED", eta: event.args.etaSeconds, queuedAt: event.block.timestamp, timelockOperationId });
});

ponder.on("GovernmentGovernor:ProposalExecuted", async ({ event, context }) => {
  const { db } = context;
  const id = event.args.proposalId;
  const row = await db.find(proposal, { id });
  if (row === null) return skipEvent(event, `execution of unknown proposal ${id}`);
  if (row.state === "EXECUTED" || row.state === "CANCELED") {
    return skipEvent(event, `execution of proposal ${id} in state ${row.state}: state kept`);
  }
  let timelockOperationId = row.timelockOperationId;
  // What this execution caused, recorded by the other handlers earlier in the same transaction.
  const links = await findLinks(db, event);
  if (links !== null) {
    if (links.timelockOperationId && timelockOperationId === null) timelockOperationId = links.timelockOperationId;
    for (const documentId of links.documents) {
      if ((await db.find(document, { id: documentId })) !== null) await db.update(document, { id: documentId }).set({ proposalId: id });
    }
    for (const allocationId of links.allocations) {
      const key = BigInt(allocationId);
      if ((await db.find(allocation, { id: key })) !== null) await db.update(allocation, { id: key }).set({ proposalId: id });
    }
    for (const releaseId of links.releases) {
      if ((await db.find(release, { id: releaseId })) !== null) await db.update(release, { id: releaseId }).set({ proposalId: id });
    }
  }
  await db.update(proposal, { id }).set({ state: "EXECUTED", executedAt: event.block.timestamp, executedTx: event.transaction.hash, timelockOperationId });
});

ponder.on("GovernmentGovernor:ProposalCanceled", async ({ event, context }) => {
  const { db } = context;
  const id = event.args.proposalId;
  const row = await db.find(proposal, { id });
  if (row === null) return skipEvent(event, `cancellation of unknown proposal ${id}`);
  if (row.state === "EXECUTED") return skipEvent(event, `cancellation of executed proposal ${id}: state kept`);
  await db.update(proposal, { id }).set({ state: "CANCELED", canceledAt: event.block.timestamp });
});

ponder.on("GovernmentGovernor:ProposalExtended", async ({ event, context }) => {
  const { db } = context;
  const id = event.args.proposalId;
  const row = await db.find(proposal, { id });
  if (row === null) return skipEvent(event, `extension of unknown proposal ${id}`);
  const deadline = BigInt(event.args.extendedDeadline);
  await db.update(proposal, { id }).set({ extendedDeadline: deadline, voteEnd: deadline > row.voteEnd ? deadline : row.voteEnd });
});

ponder.on("GovernmentGovernor:VotingDelaySet", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), votingDelay: event.args.newVotingDelay }));
  await recordSettingChange(context.db, event, "VOTING_DELAY", event.args.oldVotingDelay, event.args.newVotingDelay);
});

ponder.on("GovernmentGovernor:VotingPeriodSet", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), votingPeriod: event.args.newVotingPeriod }));
  await recordSettingChange(context.db, event, "VOTING_PERIOD", event.args.oldVotingPeriod, event.args.newVotingPeriod);
});

ponder.on("GovernmentGovernor:ProposalThresholdSet", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), proposalThreshold: event.args.newProposalThreshold }));
  await recordSettingChange(context.db, event, "PROPOSAL_THRESHOLD", event.args.oldProposalThreshold, event.args.newProposalThreshold);
});

ponder.on("GovernmentGovernor:QuorumNumeratorUpdated", async ({ event, context }) => {
  await recordCheckpoint(context.db, event, "QUORUM_NUMERATOR", event.args.newQuorumNumerator);
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), quorumNumerator: event.args.newQuorumNumerator }));
  await recordSettingChange(context.db, event, "QUORUM_NUMERATOR", event.args.oldQuorumNumerator, event.args.newQuorumNumerator);
});

ponder.on("GovernmentGovernor:LateQuorumVoteExtensionSet", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), lateQuorumVoteExtension: BigInt(event.args.newVoteExtension) }));
  await recordSettingChange(context.db, event, "LATE_QUORUM_VOTE_EXTENSION", BigInt(event.args.oldVoteExtension), BigInt(event.args.newVoteExtension));
});

ponder.on("GovernmentGovernor:TimelockChange", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), timelock: lower(event.args.newTimelock) }));
  await addRoleChange(context.db, event, "TIMELOCK_CHANGED", event.transaction.from, {
    account: lower(event.args.newTimelock),
    detail: `old timelock ${lower(event.args.oldTimelock)}`,
  });
});

ponder.on("GovernmentGovernor:ProposalGuardianSet", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ governor: lower(event.log.address), proposalGuardian: lower(event.args.newProposalGuardian) }));
  await addRoleChange(context.db, event, "PROPOSAL_GUARDIAN_SET", event.transaction.from, {
    account: lower(event.args.newProposalGuardian),
    detail: `old guardian ${lower(event.args.oldProposalGuardian)}`,
  });
});
