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
  proposals: { seat: string; decree: string; allocation: string; release: string; cancelled: string; everyAction: string; oddCalls: string };
  reasons: Record<"p1For" | "p1Abstain" | "p2For" | "p2Against" | "p2Abstain" | "p4For", string>;
  documents: { decree: string; budget: string; orderA: string; orderB: string; orderC: string };
  amendReason: string;
  revokeReason: string;
  batch: { root: string; certificates: string[]; revokedMember: string; memberReason: string };
  deposits: { tenge: string; native: string };
  milestones: { amount: string; deadline: number; descriptionHash: string }[];
  revertedTx: { hash: string; blockNumber: number; status: number };
}

export interface ScenarioRecord {
  chainId: number;
  blocks: RawBlock[];
  logs: RawLog[];
  facts: ScenarioFacts;
}
