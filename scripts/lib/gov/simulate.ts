/**
 * Dry run of a proposal before the vote: a throwaway anvil forks the live chain at its head, the Timelock's
 * account is impersonated there, each action runs as the Timelock would run it, and the events and balance
 * changes are reported. The live chain is only read; the fork is stopped afterwards.
 */
import { JsonRpcProvider, Network, getAddress, isAddress } from "ethers";

import { freePort, startAnvil } from "@government-dao/devchain/anvil";
import type { Action } from "../contracts.js";
import { explainError, formatAmount } from "../explain-error.js";
import { terminalSafe } from "../terminal-text.js";
import type { GovContext } from "./context.js";
import { interfacesOf } from "./transactions.js";

/** What one action did on the fork. */
export interface SimulatedAction {
  ok: boolean;
  /** Why it reverted (plain sentence), when it did. */
  error?: string;
  gasUsed: bigint;
  /** Decoded events, e.g. `DocumentRegistry.DocumentIssued(tokenId=…, …)`. */
  events: string[];
}

/** Result of a simulation. */
export interface Simulation {
  block: number;
  actions: SimulatedAction[];
  /** Balance changes: holder, asset ("native" or token address), before, after. */
  balances: { holder: string; asset: string; before: bigint; after: bigint }[];
  /** Whether every action succeeded. */
  ok: boolean;
}

/** Addresses whose balances are worth watching: the escrow, the Timelock and every address in the calldata. */
function watchedAddresses(ctx: GovContext, actions: readonly Action[]): string[] {
  const set = new Set([getAddress(ctx.addresses.escrow), getAddress(ctx.addresses.timelock)]);
  for (const a of actions) {
    for (let i = 10; i + 64 <= a.data.length; i += 64) {
      const word = a.data.slice(i, i + 64);
      if (/^0{24}[0-9a-f]{40}$/i.test(word) && !/^0+$/.test(word)) {
        const candidate = `0x${word.slice(24)}`;
        if (isAddress(candidate)) set.add(getAddress(candidate));
      }
    }
  }
  return [...set];
}

/** Runs `actions` as the Timelock on a fork of the chain behind `ctx`. */
export async function simulateActions(ctx: GovContext, actions: readonly Action[]): Promise<Simulation> {
  const port = await freePort();
  const fork = await startAnvil({ port, chainId: Number(ctx.chainId), extraArgs: ["--fork-url", ctx.rpcUrl, "--base-fee", "0", "--gas-price", "0"] });
  const provider = new JsonRpcProvider(fork.rpcUrl, Network.from(ctx.chainId), { staticNetwork: true });
  try {
    const timelock = getAddress(ctx.addresses.timelock);
    const block = await provider.getBlockNumber();
    const holders = watchedAddresses(ctx, actions);
    const tokens = ctx.hasTenge ? [ctx.addresses.tenge] : [];
    const readBalances = async () => {
      const rows: { holder: string; asset: string; amount: bigint }[] = [];
      for (const holder of holders) {
        rows.push({ holder, asset: "native", amount: await provider.getBalance(holder) });
        for (const token of tokens) {
          rows.push({ holder, asset: token, amount: await ctx.contracts.tenge.connect(provider).balanceOf(holder) });
        }
      }
      return rows;
    };
    const before = await readBalances();

    await provider.send("anvil_impersonateAccount", [timelock]);
    const interfaces = interfacesOf(ctx);
    const results: SimulatedAction[] = [];
    for (const a of actions) {
      try {
        const hash = (await provider.send("eth_sendTransaction", [
          { from: timelock, to: a.target, data: a.data, value: `0x${a.value.toString(16)}`, gasPrice: "0x0", gas: "0x1c9c380" },
        ])) as string;
        const receipt = await provider.waitForTransaction(hash);
        if (!receipt || receipt.status !== 1) {
          const error = await provider.call({ from: timelock, to: a.target, data: a.data, value: a.value }).then(
            () => "reverted",
            (e: unknown) => explainError(e, interfaces),
          );
          results.push({ ok: false, error, gasUsed: receipt?.gasUsed ?? 0n, events: [] });
          continue;
        }
        const events = receipt.logs.map((log) => {
          for (const iface of interfaces) {
            const parsed = (() => {
              try {
                return iface.parseLog(log);
              } catch {
                return null;
              }
            })();
            if (parsed) return `${parsed.name}(${parsed.fragment.inputs.map((input, i) => `${input.name}=${String(parsed.args[i])}`).join(", ")})`;
          }
          return `log of ${log.address}`;
        });
        results.push({ ok: true, gasUsed: receipt.gasUsed, events });
      } catch (error) {
        results.push({ ok: false, error: explainError(error, interfaces), gasUsed: 0n, events: [] });
      }
    }
    const after = await readBalances();
    const balances = before
      .map((row, i) => ({ holder: row.holder, asset: row.asset, before: row.amount, after: after[i]?.amount ?? row.amount }))
      .filter((row) => row.before !== row.after);
    return { block, actions: results, balances, ok: results.every((r) => r.ok) };
  } finally {
    provider.destroy();
    await fork.stop();
  }
}

/** The simulation as printable lines. */
export async function formatSimulation(ctx: GovContext, simulation: Simulation): Promise<string[]> {
  const decimals = ctx.hasTenge ? Number(await ctx.contracts.tenge.decimals()) : 18;
  const lines = [`Simulated on a fork of block ${simulation.block}, executed as the Timelock:`];
  simulation.actions.forEach((r, i) => {
    lines.push(`  action ${i + 1}: ${r.ok ? `ok (${r.gasUsed} gas)` : `REVERTS — ${r.error}`}`);
    for (const event of r.events) lines.push(`    event ${event}`);
  });
  if (simulation.balances.length === 0) lines.push("  balances: no change");
  for (const b of simulation.balances) {
    const asset = b.asset === "native" ? "native" : b.asset === ctx.addresses.tenge ? "DKZT" : b.asset;
    const places = b.asset === "native" ? 18 : decimals;
    const delta = b.after - b.before;
    lines.push(`  balance ${b.holder} ${asset}: ${formatAmount(b.before, places)} → ${formatAmount(b.after, places)} (${delta > 0n ? "+" : "−"}${formatAmount(delta < 0n ? -delta : delta, places)})`);
  }
  lines.push(simulation.ok ? "Every action succeeds." : "At least one action reverts: this proposal would fail to execute.");
  // Event arguments and revert strings come from the chain: escaped for the terminal (terminal-text.ts).
  return lines.map(terminalSafe);
}
