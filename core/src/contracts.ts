/**
 * The contracts of the system, written once: the name every app uses (the Ponder contract, the subgraph data
 * source, the dApp's ABI key), the short key of a deployment's address book, the Hardhat artifact (under
 * `artifacts/`) and the Ignition future id (`module#contract`). DigitalTenge is the dev token: it is deployed on
 * local chains only, and named when decoding proposal actions that call it; it is not indexed. `indexed` marks the
 * contracts of the GovernmentDAO module, whose addresses every deployment reader requires and whose events the
 * indexer and the subgraph handle.
 */
export const CONTRACTS = [
  { name: "GovernmentGovernor", key: "governor", artifact: "contracts/governance/GovernmentGovernor.sol/GovernmentGovernor.json", futureId: "GovernmentDAO#GovernmentGovernor", indexed: true },
  { name: "TimelockController", key: "timelock", artifact: "contracts/governance/GovernmentTimelock.sol/GovernmentTimelock.json", futureId: "GovernmentDAO#TimelockController", indexed: true },
  { name: "AgencyRegistry", key: "agencies", artifact: "contracts/governance/AgencyRegistry.sol/AgencyRegistry.json", futureId: "GovernmentDAO#AgencyRegistry", indexed: true },
  { name: "OfficialSeats", key: "seats", artifact: "contracts/governance/OfficialSeats.sol/OfficialSeats.json", futureId: "GovernmentDAO#OfficialSeats", indexed: true },
  { name: "DocumentRegistry", key: "documents", artifact: "contracts/documents/DocumentRegistry.sol/DocumentRegistry.json", futureId: "GovernmentDAO#DocumentRegistry", indexed: true },
  { name: "BudgetEscrow", key: "escrow", artifact: "contracts/treasury/BudgetEscrow.sol/BudgetEscrow.json", futureId: "GovernmentDAO#BudgetEscrow", indexed: true },
  { name: "Appeals", key: "appeals", artifact: "contracts/appeals/Appeals.sol/Appeals.json", futureId: "GovernmentDAO#Appeals", indexed: true },
  { name: "SigningKeyRegistry", key: "signingKeys", artifact: "contracts/keys/SigningKeyRegistry.sol/SigningKeyRegistry.json", futureId: "GovernmentDAO#SigningKeyRegistry", indexed: true },
  { name: "DigitalTenge", key: "tenge", artifact: "contracts/treasury/DigitalTenge.sol/DigitalTenge.json", futureId: "DigitalTenge#DigitalTenge", indexed: false },
] as const;

export type ContractEntry = (typeof CONTRACTS)[number];
/** Every contract name, indexed or not. */
export type ContractName = ContractEntry["name"];
/** The contracts that make up one GovernmentDAO deployment and are indexed. */
export type IndexedContractName = Extract<ContractEntry, { indexed: true }>["name"];
/** The contracts of the GovernmentDAO module, indexed by the indexer and the subgraph. */
export const INDEXED_CONTRACTS = CONTRACTS.filter((c): c is Extract<ContractEntry, { indexed: true }> => c.indexed);
/** Contracts only named when decoding calls (the dev token). */
export const DECODE_ONLY_CONTRACTS = CONTRACTS.filter((c): c is Extract<ContractEntry, { indexed: false }> => !c.indexed);
/** Every contract name, in the order above. */
export const CONTRACT_NAMES: readonly ContractName[] = CONTRACTS.map((c) => c.name);

/** The entry of contract `name`. */
export function contractEntry(name: ContractName): ContractEntry {
  const entry = CONTRACTS.find((c) => c.name === name);
  if (!entry) throw new Error(`Unknown contract ${name}`);
  return entry;
}

/** The dev token's display, fixed in DigitalTenge.sol (`ERC20("Digital Tenge", "DKZT")`, `decimals()` 2). */
export const DIGITAL_TENGE_TOKEN = { symbol: "DKZT", decimals: 2 } as const;
