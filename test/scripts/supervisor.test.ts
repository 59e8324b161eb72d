/**
 * The supervisor of npm start's children (scripts/lib/supervisor.ts) with fake children: `node -e` processes that
 * exit on their own. Time bounds are generous (the machine is shared); the recovery time is printed, not asserted
 * tightly.
 *
 *   npx hardhat test mocha test/scripts/supervisor.test.ts
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";

import { isAlive } from "@government-dao/core/process-owner";
import { exitOf, stopChild } from "../../scripts/lib/processes.js";
import { type ChildSpec, type StartedChild, type SupervisorFile, backoffDelay, createSupervisor } from "../../scripts/lib/supervisor.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake child: node running `script`. */
function fake(script: string): StartedChild {
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  if (child.pid === undefined) throw new Error("could not spawn node");
  return { pid: child.pid, exited: exitOf(child), stop: () => stopChild(child, 1_000) };
}

/** A spec whose child runs `script` each time it is started; `pids` collects every start. */
function spec(name: string, script: string, pids: number[] = []): ChildSpec {
  return {
    name,
    async start(spawned) {
      const child = fake(script);
      pids.push(child.pid);
      await spawned(child.pid);
      return child;
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe("supervisor of npm start's children (scripts/lib/supervisor.ts)", function () {
  this.timeout(60_000);
  let dir = "";
  let stateFile = "";
  beforeEach(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-supervisor-"));
    stateFile = path.join(dir, "run", "supervisor.json");
  });
  afterEach(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  it("backs off exponentially from 1 s to a 30 s cap", function () {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n))).to.deep.equal([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("restarts a child that died, logs each event and writes its state (pid, restarts, last exit, since)", async function () {
    const lines: string[] = [];
    const pids: number[] = [];
    const spawned: string[] = [];
    const supervisor = createSupervisor({
      stateFile,
      log: (l) => lines.push(l),
      backoff: { initialMs: 100, maxMs: 1_000, stableMs: 60_000 },
      onSpawn: async (name, pid) => void spawned.push(`${name}:${pid}`),
    });
    // Lives until killed.
    await supervisor.add(spec("worker", "setInterval(() => {}, 1000)", pids));
    const first = pids[0] as number;
    const killedAt = Date.now();
    process.kill(first, "SIGKILL");
    await until(() => supervisor.states()[0]?.state === "running" && supervisor.states()[0]?.pid !== first);
    const recovery = Date.now() - killedAt;
    console.log(`      fake child SIGKILLed → running again in ${recovery} ms (backoff 100 ms)`);
    expect(recovery).to.be.below(15_000);

    const [state] = supervisor.states();
    expect(state).to.include({ name: "worker", state: "running", restarts: 1, pid: pids[1] });
    expect(state?.lastExit).to.include({ code: null, signal: "SIGKILL" });
    expect(state?.lastRecoveryMs).to.be.a("number").and.at.least(100);
    expect(spawned).to.deep.equal([`worker:${first}`, `worker:${pids[1]}`]);
    expect(lines.join("\n"))
      .to.include(`supervisor: worker (pid ${first}) exited unexpectedly (signal SIGKILL)`)
      .and.include("supervisor: restarting worker in 100 ms (attempt 1)")
      .and.match(new RegExp(`supervisor: worker is back \\(pid ${pids[1]}\\), .* after it died; restarts 1`));

    await until(async () => ((JSON.parse(await readFile(stateFile, "utf8")) as SupervisorFile).children[0]?.restarts ?? 0) === 1);
    const file = JSON.parse(await readFile(stateFile, "utf8")) as SupervisorFile;
    expect(file.pid).to.equal(process.pid);
    expect(file.children[0]).to.include({ name: "worker", state: "running", pid: pids[1], restarts: 1 });
    expect(Date.parse(file.children[0]?.since ?? "")).to.be.at.least(killedAt - 1);

    await supervisor.stopAll();
    expect(isAlive(pids[1] as number), "stopAll stops the child").to.equal(false);
    await sleep(300);
    expect(pids, "nothing restarted after stopAll").to.have.length(2);
    expect(await readFile(stateFile, "utf8").then(() => true, () => false), "state file removed").to.equal(false);
  });

  it("doubles the delay for a child that keeps dying, up to the cap, and counts the restarts", async function () {
    const lines: string[] = [];
    const supervisor = createSupervisor({ stateFile, log: (l) => lines.push(l), backoff: { initialMs: 50, maxMs: 400, stableMs: 60_000 } });
    await supervisor.add(spec("crasher", "process.exit(3)"));
    await until(() => lines.filter((l) => l.includes("restarting crasher")).length >= 6);
    await supervisor.stopAll();
    const delays = lines.flatMap((l) => /restarting crasher in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays.slice(0, 6)).to.deep.equal([50, 100, 200, 400, 400, 400]);
    expect(lines.join("\n")).to.include("exited unexpectedly (code 3)");
    expect(supervisor.states()[0]?.restarts).to.be.at.least(5);
    expect(supervisor.states()[0]?.lastExit).to.include({ code: 3, signal: null });
  });

  it("starts the backoff again from the first step after a stable period", async function () {
    const lines: string[] = [];
    // Each child lives 300 ms, longer than the 150 ms stable period.
    const supervisor = createSupervisor({ log: (l) => lines.push(l), backoff: { initialMs: 50, maxMs: 1_000, stableMs: 150 } });
    await supervisor.add(spec("steady", "setTimeout(() => process.exit(1), 300)"));
    await until(() => lines.filter((l) => l.includes("restarting steady")).length >= 3);
    await supervisor.stopAll();
    const delays = lines.flatMap((l) => /restarting steady in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays.slice(0, 3)).to.deep.equal([50, 50, 50]);
  });

  it("retries a restart that fails to come up, with a longer delay each time", async function () {
    const lines: string[] = [];
    let starts = 0;
    const supervisor = createSupervisor({ log: (l) => lines.push(l), backoff: { initialMs: 50, maxMs: 1_000, stableMs: 60_000 } });
    await supervisor.add({
      name: "flaky",
      async start() {
        starts += 1;
        if (starts === 1) return fake("setTimeout(() => process.exit(2), 50)");
        if (starts <= 3) throw new Error("port 1234 (indexer API) is already in use\nsecond line");
        return fake("setInterval(() => {}, 1000)");
      },
    });
    await until(() => supervisor.states()[0]?.state === "running" && starts === 4);
    const [state] = supervisor.states();
    expect(state).to.include({ restarts: 1, failedStarts: 2 });
    const text = lines.join("\n");
    expect(text).to.include("supervisor: flaky did not come back: port 1234 (indexer API) is already in use").and.not.include("second line");
    const delays = lines.flatMap((l) => /restarting flaky in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays).to.deep.equal([50, 100, 200]);
    await supervisor.stopAll();
  });

  it("stops a restart under way at once (a child spawned but not ready yet), instead of waiting for it", async function () {
    let starts = 0;
    const pids: number[] = [];
    const supervisor = createSupervisor({ backoff: { initialMs: 50, maxMs: 100, stableMs: 60_000 } });
    await supervisor.add({
      name: "slow",
      async start(spawned) {
        starts += 1;
        if (starts === 1) return fake("setTimeout(() => process.exit(1), 50)");
        // Spawned, then "catching up" until it dies: ready never comes.
        const child = fake("setInterval(() => {}, 1000)");
        pids.push(child.pid);
        await spawned(child.pid);
        const exit = await child.exited;
        throw new Error(`exited (${exit.signal ?? exit.code}) before it was ready`);
      },
    });
    await until(() => pids.length === 1);
    const started = Date.now();
    await supervisor.stopAll();
    expect(Date.now() - started, "stopAll did not wait for the catch-up").to.be.below(10_000);
    expect(isAlive(pids[0] as number)).to.equal(false);
  });

  it("stops a first start under way too (Ctrl-C while the indexer catches up)", async function () {
    const pids: number[] = [];
    const supervisor = createSupervisor();
    const adding = supervisor.add({
      name: "catching-up",
      async start(spawned) {
        const child = fake("setInterval(() => {}, 1000)");
        pids.push(child.pid);
        await spawned(child.pid);
        const exit = await child.exited;
        throw new Error(`exited (${exit.signal ?? exit.code}) before it was ready`);
      },
    });
    await until(() => pids.length === 1);
    await supervisor.stopAll();
    expect(await adding.then(() => "resolved", (e: Error) => e.message)).to.equal("exited (SIGINT) before it was ready");
    expect(isAlive(pids[0] as number)).to.equal(false);
  });

  it("does not restart what stopAll stopped, and a first start that fails rejects", async function () {
    const lines: string[] = [];
    const supervisor = createSupervisor({ log: (l) => lines.push(l), backoff: { initialMs: 50, maxMs: 100, stableMs: 60_000 } });
    const pids: number[] = [];
    await supervisor.add(spec("a", "setInterval(() => {}, 1000)", pids));
    await supervisor.add(spec("b", "setInterval(() => {}, 1000)", pids));
    let failure = "";
    await supervisor.add({ name: "c", start: () => Promise.reject(new Error("no build")) }).catch((e: Error) => (failure = e.message));
    expect(failure).to.equal("no build");
    await supervisor.stopAll();
    await sleep(300);
    expect(pids.filter(isAlive)).to.deep.equal([]);
    expect(pids).to.have.length(2);
    expect(lines.filter((l) => l.includes("exited unexpectedly"))).to.deep.equal([]);
    expect(supervisor.states().map((s) => s.state)).to.deep.equal(["stopped", "stopped"]);
  });
});
