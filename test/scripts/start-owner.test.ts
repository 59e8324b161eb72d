/**
 * One `npm start` per state folder (scripts/lib/processes.ts claimStartOwner): a live owner is refused in one line, a
 * dead one — or a recycled pid that now runs something else — is replaced.
 *
 *   npx hardhat test mocha test/scripts/start-owner.test.ts
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";

import { commandLine, startTimeOf } from "@government-dao/core/process-owner";
import { AlreadyRunningError, type StartOwner, claimStartOwner, exitOf, isStartOwnerAlive } from "../../scripts/lib/processes.js";

describe("npm start's owner record (scripts/lib/processes.ts claimStartOwner)", function () {
  let dir = "";
  beforeEach(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-owner-"));
  });
  afterEach(async function () {
    await rm(dir, { recursive: true, force: true });
  });
  const file = () => path.join(dir, "owner.json");

  it("refuses while the owner runs, naming its pid, and leaves its record alone", async function () {
    const first = await claimStartOwner(dir);
    const record = await readFile(file(), "utf8");
    const error = await claimStartOwner(dir).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(AlreadyRunningError);
    expect((error as Error).message).to.equal(`npm start is already running in this checkout (pid ${process.pid}); stop it first`);
    expect(await readFile(file(), "utf8")).to.equal(record);
    await first.release();
    await (await claimStartOwner(dir)).release();
    expect(await readFile(file(), "utf8").then(() => true, () => false)).to.equal(false);
  });

  it("takes over from a dead owner (SIGKILL) and from a recycled pid that runs another program", async function () {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const pid = child.pid as number;
    const dead: StartOwner = { pid, command: commandLine(pid) ?? "", startTime: startTimeOf(pid) ?? "", startedAt: new Date().toISOString() };
    expect(isStartOwnerAlive(dead)).to.equal(true);
    child.kill("SIGKILL");
    await exitOf(child);
    expect(isStartOwnerAlive(dead)).to.equal(false);
    await writeFile(file(), JSON.stringify(dead));
    await (await claimStartOwner(dir)).release();

    // This process's pid, but recorded with another start time / command line: a pid the system gave again.
    const self = { pid: process.pid, command: commandLine(process.pid) ?? "", startTime: startTimeOf(process.pid) ?? "", startedAt: "" };
    expect(isStartOwnerAlive(self)).to.equal(true);
    expect(isStartOwnerAlive({ ...self, startTime: "1" })).to.equal(false);
    expect(isStartOwnerAlive({ ...self, command: "node --import tsx scripts/start.ts" })).to.equal(false);
    await writeFile(file(), JSON.stringify({ ...self, startTime: "1" }));
    const claim = await claimStartOwner(dir);
    expect((JSON.parse(await readFile(file(), "utf8")) as StartOwner).startTime).to.equal(self.startTime);
    await claim.release();
  });

  it("replaces a record that is not one (half written, foreign)", async function () {
    await writeFile(file(), "{\"pid\":");
    await (await claimStartOwner(dir)).release();
  });
});
