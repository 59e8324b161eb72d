/**
 * Tables of the indexer: the same entities, fields and meaning as the subgraph (`subgraph/schema.graphql`), so the
 * two can be compared row by row. Conventions:
 *  - ids: addresses and hashes lower-case 0x-hex; numeric ids (seat, agency, proposal, allocation) are bigint
 *    columns (the subgraph's decimal ID strings): Ponder 0.16's row prefetch recovers a key equal to an event
 *    argument with the argument's type, so a text key "1" derived from a uint argument fails in PGlite;
 *  - a reference to another entity is a column `<field>Id` holding that entity's id, and a relation `<field>`
 *    (so GraphQL queries read like the subgraph's: `document { agency { name } }`). One exception: Allocation's
 *    `budgetDocumentId` is the uint256 of the subgraph; its reference column is `budgetDocumentRefId`;
 *  - amounts in token base units; times are block timestamps (unix seconds).
 * No personal data: names of officials and document bodies live off chain.
 */
import { DOCUMENT_STATUS_CODES, DOCUMENT_TYPE_CODES, MILESTONE_STATUS_CODES } from "@government-dao/core/enums";
import { APPEAL_EVENT_KINDS, APPEAL_KINDS, APPEAL_OUTCOMES, APPEAL_STATES } from "@government-dao/core/api/appeal";
import { ROLE_CHANGE_KINDS } from "@government-dao/core/api/audit";
import { COUNCIL_SETTINGS } from "@government-dao/core/api/settings";
import { SIGNING_KEY_PURPOSES } from "@government-dao/core/api/signing-keys";
import { onchainEnum, onchainTable, relations } from "ponder";

export const proposalState = onchainEnum("proposal_state", ["CREATED", "QUEUED", "EXECUTED", "CANCELED"]);
export const voteSupport = onchainEnum("vote_support", ["AGAINST", "FOR", "ABSTAIN"]);
export const timelockOperationStatus = onchainEnum("timelock_operation_status", ["SCHEDULED", "EXECUTED", "CANCELLED"]);
export const documentType = onchainEnum("document_type", DOCUMENT_TYPE_CODES);
export const documentStatus = onchainEnum("document_status", DOCUMENT_STATUS_CODES);
/** Whether the document's metadata JSON was read when it was indexed (src/utils/document-metadata.ts). */
export const documentMetadataStatus = onchainEnum("document_metadata_status", ["INDEXED", "UNAVAILABLE", "INVALID"]);
export const documentEventKind = onchainEnum("document_event_kind", ["ISSUED", "AMENDED", "SUPERSEDED", "REVOKED", "DISPLACED"]);
export const depositKind = onchainEnum("deposit_kind", ["DEPOSIT", "INFLOW"]);
export const milestoneStatus = onchainEnum("milestone_status", MILESTONE_STATUS_CODES);
export const checkpointKind = onchainEnum("checkpoint_kind", ["TOTAL_SEATS", "QUORUM_NUMERATOR", "GRACE_PERIOD"]);
export const roleChangeKind = onchainEnum("role_change_kind", ROLE_CHANGE_KINDS);
export const appealSubjectKind = onchainEnum("appeal_subject_kind", APPEAL_KINDS);
export const appealState = onchainEnum("appeal_state", APPEAL_STATES);
export const appealOutcome = onchainEnum("appeal_outcome", APPEAL_OUTCOMES);
export const appealEventKind = onchainEnum("appeal_event_kind", APPEAL_EVENT_KINDS);
export const calendarDayKind = onchainEnum("calendar_day_kind", ["DEFAULT", "HOLIDAY", "WORKING_DAY"]);
/** The council's rules that governance can change (the Governor's settings and the Timelock's). */
export const councilSetting = onchainEnum("council_setting", COUNCIL_SETTINGS);
/** What a signing key signs (ISigningKeyRegistry.KeyPurpose; EXTRACT: the public API's citizen extracts). */
export const signingKeyPurpose = onchainEnum("signing_key_purpose", SIGNING_KEY_PURPOSES);

// ─── Council ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every value the seat total (OfficialSeats.TotalSeatsChanged), the quorum percentage (QuorumNumeratorUpdated) and
 * the Timelock's grace period (GracePeriodChange) have had, with when (id: tx hash - log index): what the
 * Governor's checkpoints hold, so a proposal's quorum and its expiry are computed as the contracts do.
 */
export const governanceCheckpoint = onchainTable("governance_checkpoint", (t) => ({
  id: t.text().primaryKey(),
  kind: checkpointKind("kind").notNull(),
  value: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  logIndex: t.integer().notNull(),
}));

/** Council-wide settings and counters (one row, id "council"). */
export const council = onchainTable("council", (t) => ({
  id: t.text().primaryKey(),
  governor: t.hex(),
  timelock: t.hex(),
  totalSeats: t.bigint().notNull(),
  votingDelay: t.bigint(),
  votingPeriod: t.bigint(),
  proposalThreshold: t.bigint(),
  quorumNumerator: t.bigint(),
  lateQuorumVoteExtension: t.bigint(),
  timelockMinDelay: t.bigint(),
  timelockGracePeriod: t.bigint(),
  proposalGuardian: t.hex(),
  proposalCount: t.bigint().notNull(),
  documentCount: t.bigint().notNull(),
  allocationCount: t.bigint().notNull(),
}));

/** An official: the holder of a seat (id: address). */
export const official = onchainTable("official", (t) => ({
  id: t.text().primaryKey(),
  address: t.hex().notNull(),
  seatId: t.bigint(),
  seated: t.boolean().notNull(),
}));

/** A voting seat (id: seat id). */
export const seat = onchainTable("seat", (t) => ({
  id: t.bigint().primaryKey(),
  seatId: t.bigint().notNull(),
  holderId: t.text().notNull(),
  agencyId: t.bigint().notNull(),
  position: t.integer().notNull(),
  active: t.boolean().notNull(),
  since: t.bigint().notNull(),
  revokedAt: t.bigint(),
  termCount: t.integer().notNull(),
}));

/** One term of a seat (id: seat id - term number). */
export const seatTerm = onchainTable("seat_term", (t) => ({
  id: t.text().primaryKey(),
  seatId: t.bigint().notNull(),
  index: t.integer().notNull(),
  agencyId: t.bigint().notNull(),
  position: t.integer().notNull(),
  startedAt: t.bigint().notNull(),
  startTx: t.hex().notNull(),
  endedAt: t.bigint(),
  endTx: t.hex(),
}));

// ─── Agencies ─────────────────────────────────────────────────────────────────────────────────────────────────

/** A government agency (id: agency id; "0" is the central government, never registered). */
export const agency = onchainTable("agency", (t) => ({
  id: t.bigint().primaryKey(),
  agencyId: t.bigint().notNull(),
  registered: t.boolean().notNull(),
  name: t.text().notNull(),
  active: t.boolean().notNull(),
  pqKeyHash: t.hex(),
  registrarCount: t.integer().notNull(),
  documentsIssued: t.bigint().notNull(),
  documentsAmended: t.bigint().notNull(),
  documentsRevoked: t.bigint().notNull(),
  batchesAnchored: t.bigint().notNull(),
  batchDocumentsAnchored: t.bigint().notNull(),
}));

/** A registrar of an agency (id: agency id - account). */
export const registrar = onchainTable("registrar", (t) => ({
  id: t.text().primaryKey(),
  agencyId: t.bigint().notNull(),
  account: t.hex().notNull(),
  active: t.boolean().notNull(),
  addedAt: t.bigint().notNull(),
  removedAt: t.bigint(),
}));

// ─── Signing keys ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A signing key of the government's services in the SigningKeyRegistry (id: key id, 1, 2, …). Keys are never
 * deleted: a retired key keeps its row. `validUntil` is 0 while the key is in use, the retirement's block time after a
 * planned retirement, and `validFrom` once it is declared compromised (nothing it signed is valid). `retired…` are
 * its first KeyRetired's (a planned rotation or a compromise); `compromisedAt` the block time of the KeyRetired that
 * declared it compromised (at once, or after a planned retirement).
 */
export const signingKey = onchainTable("signing_key", (t) => ({
  id: t.bigint().primaryKey(),
  keyId: t.bigint().notNull(),
  purpose: signingKeyPurpose("purpose").notNull(),
  keyHash: t.hex().notNull(),
  validFrom: t.bigint().notNull(),
  validUntil: t.bigint().notNull(),
  compromised: t.boolean().notNull(),
  registeredAt: t.bigint().notNull(),
  registeredBlock: t.bigint().notNull(),
  registeredTx: t.hex().notNull(),
  retiredAt: t.bigint(),
  /** Not in the subgraph (its retiredAt and retiredTx name the retirement). */
  retiredBlock: t.bigint(),
  retiredTx: t.hex(),
  compromisedAt: t.bigint(),
}));

// ─── Proposals, votes, timelock ───────────────────────────────────────────────────────────────────────────────

/** A proposal (id: proposal id, decimal). `state` is event-derived, as in the subgraph. */
export const proposal = onchainTable("proposal", (t) => ({
  id: t.bigint().primaryKey(),
  proposalId: t.bigint().notNull(),
  proposer: t.hex().notNull(),
  proposerOfficialId: t.text().notNull(),
  description: t.text().notNull(),
  state: proposalState("state").notNull(),
  voteStart: t.bigint().notNull(),
  voteEnd: t.bigint().notNull(),
  extendedDeadline: t.bigint(),
  forVotes: t.bigint().notNull(),
  againstVotes: t.bigint().notNull(),
  abstainVotes: t.bigint().notNull(),
  voteCount: t.integer().notNull(),
  actionCount: t.integer().notNull(),
  eta: t.bigint(),
  createdAt: t.bigint().notNull(),
  createdBlock: t.bigint().notNull(),
  createdTx: t.hex().notNull(),
  queuedAt: t.bigint(),
  executedAt: t.bigint(),
  executedTx: t.hex(),
  canceledAt: t.bigint(),
  timelockOperationId: t.text(),
  /** quorum(voteStart) in seats, from the seat and quorum checkpoints; set by the first vote (null before any). */
  quorum: t.bigint(),
}));

/**
 * One call of a proposal (id: proposal id - index), decoded when the target is ours (core/src/actions): the
 * subgraph's `signature`/`arguments`, the arguments as JSON, and the sentence in each language, with the labels
 * the indexer held at the proposal's block.
 */
export const proposalAction = onchainTable("proposal_action", (t) => ({
  id: t.text().primaryKey(),
  proposalId: t.bigint().notNull(),
  index: t.integer().notNull(),
  target: t.hex().notNull(),
  value: t.bigint().notNull(),
  calldata: t.hex().notNull(),
  selector: t.hex(),
  targetContract: t.text(),
  signature: t.text(),
  arguments: t.text().array(),
  /** JSON [{ name, type, value }] (integers as decimal strings); null when not decoded. */
  args: t.text(),
  /** Why a call to one of our contracts does not decode; null otherwise. */
  decodeError: t.text(),
  sentenceEn: t.text().notNull(),
  sentenceRu: t.text().notNull(),
  sentenceKk: t.text().notNull(),
}));

/** A vote (id: proposal id - voter). */
export const vote = onchainTable("vote", (t) => ({
  id: t.text().primaryKey(),
  proposalId: t.bigint().notNull(),
  voter: t.hex().notNull(),
  officialId: t.text().notNull(),
  support: voteSupport("support").notNull(),
  weight: t.bigint().notNull(),
  reason: t.text().notNull(),
  params: t.hex(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** An operation of the TimelockController (id: operation id). */
export const timelockOperation = onchainTable("timelock_operation", (t) => ({
  id: t.text().primaryKey(),
  status: timelockOperationStatus("status").notNull(),
  predecessor: t.hex().notNull(),
  salt: t.hex(),
  delay: t.bigint().notNull(),
  scheduledAt: t.bigint().notNull(),
  readyAt: t.bigint().notNull(),
  executedAt: t.bigint(),
  cancelledAt: t.bigint(),
  callCount: t.integer().notNull(),
  proposalId: t.bigint(),
}));

/** One call of a timelock operation (id: operation id - index). */
export const timelockCall = onchainTable("timelock_call", (t) => ({
  id: t.text().primaryKey(),
  timelockOperationId: t.text().notNull(),
  index: t.integer().notNull(),
  target: t.hex().notNull(),
  value: t.bigint().notNull(),
  data: t.hex().notNull(),
  targetContract: t.text(),
  signature: t.text(),
  executed: t.boolean().notNull(),
}));

// ─── Documents ────────────────────────────────────────────────────────────────────────────────────────────────

/** An official document (id: token id = sha-256 content hash, 0x-hex 32 bytes). */
export const document = onchainTable("document", (t) => ({
  id: t.text().primaryKey(),
  tokenId: t.bigint().notNull(),
  contentHash: t.hex().notNull(),
  docType: documentType("doc_type").notNull(),
  status: documentStatus("status").notNull(),
  agencyId: t.bigint().notNull(),
  issuer: t.hex().notNull(),
  issuedAt: t.bigint().notNull(),
  issuedBlock: t.bigint().notNull(),
  issuedTx: t.hex().notNull(),
  metadataDigest: t.hex().notNull(),
  coSignatureDigest: t.hex(),
  supersedesId: t.text(),
  supersededById: t.text(),
  amendReason: t.text(),
  revokedAt: t.bigint(),
  revokedBy: t.hex(),
  revokeReason: t.text(),
  proposalId: t.bigint(),
  allocationCount: t.integer().notNull(),
  /** From the metadata JSON in the content store at index time (null: metadataStatus is not INDEXED). */
  number: t.text(),
  titleKk: t.text(),
  titleRu: t.text(),
  titleEn: t.text(),
  metadataStatus: documentMetadataStatus("metadata_status").notNull(),
  /** Lowercased id, number and titles: what the documents list's `q` matches (LIKE). */
  searchText: t.text().notNull(),
}));

/** One step of a document's history (id: tx hash - log index - document). */
export const documentEvent = onchainTable("document_event", (t) => ({
  id: t.text().primaryKey(),
  documentId: t.text().notNull(),
  kind: documentEventKind("kind").notNull(),
  relatedId: t.text(),
  account: t.hex(),
  reason: t.text(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** A Merkle-anchored batch of documents (id: agency id - root: batches are keyed by agency and root). */
export const batch = onchainTable("batch", (t) => ({
  id: t.text().primaryKey(),
  root: t.hex().notNull(),
  agencyId: t.bigint().notNull(),
  issuer: t.hex().notNull(),
  count: t.bigint().notNull(),
  metadataDigest: t.hex().notNull(),
  anchoredAt: t.bigint().notNull(),
  /** The block and log index of BatchAnchored: the batches' chain order (several can share a second, or a block). */
  anchoredBlock: t.bigint().notNull(),
  anchoredLogIndex: t.integer().notNull(),
  anchoredTx: t.hex().notNull(),
  revoked: t.boolean().notNull(),
  revokedAt: t.bigint(),
  revokedBy: t.hex(),
  revokeReason: t.text(),
  revokedMemberCount: t.integer().notNull(),
}));

/** One document revoked out of a batch (id: batch id - content hash). */
export const batchMemberRevocation = onchainTable("batch_member_revocation", (t) => ({
  id: t.text().primaryKey(),
  batchId: t.text().notNull(),
  contentHash: t.hex().notNull(),
  revokedBy: t.hex().notNull(),
  reason: t.text().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

// ─── Treasury ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Escrow totals of one token (id: token address; 0x000…0 is the native coin). */
export const treasuryToken = onchainTable("treasury_token", (t) => ({
  id: t.text().primaryKey(),
  address: t.hex().notNull(),
  native: t.boolean().notNull(),
  deposited: t.bigint().notNull(),
  allocated: t.bigint().notNull(),
  released: t.bigint().notNull(),
  cancelled: t.bigint().notNull(),
  withdrawn: t.bigint().notNull(),
  /** Released to recipients whose payment failed and not yet claimed. */
  owed: t.bigint().notNull(),
  /** On the escrow's allow-list (the native coin: always). */
  allowed: t.boolean().notNull(),
  depositCount: t.integer().notNull(),
}));

/** A deposit or a recorded inflow (id: tx hash - log index). */
export const deposit = onchainTable("deposit", (t) => ({
  id: t.text().primaryKey(),
  kind: depositKind("kind").notNull(),
  tokenId: t.text().notNull(),
  from: t.hex(),
  amount: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** An allocation of budget to a recipient (id: allocation id). */
export const allocation = onchainTable("allocation", (t) => ({
  id: t.bigint().primaryKey(),
  allocationId: t.bigint().notNull(),
  recipient: t.hex().notNull(),
  tokenId: t.text().notNull(),
  budgetDocumentId: t.bigint().notNull(),
  budgetDocumentRefId: t.text(),
  agencyId: t.bigint(),
  total: t.bigint().notNull(),
  released: t.bigint().notNull(),
  milestoneCount: t.integer().notNull(),
  cancelled: t.boolean().notNull(),
  cancelledAt: t.bigint(),
  cancelReason: t.text(),
  unreleasedAtCancel: t.bigint(),
  createdAt: t.bigint().notNull(),
  createdTx: t.hex().notNull(),
  proposalId: t.bigint(),
}));

/** A milestone of an allocation (id: allocation id - index). */
export const milestone = onchainTable("milestone", (t) => ({
  id: t.text().primaryKey(),
  allocationId: t.bigint().notNull(),
  index: t.integer().notNull(),
  amount: t.bigint().notNull(),
  deadline: t.bigint().notNull(),
  descriptionHash: t.hex().notNull(),
  status: milestoneStatus("status").notNull(),
  releasedAt: t.bigint(),
  releaseId: t.text(),
}));

/** A payment of a milestone (id: tx hash - log index). */
export const release = onchainTable("release", (t) => ({
  id: t.text().primaryKey(),
  allocationId: t.bigint().notNull(),
  milestoneId: t.text().notNull(),
  recipient: t.hex().notNull(),
  tokenId: t.text().notNull(),
  amount: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  proposalId: t.bigint(),
}));

/** A withdrawal of unreserved funds (id: tx hash - log index). */
export const withdrawal = onchainTable("withdrawal", (t) => ({
  id: t.text().primaryKey(),
  tokenId: t.text().notNull(),
  to: t.hex().notNull(),
  amount: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** Allocated and released per agency and token (id: agency id - token). */
export const agencyTokenTotal = onchainTable("agency_token_total", (t) => ({
  id: t.text().primaryKey(),
  agencyId: t.bigint().notNull(),
  tokenId: t.text().notNull(),
  allocated: t.bigint().notNull(),
  released: t.bigint().notNull(),
  cancelled: t.bigint().notNull(),
  allocationCount: t.integer().notNull(),
}));

/** Allocated and released per budget document and token (id: document id - token). */
export const budgetTokenTotal = onchainTable("budget_token_total", (t) => ({
  id: t.text().primaryKey(),
  documentId: t.text().notNull(),
  tokenId: t.text().notNull(),
  allocated: t.bigint().notNull(),
  released: t.bigint().notNull(),
  cancelled: t.bigint().notNull(),
  allocationCount: t.integer().notNull(),
}));

// ─── Audit log of power ───────────────────────────────────────────────────────────────────────────────────────

/** Every change of who may do what, in chain order (id: tx hash - log index). */
export const roleChange = onchainTable("role_change", (t) => ({
  id: t.text().primaryKey(),
  kind: roleChangeKind("kind").notNull(),
  contract: t.hex().notNull(),
  role: t.hex(),
  roleName: t.text(),
  account: t.hex(),
  sender: t.hex().notNull(),
  agencyId: t.bigint(),
  seatId: t.bigint(),
  /** SIGNING_KEY_REGISTERED, SIGNING_KEY_RETIRED: the key. */
  signingKeyId: t.bigint(),
  detail: t.text(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  /** Log index, so that the audit log sorts in chain order (not in the subgraph; its id carries it). */
  logIndex: t.integer().notNull(),
}));

/**
 * Every change of a council setting, from the deployment's initial values on (id: tx hash - log index). The
 * proposal that made a change is the one whose execution transaction it is (`proposal.executedTx`).
 */
export const settingChange = onchainTable("setting_change", (t) => ({
  id: t.text().primaryKey(),
  setting: councilSetting("setting").notNull(),
  contract: t.hex().notNull(),
  oldValue: t.bigint().notNull(),
  newValue: t.bigint().notNull(),
  sender: t.hex().notNull(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  /** Log index, so that the history sorts in chain order (not in the subgraph; its id carries it). */
  logIndex: t.integer().notNull(),
}));

/** Who holds an AccessControl role now (id: contract - role - account). */
export const roleMember = onchainTable("role_member", (t) => ({
  id: t.text().primaryKey(),
  contract: t.hex().notNull(),
  role: t.hex().notNull(),
  roleName: t.text().notNull(),
  account: t.hex().notNull(),
  active: t.boolean().notNull(),
  grantedAt: t.bigint().notNull(),
  revokedAt: t.bigint(),
}));

/** Links the effects of one transaction to the proposal whose execution caused them (id: tx hash). */
export const transactionLinks = onchainTable("transaction_links", (t) => ({
  id: t.text().primaryKey(),
  /** The timelock operation of this transaction (`operation` in the subgraph; that column name is reserved by Ponder). */
  timelockOperationId: t.text(),
  documents: t.text().array().notNull(),
  allocations: t.text().array().notNull(),
  releases: t.text().array().notNull(),
}));

// ─── Relations (GraphQL fields named like the subgraph's) ─────────────────────────────────────────────────────

// ─── Appeals ──────────────────────────────────────────────────────────────────────────────────────────────────

/** A citizen's appeal against a document or a proposal (id: the appeal number). */
export const appeal = onchainTable("appeal", (t) => ({
  id: t.bigint().primaryKey(),
  appealId: t.bigint().notNull(),
  kind: appealSubjectKind().notNull(),
  subjectId: t.bigint().notNull(),
  documentId: t.text(),
  proposalId: t.bigint(),
  filer: t.hex().notNull(),
  respondent: t.bigint().notNull(),
  firstRespondent: t.bigint().notNull(),
  bodyDigest: t.hex().notNull(),
  state: appealState().notNull(),
  filedAt: t.bigint().notNull(),
  filedTx: t.hex().notNull(),
  dueAt: t.bigint().notNull(),
  extended: t.boolean().notNull(),
  outcome: appealOutcome(),
  answerDigest: t.hex(),
  answeredAt: t.bigint(),
  onTime: t.boolean(),
  withdrawnAt: t.bigint(),
  remedyId: t.bigint(),
  followUpCount: t.integer().notNull(),
}));

/** One step of an appeal's timeline (id: tx hash - log index). */
export const appealEvent = onchainTable("appeal_event", (t) => ({
  id: t.text().primaryKey(),
  appealId: t.bigint().notNull(),
  kind: appealEventKind().notNull(),
  digest: t.hex(),
  fromRespondent: t.bigint(),
  toRespondent: t.bigint(),
  dueAt: t.bigint(),
  outcome: appealOutcome(),
  onTime: t.boolean(),
  remedyId: t.bigint(),
  timestamp: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** A day the appeals calendar declares (id: the day number, days since 1970-01-01 in UTC+5). */
export const calendarDay = onchainTable("calendar_day", (t) => ({
  id: t.bigint().primaryKey(),
  day: t.bigint().notNull(),
  kind: calendarDayKind().notNull(),
  updatedAt: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

/** The appeal procedure's day counts (id: "current"). */
export const appealTerms = onchainTable("appeal_terms", (t) => ({
  id: t.text().primaryKey(),
  considerationDays: t.integer().notNull(),
  forwardDays: t.integer().notNull(),
  extensionLimitDays: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
}));

export const officialRelations = relations(official, ({ one, many }) => ({
  seat: one(seat, { fields: [official.seatId], references: [seat.id] }),
  votes: many(vote),
  proposals: many(proposal),
}));

export const seatRelations = relations(seat, ({ one, many }) => ({
  holder: one(official, { fields: [seat.holderId], references: [official.id] }),
  agency: one(agency, { fields: [seat.agencyId], references: [agency.id] }),
  terms: many(seatTerm),
}));

export const seatTermRelations = relations(seatTerm, ({ one }) => ({
  seat: one(seat, { fields: [seatTerm.seatId], references: [seat.id] }),
  agency: one(agency, { fields: [seatTerm.agencyId], references: [agency.id] }),
}));

export const agencyRelations = relations(agency, ({ many }) => ({
  registrars: many(registrar),
  seats: many(seat),
  documents: many(document),
  batches: many(batch),
  tokenTotals: many(agencyTokenTotal),
}));

export const registrarRelations = relations(registrar, ({ one }) => ({
  agency: one(agency, { fields: [registrar.agencyId], references: [agency.id] }),
}));

export const proposalRelations = relations(proposal, ({ one, many }) => ({
  proposerOfficial: one(official, { fields: [proposal.proposerOfficialId], references: [official.id] }),
  timelockOperation: one(timelockOperation, { fields: [proposal.timelockOperationId], references: [timelockOperation.id] }),
  actions: many(proposalAction),
  votes: many(vote),
  documents: many(document),
  allocations: many(allocation),
  releases: many(release),
}));

export const proposalActionRelations = relations(proposalAction, ({ one }) => ({
  proposal: one(proposal, { fields: [proposalAction.proposalId], references: [proposal.id] }),
}));

export const voteRelations = relations(vote, ({ one }) => ({
  proposal: one(proposal, { fields: [vote.proposalId], references: [proposal.id] }),
  official: one(official, { fields: [vote.officialId], references: [official.id] }),
}));

export const timelockOperationRelations = relations(timelockOperation, ({ many }) => ({
  calls: many(timelockCall),
}));

export const timelockCallRelations = relations(timelockCall, ({ one }) => ({
  operation: one(timelockOperation, { fields: [timelockCall.timelockOperationId], references: [timelockOperation.id] }),
}));

export const documentRelations = relations(document, ({ one, many }) => ({
  agency: one(agency, { fields: [document.agencyId], references: [agency.id] }),
  supersedes: one(document, { fields: [document.supersedesId], references: [document.id], relationName: "supersedes" }),
  supersededBy: one(document, { fields: [document.supersededById], references: [document.id], relationName: "supersededBy" }),
  proposal: one(proposal, { fields: [document.proposalId], references: [proposal.id] }),
  history: many(documentEvent, { relationName: "history" }),
  allocations: many(allocation),
  budgetTotals: many(budgetTokenTotal),
}));

export const documentEventRelations = relations(documentEvent, ({ one }) => ({
  document: one(document, { fields: [documentEvent.documentId], references: [document.id], relationName: "history" }),
  related: one(document, { fields: [documentEvent.relatedId], references: [document.id], relationName: "related" }),
}));

export const batchRelations = relations(batch, ({ one, many }) => ({
  agency: one(agency, { fields: [batch.agencyId], references: [agency.id] }),
  revokedMembers: many(batchMemberRevocation),
}));

export const batchMemberRevocationRelations = relations(batchMemberRevocation, ({ one }) => ({
  batch: one(batch, { fields: [batchMemberRevocation.batchId], references: [batch.id] }),
}));

export const treasuryTokenRelations = relations(treasuryToken, ({ many }) => ({
  deposits: many(deposit),
}));

export const depositRelations = relations(deposit, ({ one }) => ({
  token: one(treasuryToken, { fields: [deposit.tokenId], references: [treasuryToken.id] }),
}));

export const allocationRelations = relations(allocation, ({ one, many }) => ({
  token: one(treasuryToken, { fields: [allocation.tokenId], references: [treasuryToken.id] }),
  budgetDocument: one(document, { fields: [allocation.budgetDocumentRefId], references: [document.id] }),
  agency: one(agency, { fields: [allocation.agencyId], references: [agency.id] }),
  proposal: one(proposal, { fields: [allocation.proposalId], references: [proposal.id] }),
  milestones: many(milestone),
  releases: many(release),
}));

export const milestoneRelations = relations(milestone, ({ one }) => ({
  allocation: one(allocation, { fields: [milestone.allocationId], references: [allocation.id] }),
  release: one(release, { fields: [milestone.releaseId], references: [release.id] }),
}));

export const releaseRelations = relations(release, ({ one }) => ({
  allocation: one(allocation, { fields: [release.allocationId], references: [allocation.id] }),
  milestone: one(milestone, { fields: [release.milestoneId], references: [milestone.id] }),
  token: one(treasuryToken, { fields: [release.tokenId], references: [treasuryToken.id] }),
  proposal: one(proposal, { fields: [release.proposalId], references: [proposal.id] }),
}));

export const withdrawalRelations = relations(withdrawal, ({ one }) => ({
  token: one(treasuryToken, { fields: [withdrawal.tokenId], references: [treasuryToken.id] }),
}));

export const agencyTokenTotalRelations = relations(agencyTokenTotal, ({ one }) => ({
  agency: one(agency, { fields: [agencyTokenTotal.agencyId], references: [agency.id] }),
  token: one(treasuryToken, { fields: [agencyTokenTotal.tokenId], references: [treasuryToken.id] }),
}));

export const budgetTokenTotalRelations = relations(budgetTokenTotal, ({ one }) => ({
  document: one(document, { fields: [budgetTokenTotal.documentId], references: [document.id] }),
  token: one(treasuryToken, { fields: [budgetTokenTotal.tokenId], references: [treasuryToken.id] }),
}));

export const roleChangeRelations = relations(roleChange, ({ one }) => ({
  agency: one(agency, { fields: [roleChange.agencyId], references: [agency.id] }),
  seat: one(seat, { fields: [roleChange.seatId], references: [seat.id] }),
  signingKey: one(signingKey, { fields: [roleChange.signingKeyId], references: [signingKey.id] }),
}));

export const appealRelations = relations(appeal, ({ one, many }) => ({
  document: one(document, { fields: [appeal.documentId], references: [document.id] }),
  proposal: one(proposal, { fields: [appeal.proposalId], references: [proposal.id] }),
  events: many(appealEvent),
}));

export const appealEventRelations = relations(appealEvent, ({ one }) => ({
  appeal: one(appeal, { fields: [appealEvent.appealId], references: [appeal.id] }),
}));
