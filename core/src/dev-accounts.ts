/**
 * anvil's development accounts and who is who among them in the demo (`npm start`, the seed, the tests, the dApp's
 * development wallet). The mnemonic is public: its keys are test keys only, never real funds; the dApp offers them
 * only on chain 31337 with DEV_ACCOUNTS=1 and never ships the mnemonic to browsers (web/e2e/bundle-secrets.test.ts).
 */
import { type Address, type Hex, bytesToHex, getAddress, keccak256, stringToHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";

/** anvil's well-known development mnemonic. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/** The BIP-44 path of development account `index` (m/44'/60'/0'/0/index). */
export const devAccountPath = (index: number): `m/44'/60'/${string}` => `m/44'/60'/0'/0/${index}`;

/** Address of development account `index` (checksummed). */
export const devAccountAddress = (index: number): Address => getAddress(mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).address);

/** Which development account plays which part in the demo, by index. */
export const DEV_ACCOUNT_INDEX = {
  /** Deploys the system; the keeper agent sends with it. */
  deployer: 0,
  /** Genesis council: Finance minister, Finance vice-minister, Digital Development minister. */
  officials: [1, 2, 3],
  /** Seated by proposal during the seed: one in Finance, two in Digital Development. */
  candidates: [4, 5, 6],
  financeRegistrar: 7,
  digitalRegistrar: 8,
  /** Holds the dev digital tenge and deposits it into the escrow. */
  treasurer: 9,
  /** Contractors paid by the budget allocations (addresses only: no key used). */
  contractors: [10, 11],
  /** The Office of the Government's registrar: anchors its open-data snapshots through the agency gateway. */
  officeRegistrar: 12,
} as const;

/** How many development accounts anvil creates and funds (devchain/src/anvil.ts): indices 0 … 12 above. */
export const DEV_ACCOUNT_COUNT = 13;

/** The part a development account plays in the dApp's development wallet. */
export type DevRole = "keeper" | "official" | "financeRegistrar" | "digitalRegistrar" | "treasurer";

/** The dApp's development wallet: the role of accounts 0 … 9 (officials and candidates both vote as officials). */
export const DEV_ROLES: readonly DevRole[] = [
  "keeper",
  ...DEV_ACCOUNT_INDEX.officials.map(() => "official" as const),
  ...DEV_ACCOUNT_INDEX.candidates.map(() => "official" as const),
  "financeRegistrar",
  "digitalRegistrar",
  "treasurer",
];

/** The private key of development account `index` (0x hex; public: anvil's mnemonic). */
export const devAccountKey = (index: number): Hex => {
  const key = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).getHdKey().privateKey;
  if (!key) throw new Error(`development account ${index} has no private key`);
  return bytesToHex(key);
};

/**
 * DEMO ONLY. The key with which the demo's agency `agencyId`'s own system signs its gateway requests, derived from
 * the public seed keccak-256("government-dao demo agency system key, agency <id>"): reproducible, so not secret.
 */
export const demoAgencySystemKey = (agencyId: number): Hex => keccak256(stringToHex(`government-dao demo agency system key, agency ${agencyId}`));
