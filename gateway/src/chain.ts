/**
 * What the gateway reads from and sends to the chain (viem, the generated ABIs of core): an agency's registered key
 * and registrars, a document's record, and transactions signed locally with an explicit nonce, so the gateway can
 * record a transaction before it is broadcast and broadcast exactly that one again after a crash.
 */
import {
  type Address,
  BaseError,
  type Hex,
  type PublicClient,
  createPublicClient,
  encodeFunctionData,
  http,
  isHex,
  keccak256,
} from "viem";
import type { LocalAccount } from "viem/accounts";

import { agencyRegistryAbi, documentRegistryAbi } from "@government-dao/core/abis";
import { type DecodedError, decodeCustomError, explainCustomError } from "@government-dao/core/errors";

export interface ChainAddresses {
  documents: Address;
  agencies: Address;
}

export interface RegisteredAgency {
  name: string;
  active: boolean;
  pqKeyHash: Hex;
}

export interface DocumentRecord {
  found: boolean;
  docType: number;
  status: number;
  agencyId: number;
  issuer: Address;
  metadataDigest: Hex;
}

/** A call the DocumentRegistry would refuse: the contract's custom error, decoded, with its sentence. */
export class RevertError extends Error {
  override name = "RevertError";
  constructor(readonly error: DecodedError) {
    super(explainCustomError(error));
  }
}

/** The chain did not answer (down, restarting, a timeout): worth trying again later. */
export class ChainUnavailableError extends Error {
  override name = "ChainUnavailableError";
}

/** The custom error in a viem error's revert data, if any. */
function revertOf(error: unknown): DecodedError | undefined {
  if (!(error instanceof BaseError)) return undefined;
  let found: DecodedError | undefined;
  error.walk((e) => {
    const data = (e as { data?: unknown }).data;
    const raw = typeof data === "string" ? data : typeof data === "object" && data !== null ? (data as { data?: unknown }).data : undefined;
    if (typeof raw === "string" && isHex(raw) && raw.length >= 10) found ??= decodeCustomError(raw);
    return found !== undefined;
  });
  return found;
}

/** Rethrows `error` as a {@link RevertError} when it carries a custom error, else as {@link ChainUnavailableError}. */
function classify(error: unknown): never {
  const revert = revertOf(error);
  if (revert) throw new RevertError(revert);
  throw new ChainUnavailableError(error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error));
}

export type DocumentCall =
  | { operation: "issue"; docType: number; agencyId: number; contentHash: Hex; metadataDigest: Hex; coSignatureDigest: Hex }
  | { operation: "amend"; target: Hex; contentHash: Hex; metadataDigest: Hex; coSignatureDigest: Hex; reason: string }
  | { operation: "revoke"; target: Hex; reason: string }
  | { operation: "anchor"; agencyId: number; root: Hex; count: number; metadataDigest: Hex };

function calldata(call: DocumentCall): Hex {
  switch (call.operation) {
    case "issue":
      return encodeFunctionData({ abi: documentRegistryAbi, functionName: "issue", args: [call.docType, call.agencyId, call.contentHash, call.metadataDigest, call.coSignatureDigest] });
    case "amend":
      return encodeFunctionData({ abi: documentRegistryAbi, functionName: "amend", args: [BigInt(call.target), call.contentHash, call.metadataDigest, call.coSignatureDigest, call.reason] });
    case "revoke":
      return encodeFunctionData({ abi: documentRegistryAbi, functionName: "revoke", args: [BigInt(call.target), call.reason] });
    case "anchor":
      return encodeFunctionData({ abi: documentRegistryAbi, functionName: "anchorBatch", args: [call.agencyId, call.root, call.count, call.metadataDigest] });
  }
}

export interface SignedTransaction {
  nonce: number;
  hash: Hex;
  raw: Hex;
}

/** EIP-1559 fees, or a legacy gas price on a chain without a base fee (Besu QBFT with free gas, say). */
export type Fees = { type: "eip1559"; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { type: "legacy"; gasPrice: bigint };

export interface MinedReceipt {
  blockNumber: number;
  success: boolean;
}

export interface GatewayChain {
  chainId: number;
  addresses: ChainAddresses;
  client: PublicClient;
  agency(agencyId: number): Promise<RegisteredAgency>;
  isRegistrar(agencyId: number, account: Address): Promise<boolean>;
  document(tokenId: Hex): Promise<DocumentRecord>;
  /** Whether agency `agencyId` has anchored the batch `root`. */
  batchExists(agencyId: number, root: Hex): Promise<boolean>;
  /** The nonce the next transaction of `account` takes, as the latest block says. */
  nonceOf(account: Address): Promise<number>;
  /** What transactions pay now (read once per round of the submitter). */
  fees(): Promise<Fees>;
  /** Simulates `call` from `account` (throws {@link RevertError} if the registry refuses it) and signs it with `nonce`. */
  prepare(account: LocalAccount, call: DocumentCall, nonce: number, fees: Fees): Promise<SignedTransaction>;
  /** Broadcasts a signed transaction; one the node already has is not an error. */
  broadcast(raw: Hex): Promise<void>;
  receipt(hash: Hex): Promise<MinedReceipt | undefined>;
  /** Why a mined transaction reverted (replayed on the state before its block), if the registry says. */
  replay(account: Address, raw: Hex, blockNumber: number): Promise<DecodedError | undefined>;
}

/**
 * Connects to the chain at `rpcUrl`; `eth_chainId` is read once and is what every signature and check uses. Reads
 * made at once (a request's checks) go as one JSON-RPC batch (anvil and Besu take batches).
 */
export async function connectChain(rpcUrl: string, addresses: ChainAddresses): Promise<GatewayChain> {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 15_000, batch: true }) });
  const chainId = await client.getChainId().catch(classify);
  return {
    chainId,
    addresses,
    client,
    async agency(agencyId) {
      const a = await client.readContract({ address: addresses.agencies, abi: agencyRegistryAbi, functionName: "agency", args: [agencyId] }).catch(classify);
      return { name: a.name, active: a.active, pqKeyHash: a.pqKeyHash };
    },
    isRegistrar: (agencyId, account) =>
      client.readContract({ address: addresses.agencies, abi: agencyRegistryAbi, functionName: "isRegistrar", args: [agencyId, account] }).catch(classify),
    async document(tokenId) {
      const d = await client.readContract({ address: addresses.documents, abi: documentRegistryAbi, functionName: "verify", args: [tokenId] }).catch(classify);
      return { found: d.found, docType: d.docType, status: d.status, agencyId: d.agencyId, issuer: d.issuer, metadataDigest: d.metadataDigest };
    },
    async batchExists(agencyId, root) {
      const b = await client.readContract({ address: addresses.documents, abi: documentRegistryAbi, functionName: "batch", args: [agencyId, root] }).catch(classify);
      return b.anchoredAt !== 0;
    },
    nonceOf: (account) => client.getTransactionCount({ address: account, blockTag: "latest" }).catch(classify),
    async fees() {
      const block = await client.getBlock({ blockTag: "latest" }).catch(classify);
      if (block.baseFeePerGas === null || block.baseFeePerGas === undefined) return { type: "legacy", gasPrice: await client.getGasPrice().catch(classify) };
      const priority = await client.estimateMaxPriorityFeePerGas().catch(() => 0n);
      // Twice the base fee: room for it to rise for a few blocks while the round's transactions wait.
      return { type: "eip1559", maxPriorityFeePerGas: priority, maxFeePerGas: block.baseFeePerGas * 2n + priority };
    },
    async prepare(account, call, nonce, fees) {
      const data = calldata(call);
      const gas = await client.estimateGas({ account: account.address, to: addresses.documents, data }).catch(classify);
      const common = { chainId, nonce, to: addresses.documents, data, gas: (gas * 12n) / 10n };
      const raw =
        fees.type === "eip1559"
          ? await account.signTransaction({ ...common, type: "eip1559", maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas })
          : await account.signTransaction({ ...common, type: "legacy", gasPrice: fees.gasPrice });
      return { nonce, hash: keccak256(raw), raw };
    },
    async broadcast(raw) {
      try {
        await client.request({ method: "eth_sendRawTransaction", params: [raw] });
      } catch (error) {
        const text = error instanceof BaseError ? `${error.shortMessage} ${error.details ?? ""}` : String(error);
        if (/already known|already imported|known transaction/i.test(text)) return;
        if (/nonce too low/i.test(text)) return; // mined already, or replaced: the receipt check decides
        throw new ChainUnavailableError(error instanceof BaseError ? error.shortMessage : String(error));
      }
    },
    async receipt(hash) {
      try {
        const r = await client.getTransactionReceipt({ hash });
        return { blockNumber: Number(r.blockNumber), success: r.status === "success" };
      } catch (error) {
        if (error instanceof BaseError && error.name === "TransactionReceiptNotFoundError") return undefined;
        return classify(error);
      }
    },
    async replay(account, raw, blockNumber) {
      const tx = await client.getTransaction({ hash: keccak256(raw) }).catch(() => undefined);
      if (!tx) return undefined;
      try {
        await client.call({ account, to: tx.to ?? undefined, data: tx.input, blockNumber: BigInt(Math.max(0, blockNumber - 1)) });
        return undefined;
      } catch (error) {
        return revertOf(error);
      }
    },
  };
}
