/**
 * Agency 0: the central government. `DocumentRegistry` allows agency id 0 for the decrees, laws and budgets that
 * the council enacts through the Timelock; it is not an entry of `AgencyRegistry` (no registrars, no ML-DSA key).
 * Every reader names it from here: the metadata of its acts, the CLI's verify output, the indexer, the subgraph
 * (through its generated constants) and the dApp.
 */
export const CENTRAL_GOVERNMENT_AGENCY_ID = 0;

/** The central government's name in each of the dApp's languages. */
export const CENTRAL_GOVERNMENT_NAMES = {
  en: "Government of the Republic of Kazakhstan",
  ru: "Правительство Республики Казахстан",
  kk: "Қазақстан Республикасының Үкіметі",
} as const;

/** The central government's name in sentences: nominative and genitive ("a law of …"), per language. */
export const CENTRAL_GOVERNMENT_FORMS = {
  en: { nominative: "the Government of the Republic of Kazakhstan", genitive: "the Government of the Republic of Kazakhstan" },
  ru: { nominative: "Правительство Республики Казахстан", genitive: "Правительства Республики Казахстан" },
  kk: { nominative: "Қазақстан Республикасының Үкіметі", genitive: "Қазақстан Республикасы Үкіметінің" },
} as const;

/** The name shown for an agency id the registry does not know (never registered). */
export const unregisteredAgencyName = (agencyId: bigint | number): string => `Unregistered agency ${agencyId}`;

/**
 * The display name of agency `agencyId`: the central government's (in `locale`, English by default) for 0, the
 * registered name otherwise, or the unregistered placeholder when the registry has none.
 */
export function agencyName(agencyId: bigint | number, registeredName?: string | null, locale: keyof typeof CENTRAL_GOVERNMENT_NAMES = "en"): string {
  if (BigInt(agencyId) === BigInt(CENTRAL_GOVERNMENT_AGENCY_ID)) return CENTRAL_GOVERNMENT_NAMES[locale];
  return registeredName ? registeredName : unregisteredAgencyName(agencyId);
}
