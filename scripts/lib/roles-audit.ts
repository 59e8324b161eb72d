/**
 * Reads a live chain and lists who holds power over the system, and whether anyone holds what they should not.
 *
 * Expected after deployment (README.md, "Contracts and who may change what"):
 *   Timelock   DEFAULT_ADMIN_ROLE  → the Timelock itself only (the deployer renounced)
 *              PROPOSER_ROLE       → the Governor only
 *              CANCELLER_ROLE      → the Governor only
 *              EXECUTOR_ROLE       → the zero address only (anyone executes after the delay)
 *   Registries, escrow, appeals and signing keys: `timelock()` is the Timelock (immutable, no other admin exists)
 *   Governor:  `timelock()` is the Timelock, `token()` is the seat contract
 */
import { type ContractRunner, ZeroAddress, getAddress } from "ethers";

import { TIMELOCK_ROLES } from "../../ignition/modules/GovernmentDAO.js";
import {
  Appeals__factory,
  GovernmentGovernor__factory,
  GovernmentTimelock__factory,
  TimelockGoverned__factory,
} from "../../types/ethers-contracts/index.js";
import type { GovernmentAddresses } from "@government-dao/core/deployment";

/** One line of the roles table. */
export interface RoleRow {
  contract: string;
  role: string;
  holder: string;
  ok: boolean;
}

/** The roles table and the rows that break the expected layout. */
export interface RolesAudit {
  rows: RoleRow[];
  violations: RoleRow[];
}

/** Audits the roles of the deployment at `addresses` through `runner` (a provider is enough). */
export async function auditRoles(runner: ContractRunner, addresses: GovernmentAddresses): Promise<RolesAudit> {
  const rows: RoleRow[] = [];
  const timelock = GovernmentTimelock__factory.connect(addresses.timelock, runner);

  const expected: Record<keyof typeof TIMELOCK_ROLES, string> = {
    DEFAULT_ADMIN_ROLE: addresses.timelock,
    PROPOSER_ROLE: addresses.governor,
    CANCELLER_ROLE: addresses.governor,
    EXECUTOR_ROLE: ZeroAddress,
  };

  // Every account ever granted a role, from the Timelock's own event log; then who still holds it.
  const grants = await timelock.queryFilter(timelock.filters.RoleGranted(), 0, "latest");
  for (const [name, role] of Object.entries(TIMELOCK_ROLES) as [keyof typeof TIMELOCK_ROLES, string][]) {
    const candidates = new Set(grants.filter((g) => g.args.role === role).map((g) => getAddress(g.args.account)));
    candidates.add(getAddress(expected[name]));
    for (const account of candidates) {
      if (!(await timelock.hasRole(role, account))) {
        if (account === getAddress(expected[name])) {
          rows.push({ contract: "TimelockController", role: name, holder: `${account} (MISSING)`, ok: false });
        }
        continue;
      }
      rows.push({ contract: "TimelockController", role: name, holder: account, ok: account === getAddress(expected[name]) });
    }
  }

  const governed: [string, string][] = [
    ["AgencyRegistry", addresses.agencies],
    ["OfficialSeats", addresses.seats],
    ["DocumentRegistry", addresses.documents],
    ["BudgetEscrow", addresses.escrow],
    ["Appeals", addresses.appeals],
    ["SigningKeyRegistry", addresses.signingKeys],
  ];
  for (const [name, address] of governed) {
    const holder = getAddress(await TimelockGoverned__factory.connect(address, runner).timelock());
    rows.push({ contract: name, role: "timelock (sole admin)", holder, ok: holder === getAddress(addresses.timelock) });
  }

  const governor = GovernmentGovernor__factory.connect(addresses.governor, runner);
  const governorTimelock = getAddress(await governor.timelock());
  rows.push({
    contract: "GovernmentGovernor",
    role: "executor (timelock)",
    holder: governorTimelock,
    ok: governorTimelock === getAddress(addresses.timelock),
  });
  const token = getAddress(await governor.token());
  rows.push({ contract: "GovernmentGovernor", role: "votes (token)", holder: token, ok: token === getAddress(addresses.seats) });
  const guardian = getAddress(await governor.proposalGuardian());
  // A guardian is only ever set by a passed proposal; at deployment there is none.
  rows.push({ contract: "GovernmentGovernor", role: "proposal guardian", holder: guardian === ZeroAddress ? "none" : guardian, ok: true });

  rows.push(...(await settingsBoundsRows(runner, addresses)));
  return { rows, violations: rows.filter((r) => !r.ok) };
}

/** Seconds as a short duration ("90 s", "14 d 2 h"). */
function duration(seconds: bigint): string {
  const s = Number(seconds);
  const parts: [number, string][] = [[Math.floor(s / 86_400), "d"], [Math.floor((s % 86_400) / 3_600), "h"], [Math.floor((s % 3_600) / 60), "min"], [s % 60, "s"]];
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`);
  return shown.length > 0 ? shown.join(" ") : "0 s";
}

/**
 * The bounds fixed at deployment on the settings no passed proposal may set to a value that freezes governance
 * (GovernorSettingsBounds, GovernmentTimelock), each with the current value: "ok" while the value is inside.
 */
async function settingsBoundsRows(runner: ContractRunner, addresses: GovernmentAddresses): Promise<RoleRow[]> {
  const governor = GovernmentGovernor__factory.connect(addresses.governor, runner);
  const timelock = GovernmentTimelock__factory.connect(addresses.timelock, runner);
  const b = await governor.settingsBounds();
  const bounded = (contract: string, setting: string, value: bigint, min: bigint, max: bigint): RoleRow => ({
    contract,
    role: `bound: ${setting}`,
    holder: `${duration(value)} (allowed ${duration(min)} … ${duration(max)}, fixed at deployment)`,
    ok: value >= min && value <= max,
  });
  const threshold = await governor.proposalThreshold();
  const extension = await governor.lateQuorumVoteExtension();
  const period = await governor.votingPeriod();
  const grace = await timelock.gracePeriod();
  return [
    bounded("GovernmentGovernor", "voting delay", await governor.votingDelay(), b.minVotingDelay, b.maxVotingDelay),
    bounded("GovernmentGovernor", "voting period", period, b.minVotingPeriod, b.maxVotingPeriod),
    bounded("GovernmentGovernor", "late-quorum extension", extension, 0n, period),
    { contract: "GovernmentGovernor", role: "bound: proposal threshold", holder: `${threshold} seat (fixed)`, ok: threshold === 1n },
    bounded("TimelockController", "delay", await timelock.getMinDelay(), await timelock.minDelayBound(), await timelock.maxDelayBound()),
    bounded("TimelockController", "grace period", grace, await timelock.MIN_GRACE_PERIOD(), await timelock.MAX_GRACE_PERIOD()),
    ...(await appealTermsRows(runner, addresses.appeals)),
  ];
}

/** The appeal procedure's day counts, each with the bounds written in the Appeals contract. */
async function appealTermsRows(runner: ContractRunner, address: string): Promise<RoleRow[]> {
  const appeals = Appeals__factory.connect(address, runner);
  const terms = await appeals.terms();
  const row = (setting: string, value: bigint, min: bigint, max: bigint, unit: string): RoleRow => ({
    contract: "Appeals",
    role: `bound: ${setting}`,
    holder: `${value} ${unit} (allowed ${min} … ${max}, fixed in the contract)`,
    ok: value >= min && value <= max,
  });
  return [
    row("answer term", terms.considerationDays, await appeals.MIN_CONSIDERATION_DAYS(), await appeals.MAX_CONSIDERATION_DAYS(), "working days"),
    row("forward term", terms.forwardDays, await appeals.MIN_FORWARD_DAYS(), await appeals.MAX_FORWARD_DAYS(), "working days"),
    row("extension limit", terms.extensionLimitDays, await appeals.MIN_EXTENSION_LIMIT_DAYS(), await appeals.MAX_EXTENSION_LIMIT_DAYS(), "days"),
  ];
}

/** The audit as an aligned text table. */
export function formatRoles(audit: RolesAudit, names: Record<string, string> = {}): string {
  const label = (holder: string) => (names[holder] ? `${holder} (${names[holder]})` : holder);
  const lines = audit.rows.map((r) => [r.contract, r.role, label(r.holder), r.ok ? "ok" : "UNEXPECTED"]);
  const header = ["contract", "role", "holder", "check"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [fmt(header), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}
