/**
 * `npm run agent`: the digital agents — the keeper (queues and executes passed proposals when due, reports overdue
 * milestones), the digital auditor (published red-flag rules, report written for the API) and the open-data
 * publisher (a daily snapshot of every data set, anchored through the agency gateway). Started by
 * `npm start`; runs until Ctrl-C. Each round re-reads the chain, so stopping and restarting is always safe.
 *
 *   npm run agent -- --as deployer                 # local chain: keeper signs with a dev account
 *   KEEPER_PRIVATE_KEY=0x… npm run agent -- --rpc https://rpc.example --interval 15
 *   npm run agent -- --key-file ~/.keeper.key --rpc https://rpc.example   # a file only its owner can read
 *   npm run agent -- --once --no-keeper             # one audit, no transactions
 *   npm run agent -- --gateway http://127.0.0.1:42070 --publisher-key-file ~/.office-system.key --snapshot-interval 3600
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";

import type { GlobalOptions } from "./lib/gov/context.js";
import { requireBuild } from "./lib/require-build.js";
import { terminalSafe } from "./lib/terminal-text.js";

requireBuild();
const { DEFAULT_FLAGS_FILE, loadAuditConfig, runAudit } = await import("./lib/agents/auditor.js");
const { keeperRound } = await import("./lib/agents/keeper.js");
const { publisherRound, readPublisherKey } = await import("./lib/agents/publisher.js");
const { GOVERNMENT_OFFICE_AGENCY_ID } = await import("@government-dao/core/cosignature");
const { DEFAULT_SNAPSHOT_INTERVAL_SECONDS, MIN_SNAPSHOT_INTERVAL_SECONDS } = await import("@government-dao/core/snapshot");
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
  publisher: boolean;
  api: string;
  gateway?: string;
  publisherKeyFile?: string;
  publisherAgency: number;
  snapshotInterval: number;
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
  .option("--no-publisher", "do not publish open-data snapshots")
  .addOption(new Option("--api <url>", "publisher: the public API the snapshots are read from").env("API_URL").default("http://127.0.0.1:42069"))
  .addOption(new Option("--gateway <url>", "publisher: the agency gateway that anchors them (without it, no snapshots)").env("GATEWAY_URL"))
  .addOption(new Option("--publisher-key-file <path>", "publisher: the file (chmod 600) holding its system's gateway request key").env("PUBLISHER_KEY_FILE"))
  .option("--publisher-agency <id>", "publisher: the agency that publishes (default the Office of the Government)", (t) => Number.parseInt(t, 10), GOVERNMENT_OFFICE_AGENCY_ID)
  .option("--snapshot-interval <seconds>", `publisher: seconds between snapshots (at least ${MIN_SNAPSHOT_INTERVAL_SECONDS})`, (text) => {
    const value = seconds(text);
    if (!Number.isInteger(value) || value < MIN_SNAPSHOT_INTERVAL_SECONDS) throw new InvalidArgumentError(`must be a whole number of seconds, at least ${MIN_SNAPSHOT_INTERVAL_SECONDS}`);
    return value;
  }, DEFAULT_SNAPSHOT_INTERVAL_SECONDS)
  .exitOverride();

// Flag messages quote titles, numbers and reasons from the chain: escaped for the terminal (terminal-text.ts).
const log = (line: string) => console.log(`[agent ${new Date().toISOString().slice(11, 19)}] ${terminalSafe(line)}`);

try {
  program.parse();
  const options = program.opts<AgentOptions>();
  const config = await loadAuditConfig(options.config);
  // Local configuration first: a bad key file is named as such, not hidden behind a chain that is down.
  const publisherAccount = options.publisher && options.gateway && options.publisherKeyFile ? readPublisherKey(options.publisherKeyFile) : undefined;
  const ctx = await openContext({ ...options, keyEnv: "KEEPER_PRIVATE_KEY" });
  const canSend = Boolean(options.keyFile || process.env.KEEPER_PRIVATE_KEY || options.as);
  const keeper = options.keeper && canSend;
  if (options.keeper && !canSend) log("no keeper key (KEEPER_PRIVATE_KEY, --key-file or --as): reporting only, nothing will be sent");
  const publisher =
    publisherAccount && options.gateway
      ? {
          apiUrl: options.api.replace(/\/+$/, ""),
          gatewayUrl: options.gateway.replace(/\/+$/, ""),
          agencyId: options.publisherAgency,
          account: publisherAccount,
          chainId: Number(ctx.chainId),
          store: ctx.store,
          intervalSeconds: options.snapshotInterval,
        }
      : undefined;
  log(
    `watching chain ${ctx.chainId} at ${ctx.rpcUrl}; keeper ${keeper ? `on (${ctx.signer().address})` : "off"}, auditor ${options.auditor ? `on → ${options.flags}` : "off"}, ` +
      `publisher ${publisher ? `on (agency ${publisher.agencyId}, a snapshot every ${publisher.intervalSeconds} s of ${publisher.apiUrl} through ${publisher.gatewayUrl})` : "off (needs --gateway and --publisher-key-file)"}`,
  );

  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  const reported = new Set<string>();
  const snapshotStates = new Map<string, string>();
  let lastPublisherError = "";
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
    // Apart from the keeper's round: an API or gateway still starting delays the snapshot, never a proposal.
    if (publisher) {
      try {
        await publisherRound(publisher, log, snapshotStates);
        lastPublisherError = "";
      } catch (error) {
        const message = explainError(error);
        if (message !== lastPublisherError) log(`publisher: ${message} (retrying every ${options.interval} s)`);
        lastPublisherError = message;
      }
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
