/**
 * The few facts the public pages read from the chain itself rather than from the API (server side, RPC_URL):
 * the Governor's `state()` of a proposal (Pending / Active / Defeated / Succeeded / Expired depend on the clock
 * and the quorum, so the indexer keeps only the event-derived states) and an ERC-20's symbol and decimals.
 */
import { type Address, createPublicClient, erc20Abi, getAddress, http, zeroAddress } from "viem";

import { abis } from "@government-dao/core/abis";
import { runtimeConfig } from "@/lib/runtime";
import { PROPOSAL_STATES, type ProposalStateName } from "@/utils/format";

const client = () => createPublicClient({ transport: http(runtimeConfig().rpcUrl, { timeout: 5_000, retryCount: 0 }) });

/** Governor `state()` of each proposal id; a proposal whose state could not be read is absent. */
export async function governorStates(ids: readonly string[]): Promise<Map<string, ProposalStateName>> {
  const governor = runtimeConfig().addresses.GovernmentGovernor;
  const states = new Map<string, ProposalStateName>();
  if (!governor || ids.length === 0) return states;
  const c = client();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const index = await c.readContract({ address: governor, abi: abis.GovernmentGovernor, functionName: "state", args: [BigInt(id)] });
        const name = PROPOSAL_STATES[index];
        if (name) states.set(id, name);
      } catch {
        // chain unreachable: the page falls back to the indexed state
      }
    }),
  );
  return states;
}

export interface TokenInfo {
  symbol: string;
  decimals: number;
}

const tokenCache = new Map<string, TokenInfo>();

/** Symbol and decimals of a token (the zero address is the chain's native coin); null when the chain does not answer. */
export async function tokenInfo(token: string): Promise<TokenInfo | null> {
  const key = token.toLowerCase();
  const cached = tokenCache.get(key);
  if (cached) return cached;
  if (key === zeroAddress) return { symbol: "ETH", decimals: 18 };
  try {
    const c = client();
    const address: Address = getAddress(key);
    const [symbol, decimals] = await Promise.all([
      c.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
      c.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    ]);
    const info = { symbol, decimals };
    tokenCache.set(key, info);
    return info;
  } catch {
    return null;
  }
}

/** tokenInfo of each distinct token. */
export async function tokenInfos(tokens: readonly string[]): Promise<Map<string, TokenInfo | null>> {
  const distinct = [...new Set(tokens.map((t) => t.toLowerCase()))];
  const infos = await Promise.all(distinct.map(tokenInfo));
  return new Map(distinct.map((t, i) => [t, infos[i] ?? null]));
}

/** The timestamp of the chain's latest block (unix seconds); the wall clock when the chain does not answer. */
export async function chainTime(): Promise<bigint> {
  try {
    return (await client().getBlock({ blockTag: "latest" })).timestamp;
  } catch {
    return BigInt(Math.floor(Date.now() / 1000));
  }
}
