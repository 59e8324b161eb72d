/** JSON-RPC shapes of the recorded chain (hex strings as the node returns them) and the scenario's facts. */
import type { ContractName } from "@government-dao/core/contracts";

export interface RawTransaction {
  hash: string;
  transactionIndex: string;
  from: string;
  to: string | null;
  value: string;
  gas: string;
  gasPrice?: string;
  maxFeePerGas?: string;
  input: string;
  nonce: string;
}

export interface RawBlock {
  number: string;
  hash: string;
  parentHash: string;
  sha3Uncles: string;
  miner: string;
  stateRoot: string;
  transactionsRoot: string;
  receiptsRoot: string;
  gasUsed: string;
  gasLimit: string;
  timestamp: string;
  difficulty: string;
  totalDifficulty?: string;
  size?: string;
  baseFeePerGas?: string;
  transactions: RawTransaction[];
}

export interface RawLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  blockHash: string;
  transactionHash: string;
  transactionIndex: string;
  logIndex: string;
  removed?: boolean;
}

/** One appeal of the scenario: its number, the citizen's key, its text's digest, and the contract's dates at the end. */
export interface AppealFact {
  id: string;
  filer: string;
  bodyDigest: string;
  filedAt: number;
  /** The due date at the end (after any forward and extension). */
  dueAt: number;
  /** When it was answered or withdrawn; 0 while pending. */
  answeredAt: number;
}

/** What the scenario did, for the assertions. */
export interface ScenarioFacts {
  settings: { timelockMinDelay: number; votingDelay: number; votingPeriod: number; quorumPercent: number; lateQuorumExtension: number };
  accounts: {
    deployer: string;
    officials: string[];
    newOfficial: string;
    newRegistrar: string;
    recipient: string;
    financeRegistrar: string;
    digitalRegistrar: string;
    treasurer: string;
  };
  /** Every contract's address, by name (core's list). */
  addresses: Record<ContractName, string>;
  /**
   * `everyAction`: one call of every state-changing function of our contracts; `oddCalls`: calldata no encoder
   * writes (tests/harness/sample-calls.ts).
   */
  proposals: {
    seat: string;
    decree: string;
    allocation: string;
    release: string;
    cancelled: string;
    everyAction: string;
    oddCalls: string;
    /** P8: the council's (late) answer to appeal `appeals.rejected`. */
    appealAnswer: string;
    /** P9: registers `signingKeys.rotated` (key 2) and retires key 1 (`signingKeys.genesis`, registered at deployment). */
    keyRotation: string;
  };
  reasons: Record<"p1For" | "p1Abstain" | "p2For" | "p2Against" | "p2Abstain" | "p4For", string>;
  /** `appealedOrder`: an order of agency 1 contested by appeal `appeals.upheld`; `appealRemedy`: its amendment. */
  documents: { decree: string; budget: string; orderA: string; orderB: string; orderC: string; appealedOrder: string; appealRemedy: string };
  /** sha-256 hashes of the extract keys' public keys. */
  signingKeys: { genesis: string; rotated: string };
  amendReason: string;
  revokeReason: string;
  batch: { root: string; certificates: string[]; revokedMember: string; memberReason: string };
  deposits: { tenge: string; native: string };
  milestones: { amount: string; deadline: number; descriptionHash: string }[];
  revertedTx: { hash: string; blockNumber: number; status: number };
  appeals: {
    terms: { considerationDays: number; forwardDays: number; extensionLimitDays: number };
    /** The genesis holidays (day numbers in UTC+5). */
    holidays: number[];
    /**
     * Against `documents.appealedOrder` (agency 1): forwarded by agency 1's registrar to agency 2, extended, and
     * answered UPHELD by agency 2's registrar with `documents.appealRemedy` as remedy.
     */
    upheld: AppealFact & { filedDueAt: number; forwardedDueAt: number; forwardDigest: string; extensionDigest: string; answerDigest: string };
    /** Against `documents.decree` (the council's): answered REJECTED by the Timelock (`proposals.appealAnswer`), after its due date. */
    rejected: AppealFact & { answerDigest: string };
    /** Against `documents.budget` (agency 1): followed up, then withdrawn by its filer. */
    withdrawn: AppealFact & { followUpDigest: string };
    /** Against `proposals.seat` (the council's): left FILED, past its due date. */
    pending: AppealFact;
  };
}

export interface ScenarioRecord {
  chainId: number;
  blocks: RawBlock[];
  logs: RawLog[];
  facts: ScenarioFacts;
}
