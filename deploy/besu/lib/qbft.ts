/**
 * QBFT `extraData` of a genesis block, encoded exactly as Hyperledger Besu encodes it
 * (`QbftExtraDataCodec`, also behind `besu rlp encode --type=QBFT_EXTRA_DATA`):
 *
 *   RLP([ vanity (32 bytes), [validator addresses], vote, round, [seals] ])
 *
 * In a genesis block the vote is absent (an empty list), the round is 0 (the empty byte string) and there are no
 * seals (an empty list). Validators are node addresses: the address of each validator's node key.
 */
import { type RlpStructuredData, ZeroHash, decodeRlp, dataLength, encodeRlp, getAddress, isHexString } from "ethers";

/** Bytes of the vanity field (Besu `BftExtraDataCodec.EXTRA_VANITY_LENGTH`). */
export const VANITY_LENGTH = 32;

/** The decoded fields of a QBFT extraData. */
export interface QbftExtraData {
  vanity: string;
  /** Checksummed validator addresses, in the encoded order. */
  validators: string[];
  /** A pending validator vote (never present in a genesis block). */
  vote: { recipient: string; add: boolean } | null;
  round: number;
  /** Committed seals, hex (65 bytes each; none in a genesis block). */
  seals: string[];
}

/** Sorts addresses by their numeric value (Besu keeps the validator set sorted by address). */
export function sortAddresses(addresses: readonly string[]): string[] {
  return [...addresses].map((a) => getAddress(a)).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}

/** Genesis extraData for `validators` (order kept as given; use {@link sortAddresses} for Besu's order). */
export function encodeQbftExtraData(validators: readonly string[], vanity: string = ZeroHash): string {
  if (!isHexString(vanity, VANITY_LENGTH)) throw new Error(`vanity must be ${VANITY_LENGTH} bytes of hex`);
  if (validators.length === 0) throw new Error("a QBFT network needs at least one validator");
  const addresses = validators.map((a) => getAddress(a).toLowerCase());
  if (new Set(addresses).size !== addresses.length) throw new Error("duplicate validator address");
  // vote: empty list; round 0: the empty byte string (RLP 0x80); seals: empty list.
  return encodeRlp([vanity, addresses, [], "0x", []]);
}

const isList = (item: RlpStructuredData): item is RlpStructuredData[] => Array.isArray(item);
const asBytes = (item: RlpStructuredData | undefined, what: string): string => {
  if (item === undefined || isList(item)) throw new Error(`${what}: expected a byte string`);
  return item;
};
const asList = (item: RlpStructuredData | undefined, what: string): RlpStructuredData[] => {
  if (item === undefined || !isList(item)) throw new Error(`${what}: expected a list`);
  return item;
};

/** Decodes and checks a QBFT extraData; throws with the failing field's name if it is malformed. */
export function decodeQbftExtraData(extraData: string): QbftExtraData {
  const root = asList(decodeRlp(extraData), "extraData");
  if (root.length !== 5) throw new Error(`extraData: expected 5 fields [vanity, validators, vote, round, seals], found ${root.length}`);
  const vanity = asBytes(root[0], "vanity");
  if (dataLength(vanity) !== VANITY_LENGTH) throw new Error(`vanity: expected ${VANITY_LENGTH} bytes, found ${dataLength(vanity)}`);
  const validators = asList(root[1], "validators").map((item, i) => {
    const bytes = asBytes(item, `validators[${i}]`);
    if (dataLength(bytes) !== 20) throw new Error(`validators[${i}]: expected 20 bytes, found ${dataLength(bytes)}`);
    return getAddress(bytes);
  });
  const voteList = asList(root[2], "vote");
  let vote: QbftExtraData["vote"] = null;
  if (voteList.length > 0) {
    const recipient = getAddress(asBytes(voteList[0], "vote.recipient"));
    const kind = asBytes(voteList[1], "vote.type");
    if (kind !== "0x" && kind !== "0xff") throw new Error(`vote.type: expected 0xff (add) or empty (drop), found ${kind}`);
    vote = { recipient, add: kind === "0xff" };
  }
  const roundBytes = asBytes(root[3], "round");
  if (roundBytes.startsWith("0x00")) throw new Error("round: not a minimal RLP scalar");
  const round = roundBytes === "0x" ? 0 : Number(BigInt(roundBytes));
  const seals = asList(root[4], "seals").map((item, i) => {
    const seal = asBytes(item, `seals[${i}]`);
    if (dataLength(seal) !== 65) throw new Error(`seals[${i}]: expected 65 bytes, found ${dataLength(seal)}`);
    return seal;
  });
  return { vanity, validators, vote, round, seals };
}

/** Largest number of faulty validators a QBFT network of `n` validators tolerates: f with n ≥ 3f + 1. */
export const faultTolerance = (n: number): number => Math.max(0, Math.floor((n - 1) / 3));
