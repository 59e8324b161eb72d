/**
 * What an action's sentence names, gathered once for every reader: the addresses, agencies and documents a decoded
 * action mentions ({@link actionMentions}), and the {@link Labels} the renderer takes, built from what the caller
 * found for them ({@link labelsOf}). The indexer fills the facts from its tables, the CLI from the chain and the
 * content store, the dApp from what it reads: the sentences differ only in what each could find, never in wording.
 */
import type { ContractName } from "../contracts.ts";
import { documentMetadataSchema } from "../metadata.ts";
import type { ContractLookup, DecodedAction } from "./decode.ts";
import type { AddressLabel, Labels, RenderLocale, TokenInfo } from "./render.ts";

/** Arguments that hold a document's token id (the file's sha-256 as a uint256). */
export const DOCUMENT_ARGS: ReadonlySet<string> = new Set(["tokenId", "oldTokenId", "budgetDocumentId"]);

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** What a decoded action mentions: addresses (lower case, its target included), agency ids and document ids. */
export interface Mentions {
  addresses: Set<string>;
  agencyIds: Set<number>;
  documentIds: Set<bigint>;
}

/** Every address, agency id and document id the actions mention (arguments, nested tuples and arrays, targets). */
export function actionMentions(actions: readonly DecodedAction[]): Mentions {
  const found: Mentions = { addresses: new Set(), agencyIds: new Set(), documentIds: new Set() };
  const visit = (value: unknown, name: string): void => {
    if (DOCUMENT_ARGS.has(name) && typeof value === "bigint") found.documentIds.add(value);
    else if (typeof value === "string" && ADDRESS.test(value)) found.addresses.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach((v) => visit(v, ""));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (name === "agencyId" && typeof value === "number") found.agencyIds.add(value);
  };
  for (const action of actions) {
    found.addresses.add(action.target.toLowerCase());
    if (action.kind === "decoded") for (const arg of action.args) visit(arg.value, arg.name);
  }
  return found;
}

/** The label of one of our contracts: the Timelock, the Governor and the token by their role, the rest by name. */
export const contractLabel = (name: ContractName): AddressLabel => ({
  kind: name === "TimelockController" ? "timelock" : name === "GovernmentGovernor" ? "governor" : name === "DigitalTenge" ? "token" : "contract",
  name,
});

/** A document as a sentence names it: its number and its title in each language. */
export interface DocumentLabel {
  number: string;
  title: Record<RenderLocale, string>;
}

/**
 * The label in a document's metadata JSON (its bytes from the content store); undefined when they are not valid
 * metadata. The sentence is a reading aid: without a label it shows the exact id.
 */
export function documentLabelOf(metadata: Uint8Array): DocumentLabel | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(metadata));
  } catch {
    return undefined;
  }
  const parsed = documentMetadataSchema.safeParse(json);
  return parsed.success ? { number: parsed.data.number, title: parsed.data.title } : undefined;
}

/** What a reader found about the mentions (each optional: what is missing is shown by its id or address). */
export interface KnownFacts {
  /** Our contracts by address. */
  contracts?: ContractLookup;
  /** Officials and registrars by lower-case address (an address that is both: as its seat). */
  people?: ReadonlyMap<string, AddressLabel>;
  /** Registered agency names by id. */
  agencies?: ReadonlyMap<number, string>;
  documents?: ReadonlyMap<bigint, DocumentLabel>;
  /** Tokens by lower-case address. */
  tokens?: ReadonlyMap<string, TokenInfo>;
}

/** The renderer's labels from what the caller found. */
export function labelsOf(known: KnownFacts): Labels {
  return {
    address: (address) => {
      const contract = known.contracts?.(address);
      return contract ? contractLabel(contract) : known.people?.get(address.toLowerCase());
    },
    agency: (id) => known.agencies?.get(id),
    document: (id, locale) => {
      const label = known.documents?.get(id);
      return label ? { number: label.number, title: label.title[locale] } : undefined;
    },
    token: (address) => known.tokens?.get(address.toLowerCase()),
  };
}
