/**
 * A throwaway PostgreSQL 15 cluster for the tests (Debian's `postgresql`, installed by .ci/run): initdb into a
 * temporary directory, listening on 127.0.0.1 and a free port, stopped and removed in teardown. PostgreSQL refuses
 * to run as root, so as root the cluster belongs to the `postgres` user and runs through `runuser` (indexer/README.md, fact F5).
 */
import { execFile } from "node:child_process";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { freePort } from "@government-dao/devchain/anvil";

const run = promisify(execFile);
const BIN = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"].find((dir) => existsSync(path.join(dir, "initdb")));

export interface Postgres {
  url: string;
  /** PID of the server's postmaster (its backends are its children), or undefined once stopped. */
  serverPid(): number | undefined;
  stop(): Promise<void>;
}

/** Whether PostgreSQL server binaries are installed. */
export const postgresInstalled = (): boolean => BIN !== undefined;

export async function startPostgres(): Promise<Postgres> {
  if (BIN === undefined) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql; .ci/run does it)");
  const dir = await mkdtemp(path.join(os.tmpdir(), "indexer-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const as = async (cmd: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(BIN, cmd), ...args]) : run(path.join(BIN, cmd), args);
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    await chmod(dir, 0o700);
  }
  const port = await freePort();
  await as("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  await as("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    // postmaster.pid's first line is the postmaster's PID.
    serverPid: () => {
      try {
        return Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      await as("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
