/**
 * The accounts the on-chain registries say must be able to transact: every current registrar of an active-or-not
 * agency (AgencyRegistry `RegistrarAdded` / `RegistrarRemoved`) and every seated official (OfficialSeats
 * `SeatIssued` / `SeatReassigned` / `SeatRevoked`). Governance decides who they are; this turns its decisions into
 * the Besu accounts allow-list, so that a ministry that joins by proposal can send transactions once the operators
 * reload the file.
 */
import type { Provider } from "ethers";

import { AgencyRegistry__factory, OfficialSeats__factory } from "../../../types/ethers-contracts/index.js";
import type { GovernmentAddresses } from "@government-dao/core/deployment";

/** Current registrars and officials according to the registries' events, sorted for stable output. */
export interface RegistryAccounts {
  registrars: string[];
  officials: string[];
}

/** Blocks per `eth_getLogs` request: Besu refuses wider ranges by default (`--rpc-max-logs-range`, 5,000). */
export const LOGS_RANGE = 5_000;

/**
 * Reads the registries' events from `fromBlock` (use the deployment's block on a long chain) and returns who holds
 * a registrar role or a seat now. Logs are fetched in windows of `range` blocks.
 */
export async function registryAccounts(
  provider: Provider,
  addresses: Pick<GovernmentAddresses, "agencies" | "seats">,
  fromBlock = 0,
  range = LOGS_RANGE,
): Promise<RegistryAccounts> {
  const agencies = AgencyRegistry__factory.connect(addresses.agencies, provider);
  const seats = OfficialSeats__factory.connect(addresses.seats, provider);
  const latest = await provider.getBlockNumber();
  const windows: [number, number][] = [];
  for (let start = fromBlock; start <= latest; start += range) windows.push([start, Math.min(start + range - 1, latest)]);
  const all = async <T>(query: (from: number, to: number) => Promise<T[]>): Promise<T[]> => {
    const parts: T[][] = [];
    for (const [from, to] of windows) parts.push(await query(from, to));
    return parts.flat();
  };
  const [added, removed, issued, reassigned, revoked] = await Promise.all([
    all((from, to) => agencies.queryFilter(agencies.filters.RegistrarAdded(), from, to)),
    all((from, to) => agencies.queryFilter(agencies.filters.RegistrarRemoved(), from, to)),
    all((from, to) => seats.queryFilter(seats.filters.SeatIssued(), from, to)),
    all((from, to) => seats.queryFilter(seats.filters.SeatReassigned(), from, to)),
    all((from, to) => seats.queryFilter(seats.filters.SeatRevoked(), from, to)),
  ]);
  type Change = { block: number; index: number; apply: () => void };
  const registrarRoles = new Map<string, Set<number>>(); // account → agencies it registers for
  const seated = new Set<string>();
  const changes: Change[] = [
    ...added.map((e) => ({
      block: e.blockNumber,
      index: e.index,
      apply: () => registrarRoles.set(e.args.account, (registrarRoles.get(e.args.account) ?? new Set()).add(Number(e.args.agencyId))),
    })),
    ...removed.map((e) => ({ block: e.blockNumber, index: e.index, apply: () => registrarRoles.get(e.args.account)?.delete(Number(e.args.agencyId)) })),
    ...[...issued, ...reassigned].map((e) => ({ block: e.blockNumber, index: e.index, apply: () => seated.add(e.args.official) })),
    ...revoked.map((e) => ({ block: e.blockNumber, index: e.index, apply: () => seated.delete(e.args.official) })),
  ];
  changes.sort((a, b) => a.block - b.block || a.index - b.index).forEach((c) => c.apply());
  const registrars = [...registrarRoles].filter(([, ids]) => ids.size > 0).map(([account]) => account);
  return { registrars: registrars.sort(), officials: [...seated].sort() };
}
