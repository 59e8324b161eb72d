/**
 * The demo system of `npm start`: who is who among anvil's public development accounts, the genesis agencies
 * (with the hashes of their demo ML-DSA keys) and the Ignition parameters. Shared by scripts/start.ts, the seed
 * and the integration test, so all three deploy the same system.
 */
import { HDNodeWallet, Mnemonic } from "ethers";

import { ANVIL_MNEMONIC } from "./anvil.js";
import { GOVERNMENT_OFFICE_AGENCY_ID, demoAgencyKeys } from "@government-dao/core/cosignature";

/** Agency ids of the demo. Id 0 in documents means the central government (co-signed by the Office). */
export const AGENCY = {
  finance: 1,
  digital: 2,
  governmentOffice: GOVERNMENT_OFFICE_AGENCY_ID,
} as const;

/** Public names, as registered on chain. */
export const AGENCY_NAMES = {
  0: "Government of the Republic of Kazakhstan",
  1: "Ministry of Finance",
  2: "Ministry of Digital Development",
  3: "Office of the Government",
} as const satisfies Record<0 | (typeof AGENCY)[keyof typeof AGENCY], string>;

/** The public name of agency `id` (as registered; id 0 is the central government). */
export const agencyName = (id: number): string => (AGENCY_NAMES as Record<number, string>)[id] ?? `Agency ${id}`;

const mnemonic = Mnemonic.fromPhrase(ANVIL_MNEMONIC);
/** Address of anvil development account `i` (m/44'/60'/0'/0/i). */
export const devAccount = (i: number): string => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).address;

/** Roles of the development accounts. */
export const cast = {
  deployer: devAccount(0),
  /** Genesis council: Finance minister, Finance vice-minister, Digital Development minister. */
  officials: [devAccount(1), devAccount(2), devAccount(3)] as const,
  /** Seated by proposal during the seed: one in Finance, two in Digital Development. */
  candidates: [devAccount(4), devAccount(5), devAccount(6)] as const,
  financeRegistrar: devAccount(7),
  digitalRegistrar: devAccount(8),
  /** Holds the dev digital tenge and deposits it into the escrow. */
  treasurer: devAccount(9),
  /** Contractors paid by the budget allocations (addresses only: no anvil funds, no key used). */
  contractors: [devAccount(10), devAccount(11)] as const,
};

/** Governor and Timelock settings of the local demo (seconds, percent). */
export const DEMO_SETTINGS = {
  timelockMinDelay: 60,
  votingDelay: 30,
  votingPeriod: 300,
  quorumPercent: 50,
  lateQuorumExtension: 60,
} as const;

/**
 * The ranges the demo's settings may ever take (seconds), fixed at deployment: no passed proposal can move a setting
 * outside them (see contracts/governance/GovernorSettingsBounds.sol and GovernmentTimelock.sol). Short minimums so
 * the demo can be sped up; a ministry's deployment would choose e.g. a voting delay of 1 hour … 14 days.
 */
export const DEMO_BOUNDS = {
  settingsBounds: { minVotingDelay: 1, maxVotingDelay: 14 * 86_400, minVotingPeriod: 60, maxVotingPeriod: 30 * 86_400 },
  timelockMinDelayBound: 10,
  timelockMaxDelayBound: 30 * 86_400,
  timelockGracePeriod: 14 * 86_400,
} as const;

/** Whole supply of the dev digital tenge, in tiyn (2 decimals): 10 billion DKZT. */
export const DEMO_TENGE_SUPPLY = 10_000_000_000_00n;

/** Ignition parameters of the demo deployment (GovernmentDAO + DigitalTenge). */
export function demoParameters() {
  const keyHash = (agencyId: number) => demoAgencyKeys(agencyId).publicKeyHash;
  return {
    GovernmentDAO: {
      ...DEMO_SETTINGS,
      ...DEMO_BOUNDS,
      /** Filled in by deploySystem with the dev DigitalTenge's address, deployed first. */
      escrowTokens: [] as string[],
      genesisAgencies: [
        { id: AGENCY.finance, name: AGENCY_NAMES[AGENCY.finance], pqKeyHash: keyHash(AGENCY.finance), registrars: [cast.financeRegistrar] },
        { id: AGENCY.digital, name: AGENCY_NAMES[AGENCY.digital], pqKeyHash: keyHash(AGENCY.digital), registrars: [cast.digitalRegistrar] },
        // Holds the key that co-signs central-government decrees, laws and budgets; it has no registrars.
        { id: AGENCY.governmentOffice, name: AGENCY_NAMES[AGENCY.governmentOffice], pqKeyHash: keyHash(AGENCY.governmentOffice), registrars: [] as string[] },
      ],
      genesisSeats: [
        { official: cast.officials[0], agencyId: AGENCY.finance, position: 1 },
        { official: cast.officials[1], agencyId: AGENCY.finance, position: 2 },
        { official: cast.officials[2], agencyId: AGENCY.digital, position: 1 },
      ],
    },
    DigitalTenge: { holder: cast.treasurer, supply: DEMO_TENGE_SUPPLY },
  };
}
