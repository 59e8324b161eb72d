/**
 * Faults of the local system (part of the reliability suite): `npm start` killed half-way never leaves half a
 * deployment — anvil killed during the seed, and the start script itself killed outright (SIGKILL, so it cannot
 * stop its children) — and the keeper restarted between queue and execute neither executes twice nor misses the
 * execution. A second start on a running checkout refuses and touches nothing; an agent killed under a running start
 * is restarted by its supervisor.
 *
 *   npx hardhat test mocha test/reliability/start-faults.test.ts
 */
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider, Network } from "ethers";

import { keeperRound } from "../../scripts/lib/agents/keeper.js";
import { freePort } from "@government-dao/devchain/anvil";
import { connectGovernment } from "../../scripts/lib/contracts.js";
import { devAccount } from "@government-dao/devchain/demo-cast";
import { loadDeploymentFrom } from "@government-dao/core/deployment";
import { type GovContext, openContext } from "../../scripts/lib/gov/context.js";
import { runGov } from "../../scripts/lib/gov/program.js";
import { recordFigure, recordLoss } from "../helpers/figures.js";
import { commandLine } from "@government-dao/core/process-owner";
import type { SupervisorFile } from "../../scripts/lib/supervisor.js";
import { alive, descendants, npmStart, stop } from "../helpers/npm-start.js";

const exists = (file: string) => access(file).then(() => true, () => false);

describe("npm start under faults (real anvil)", function () {
  this.timeout(600_000);

  let localDir = "";
  let port = 0;
  let deploymentId = "";
  const env = () => ({ CHAIN_PORT: String(port), LOCAL_DIR: localDir, DEPLOYMENT_ID: deploymentId, BLOCK_TIME: "0", AGENT: "0", WEB: "0", INDEXER: "0", GATEWAY: "0" });
  const deploymentDir = () => path.join("ignition", "deployments", deploymentId);
  const readyFile = () => path.join(localDir, "chain", "ready.json");

  /** Proposal count and seats of the deployment the saved marker names, read from the chain. */
  async function chainState(): Promise<{ proposals: bigint; seats: bigint }> {
    const provider = new JsonRpcProvider(`http://127.0.0.1:${port}`, Network.from(31337n), { staticNetwork: true });
    try {
      const c = connectGovernment({ ...(await loadDeploymentFrom(deploymentDir())), tenge: "0x0000000000000000000000000000000000000000" }, provider);
      return { proposals: await c.governor.proposalCount(), seats: await c.seats.totalSupply() };
    } finally {
      provider.destroy();
    }
  }

  beforeEach(async function () {
    localDir = await mkdtemp(path.join(os.tmpdir(), "gdao-faults-"));
    port = await freePort();
    deploymentId = `faults-test-${process.pid}-${Date.now()}`;
  });

  afterEach(async function () {
    await rm(deploymentDir(), { recursive: true, force: true });
    await rm(localDir, { recursive: true, force: true });
  });

  it("recovers from anvil killed during the seed: no ready marker, and the next start is clean and complete", async function () {
    const first = npmStart(env());
    await first.waitFor(/proposal: law L-2026\/001/);
    const anvilPid = descendants(first.child.pid ?? 0).find((pid) => alive(pid));
    expect(anvilPid, "anvil is running").to.be.a("number");
    process.kill(anvilPid as number, "SIGKILL");
    const code = await new Promise((resolve) => first.child.once("exit", resolve));
    const halfMarker = await exists(readyFile());
    expect(code).to.equal(1);
    expect(first.lines.join("\n")).to.match(/anvil stopped unexpectedly|Start failed/);

    const second = npmStart(env());
    await second.waitFor(/Press Ctrl-C to stop/);
    const state = await chainState();
    // Recorded before the assertions, from what the chain holds: a short or doubled seed shows as a number.
    recordFigure("fault survived", "anvil killed (SIGKILL) during the seed → next npm start clean and complete", `${state.proposals}/17 proposals, ${state.seats}/6 seats`);
    const halves = recordLoss("ready markers left by a start killed half-way (a half deployment the next start would resume)", { expected: 0, found: halfMarker ? 1 : 0 });
    const lost = recordLoss("seed proposals and seats missing or doubled after the restart", { expected: 17 + 6, found: Number(state.proposals + state.seats) });
    expect(halfMarker, "no ready marker after a failed start").to.equal(false);
    expect([halves, lost]).to.deep.equal([0, 0]);
    expect(second.lines.join("\n")).to.include("starting a new chain").and.include("deploying GovernmentDAO");
    expect(state.proposals).to.equal(17n); // the whole seed, once
    expect(state.seats).to.equal(6n);
    await stop(second);
  });

  it("recovers from the start script killed outright: the orphaned anvil is stopped and the next start is clean", async function () {
    const first = npmStart(env());
    await first.waitFor(/proposal: decree D-2026\/001/);
    const orphans = descendants(first.child.pid ?? 0);
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    const survived = orphans.filter(alive).length;
    expect(survived, "anvil outlives a killed start").to.be.greaterThan(0);

    const second = npmStart(env());
    await second.waitFor(/Press Ctrl-C to stop/);
    const text = second.lines.join("\n");
    const left = orphans.filter(alive);
    const proposals = (await chainState()).proposals;
    recordFigure("fault survived", "npm start killed outright (SIGKILL) → orphaned anvil stopped, next start clean", `${survived - left.length} of ${survived} orphan(s) stopped; ${proposals}/17 proposals`);
    expect(text).to.match(/stopped what an earlier start left running: anvil \(pid \d+\)/);
    expect(text).to.include("starting a new chain");
    expect(left, "the orphan is gone").to.deep.equal([]);
    expect(proposals).to.equal(17n);
    await stop(second);
  });

  it("a second npm start on a running checkout refuses in one line naming the running pid, and touches nothing", async function () {
    const first = npmStart({ ...env(), SEED: "0" });
    await first.waitFor(/Press Ctrl-C to stop/);
    const running = descendants(first.child.pid ?? 0);
    const before = await chainState();
    // Another chain port, so only the state folder is shared: the refusal must come before any port check.
    const second = npmStart({ ...env(), SEED: "0", CHAIN_PORT: String(await freePort()) });
    const code = await Promise.race([new Promise((resolve) => second.child.once("exit", resolve)), new Promise((resolve) => setTimeout(() => resolve("still running after 60 s"), 60_000))]);
    await stop(second);
    const stopped = running.filter((pid) => !alive(pid));
    recordFigure("fault survived", "second npm start on a running checkout → refused in one line", `exit ${String(code)}; ${running.length - stopped.length}/${running.length} children of the first still running`);
    expect(second.lines, second.lines.join("\n")).to.deep.equal([`npm start is already running in this checkout (pid ${first.child.pid}); stop it first`]);
    expect(code).to.equal(1);
    expect(stopped, "children of the running start stopped by the second").to.deep.equal([]);
    expect(first.child.exitCode).to.equal(null);
    expect(await chainState()).to.deep.equal(before);
    await stop(first);
  });

  it("restarts the agents when they die under a running npm start (supervisor, backoff 1 s)", async function () {
    const run = npmStart({ ...env(), SEED: "0", AGENT: "1", AGENT_INTERVAL: "1" });
    await run.waitFor(/Press Ctrl-C to stop/);
    const agent = descendants(run.child.pid ?? 0).find((pid) => (commandLine(pid) ?? "").includes("agent.ts"));
    expect(agent, "the agents run").to.be.a("number");
    const killedAt = Date.now();
    process.kill(agent as number, "SIGKILL");
    const back = await run.waitFor(/supervisor: agent is back \(pid \d+\)/, 60_000);
    const seconds = (Date.now() - killedAt) / 1000;
    console.log(`      agents SIGKILLed → back in ${seconds.toFixed(1)} s (${back})`);
    const text = run.lines.join("\n");
    expect(text).to.include(`supervisor: agent (pid ${agent}) exited unexpectedly (signal SIGKILL)`).and.include("supervisor: restarting agent in 1.0 s (attempt 1)");
    const newPid = Number(/pid (\d+)/.exec(back)?.[1]);
    expect(alive(newPid)).to.equal(true);
    // The file is written just after the line is printed.
    const readState = async () => JSON.parse(await readFile(path.join(localDir, "run", "supervisor.json"), "utf8")) as SupervisorFile;
    for (let i = 0; i < 50 && (await readState()).children.find((c) => c.name === "agent")?.state !== "running"; i++) await new Promise((r) => setTimeout(r, 100));
    const state = await readState();
    expect(state.pid).to.equal(run.child.pid);
    expect(state.children.find((c) => c.name === "agent")).to.include({ state: "running", pid: newPid, restarts: 1 });
    recordFigure("fault survived", "agents SIGKILLed under npm start → restarted by the supervisor", `back in ${seconds.toFixed(1)} s`);
    await stop(run);
    expect(alive(newPid), "the restarted agent is stopped with npm start").to.equal(false);
  });

  it("keeper restarted between queue and execute: executes exactly once, misses nothing", async function () {
    const run = npmStart(env());
    await run.waitFor(/Press Ctrl-C to stop/);
    const rpc = `http://127.0.0.1:${port}`;
    const gov = async (...argv: string[]) => {
      const out: string[] = [];
      const code = await runGov(["--rpc", rpc, "--deployment", deploymentId, "--content-dir", path.join(localDir, "content"), ...argv], {
        out: (l) => out.push(l),
        err: (l) => out.push(l),
      });
      expect(code, out.join("\n")).to.equal(0);
      return out.join("\n");
    };
    const proposed = await gov("propose", "seat", devAccount(14), "--agency", "1", "--position", "3", "--title", "Seat for the keeper test", "--as", "official1");
    const number = Number(/Proposed #(\d+)/.exec(proposed)?.[1]);
    await gov("warp", "31s");
    for (const official of ["official1", "official2", "official3", "official4"]) await gov("vote", `#${number}`, "for", "--as", official);
    await gov("warp", "301s");

    const open = () => openContext({ rpc, deployment: deploymentId, as: "deployer", contentDir: path.join(localDir, "content") });
    const log: string[] = [];
    let ctx: GovContext = await open();
    const first = await keeperRound(ctx, (l) => log.push(l), new Set(), 17);
    expect(first.queued).to.deep.equal([number]);
    expect(first.executed).to.deep.equal([]);
    ctx.close();

    // "Restart": a new context and an empty memory, before the Timelock delay has passed: nothing to do.
    ctx = await open();
    const early = await keeperRound(ctx, (l) => log.push(l), new Set(), 17);
    expect([early.queued, early.executed, early.failed]).to.deep.equal([[], [], []]);
    await gov("warp", "61s");
    const due = await keeperRound(ctx, (l) => log.push(l), new Set(), 17);
    const again = await keeperRound(ctx, (l) => log.push(l), new Set(), 17);
    const executions = await ctx.contracts.governor.queryFilter(ctx.contracts.governor.filters.ProposalExecuted(), 0, "latest");
    const id = await ctx.contracts.governor.proposalIdAt(number - 1);
    const executed = executions.filter((e) => e.args.proposalId === id).length;
    // Counted from the chain's events before the assertions: a missed or doubled execution shows as a number.
    recordFigure("fault survived", "keeper restarted between queue and execute", `executed ${executed} time(s)`);
    const lost = recordLoss("executions missed or doubled by a keeper restart (ProposalExecuted events)", { expected: 1, found: executed });
    expect(lost).to.equal(0);
    expect(due.executed).to.deep.equal([number]);
    expect([again.queued, again.executed, again.failed]).to.deep.equal([[], [], []]);
    expect(executed).to.equal(1);
    expect(await ctx.contracts.seats.seatIdOf(devAccount(14))).to.be.greaterThan(0n);
    ctx.close();
    await stop(run);
  });
});
