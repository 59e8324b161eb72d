/**
 * What every `npm run gov` command works with: a checked connection to the chain (reachable, the expected network,
 * a GovernmentDAO deployed there), the typed contracts, the content store, and — for commands that send — a signer.
 */
import path from "node:path";

import { Option } from "commander";
import { HDNodeWallet, JsonRpcProvider, Mnemonic, Network, Wallet, ZeroAddress, getAddress, isHexString } from "ethers";

import { ANVIL_MNEMONIC } from "@government-dao/core/dev-accounts";
import { type ContentStore, DEFAULT_CONTENT_DIR, openContentStore } from "@government-dao/core/content-store";
import { SecretFileError, readSecretFile } from "@government-dao/core/secret-file";
import { type GovernmentContracts, connectGovernment } from "../contracts.js";
import { type GovernmentAddresses, deploymentDir, deploymentIdFor, loadDeploymentFrom, loadDevTengeFrom } from "@government-dao/core/deployment";
import { PlainError } from "../explain-error.js";
import { shown } from "./inputs.js";

/** The local development chain id: dev accounts (`--as`) and time travel work only there. */
export const LOCAL_CHAIN_ID = 31337n;

/** Options every command accepts (see scripts/gov.ts). */
export interface GlobalOptions {
  rpc: string;
  deployment?: string;
  deploymentDir?: string;
  chainId?: string;
  /** A file holding the signer's private key (64 hex digits), readable by its owner only (`chmod 600`). */
  keyFile?: string;
  /** The environment variable holding the signer's private key: GOV_PRIVATE_KEY (default), KEEPER_PRIVATE_KEY for the keeper. */
  keyEnv?: string;
  as?: string;
  contentDir?: string;
}

/** Names of anvil's development accounts in the demo (devchain/src/demo-cast.ts), for `--as`. */
export const DEV_ACCOUNT_NAMES: Record<string, number> = {
  deployer: 0,
  official1: 1,
  official2: 2,
  official3: 3,
  official4: 4,
  official5: 5,
  official6: 6,
  "registrar-finance": 7,
  "registrar-digital": 8,
  treasurer: 9,
};

export interface GovContext {
  rpcUrl: string;
  provider: JsonRpcProvider;
  chainId: bigint;
  addresses: GovernmentAddresses & { tenge: string };
  /** Read-only contracts (through the provider). */
  contracts: GovernmentContracts;
  /** Whether the dev DigitalTenge of this deployment is known (local chains). */
  hasTenge: boolean;
  store: ContentStore;
  /** The signer chosen by --key-file, the key environment variable or --as; throws a plain error if none was given. */
  signer(): Wallet | HDNodeWallet;
  /** Contracts sending as the signer. */
  as(): GovernmentContracts;
  close(): void;
}

/** Asks the node for its chain id, with a time limit, and turns every failure into a plain sentence. */
export async function probeChain(rpcUrl: string, timeoutMs = 5_000): Promise<bigint> {
  let response: Response;
  try {
    response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "no answer within 5 s" : "connection refused";
    throw new PlainError(`Cannot reach the chain at ${rpcUrl} (${reason}). Is it running? (npm start, or set --rpc / RPC_URL)`);
  }
  const body = (await response.json().catch(() => null)) as { result?: unknown } | null;
  if (!response.ok || typeof body?.result !== "string") throw new PlainError(`${rpcUrl} is not an Ethereum JSON-RPC endpoint.`);
  return BigInt(body.result);
}

function parseKey(key: string, where: string): Wallet {
  const text = key.trim();
  const hex = text.startsWith("0x") ? text : `0x${text}`;
  if (!isHexString(hex, 32)) throw new PlainError(`The private key in ${where} must be 32 bytes of hex (64 hex digits).`);
  return new Wallet(hex);
}

/**
 * The private key in `file`: refused unless it is a regular file that only its owner can read or write (like ssh's
 * keys; on Windows, where modes mean nothing, only the content is checked). The key itself never appears in an error.
 */
export function readKeyFile(file: string): Wallet {
  let text: string;
  try {
    text = readSecretFile(file, shown(file));
  } catch (error) {
    throw error instanceof SecretFileError ? new PlainError(error.message) : error;
  }
  return parseKey(text, `the key file ${shown(file)}`);
}

/**
 * `--key <hex>`, kept only to refuse it: a key on the command line shows in `ps` and in the shell's history. Its
 * parser throws a plain error (never commander's invalid-argument message, which would echo the key).
 */
export const refusedKeyOption = (envName: string): Option =>
  new Option("--key <hex>").hideHelp().argParser((): never => {
    throw new PlainError(`--key is refused: a private key on the command line shows in ps and the shell history; set ${envName} or use --key-file <path>.`);
  });

/** The dev account named or numbered `who` (local chain only). */
export function devWallet(who: string): HDNodeWallet {
  const index = /^\d+$/.test(who) ? Number(who) : DEV_ACCOUNT_NAMES[who];
  if (index === undefined || index > 19) {
    throw new PlainError(`Unknown development account "${who}": use 0-19 or one of ${Object.keys(DEV_ACCOUNT_NAMES).join(", ")}.`);
  }
  return HDNodeWallet.fromMnemonic(Mnemonic.fromPhrase(ANVIL_MNEMONIC), `m/44'/60'/0'/0/${index}`);
}

/** Opens the context: checks the chain, finds the deployment, checks that its contracts exist on this chain. */
export async function openContext(options: GlobalOptions): Promise<GovContext> {
  const rpcUrl = options.rpc;
  if (options.chainId !== undefined && !/^\d+$/.test(options.chainId)) {
    throw new PlainError(`Invalid --chain-id "${options.chainId}": expected a whole number.`);
  }
  const chainId = await probeChain(rpcUrl);
  if (options.chainId !== undefined && BigInt(options.chainId) !== chainId) {
    throw new PlainError(`Wrong network: ${rpcUrl} is chain ${chainId}, expected chain ${options.chainId}.`);
  }
  const dir = options.deploymentDir ?? deploymentDir(options.deployment ?? deploymentIdFor(chainId));
  let addresses: GovernmentAddresses;
  try {
    addresses = await loadDeploymentFrom(dir);
  } catch {
    throw new PlainError(
      `Wrong network: no GovernmentDAO deployment for chain ${chainId} (looked in ${path.relative(process.cwd(), dir) || dir}). ` +
        "Point --rpc at the chain you deployed to, or name the deployment with --deployment.",
    );
  }
  const tenge = await loadDevTengeFrom(dir).catch(() => undefined);
  const provider = new JsonRpcProvider(rpcUrl, Network.from(chainId), { staticNetwork: true, polling: true, pollingInterval: 250 });
  if ((await provider.getCode(addresses.governor)) === "0x") {
    provider.destroy();
    throw new PlainError(
      `Wrong network: chain ${chainId} at ${rpcUrl} has no contract at the Governor address ${addresses.governor} ` +
        "(was the chain reset? npm start -- --fresh deploys anew).",
    );
  }
  const full = { ...addresses, tenge: tenge ?? ZeroAddress };
  const contracts = connectGovernment(full, provider);

  let wallet: Wallet | HDNodeWallet | undefined;
  const signer = () => {
    if (wallet) return wallet;
    const envName = options.keyEnv ?? "GOV_PRIVATE_KEY";
    const key = process.env[envName];
    if (options.keyFile) wallet = readKeyFile(options.keyFile);
    else if (key) wallet = parseKey(key, envName);
    else if (options.as) {
      if (chainId !== LOCAL_CHAIN_ID) throw new PlainError(`--as uses anvil's public development keys and works only on the local chain ${LOCAL_CHAIN_ID}; use ${envName} or --key-file <path>.`);
      wallet = devWallet(options.as);
    } else throw new PlainError(`This command sends a transaction: give the signer with ${envName}, --key-file <path>, or (local chain) --as <account>.`);
    wallet = wallet.connect(provider);
    return wallet;
  };
  return {
    rpcUrl,
    provider,
    chainId,
    addresses: full,
    contracts,
    hasTenge: tenge !== undefined,
    store: openContentStore(options.contentDir ?? DEFAULT_CONTENT_DIR),
    signer,
    as: () => connectGovernment(full, signer()),
    close: () => provider.destroy(),
  };
}

/** The checksummed address in `text`, or a plain error naming `what`. */
export function parseAddress(text: string, what = "address"): string {
  try {
    return getAddress(text);
  } catch {
    throw new PlainError(`Invalid ${what} ${shown(text)}: expected a 0x address of 40 hex digits.`);
  }
}
