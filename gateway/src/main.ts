/**
 * The gateway process: `node --import tsx gateway/src/main.ts --rpc <url> --deployment-dir <dir> --config <file>
 * --state-dir <dir> --content-dir <dir> --port <n> [--public-site <url>] [--fresh]` (lib/run.ts starts it for `npm start` and
 * the tests). --fresh drops the queue and the log first (a new chain). DATABASE_URL: PostgreSQL instead of PGlite in `<state-dir>/db`. It prints "gateway listening on <url>"
 * when it answers, and stops cleanly on SIGTERM or SIGINT: the HTTP server first, then the submitter's round, then the
 * database. Killed outright, it loses nothing: the queue is in the database (src/worker.ts says how it resumes).
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { serve } from "@hono/node-server";

import { openContentStore } from "@government-dao/core/content-store";
import { readAddresses } from "@government-dao/core/deployment";
import { claimOwnerFile, commandLine, startTimeOf, type RecordedProcess } from "@government-dao/core/process-owner";

import { createApp } from "./app.ts";
import { connectChain } from "./chain.ts";
import { watchConfig } from "./config.ts";
import { openDatabase } from "./database.ts";
import { startWorker } from "./worker.ts";

const { values } = parseArgs({
  options: {
    rpc: { type: "string" },
    "deployment-dir": { type: "string" },
    config: { type: "string" },
    "state-dir": { type: "string" },
    "content-dir": { type: "string" },
    port: { type: "string" },
    "public-site": { type: "string" },
    fresh: { type: "boolean", default: false },
  },
  strict: true,
});
const need = (name: keyof typeof values): string => {
  const value = values[name];
  if (typeof value !== "string" || value === "") {
    console.error(`gateway: --${name} is required`);
    process.exit(2);
  }
  return value;
};

const stateDir = need("state-dir");
const port = Number(need("port"));
const log = (line: string) => console.log(line);

await mkdir(stateDir, { recursive: true });
const ownerFile = path.join(stateDir, "gateway.pid");
const owner: RecordedProcess = { pid: process.pid, command: commandLine(process.pid) ?? "", ...(startTimeOf(process.pid) ? { startTime: startTimeOf(process.pid) as string } : {}) };
await claimOwnerFile(
  ownerFile,
  owner,
  async () => {
    try {
      return JSON.parse(await readFile(ownerFile, "utf8")) as RecordedProcess;
    } catch {
      return undefined;
    }
  },
  (other) => new Error(`gateway: another gateway (pid ${other.pid}) runs on ${stateDir}: stop it first.`),
).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

const deployed = readAddresses(need("deployment-dir"));
if (!deployed.DocumentRegistry || !deployed.AgencyRegistry) throw new Error("The deployment has no DocumentRegistry or AgencyRegistry.");
const chain = await connectChain(need("rpc"), { documents: deployed.DocumentRegistry, agencies: deployed.AgencyRegistry });
const config = watchConfig(path.resolve(need("config")), chain.chainId, (line) => log(`gateway: ${line}`));
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, directory: path.join(stateDir, "db"), fresh: values.fresh === true });
const store = openContentStore(need("content-dir"));
const publicSite = values["public-site"];

const worker = startWorker({ db, chain, config: config.current, store, publicSite, log });
const app = createApp({ db, chain, config: config.current, configError: config.lastError, publicSite, store, queued: () => worker.poke() });
const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) => log(`gateway listening on http://127.0.0.1:${info.port} (${db.kind}, chain ${chain.chainId})`));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await worker.stop();
  await db.close();
  await rm(ownerFile, { force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
