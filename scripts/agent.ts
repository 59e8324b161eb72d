/**
 * `npm run agent`: the digital agents — the keeper (queues and executes passed proposals when due, reports overdue
 * milestones) and the digital auditor (published red-flag rules, report written for the API). Started by
 * `npm start`; runs until Ctrl-C. Each round re-reads the chain, so stopping and restarting is always safe.
 *
 *   npm run agent -- --as deployer                 # local chain: keeper signs with a dev account
 *   KEEPER_PRIVATE_KEY=0x… npm run agent -- --rpc https://rpc.example --interval 15
 *   npm run agent -- --key-file ~/.keeper.key --rpc https://rpc.example   # a file only its owner can read
 *   npm run agent -- --once --no-keeper             # one audit, no transactions
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";

import type { GlobalOptions } from "./lib/gov/context.js";
import { requireBuild } from "./lib/require-build.js";
import { terminalSafe } from "./lib/terminal-text.js";

requireBuild();
const { DEFAULT_FLAGS_FILE, loadAuditConfig, runAudit } = await import("./lib/agents/auditor.js");
const { keeperRound } = await import("./lib/agents/keeper.js");
const { explainError } = await import("./lib/explain-error.js");
const { openContext, refusedKeyOption } = await import("./lib/gov/context.js");

interface AgentOptions extends GlobalOptions {
  interval: number;
  after: number;
  once?: boolean;
  keeper: boolean;
  auditor: boolean;
  flags: string;
  config?: string;
}

const seconds = (text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError("must be a positive number of seconds");
  return value;
};

const program = new Command("agent")
  .description("Keeper and digital auditor of a Government DAO deployment.")
  .addOption(new Option("--rpc <url>", "chain JSON-RPC URL").env("RPC_URL").default("http://127.0.0.1:8545"))
  .option("--deployment <id>", "Ignition deployment id (default chain-<chain id>)")
  .option("--deployment-dir <dir>", "Ignition deployment folder")
  .option("--key-file <path>", "file holding the keeper's private key, readable by its owner only (chmod 600); or set KEEPER_PRIVATE_KEY (without a key the keeper only reports)")
  .addOption(refusedKeyOption("KEEPER_PRIVATE_KEY"))
  .option("--as <account>", "local chain only: the keeper signs with this anvil dev account")
  .option("--content-dir <dir>", "local content store (document metadata)", ".local/content")
  .option("--interval <seconds>", "seconds between rounds", seconds, 5)
  .option("--after <n>", "keeper: leave proposals #1…#n alone (npm start keeps the seeded ones in their states)", (t) => Number.parseInt(t, 10), 0)
  .option("--once", "run one round and exit")
  .option("--no-keeper", "do not queue or execute")
  .option("--no-auditor", "do not audit")
  .addOption(new Option("--flags <file>", "where the auditor writes its report").env("AUDIT_FLAGS_FILE").default(DEFAULT_FLAGS_FILE))
  .option("--config <file>", "auditor thresholds (JSON; missing keys keep the defaults)")
  .exitOverride();

// Flag messages quote titles, numbers and reasons from the chain: escaped for the terminal (terminal-text.ts).
const log = (line: string) => console.log(`[agent ${new Date().toISOString().slice(11, 19)}] ${terminalSafe(line)}`);

try {
  program.parse();
  const options = program.opts<AgentOptions>();
  const config = await loadAuditConfig(options.config);
  const ctx = await openContext({ ...options, keyEnv: "KEEPER_PRIVATE_KEY" });
  const canSend = Boolean(options.keyFile || process.env.KEEPER_PRIVATE_KEY || options.as);
  const keeper = options.keeper && canSend;
  if (options.keeper && !canSend) log("no keeper key (KEEPER_PRIVATE_KEY, --key-file or --as): reporting only, nothing will be sent");
  log(`watching chain ${ctx.chainId} at ${ctx.rpcUrl}; keeper ${keeper ? `on (${ctx.signer().address})` : "off"}, auditor ${options.auditor ? `on → ${options.flags}` : "off"}`);

  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  const reported = new Set<string>();
  let lastFlags = -1;
  do {
    try {
      if (keeper) await keeperRound(ctx, log, reported, options.after);
      if (options.auditor) {
        const report = await runAudit(ctx, options.flags, config);
        if (report.flags.length !== lastFlags) {
          lastFlags = report.flags.length;
          log(`auditor: ${report.flags.length} flag(s) at block ${report.block}`);
          for (const flag of report.flags) log(`  [${flag.severity}] ${flag.rule}: ${flag.message}`);
        }
      }
    } catch (error) {
      log(`round failed: ${explainError(error)} (retrying in ${options.interval} s)`);
    }
    if (options.once || stopping) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, options.interval * 1000);
    });
  } while (!stopping);
  ctx.close();
} catch (error) {
  if (!(error instanceof CommanderError)) console.error(`Error: ${explainError(error)}`);
  process.exitCode = 1;
}
