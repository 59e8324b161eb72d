import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { ZeroAddress, ZeroHash, id } from "ethers";

/** Timelock roles (OpenZeppelin TimelockController). */
export const TIMELOCK_ROLES = {
  DEFAULT_ADMIN_ROLE: ZeroHash,
  PROPOSER_ROLE: id("PROPOSER_ROLE"),
  EXECUTOR_ROLE: id("EXECUTOR_ROLE"),
  CANCELLER_ROLE: id("CANCELLER_ROLE"),
} as const;

/** Default grace period of a ready Timelock operation: 14 days, as GovernorBravo's Timelock. */
export const GRACE_PERIOD = 14 * 24 * 3600;

/**
 * The day counts of Kazakhstan's Administrative Procedural and Process Code: 15 working days to answer (art. 76),
 * 3 working days to forward to the competent body (art. 65), one extension up to 2 months (art. 76, as 60 days).
 */
export const APPEAL_TERMS = { considerationDays: 15, forwardDays: 3, extensionLimitDays: 60 } as const;

/**
 * The whole governance system: Timelock, agencies, seats, documents, escrow, the Governor, appeals and the services'
 * signing keys, wired so that at
 * the end only the Timelock holds power over the registries and the escrow, only the Governor may propose to or
 * cancel in the Timelock, anyone may execute a passed proposal, and the deployer keeps no role.
 *
 * Parameters (the demo's are in devchain/src/demo-cast.ts):
 * - timelockMinDelay: seconds between queue and execute; timelockMinDelayBound, timelockMaxDelayBound: the range
 *   it may ever take;
 *   timelockGracePeriod: seconds a ready operation stays executable (then it expires; 14 days as GovernorBravo).
 * - votingDelay, votingPeriod, quorumPercent, lateQuorumExtension: the Governor's settings; settingsBounds:
 *   { minVotingDelay, maxVotingDelay, minVotingPeriod, maxVotingPeriod }, the ranges they may ever take.
 * - escrowTokens: the ERC-20s the escrow accepts from the start (more only by proposal).
 * - genesisAgencies: [{ id, name, pqKeyHash, registrars }], the agencies that exist from the start.
 * - genesisSeats: [{ official, agencyId, position }], the founding council (at least one, to make proposals).
 * - appealTerms: { considerationDays, forwardDays, extensionLimitDays }, the appeal procedure's day counts
 *   (default {@link APPEAL_TERMS}); genesisHolidays: public holidays (day numbers in UTC+5) declared from the start.
 * - genesisSigningKeys: [{ purpose, keyHash }], the services' keys valid from the start (purpose 0: the public API's
 *   citizen extracts); default none, so that extracts are refused until governance registers the API's key.
 */
export default buildModule("GovernmentDAO", (m) => {
  const deployer = m.getAccount(0);

  // The future id stays "TimelockController" (a GovernmentTimelock is one), so deployment readers keep their key.
  const timelock = m.contract(
    "GovernmentTimelock",
    [
      m.getParameter("timelockMinDelay"),
      [],
      [ZeroAddress], // executor: anyone, once the delay has passed (and until the grace period ends)
      deployer, // temporary admin, renounced below
      m.getParameter("timelockMinDelayBound"),
      m.getParameter("timelockMaxDelayBound"),
      m.getParameter("timelockGracePeriod", GRACE_PERIOD),
    ],
    { id: "TimelockController" },
  );

  const agencies = m.contract("AgencyRegistry", [timelock, m.getParameter("genesisAgencies")]);
  const seats = m.contract("OfficialSeats", [timelock, agencies, m.getParameter("genesisSeats")]);
  const documents = m.contract("DocumentRegistry", [timelock, agencies]);
  const escrow = m.contract("BudgetEscrow", [timelock, documents, m.getParameter<string[]>("escrowTokens", [])]);
  const governor = m.contract("GovernmentGovernor", [
    seats,
    timelock,
    {
      votingDelay: m.getParameter("votingDelay"),
      votingPeriod: m.getParameter("votingPeriod"),
      quorumPercent: m.getParameter("quorumPercent"),
      lateQuorumExtension: m.getParameter("lateQuorumExtension"),
    },
    m.getParameter("settingsBounds"),
  ]);

  const appeals = m.contract("Appeals", [
    timelock,
    agencies,
    documents,
    governor,
    m.getParameter("appealTerms", APPEAL_TERMS),
    m.getParameter<number[]>("genesisHolidays", []),
  ]);

  const signingKeys = m.contract("SigningKeyRegistry", [
    timelock,
    m.getParameter<{ purpose: number; keyHash: string }[]>("genesisSigningKeys", []),
  ]);

  const grantProposer = m.call(timelock, "grantRole", [TIMELOCK_ROLES.PROPOSER_ROLE, governor], {
    id: "grantProposerToGovernor",
  });
  const grantCanceller = m.call(timelock, "grantRole", [TIMELOCK_ROLES.CANCELLER_ROLE, governor], {
    id: "grantCancellerToGovernor",
  });
  m.call(timelock, "renounceRole", [TIMELOCK_ROLES.DEFAULT_ADMIN_ROLE, deployer], {
    id: "renounceDeployerAdmin",
    after: [grantProposer, grantCanceller],
  });

  return { timelock, agencies, seats, documents, escrow, governor, appeals, signingKeys };
});
