/**
 * RPC faults (reliability suite): a chain endpoint that hangs gives the CLI one plain line within its time limit,
 * and the digital agents survive the chain going away — they report each failed round in one line and carry on
 * when the chain is back, with no restart.
 *
 *   npx hardhat test mocha test/reliability/rpc-faults.test.ts
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

import { expect } from "chai";
import { network } from "hardhat";

import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { deploySystem } from "../../scripts/lib/deploy-system.js";
import { runGov } from "../../scripts/lib/gov/program.js";
import { stopChild } from "../../scripts/lib/processes.js";
import { recordFigure } from "../helpers/figures.js";

describe("RPC faults", function () {
  this.timeout(300_000);

  it("the CLI answers a hanging chain endpoint with one plain line, within its 5 s limit, and sends nothing", async function () {
    const sockets = new Set<import("node:net").Socket>();
    const server = http.createServer(() => {
      // Accept the request and never answer.
    });
    server.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const err: string[] = [];
    const started = Date.now();
    const code = await runGov(["--rpc", url, "vote", "#1", "for", "--as", "official1"], { out: () => undefined, err: (l) => err.push(l) });
    const seconds = (Date.now() - started) / 1000;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    recordFigure("fault survived", "chain endpoint hangs → CLI gives one plain line", `exit ${code} after ${seconds.toFixed(1)} s, ${err.length} line(s)`);
    expect(code).to.equal(1);
    expect(err).to.deep.equal([`Error: Cannot reach the chain at ${url} (no answer within 5 s). Is it running? (npm start, or set --rpc / RPC_URL)`]);
    expect(seconds).to.be.lessThan(30); // bounded by the CLI's own limit, not by a hang
  });

  describe("the agents while the chain goes away and comes back", function () {
    let anvil: Anvil | undefined;
    let agent: ChildProcess | undefined;
    let dir = "";
    const deploymentId = `rpc-faults-${process.pid}-${Date.now()}`;

    after(async function () {
      if (agent) await stopChild(agent);
      await anvil?.stop();
      await rm(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("report each failed round in one line and recover without a restart", async function () {
      dir = await mkdtemp(path.join(os.tmpdir(), "gdao-rpc-faults-"));
      const port = await freePort();
      const stateFile = path.join(dir, "state.json");
      anvil = await startAnvil({ port, stateFile, stateInterval: 1 });
      const connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
      await deploySystem(connection, deploymentId);
      await connection.close();

      const flags = path.join(dir, "flags.json");
      const lines: string[] = [];
      agent = spawn(
        process.execPath,
        ["--import", "tsx", path.join("scripts", "agent.ts"), "--rpc", anvil.rpcUrl, "--deployment", deploymentId, "--no-keeper", "--interval", "0.5", "--flags", flags],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      for (const stream of [agent.stdout, agent.stderr]) if (stream) createInterface({ input: stream }).on("line", (l) => lines.push(l));
      const until = async (what: string, test: () => boolean | Promise<boolean>, ms = 60_000) => {
        const deadline = Date.now() + ms;
        while (!(await test())) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; agent said:\n${lines.join("\n")}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      };
      const generatedAt = async () => {
        try {
          return (JSON.parse(await readFile(flags, "utf8")) as { generatedAt: number }).generatedAt;
        } catch {
          return 0;
        }
      };
      await until("the first report", async () => (await generatedAt()) > 0);
      await new Promise((r) => setTimeout(r, 1_500)); // let anvil dump its state

      const down = Date.now();
      await anvil.stop();
      await until("a failed round", () => lines.some((l) => /round failed: Cannot reach the chain's RPC endpoint/.test(l)));
      const before = await generatedAt();
      await new Promise((r) => setTimeout(r, 1_500));
      anvil = await startAnvil({ port, stateFile, stateInterval: 1 });
      const back = Math.floor(Date.now() / 1000);
      await until("a report after the chain is back", async () => (await generatedAt()) >= back && (await generatedAt()) > before);
      const outage = ((Date.now() - down) / 1000).toFixed(1);

      const failures = lines.filter((l) => /round failed/.test(l));
      recordFigure("fault survived", "chain down and back while the agents run", `${failures.length} failed round(s) reported, recovered in ${outage} s, ${agent.exitCode === null ? "no restart" : `the agent exited (code ${agent.exitCode})`}`);
      expect(agent.exitCode, "the agent kept running").to.equal(null);
      expect(failures.length).to.be.greaterThan(0);
      for (const line of failures) expect(line).to.match(/^\[agent \d\d:\d\d:\d\d\] round failed: .+ \(retrying in 0\.5 s\)$/);
    });
  });
});
