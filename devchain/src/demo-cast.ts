/**
 * The demo system of `npm start`: who is who among anvil's public development accounts, the genesis agencies
 * (with the hashes of their demo ML-DSA keys) and the Ignition parameters. Shared by scripts/start.ts, the seed
 * and the integration test, so all three deploy the same system.
 */
import { calendarDay, calendarDayOf } from "@government-dao/core/appeals";
import { GOVERNMENT_OFFICE_AGENCY_ID, demoAgencyKeys } from "@government-dao/core/cosignature";
import { DEV_ACCOUNT_INDEX as I, devAccountAddress } from "@government-dao/core/dev-accounts";
import { EXTRACT_KEY_PURPOSE, apiKeysFromSeed, demoExtractSeed } from "@government-dao/core/extract";

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

/** Address of anvil development account `i` (m/44'/60'/0'/0/i). */
export const devAccount = (i: number): string => devAccountAddress(i);

/** Addresses of the development accounts by role (core/src/dev-accounts.ts says which index plays which part). */
export const cast = {
  deployer: devAccount(I.deployer),
  officials: [devAccount(I.officials[0]), devAccount(I.officials[1]), devAccount(I.officials[2])] as const,
  candidates: [devAccount(I.candidates[0]), devAccount(I.candidates[1]), devAccount(I.candidates[2])] as const,
  financeRegistrar: devAccount(I.financeRegistrar),
  digitalRegistrar: devAccount(I.digitalRegistrar),
  officeRegistrar: devAccount(I.officeRegistrar),
  treasurer: devAccount(I.treasurer),
  contractors: [devAccount(I.contractors[0]), devAccount(I.contractors[1])] as const,
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

/**
 * Public holidays the demo's appeals calendar declares at deployment (contracts/appeals/WorkingDayCalendar.sol):
 * the fixed holidays of the Labour Code (art. 84) from December 2026 to the end of 2027, with the days off it moves
 * from a weekend to the next working day (art. 85). Kurban ait and the government's yearly transfers of days off
 * are declared by proposal once published. Days already past at deployment are left out: the calendar of the past
 * cannot be declared.
 */
export const DEMO_HOLIDAYS = [
  "2026-12-16", // Independence Day
  "2027-01-01", "2027-01-02", "2027-01-04", // New Year (2 January is a Saturday: moved to Monday 4 January)
  "2027-01-07", // Orthodox Christmas
  "2027-03-08", // International Women's Day
  "2027-03-22", "2027-03-23", "2027-03-24", // Nauryz (21 March is a Sunday: moved to Wednesday 24 March)
  "2027-05-01", "2027-05-03", // Unity Day (a Saturday: moved to Monday 3 May)
  "2027-05-07", // Defender of the Fatherland Day
  "2027-05-09", "2027-05-10", // Victory Day (a Sunday: moved to Monday 10 May)
  "2027-07-06", // Capital Day
  "2027-08-30", // Constitution Day
  "2027-10-25", // Republic Day
  "2027-12-16", // Independence Day
] as const;

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
        // Holds the key that co-signs central-government decrees, laws and budgets; its one registrar anchors the
        // open-data snapshots (core/src/snapshot.ts) through the agency gateway.
        { id: AGENCY.governmentOffice, name: AGENCY_NAMES[AGENCY.governmentOffice], pqKeyHash: keyHash(AGENCY.governmentOffice), registrars: [cast.officeRegistrar] },
      ],
      genesisSeats: [
        { official: cast.officials[0], agencyId: AGENCY.finance, position: 1 },
        { official: cast.officials[1], agencyId: AGENCY.finance, position: 2 },
        { official: cast.officials[2], agencyId: AGENCY.digital, position: 1 },
      ],
      genesisHolidays: DEMO_HOLIDAYS.map(calendarDay).filter((day) => day >= calendarDayOf(Date.now() / 1000)),
      // The public API's extract key of the demo (public seed: devchain/src/extract-key.ts gives it to the indexer).
      genesisSigningKeys: [{ purpose: EXTRACT_KEY_PURPOSE, keyHash: apiKeysFromSeed(demoExtractSeed()).publicKeySha256 }],
    },
    DigitalTenge: { holder: cast.treasurer, supply: DEMO_TENGE_SUPPLY },
  };
}
