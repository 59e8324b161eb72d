/**
 * Running the agency gateway from other programs (`npm start`, the tests, the bench): a child process
 * (src/main.ts) that answers once its HTTP server listens.
 *
 *   const gateway = await startGateway({ rpcUrl, deploymentDir, configFile, stateDir, contentDir, port });
 *   console.log(gateway.url); … await gateway.stop();
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The gateway/ folder. */
export const GATEWAY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StartGatewayOptions {
  rpcUrl: string;
  /** Ignition deployment folder (deployed_addresses.json). */
  deploymentDir: string;
  /** The configuration file (src/config.ts describes it). */
  configFile: string;
  /** The gateway's own state: its PGlite database and pid file. */
  stateDir: string;
  /** The content store the metadata goes to (the indexer and the dApp read it). */
  contentDir: string;
  port: number;
  /** The dApp's address, for the receipts' verify URLs. */
  publicSite?: string;
  /** Drop the queue and the message log first (after a chain reset: they belong to the old chain). */
  fresh?: boolean;
  /** PostgreSQL instead of PGlite (default: process.env.DATABASE_URL). */
  databaseUrl?: string;
  /** Each line of the gateway's output (default: kept, and shown if the start fails). */
  log?: (line: string) => void;
}

export interface RunningGateway {
  url: string;
  process: ChildProcess;
  /** Resolves when the child ends, however it ends. */
  exited: Promise<number | null>;
  /** SIGTERM, and waits for the child to end. */
  stop(): Promise<void>;
}

/** Starts the gateway; resolves once it answers /health. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const url = `http://127.0.0.1:${options.port}`;
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      "--import", "tsx", path.join(GATEWAY_DIR, "src", "main.ts"),
      "--rpc", options.rpcUrl,
      "--deployment-dir", path.resolve(options.deploymentDir),
      "--config", path.resolve(options.configFile),
      "--state-dir", path.resolve(options.stateDir),
      "--content-dir", path.resolve(options.contentDir),
      "--port", String(options.port),
      ...(options.publicSite ? ["--public-site", options.publicSite] : []),
      ...(options.fresh ? ["--fresh"] : []),
    ],
    { cwd: GATEWAY_DIR, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.log) for (const line of chunk.toString().split("\n")) if (line.trim()) options.log(line);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (code ${child.exitCode}) before it answered:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, process: child, exited, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the gateway did not answer on ${url} within 30 s:\n${output}`);
}
