// GovernmentGovernor: proposals (with decoded actions), votes and tallies, queue/execute/cancel, council settings.
import { Address, BigInt, ethereum } from "@graphprotocol/graph-ts";

import {
  LateQuorumVoteExtensionSet,
  ProposalCanceled,
  ProposalCreated,
  ProposalExecuted,
  ProposalExtended,
  ProposalGuardianSet,
  ProposalQueued,
  ProposalThresholdSet,
  QuorumNumeratorUpdated,
  TimelockChange,
  VoteCast,
  VoteCastWithParams,
  VotingDelaySet,
  VotingPeriodSet,
} from "../generated/GovernmentGovernor/GovernmentGovernor";
import {
  Allocation,
  Document,
  Proposal,
  ProposalAction,
  Release,
  TimelockOperation,
  TransactionLinks,
  Vote,
} from "../generated/schema";
import { decodeCall } from "./utils/calls";
import { getCouncil, getOrCreateOfficial, newRoleChange, ONE, recordSettingChange, skipEvent, ZERO } from "./utils/common";

export function handleProposalCreated(event: ProposalCreated): void {
  const id = event.params.proposalId.toString();
  if (Proposal.load(id) != null) {
    skipEvent(event, "proposal " + id + " created twice");
    return;
  }
  const proposal = new Proposal(id);
  proposal.proposalId = event.params.proposalId;
  proposal.proposer = event.params.proposer;
  proposal.proposerOfficial = getOrCreateOfficial(event.params.proposer).id;
  proposal.description = event.params.description;
  proposal.state = "CREATED";
  proposal.voteStart = event.params.voteStart;
  proposal.voteEnd = event.params.voteEnd;
  proposal.forVotes = ZERO;
  proposal.againstVotes = ZERO;
  proposal.abstainVotes = ZERO;
  proposal.voteCount = 0;
  proposal.createdAt = event.block.timestamp;
  proposal.createdBlock = event.block.number;
  proposal.createdTx = event.transaction.hash;

  const targets = event.params.targets;
  const values = event.params.values;
  const calldatas = event.params.calldatas;
  proposal.actionCount = targets.length;
  for (let i = 0; i < targets.length; i++) {
    const action = new ProposalAction(id + "-" + i.toString());
    action.proposal = id;
    action.index = i;
    action.target = targets[i];
    action.value = i < values.length ? values[i] : ZERO;
    const data = calldatas[i];
    action.calldata = data;
    const call = decodeCall(targets[i], data);
    action.selector = call.selector;
    action.targetContract = call.contract;
    action.signature = call.signature;
    action.arguments = call.arguments;
    action.save();
  }
  proposal.save();

  const council = getCouncil();
  council.governor = event.address;
  council.proposalCount = council.proposalCount.plus(ONE);
  council.save();
}

function recordVote(
  event: ethereum.Event,
  voter: Address,
  proposalId: BigInt,
  support: i32,
  weight: BigInt,
  reason: string,
  params: ethereum.Value | null,
): void {
  const id = proposalId.toString();
  const proposal = Proposal.load(id);
  if (proposal == null) {
    skipEvent(event, "vote for unknown proposal " + id);
    return;
  }
  const voteId = id + "-" + voter.toHexString();
  if (Vote.load(voteId) != null) {
    skipEvent(event, "second vote of " + voter.toHexString() + " on proposal " + id);
    return;
  }
  let label = "";
  if (support == 0) {
    label = "AGAINST";
    proposal.againstVotes = proposal.againstVotes.plus(weight);
  } else if (support == 1) {
    label = "FOR";
    proposal.forVotes = proposal.forVotes.plus(weight);
  } else if (support == 2) {
    label = "ABSTAIN";
    proposal.abstainVotes = proposal.abstainVotes.plus(weight);
  } else {
    skipEvent(event, "vote with unknown support " + support.toString() + " on proposal " + id);
    return;
  }
  proposal.voteCount = proposal.voteCount + 1;
  proposal.save();

  const vote = new Vote(voteId);
  vote.proposal = id;
  vote.voter = voter;
  vote.official = getOrCreateOfficial(voter).id;
  vote.support = label;
  vote.weight = weight;
  vote.reason = reason;
  if (params != null) vote.params = params.toBytes();
  vote.blockNumber = event.block.number;
  vote.timestamp = event.block.timestamp;
  vote.transactionHash = event.transaction.hash;
  vote.save();
}

export function handleVoteCast(event: VoteCast): void {
  const p = event.params;
  recordVote(event, p.voter, p.proposalId, p.support, p.weight, p.reason, null);
}

export function handleVoteCastWithParams(event: VoteCastWithParams): void {
  const p = event.params;
  recordVote(event, p.voter, p.proposalId, p.support, p.weight, p.reason, ethereum.Value.fromBytes(p.params));
}

export function handleProposalQueued(event: ProposalQueued): void {
  const id = event.params.proposalId.toString();
  const proposal = Proposal.load(id);
  if (proposal == null) {
    skipEvent(event, "queue of unknown proposal " + id);
    return;
  }
  if (proposal.state != "CREATED") {
    skipEvent(event, "queue of proposal " + id + " in state " + proposal.state + ": state kept");
    return;
  }
  proposal.state = "QUEUED";
  proposal.eta = event.params.etaSeconds;
  proposal.queuedAt = event.block.timestamp;
  // The Timelock scheduled the operation earlier in this transaction.
  const links = TransactionLinks.load(event.transaction.hash.toHexString());
  if (links != null && links.operation != null) {
    const operation = TimelockOperation.load(links.operation as string);
    if (operation != null) {
      operation.proposal = id;
      operation.save();
      proposal.timelockOperation = operation.id;
    }
  }
  proposal.save();
}

export function handleProposalExecuted(event: ProposalExecuted): void {
  const id = event.params.proposalId.toString();
  const proposal = Proposal.load(id);
  if (proposal == null) {
    skipEvent(event, "execution of unknown proposal " + id);
    return;
  }
  if (proposal.state == "EXECUTED" || proposal.state == "CANCELED") {
    skipEvent(event, "execution of proposal " + id + " in state " + proposal.state + ": state kept");
    return;
  }
  proposal.state = "EXECUTED";
  proposal.executedAt = event.block.timestamp;
  proposal.executedTx = event.transaction.hash;

  // What this execution caused, recorded by the other mappings earlier in the same transaction.
  const links = TransactionLinks.load(event.transaction.hash.toHexString());
  if (links != null) {
    if (links.operation != null && proposal.timelockOperation == null) {
      proposal.timelockOperation = links.operation;
    }
    const documents = links.documents;
    for (let i = 0; i < documents.length; i++) {
      const document = Document.load(documents[i]);
      if (document != null) {
        document.proposal = id;
        document.save();
      }
    }
    const allocations = links.allocations;
    for (let i = 0; i < allocations.length; i++) {
      const allocation = Allocation.load(allocations[i]);
      if (allocation != null) {
        allocation.proposal = id;
        allocation.save();
      }
    }
    const releases = links.releases;
    for (let i = 0; i < releases.length; i++) {
      const release = Release.load(releases[i]);
      if (release != null) {
        release.proposal = id;
        release.save();
      }
    }
  }
  proposal.save();
}

export function handleProposalCanceled(event: ProposalCanceled): void {
  const id = event.params.proposalId.toString();
  const proposal = Proposal.load(id);
  if (proposal == null) {
    skipEvent(event, "cancellation of unknown proposal " + id);
    return;
  }
  if (proposal.state == "EXECUTED") {
    skipEvent(event, "cancellation of executed proposal " + id + ": state kept");
    return;
  }
  proposal.state = "CANCELED";
  proposal.canceledAt = event.block.timestamp;
  proposal.save();
}

export function handleProposalExtended(event: ProposalExtended): void {
  const id = event.params.proposalId.toString();
  const proposal = Proposal.load(id);
  if (proposal == null) {
    skipEvent(event, "extension of unknown proposal " + id);
    return;
  }
  const deadline = event.params.extendedDeadline;
  proposal.extendedDeadline = deadline;
  if (deadline.gt(proposal.voteEnd)) proposal.voteEnd = deadline;
  proposal.save();
}

export function handleVotingDelaySet(event: VotingDelaySet): void {
  const council = getCouncil();
  council.governor = event.address;
  council.votingDelay = event.params.newVotingDelay;
  council.save();
  recordSettingChange(event, "VOTING_DELAY", event.params.oldVotingDelay, event.params.newVotingDelay);
}

export function handleVotingPeriodSet(event: VotingPeriodSet): void {
  const council = getCouncil();
  council.governor = event.address;
  council.votingPeriod = event.params.newVotingPeriod;
  council.save();
  recordSettingChange(event, "VOTING_PERIOD", event.params.oldVotingPeriod, event.params.newVotingPeriod);
}

export function handleProposalThresholdSet(event: ProposalThresholdSet): void {
  const council = getCouncil();
  council.governor = event.address;
  council.proposalThreshold = event.params.newProposalThreshold;
  council.save();
  recordSettingChange(event, "PROPOSAL_THRESHOLD", event.params.oldProposalThreshold, event.params.newProposalThreshold);
}

export function handleQuorumNumeratorUpdated(event: QuorumNumeratorUpdated): void {
  const council = getCouncil();
  council.governor = event.address;
  council.quorumNumerator = event.params.newQuorumNumerator;
  council.save();
  recordSettingChange(event, "QUORUM_NUMERATOR", event.params.oldQuorumNumerator, event.params.newQuorumNumerator);
}

export function handleLateQuorumVoteExtensionSet(event: LateQuorumVoteExtensionSet): void {
  const council = getCouncil();
  council.governor = event.address;
  council.lateQuorumVoteExtension = event.params.newVoteExtension;
  council.save();
  recordSettingChange(event, "LATE_QUORUM_VOTE_EXTENSION", event.params.oldVoteExtension, event.params.newVoteExtension);
}

export function handleTimelockChange(event: TimelockChange): void {
  const council = getCouncil();
  council.governor = event.address;
  council.timelock = event.params.newTimelock;
  council.save();

  const change = newRoleChange(event, "TIMELOCK_CHANGED", event.transaction.from);
  change.account = event.params.newTimelock;
  change.detail = "old timelock " + event.params.oldTimelock.toHexString();
  change.save();
}

export function handleProposalGuardianSet(event: ProposalGuardianSet): void {
  const council = getCouncil();
  council.governor = event.address;
  council.proposalGuardian = event.params.newProposalGuardian;
  council.save();

  const change = newRoleChange(event, "PROPOSAL_GUARDIAN_SET", event.transaction.from);
  change.account = event.params.newProposalGuardian;
  change.detail = "old guardian " + event.params.oldProposalGuardian.toHexString();
  change.save();
}
