/**
 * `npm start`: brings the whole system up on one machine and keeps it running until Ctrl-C.
 *
 *   anvil (local chain, state saved in .local/chain) → Ignition deployment of GovernmentDAO + the dev digital tenge
 *   → roles audit → demo data (scripts/seed.ts) → blocks every BLOCK_TIME seconds → digital agents (keeper +
 *   auditor) → indexer + public API (Ponder, indexer/) → agency gateway (gateway/) → dApp (Next.js, web/) → table
 *   of URLs, addresses, accounts and memory.
 *
 * A second `npm start` resumes the saved chain (same addresses, same data); `npm start -- --fresh` starts clean.
 * A start killed half-way left no ready marker, so the next start is clean by itself: never half a deployment.
 * A start while another runs on the same state folder refuses in one line (`.local/run/owner.json`) and touches nothing.
 * The agents, the indexer, the gateway and the dApp are supervised (scripts/lib/supervisor.ts): one that dies is restarted with
 * backoff, and their state is in `.local/run/supervisor.json` (served by the API at /api/v1/health). anvil is not:
 * if it dies, everything stops (see the supervisor's header).
 * Ctrl-C (SIGINT) or SIGTERM stops every child process.
 *
 * Environment: CHAIN_PORT (default 8545), API_PORT (default 42069), GATEWAY_PORT (default 42070), WEB_PORT (default
 * 3000), BLOCK_TIME (seconds, default 2), SEED=0 (no demo data), AGENT=0 (no agents), INDEXER=0 (no indexer/API),
 * GATEWAY=0 (no agency gateway), WEB=0 (no dApp), DATABASE_URL (the indexer and the gateway on PostgreSQL instead
 * of embedded PGlite), AGENT_INTERVAL (seconds between agent rounds, default 5), SNAPSHOT_INTERVAL (seconds between
 * open-data snapshots, default 86400; at least 60),
 * LOCAL_DIR (state folder, default .local), DEPLOYMENT_ID (default chain-31337).
 * `npm start` compiles the contracts first (`prestart`); the dApp is built on the first start (≈ 1 min).
 */
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import { type ContractRunner, JsonRpcProvider } from "ethers";
import { network } from "hardhat";

import { startGateway } from "@government-dao/gateway";
import { startIndexer } from "@government-dao/indexer";
import { buildWeb, isWebBuilt, startWeb } from "@government-dao/web";
import { ANVIL_MNEMONIC, demoAgencySystemKey } from "@government-dao/core/dev-accounts";
import { DEFAULT_SNAPSHOT_INTERVAL_SECONDS } from "@government-dao/core/snapshot";
import { type Anvil, assertPortFree, startAnvil } from "@government-dao/devchain/anvil";
import { AGENCY, cast, demoParameters } from "@government-dao/devchain/demo-cast";
import { writeDemoExtractSeed } from "@government-dao/devchain/extract-key";
import { GATEWAY_DEMO_AGENCIES, demoAgencySystemAddress, writeDemoGatewayConfig } from "@government-dao/devchain/gateway-config";
import { deploySystem } from "./lib/deploy-system.js";
import { type GovernmentAddresses, deploymentDir, deploymentIdFor } from "@government-dao/core/deployment";
import { clearLocalChain, localChainFiles, readReady, type ReadyMarker, waitForStateDump, writeReady } from "./lib/local-chain.js";
import { AlreadyRunningError, type ChildRegistry, claimStartOwner, exitOf, megabytes, openChildRegistry, rssOf, startService } from "./lib/processes.js";
import { auditRoles, formatRoles } from "./lib/roles-audit.js";
import { createSupervisor } from "./lib/supervisor.js";
import { seed } from "./seed.js";

const CHAIN_ID = 31337;
const started = Date.now();
const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (arg !== "--fresh") {
    console.error(`Unknown option ${arg}. Usage: npm start [-- --fresh]`);
    process.exit(1);
  }
}
const fresh = args.has("--fresh");
const blockTime = Number(process.env.BLOCK_TIME ?? 2);
function portFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a TCP port, got "${process.env[name]}"`);
    process.exit(1);
  }
  return value;
}
const webPort = portFrom("WEB_PORT", 3000);
const apiPort = portFrom("API_PORT", 42069);
const gatewayPort = portFrom("GATEWAY_PORT", 42070);
const runIndexer = process.env.INDEXER !== "0";
const runGateway = process.env.GATEWAY !== "0";
const port = portFrom("CHAIN_PORT", 8545);
const seedDemo = process.env.SEED !== "0";
const runWeb = process.env.WEB !== "0";
const runAgents = process.env.AGENT !== "0";
const localDir = process.env.LOCAL_DIR ?? ".local";
const deploymentId = process.env.DEPLOYMENT_ID ?? deploymentIdFor(CHAIN_ID);
const files = localChainFiles(path.join(localDir, "chain"));
const contentDir = path.join(localDir, "content");
const runDir = path.join(localDir, "run");
const step = (text: string) => console.log(`• ${text}`);

// Before anything is touched: one npm start per state folder (a second one would stop the first's children below).
const owner = await claimStartOwner(runDir).catch((error: unknown) => {
  if (!(error instanceof AlreadyRunningError)) throw error;
  console.error(error.message);
  process.exit(1);
});

let anvil: Anvil | undefined;
let children: ChildRegistry | undefined;
/** The agents, the indexer, the gateway and the dApp: restarted when they die, stopped in reverse order. */
const supervisor = createSupervisor({
  stateFile: path.join(runDir, "supervisor.json"),
  log: (line) => console.log(line),
  onSpawn: async (name, pid) => children?.add(name, pid),
});
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping…");
    await supervisor.stopAll();
    await anvil?.stop();
    await children?.clear();
    await owner.release();
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function launchAnvil(): Promise<Anvil> {
  await mkdir(files.dir, { recursive: true });
  const chain = await startAnvil({ port, chainId: CHAIN_ID, stateFile: files.stateFile, stateInterval: 2 });
  await children?.add("anvil", chain.process.pid);
  chain.process.once("exit", (code) => {
    if (!stopping) {
      console.error(`anvil stopped unexpectedly (code ${code}).`);
      void shutdown(1);
    }
  });
  return chain;
}

/** Deploys and seeds a clean chain; returns the ready marker (written only when everything is in the saved state). */
async function deployClean(rpcUrl: string): Promise<ReadyMarker> {
  const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
  const parameters = demoParameters();
  await writeFile(path.join(localDir, "parameters.json"), JSON.stringify(parameters, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2));

  step("deploying GovernmentDAO with Ignition");
  const addresses = await deploySystem(connection, deploymentId, parameters);
  await assertRoles(connection.ethers.provider, addresses);

  let proposals = 0;
  if (seedDemo) {
    step("seeding demo data (real proposals through Governor + Timelock)");
    const result = await seed(connection, addresses, { contentDir, stateDir: localDir, log: (line) => console.log(`  ${line}`) });
    proposals = result.summary.proposals.total;
  }
  const marker: ReadyMarker = { chainId: CHAIN_ID, deploymentId, addresses, seeded: seedDemo, proposalsAtReady: proposals, readyAt: new Date().toISOString() };
  const doneAt = Date.now();
  step("saving the chain state");
  await waitForStateDump(files, doneAt);
  await writeReady(files, marker);
  await connection.close();
  return marker;
}

/** The roles audit (scripts/lib/roles-audit.ts): refuses to go on if anyone but the Timelock and Governor holds power. */
async function assertRoles(runner: ContractRunner, addresses: GovernmentAddresses): Promise<void> {
  const audit = await auditRoles(runner, addresses);
  if (audit.violations.length > 0) throw new Error(`roles audit failed:\n${formatRoles(audit)}`);
}

/** JSON-RPC call to the local chain. */
async function rpc<T>(rpcUrl: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

try {
  // A start that was killed outright could not stop its children: stop them now, before their ports are needed.
  const opened = await openChildRegistry(runDir);
  children = opened.registry;
  if (opened.stopped.length > 0) step(`stopped what an earlier start left running: ${opened.stopped.join(", ")}`);
  if (runWeb) await assertPortFree(webPort, "dApp");
  // Ponder would silently take the next port if this one were busy: check it first.
  if (runIndexer) await assertPortFree(apiPort, "indexer API");
  if (runGateway) await assertPortFree(gatewayPort, "agency gateway");
  let marker = fresh ? undefined : await readReady(files);
  let cleanChain = !marker;
  if (fresh) step("--fresh: discarding the saved chain");
  if (!marker) {
    await clearLocalChain(files);
    await rm(deploymentDir(deploymentId), { recursive: true, force: true });
  }

  step(`${marker ? "resuming the saved chain" : "starting a new chain"} on 127.0.0.1:${port}`);
  anvil = await launchAnvil();

  if (marker) {
    const code = await rpc<string>(anvil.rpcUrl, "eth_getCode", [marker.addresses.governor, "latest"]);
    if (code === "0x") {
      step("the saved chain does not hold the deployment its marker names: starting clean");
      await anvil.stop();
      await clearLocalChain(files);
      await rm(deploymentDir(deploymentId), { recursive: true, force: true });
      marker = undefined;
      cleanChain = true;
      anvil = await launchAnvil();
    } else {
      // anvil does not save its clock offset: move the clock past the last saved block so time never runs back.
      const latest = await rpc<{ timestamp: string }>(anvil.rpcUrl, "eth_getBlockByNumber", ["latest", false]);
      const behind = Number(BigInt(latest.timestamp)) - Math.floor(Date.now() / 1000) + 1;
      if (behind > 0) await rpc(anvil.rpcUrl, "evm_increaseTime", [behind]);
    }
  }
  if (marker) {
    const provider = new JsonRpcProvider(anvil.rpcUrl, CHAIN_ID, { staticNetwork: true });
    await assertRoles(provider, marker.addresses);
    provider.destroy();
  } else marker = await deployClean(anvil.rpcUrl);

  if (blockTime > 0) await rpc(anvil.rpcUrl, "evm_setIntervalMining", [blockTime]);

  if (runAgents) {
    step("starting the digital agents (keeper + auditor + open-data publisher)");
    const agentArgs = [
      "--import", "tsx",
      path.join("scripts", "agent.ts"),
      "--rpc", anvil.rpcUrl,
      "--deployment-dir", deploymentDir(deploymentId),
      "--content-dir", contentDir,
      "--flags", path.join(localDir, "agent", "flags.json"),
      "--as", "deployer",
      "--after", String(marker.proposalsAtReady),
      "--interval", process.env.AGENT_INTERVAL ?? "5",
    ];
    if (runGateway && runIndexer) {
      // The open-data publisher signs its gateway requests as the Office of the Government's system (the demo key).
      const keyFile = path.join(localDir, "agent", "office-system.key");
      await mkdir(path.dirname(keyFile), { recursive: true });
      await writeFile(keyFile, `${demoAgencySystemKey(AGENCY.governmentOffice)}\n`, { mode: 0o600 });
      agentArgs.push(
        "--api", `http://127.0.0.1:${apiPort}`,
        "--gateway", `http://127.0.0.1:${gatewayPort}`,
        "--publisher-key-file", keyFile,
        "--snapshot-interval", process.env.SNAPSHOT_INTERVAL ?? String(DEFAULT_SNAPSHOT_INTERVAL_SECONDS),
      );
    } else agentArgs.push("--no-publisher");
    await supervisor.add({
      name: "agent",
      async start(spawned) {
        const agent = startService("agent", process.execPath, agentArgs);
        const pid = agent.process.pid;
        if (pid === undefined) throw new Error("could not start the agents");
        await spawned(pid);
        return { pid, exited: exitOf(agent.process), stop: agent.stop };
      },
    });
  }

  let apiUrl = "off (INDEXER=0)";
  let indexerUrl: string | undefined;
  if (runIndexer) {
    step(`starting the indexer and public API on 127.0.0.1:${apiPort} (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}); indexing the chain…`);
    const rpcUrl = anvil.rpcUrl;
    let runs = 0;
    let logFile = "";
    await supervisor.add({
      name: "indexer",
      async start(spawned) {
        // A restart: Ponder would silently take the next port if another program took this one meanwhile.
        if (runs > 0) await assertPortFree(apiPort, "indexer API");
        const indexer = await startIndexer({
          rpcUrl,
          chainId: CHAIN_ID,
          deploymentDir: deploymentDir(deploymentId),
          port: apiPort,
          // Only the first run of a clean chain starts from block 0; a restart resumes from the last checkpoint.
          fresh: cleanChain && runs === 0,
          stateDir: path.join(localDir, "indexer"),
          // The demo extract key, registered by the demo deployment: extracts verify against the chain.
          signingSeedFile: await writeDemoExtractSeed(path.join(localDir, "keys")),
          contentDir,
          flagsFile: path.join(localDir, "agent", "flags.json"),
          env: { SUPERVISOR_STATE_FILE: path.resolve(runDir, "supervisor.json") },
          wait: false,
        });
        runs += 1;
        logFile = indexer.logFile;
        // Registered before the catch-up: a start killed while the indexer catches up leaves an orphan the next start
        // stops (startIndexer refuses a state directory whose indexer still runs).
        await spawned(indexer.pid);
        try {
          await indexer.waitForHead(180_000);
        } catch (error) {
          await indexer.stop();
          throw error;
        }
        indexerUrl = indexer.url;
        return { pid: indexer.pid, exited: indexer.exited, stop: indexer.stop };
      },
    });
    apiUrl = `${indexerUrl}/api/v1 (GraphQL ${indexerUrl}/graphql; health ${indexerUrl}/api/v1/health; log ${path.relative(process.cwd(), logFile)})`;
  }

  let gatewayUrl = "off (GATEWAY=0)";
  let gatewayBase: string | undefined;
  if (runGateway) {
    const gatewayDir = path.join(localDir, "gateway");
    const configFile = path.join(gatewayDir, "config.json");
    // Written once: entries an operator adds later (a ministry that joined) stay.
    if (!(await stat(configFile).catch(() => undefined))) await writeDemoGatewayConfig(gatewayDir);
    step(`starting the agency gateway on 127.0.0.1:${gatewayPort} (configuration ${configFile})`);
    const rpcUrl = anvil.rpcUrl;
    let runs = 0;
    await supervisor.add({
      name: "gateway",
      async start(spawned) {
        if (runs > 0) await assertPortFree(gatewayPort, "agency gateway");
        runs += 1;
        const gateway = await startGateway({
          rpcUrl,
          deploymentDir: deploymentDir(deploymentId),
          configFile,
          stateDir: gatewayDir,
          contentDir,
          port: gatewayPort,
          // The queue belongs to the chain it was sent to: a clean chain starts with an empty one (a restart keeps it).
          fresh: cleanChain && runs === 1,
          ...(runWeb ? { publicSite: `http://127.0.0.1:${webPort}` } : {}),
        });
        const pid = gateway.process.pid;
        if (pid === undefined) throw new Error("the gateway has no pid");
        await spawned(pid);
        gatewayBase = gateway.url;
        gatewayUrl = `${gateway.url} (OpenAPI ${gateway.url}/openapi.json; configuration ${configFile})`;
        return { pid, exited: exitOf(gateway.process), stop: gateway.stop };
      },
    });
  }

  let webUrl = "off (WEB=0)";
  if (runWeb) {
    if (!isWebBuilt()) {
      step("building the dApp (first start only, about a minute)");
      await buildWeb();
    }
    step(`starting the dApp on 127.0.0.1:${webPort}`);
    const rpcUrl = anvil.rpcUrl;
    const apiForWeb = indexerUrl;
    const gatewayForWeb = gatewayBase;
    let runs = 0;
    await supervisor.add({
      name: "web",
      async start(spawned) {
        if (runs > 0) await assertPortFree(webPort, "dApp");
        runs += 1;
        const web = await startWeb({
          port: webPort,
          rpcUrl,
          chainId: CHAIN_ID,
          deploymentDir: deploymentDir(deploymentId),
          contentDir,
          ...(apiForWeb ? { apiUrl: apiForWeb } : {}),
          ...(gatewayForWeb ? { gatewayUrl: gatewayForWeb } : {}),
        });
        const pid = web.process.pid;
        if (pid === undefined) throw new Error("next start has no pid");
        await spawned(pid);
        webUrl = web.url;
        return { pid, exited: exitOf(web.process), stop: web.stop };
      },
    });
  }

  const memory = rssOf(process.pid);
  const rows: [string, string][] = [
    ["dApp", webUrl],
    ["API", apiUrl],
    ["gateway", gatewayUrl],
    ["Chain RPC", anvil.rpcUrl],
    ["Chain id", String(marker.chainId)],
    ["Blocks", blockTime > 0 ? `every ${blockTime} s` : "one per transaction"],
    ...Object.entries(marker.addresses).map(([name, address]): [string, string] => [name === "tenge" ? "tenge (dev DigitalTenge)" : name, address]),
    ["officials (seats 1-3)", cast.officials.join(", ")],
    ...(marker.seeded ? [["officials seated by the seed (4-6)", cast.candidates.join(", ")] as [string, string]] : []),
    ["registrar, Ministry of Finance", cast.financeRegistrar],
    ["registrar, Ministry of Digital Development", cast.digitalRegistrar],
    ["registrar, Office of the Government", cast.officeRegistrar],
    ["treasurer (holds DKZT)", cast.treasurer],
    ...(runGateway
      ? GATEWAY_DEMO_AGENCIES.map(({ id }): [string, string] => [`gateway client key, agency ${id} (demo)`, demoAgencySystemAddress(id)])
      : []),
    ["keeper (agent)", runAgents ? cast.deployer : "off (AGENT=0)"],
    ["auditor flags", runAgents ? path.join(localDir, "agent", "flags.json") : "off (AGENT=0)"],
    [
      "open-data snapshots",
      runAgents && runGateway && runIndexer
        ? `${indexerUrl ?? `http://127.0.0.1:${apiPort}`}/api/v1/snapshots (every ${process.env.SNAPSHOT_INTERVAL ?? DEFAULT_SNAPSHOT_INTERVAL_SECONDS} s)`
        : "off (needs the agents, the API and the gateway)",
    ],
    ["memory (this process tree)", megabytes(memory)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nGovernment DAO is ready in ${((Date.now() - started) / 1000).toFixed(1)} s (roles audit: clean)\n`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log(`\nAccounts are anvil's public development keys (mnemonic "${ANVIL_MNEMONIC}").`);
  console.log('Try: npm run gov -- status   ·   npm run gov -- vote "#16" for --reason "…" --as official3');
  console.log("The chain is saved in .local/chain: the next npm start resumes it; npm start -- --fresh starts clean.");
  console.log("Press Ctrl-C to stop.");
} catch (error) {
  console.error(`\nStart failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
