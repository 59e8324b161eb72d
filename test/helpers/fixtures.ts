/**
 * The one fixture of the contract test suite: the full system deployed by the real Ignition module on the
 * in-process Hardhat network, the cast of accounts, and helpers to pass proposals through Governor + Timelock.
 *
 *   const t = await setup();                 // once per test file (top-level await)
 *   const s = await t.loadSystem();          // per test: snapshot-restored deployment
 *   await t.govern(s, [action(s.documents, "issue", [...])], "Decree 1");
 */
import type { NetworkConnection } from "hardhat/types/network";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { type BaseContract, id as keccakId, sha256, toUtf8Bytes } from "ethers";

import DigitalTengeModule from "../../ignition/modules/DigitalTenge.js";
import GovernmentDAO from "../../ignition/modules/GovernmentDAO.js";
import { type Action, type GovernmentContracts, action, connectGovernment } from "../../scripts/lib/contracts.js";

/** Governor and Timelock settings used by the tests (seconds, percent). */
export const SETTINGS = {
  timelockMinDelay: 300,
  votingDelay: 60,
  votingPeriod: 3_600,
  quorumPercent: 50,
  lateQuorumExtension: 600,
} as const;

/** The ranges those settings may ever take in the test deployment (seconds), and the Timelock's grace period. */
export const BOUNDS = {
  settingsBounds: { minVotingDelay: 1, maxVotingDelay: 7 * 86_400, minVotingPeriod: 600, maxVotingPeriod: 14 * 86_400 },
  timelockMinDelayBound: 60,
  timelockMaxDelayBound: 30 * 86_400,
  timelockGracePeriod: 14 * 86_400,
} as const;

/** Agencies of the genesis set. */
export const FINANCE = 1;
export const DIGITAL = 2;

/** Vote support values (OpenZeppelin "bravo" counting). */
export const AGAINST = 0;
export const FOR = 1;
export const ABSTAIN = 2;

/** Document types and statuses, as the contract's enums. */
export const DocType = { Decree: 0, Law: 1, Budget: 2, Order: 3, Certificate: 4, Notice: 5 } as const;
export const DocStatus = { Active: 0, Amended: 1, Revoked: 2 } as const;
/** Governor proposal states, as OpenZeppelin's IGovernor.ProposalState. */
export const ProposalState = {
  Pending: 0,
  Active: 1,
  Canceled: 2,
  Defeated: 3,
  Succeeded: 4,
  Queued: 5,
  Expired: 6,
  Executed: 7,
} as const;

/** sha-256 of a UTF-8 string, as a bytes32 hex string: stands in for a document file's or JSON's hash. */
export const hashOf = (text: string): string => sha256(toUtf8Bytes(text));

export { type Action, action };

/** The accounts every test uses, by role. */
export interface Cast {
  deployer: HardhatEthersSigner;
  /** Genesis council: two in Finance, one in Digital Development. */
  officials: [HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner];
  /** Not yet seated; tests seat them by proposal. */
  candidates: [HardhatEthersSigner, HardhatEthersSigner, HardhatEthersSigner];
  financeRegistrar: HardhatEthersSigner;
  digitalRegistrar: HardhatEthersSigner;
  stranger: HardhatEthersSigner;
  recipient: HardhatEthersSigner;
  /** Holds the demo digital tenge supply. */
  treasurer: HardhatEthersSigner;
}

/** The deployed contracts, typed, connected to the deployer. */
export type System = GovernmentContracts;

export type Setup = Awaited<ReturnType<typeof setup>>;

/** Opens a fresh in-process chain and returns the fixture and helpers bound to it. */
export async function setup(connection?: NetworkConnection) {
  const conn = connection ?? (await network.create());
  const { ethers, ignition, networkHelpers } = conn;
  const signers = await ethers.getSigners();
  const at = (i: number): HardhatEthersSigner => {
    const signer = signers[i];
    if (!signer) throw new Error(`the test network has no account #${i}`);
    return signer;
  };
  const cast: Cast = {
    deployer: at(0),
    officials: [at(1), at(2), at(3)],
    candidates: [at(4), at(5), at(6)],
    financeRegistrar: at(7),
    digitalRegistrar: at(8),
    stranger: at(9),
    recipient: at(10),
    treasurer: at(11),
  };

  /** Ignition parameters of the test deployment. */
  const parameters = {
    GovernmentDAO: {
      ...SETTINGS,
      ...BOUNDS,
      escrowTokens: [] as string[],
      genesisAgencies: [
        {
          id: FINANCE,
          name: "Ministry of Finance",
          pqKeyHash: hashOf("finance ML-DSA public key"),
          registrars: [cast.financeRegistrar.address],
        },
        {
          id: DIGITAL,
          name: "Ministry of Digital Development",
          pqKeyHash: hashOf("digital ML-DSA public key"),
          registrars: [cast.digitalRegistrar.address],
        },
      ],
      genesisSeats: [
        { official: cast.officials[0].address, agencyId: FINANCE, position: 1 },
        { official: cast.officials[1].address, agencyId: FINANCE, position: 2 },
        { official: cast.officials[2].address, agencyId: DIGITAL, position: 1 },
      ],
    },
    DigitalTenge: { holder: cast.treasurer.address, supply: 1_000_000_000_00n },
  };

  async function deployGovernmentDAO(): Promise<System> {
    const address = (c: BaseContract) => c.target as string;
    // The dev tenge first, so that the escrow allows it from the start (as scripts/lib/deploy-system.ts does).
    const { tenge } = await ignition.deploy(DigitalTengeModule, { parameters, displayUi: false });
    const withTenge = { ...parameters, GovernmentDAO: { ...parameters.GovernmentDAO, escrowTokens: [address(tenge)] } };
    const deployed = await ignition.deploy(GovernmentDAO, { parameters: withTenge, displayUi: false });
    const runner = cast.deployer;
    return connectGovernment(
      {
        timelock: address(deployed.timelock),
        agencies: address(deployed.agencies),
        seats: address(deployed.seats),
        documents: address(deployed.documents),
        escrow: address(deployed.escrow),
        governor: address(deployed.governor),
        appeals: address(deployed.appeals),
        signingKeys: address(deployed.signingKeys),
        tenge: address(tenge),
      },
      runner,
    );
  }

  /** The deployed system, restored from a snapshot after the first call. */
  const loadSystem = (): Promise<System> => networkHelpers.loadFixture(deployGovernmentDAO);

  /** Proposal id and the arguments queue/execute need. */
  function proposalArgs(actions: readonly Action[], description: string) {
    const targets = actions.map((a) => a.target);
    const values = actions.map((a) => a.value);
    const calldatas = actions.map((a) => a.data);
    const descriptionHash = keccakId(description);
    return { targets, values, calldatas, description, descriptionHash };
  }

  /** Proposes and returns the proposal id. */
  async function propose(
    s: System,
    actions: readonly Action[],
    description: string,
    proposer: HardhatEthersSigner = cast.officials[0],
  ): Promise<bigint> {
    const p = proposalArgs(actions, description);
    await s.governor.connect(proposer).propose(p.targets, p.values, p.calldatas, description);
    return s.governor.hashProposal(p.targets, p.values, p.calldatas, p.descriptionHash);
  }

  /** Moves the clock past the voting delay so the proposal is Active. */
  async function startVoting(s: System, proposalId: bigint): Promise<void> {
    await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(proposalId)) + 1n);
  }

  /** Moves the clock past the (possibly extended) voting deadline. */
  async function endVoting(s: System, proposalId: bigint): Promise<void> {
    await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(proposalId)) + 1n);
  }

  /**
   * For an Active proposal: `voters` vote for, voting ends, the proposal is queued. Returns the arguments that
   * execute takes.
   */
  async function voteAndQueue(
    s: System,
    proposalId: bigint,
    actions: readonly Action[],
    description: string,
    voters: readonly HardhatEthersSigner[] = cast.officials,
  ): Promise<ReturnType<typeof proposalArgs>> {
    for (const voter of voters) await s.governor.connect(voter).castVote(proposalId, FOR);
    await endVoting(s, proposalId);
    const p = proposalArgs(actions, description);
    await s.governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
    return p;
  }

  /** Proposes `actions`, every genesis official votes for, and queues them: the proposal id and execute's arguments. */
  async function passAndQueue(s: System, actions: readonly Action[], description: string) {
    const proposalId = await propose(s, actions, description);
    await startVoting(s, proposalId);
    const p = await voteAndQueue(s, proposalId, actions, description);
    return { proposalId, p };
  }

  /**
   * Passes `actions` through the whole pipeline: propose, every genesis official votes for, queue, wait the
   * Timelock delay, execute. Returns the proposal id.
   */
  async function govern(
    s: System,
    actions: readonly Action[],
    description: string,
    voters: readonly HardhatEthersSigner[] = cast.officials,
  ): Promise<bigint> {
    const proposalId = await propose(s, actions, description);
    await startVoting(s, proposalId);
    const p = await voteAndQueue(s, proposalId, actions, description, voters);
    await networkHelpers.time.increase(SETTINGS.timelockMinDelay + 1);
    await s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
    return proposalId;
  }

  /** A signer that sends as the Timelock (impersonated, funded): for unit tests of Timelock-only functions. */
  async function asTimelock(s: System): Promise<HardhatEthersSigner> {
    const address = s.timelock.target as string;
    await networkHelpers.setBalance(address, 10n ** 20n);
    return ethers.getImpersonatedSigner(address);
  }

  return {
    connection: conn,
    ethers,
    networkHelpers,
    cast,
    parameters,
    loadSystem,
    proposalArgs,
    propose,
    startVoting,
    endVoting,
    voteAndQueue,
    passAndQueue,
    govern,
    asTimelock,
  };
}
