/**
 * Starts and stops a local anvil chain from the npm package `@foundry-rs/anvil` (the binary ships inside the
 * platform package, so nothing is downloaded at run time).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

import { DEV_ACCOUNT_COUNT } from "@government-dao/core/dev-accounts";

/** A running anvil process. */
export interface Anvil {
  rpcUrl: string;
  port: number;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Path of the anvil binary inside the installed platform package. */
export function anvilBinary(): string {
  const platform = `${process.platform === "darwin" ? "darwin" : process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
  const pkg = `@foundry-rs/anvil-${platform}/package.json`;
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve(pkg)), "bin", "anvil");
  } catch {
    throw new Error(`anvil is not installed for ${platform} (package ${pkg}); run npm install`);
  }
}

/** Fails with a plain message if `port` on 127.0.0.1 is taken. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} (${what}) is already in use. Stop what runs there or choose another port.`
            : `Cannot use port ${port} (${what}): ${error.message}`,
        ),
      );
    });
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

/** A free TCP port on 127.0.0.1 chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** How to start anvil. */
export interface AnvilOptions {
  port: number;
  /** Seconds between blocks (interval mining); omitted = a block per transaction. */
  blockTime?: number;
  chainId?: number;
  /**
   * File holding the chain state: loaded at start when it exists, written every `stateInterval` seconds and on a
   * clean exit (anvil's `--state`), so that a later start resumes the same chain.
   */
  stateFile?: string;
  /** Seconds between state dumps when `stateFile` is set (default 5). */
  stateInterval?: number;
  /** Further anvil flags, e.g. `["--base-fee", "0"]` to mimic a permissioned network. */
  extraArgs?: readonly string[];
}

/** Starts anvil on `port` and resolves once it answers JSON-RPC. */
export async function startAnvil(options: AnvilOptions): Promise<Anvil> {
  await assertPortFree(options.port, "chain RPC");
  const args = ["--host", "127.0.0.1", "--port", String(options.port), "--chain-id", String(options.chainId ?? 31337), "--accounts", String(DEV_ACCOUNT_COUNT)];
  if (options.blockTime) args.push("--block-time", String(options.blockTime));
  if (options.stateFile) args.push("--state", options.stateFile, "--state-interval", String(options.stateInterval ?? 5));
  if (options.extraArgs) args.push(...options.extraArgs);
  // `npm test` runs the suites under `hardhat test --coverage`, whose instrumented GovernmentGovernor is larger than
  // EIP-170's 24,576 bytes; that run alone raises anvil's limit (ANVIL_CODE_SIZE_LIMIT, in bytes). The real code's size
  // against EIP-170 is checked by `npm run bench:check` (bench/gas-snapshot.md, "Runtime bytecode size").
  const codeSizeLimit = process.env.ANVIL_CODE_SIZE_LIMIT;
  if (codeSizeLimit !== undefined && codeSizeLimit !== "") {
    if (!/^[1-9][0-9]*$/.test(codeSizeLimit)) throw new Error(`ANVIL_CODE_SIZE_LIMIT must be a number of bytes, not "${codeSizeLimit}"`);
    args.push("--code-size-limit", codeSizeLimit);
  }
  const child = spawn(anvilBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const rpcUrl = `http://127.0.0.1:${options.port}`;

  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`anvil exited (code ${code}) before it was ready:\n${output}`))),
  );
  // Ready when this anvil says it listens and the RPC answers: an RPC answer alone may come from another program that
  // took the port first (this anvil then exits with "Address already in use"), whose chain must never be used.
  const listening = `Listening on 127.0.0.1:${options.port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (!output.includes(listening)) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      try {
        const response = await fetch(rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
        });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`anvil did not answer on ${rpcUrl} within 10 s:\n${output}`);
  })();
  await Promise.race([ready, exited]);

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { rpcUrl, port: options.port, process: child, stop };
}
