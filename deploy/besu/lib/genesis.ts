/**
 * The genesis file of a permissioned Besu QBFT network for the Government DAO, and a consistency check of it.
 *
 * Free gas (Besu docs, "Configure free gas networks"): `zeroBaseFee: true` with London and later forks, base fee 0
 * in the genesis block, and every node started with `min-gas-price=0`. Forks up to Cancun are active from block 0,
 * because the contracts are compiled for `evmVersion: "cancun"` (hardhat.config.ts).
 */
import { getAddress, isHexString } from "ethers";

import { decodeQbftExtraData, encodeQbftExtraData, sortAddresses } from "./qbft.js";

/** mixHash of every IBFT 2.0 / QBFT block: ASCII "ctical byzantine fault tolerance" (Besu `BftHelpers`). */
export const BFT_MIX_HASH = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

/** Block-numbered forks, all at block 0. */
export const BLOCK_FORKS = [
  "homesteadBlock",
  "eip150Block",
  "eip155Block",
  "eip158Block",
  "byzantiumBlock",
  "constantinopleBlock",
  "petersburgBlock",
  "istanbulBlock",
  "berlinBlock",
  "londonBlock",
] as const;
/** Time-based forks, all at time 0 (Cancun = the contracts' EVM version). */
export const TIME_FORKS = ["shanghaiTime", "cancunTime"] as const;

/** What a network is generated from. */
export interface QbftSettings {
  chainId: number;
  /** Seconds between blocks. */
  blockPeriodSeconds: number;
  /** Seconds before a QBFT round times out (Besu recommends about twice the block period). */
  requestTimeoutSeconds: number;
  /** Blocks after which pending validator votes are reset. */
  epochLength: number;
  /** Block gas limit. */
  gasLimit: bigint;
  /** Unix seconds of the genesis block. */
  timestamp: number;
}

/** Defaults: a 2-second block, 30 M gas (the largest transaction, the Governor's deployment, is ≈ 4 M). */
export const DEFAULT_SETTINGS: Omit<QbftSettings, "timestamp"> = {
  chainId: 3980,
  blockPeriodSeconds: 2,
  requestTimeoutSeconds: 4,
  epochLength: 30_000,
  gasLimit: 30_000_000n,
};

/** A JSON-RPC quantity: hex without leading zeros ("0x0" for zero). */
export const quantity = (value: bigint | number): string => `0x${value.toString(16)}`;

/** The genesis file (the fields this project writes). */
export interface QbftGenesis {
  config: Record<(typeof BLOCK_FORKS)[number], number> &
    Record<(typeof TIME_FORKS)[number], number> & {
      chainId: number;
      zeroBaseFee: boolean;
      qbft: { blockperiodseconds: number; epochlength: number; requesttimeoutseconds: number };
    };
  nonce: string;
  timestamp: string;
  gasLimit: string;
  difficulty: string;
  mixHash: string;
  coinbase: string;
  baseFeePerGas: string;
  blobGasUsed: string;
  excessBlobGas: string;
  parentBeaconBlockRoot: string;
  extraData: string;
  alloc: Record<string, { balance: string }>;
}

/** Builds the genesis of a QBFT network whose validators are `validators` (node addresses). */
export function buildGenesis(settings: QbftSettings, validators: readonly string[], alloc: Record<string, bigint> = {}): QbftGenesis {
  const forks = Object.fromEntries([...BLOCK_FORKS, ...TIME_FORKS].map((fork) => [fork, 0])) as Record<
    (typeof BLOCK_FORKS)[number] | (typeof TIME_FORKS)[number],
    number
  >;
  return {
    config: {
      chainId: settings.chainId,
      ...forks,
      zeroBaseFee: true,
      qbft: {
        blockperiodseconds: settings.blockPeriodSeconds,
        epochlength: settings.epochLength,
        requesttimeoutseconds: settings.requestTimeoutSeconds,
      },
    },
    nonce: "0x0",
    timestamp: quantity(settings.timestamp),
    gasLimit: quantity(settings.gasLimit),
    difficulty: "0x1",
    mixHash: BFT_MIX_HASH,
    coinbase: "0x0000000000000000000000000000000000000000",
    baseFeePerGas: "0x0",
    blobGasUsed: "0x0",
    excessBlobGas: "0x0",
    parentBeaconBlockRoot: `0x${"00".repeat(32)}`,
    extraData: encodeQbftExtraData(sortAddresses(validators)),
    alloc: Object.fromEntries(
      Object.entries(alloc).map(([address, balance]) => [getAddress(address).slice(2).toLowerCase(), { balance: quantity(balance) }]),
    ),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isQuantity = (value: unknown): value is string => typeof value === "string" && /^0x(0|[1-9a-f][0-9a-f]*)$/.test(value);

/** What {@link checkGenesis} reads back from a genesis file. */
export interface GenesisFacts {
  chainId: number;
  blockPeriodSeconds: number;
  requestTimeoutSeconds: number;
  epochLength: number;
  gasLimit: bigint;
  validators: string[];
}

/**
 * Parses a genesis file's JSON text and checks that it is a consistent QBFT free-gas genesis: QBFT settings,
 * forks at 0, zero base fee, BFT mixHash, an extraData that decodes to at least 4 sorted, distinct validators with
 * no vote, round 0 and no seals. Returns the facts, or throws listing every problem.
 */
export function checkGenesis(text: string, expectedValidators?: readonly string[]): GenesisFacts {
  const problems: string[] = [];
  const json: unknown = JSON.parse(text);
  if (!isRecord(json) || !isRecord(json.config)) throw new Error("genesis: not a JSON object with a config object");
  const config = json.config;
  const qbft = isRecord(config.qbft) ? config.qbft : undefined;
  if (!qbft) problems.push("config.qbft is missing");
  for (const other of ["ibft2", "clique", "ethash"]) if (other in config) problems.push(`config.${other} must not be present`);

  const positiveInt = (value: unknown, what: string): number => {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      problems.push(`${what} must be a positive integer`);
      return 0;
    }
    return value;
  };
  const chainId = positiveInt(config.chainId, "config.chainId");
  const blockPeriodSeconds = positiveInt(qbft?.blockperiodseconds, "config.qbft.blockperiodseconds");
  const requestTimeoutSeconds = positiveInt(qbft?.requesttimeoutseconds, "config.qbft.requesttimeoutseconds");
  const epochLength = positiveInt(qbft?.epochlength, "config.qbft.epochlength");
  if (requestTimeoutSeconds > 0 && requestTimeoutSeconds <= blockPeriodSeconds) {
    problems.push("config.qbft.requesttimeoutseconds must exceed blockperiodseconds");
  }
  for (const fork of [...BLOCK_FORKS, ...TIME_FORKS]) if (config[fork] !== 0) problems.push(`config.${fork} must be 0`);
  if (config.zeroBaseFee !== true) problems.push("config.zeroBaseFee must be true (free gas with London and later)");
  if (json.baseFeePerGas !== "0x0") problems.push("baseFeePerGas must be 0x0");
  if (json.mixHash !== BFT_MIX_HASH) problems.push("mixHash must be the BFT mix hash");
  if (json.difficulty !== "0x1") problems.push("difficulty must be 0x1");
  if (!isQuantity(json.gasLimit)) problems.push("gasLimit must be a hex quantity");
  if (!isQuantity(json.timestamp)) problems.push("timestamp must be a hex quantity");
  if (!isRecord(json.alloc)) problems.push("alloc must be an object");

  let validators: string[] = [];
  if (typeof json.extraData !== "string" || !isHexString(json.extraData)) {
    problems.push("extraData must be hex");
  } else {
    try {
      const extra = decodeQbftExtraData(json.extraData);
      validators = extra.validators;
      if (extra.vote !== null) problems.push("extraData: a genesis block carries no vote");
      if (extra.round !== 0) problems.push("extraData: the genesis round must be 0");
      if (extra.seals.length > 0) problems.push("extraData: a genesis block carries no seals");
      if (validators.length < 4) problems.push(`extraData: ${validators.length} validator(s) tolerate no fault; use at least 4 (n ≥ 3f + 1)`);
      if (new Set(validators).size !== validators.length) problems.push("extraData: duplicate validators");
      if (sortAddresses(validators).join() !== validators.join()) problems.push("extraData: validators must be sorted by address");
      if (expectedValidators && sortAddresses(expectedValidators).join() !== validators.join()) {
        problems.push("extraData: validators differ from the network's validator node keys");
      }
    } catch (error) {
      problems.push(`extraData: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new Error(`genesis is not a consistent QBFT free-gas genesis:\n- ${problems.join("\n- ")}`);
  return {
    chainId,
    blockPeriodSeconds,
    requestTimeoutSeconds,
    epochLength,
    gasLimit: BigInt(json.gasLimit as string),
    validators,
  };
}

