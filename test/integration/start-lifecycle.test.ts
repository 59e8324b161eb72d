/**
 * The local system end to end, as a person runs it: `npm start` (the real script, as a child process: anvil with a
 * saved state, Ignition deployment, demo seed, interval mining, keeper + auditor), then a full lifecycle through
 * the operations CLI — seat an official, allocate budget, release a milestone, mint a decree and verify its file,
 * revoke it — with the KEEPER queueing and executing every proposal; then Ctrl-C leaves no process behind, and a
 * second start resumes the same chain.
 *
 *   npx hardhat test mocha test/integration/start-lifecycle.test.ts
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider, Network, sha256, toUtf8Bytes } from "ethers";

import { freePort } from "@government-dao/devchain/anvil";
import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast, devAccount } from "@government-dao/devchain/demo-cast";
import { loadDeploymentFrom, loadDevTengeFrom } from "@government-dao/core/deployment";
import { runGov } from "../../scripts/lib/gov/program.js";
import type { ReadyMarker } from "../../scripts/lib/local-chain.js";
import { CATALOGUE } from "../../scripts/lib/seed/catalogue.js";
import { documentText } from "../../scripts/lib/seed/documents.js";
import { type StartRun, alive, descendants, npmStart, stop } from "../helpers/npm-start.js";



describe("npm start → CLI lifecycle with the keeper → Ctrl-C (real anvil)", function () {
  this.timeout(600_000);

  let localDir = "";
  let port = 0;
  let rpc = "";
  let deploymentId = "";
  let run: StartRun | undefined;
  let provider: JsonRpcProvider;
  let readySeconds = 0;
  // The dApp (web/e2e) and the indexer (indexer/tests) have their own suites; here npm start runs without them.
  const env = () => ({ CHAIN_PORT: String(port), LOCAL_DIR: localDir, DEPLOYMENT_ID: deploymentId, BLOCK_TIME: "1", AGENT_INTERVAL: "1", WEB: "0", INDEXER: "0", GATEWAY: "0" });

  /** Runs the CLI against the started system; returns exit code and output. */
  async function gov(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runGov(["--rpc", rpc, "--deployment", deploymentId, "--content-dir", path.join(localDir, "content"), ...argv], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }
  async function ok(...argv: string[]): Promise<string> {
    const result = await gov(...argv);
    expect(result.code, `gov ${argv.join(" ")} failed: ${result.err}`).to.equal(0);
    return result.out;
  }
  const warp = (duration: string) => ok("warp", duration);

  /** Proposes with the CLI, opens voting, has officials 1-4 vote for, closes voting; the keeper does the rest. */
  async function passWithKeeper(proposeArgs: string[]): Promise<number> {
    const out = await ok("propose", ...proposeArgs, "--as", "official1");
    const number = Number(/Proposed #(\d+)/.exec(out)?.[1]);
    expect(number).to.be.greaterThan(17);
    await warp("31s");
    for (const official of ["official1", "official2", "official3", "official4"]) {
      await ok("vote", `#${number}`, "for", "--reason", `${official} agrees`, "--as", official);
    }
    await warp("301s");
    await run?.waitFor(new RegExp(`queued #${number}\\b`), 60_000);
    await warp("61s");
    await run?.waitFor(new RegExp(`executed #${number}\\b`), 60_000);
    return number;
  }

  before(async function () {
    localDir = await mkdtemp(path.join(os.tmpdir(), "gdao-start-"));
    port = await freePort();
    rpc = `http://127.0.0.1:${port}`;
    deploymentId = `start-test-${process.pid}-${Date.now()}`;
    const t0 = Date.now();
    run = npmStart(env());
    await run.waitFor(/Government DAO is ready in/);
    await run.waitFor(/Press Ctrl-C to stop/);
    readySeconds = (Date.now() - t0) / 1000;
    console.log(`      npm start → ready in ${readySeconds.toFixed(1)} s (fresh chain, deploy + seed)`);
    provider = new JsonRpcProvider(rpc, Network.from(31337n), { staticNetwork: true });
  });

  after(async function () {
    provider?.destroy();
    if (run) await stop(run);
    await rm(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
    if (localDir) await rm(localDir, { recursive: true, force: true });
  });

  it("prints the table: RPC URL, chain id, block time, every contract and the demo accounts", function () {
    const text = run?.lines.join("\n") ?? "";
    expect(text).to.include(`Chain RPC`).and.include(rpc);
    expect(text).to.match(/Chain id\s+31337/);
    expect(text).to.match(/Blocks\s+every 1 s/);
    for (const name of ["timelock", "agencies", "seats", "documents", "escrow", "governor", "tenge"]) expect(text).to.match(new RegExp(`\\b${name}\\b.*0x[0-9a-fA-F]{40}`));
    expect(text).to.include(cast.financeRegistrar).and.include(cast.treasurer);
    expect(text).to.match(/memory \(this process tree\)\s+\d+ MB/);
  });

  it("mines blocks by itself every BLOCK_TIME seconds", async function () {
    const first = await provider.getBlockNumber();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await provider.getBlockNumber()).to.be.greaterThan(first);
  });

  it("leaves the seeded proposals in their demo states (the keeper only handles new ones)", async function () {
    const out = await ok("status");
    expect(out).to.match(/13\s+Succeeded/).and.match(/14\s+Queued/);
  });

  it("seats an official through the CLI; the keeper queues and executes", async function () {
    const newcomer = devAccount(12);
    await passWithKeeper(["seat", newcomer, "--agency", "2", "--position", "3", "--title", "Seat a digital director", "--rationale", "Needed for the pilot"]);
    const addresses = { ...(await loadDeploymentFrom(path.join("ignition", "deployments", deploymentId))), tenge: "0x0000000000000000000000000000000000000000" };
    expect(await connectGovernment(addresses, provider).seats.seatIdOf(newcomer)).to.equal(7n);
  });

  it("allocates budget with milestones and releases the first to the recipient", async function () {
    const dir = path.join("ignition", "deployments", deploymentId);
    const addresses = { ...(await loadDeploymentFrom(dir)), tenge: await loadDevTengeFrom(dir) };
    const c = connectGovernment(addresses, provider);
    const recipient = devAccount(13);
    const budget = sha256(toUtf8Bytes(documentText(CATALOGUE.budget2026)));
    const now = (await provider.getBlock("latest"))?.timestamp ?? 0;
    const due = (days: number) => new Date((now + days * 86_400) * 1000).toISOString().slice(0, 10);
    await passWithKeeper([
      "allocation", "--recipient", recipient, "--budget", budget,
      "--milestone", `1000000@${due(60)}:Servers delivered`, "--milestone", `250000.50@${due(120)}:Registry migrated`,
      "--title", "Allocate the hosting line", "--simulate",
    ]);
    const id = await c.escrow.allocationCount();
    expect((await c.escrow.allocation(id)).recipient).to.equal(recipient);
    await passWithKeeper(["release", id.toString(), "1", "--title", "Release: servers delivered"]);
    expect(await c.tenge.balanceOf(recipient)).to.equal(100_000_000n); // 1,000,000.00 DKZT in tiyn
  });

  it("mints a decree by proposal, verifies its file, then revokes it by proposal", async function () {
    const file = path.join(localDir, "decree-D-2026-100.txt");
    await writeFile(file, "Decree D-2026/100: On the end-to-end test of the local system.\n");
    await passWithKeeper([
      "mint-decree", file, "--number", "D-2026/100",
      "--title-kk", "Жергілікті жүйені тексеру туралы", "--title-ru", "О проверке локальной системы", "--title-en", "On the test of the local system",
      "--title", "Decree D-2026/100",
    ]);
    const verified = await gov("verify", file);
    expect(verified.code, verified.out).to.equal(0);
    expect(verified.out).to.include("FOUND: decree").and.include("status Active").and.include("valid ML-DSA-65 co-signature");

    const id = sha256(new Uint8Array(await readFile(file)));
    const dir = path.join("ignition", "deployments", deploymentId);
    const { documents } = await loadDeploymentFrom(dir);
    await passWithKeeper([
      "raw", "--target", documents, "--signature", "revoke(uint256,string)", "--args", JSON.stringify([BigInt(id).toString(), "Issued by the end-to-end test"]),
      "--title", "Revoke D-2026/100",
    ]);
    const after = await gov("verify", file);
    expect(after.code).to.equal(3);
    expect(after.out).to.include("status Revoked").and.include("Issued by the end-to-end test");
  });

  it("writes the auditor's flags for the API, with the published rules", async function () {
    const report = JSON.parse(await readFile(path.join(localDir, "agent", "flags.json"), "utf8")) as { rules: { id: string }[]; flags: { rule: string }[] };
    expect(report.rules.map((r) => r.id)).to.deep.equal(["overdue-milestone", "split-allocation", "release-burst", "reissued-revoked", "low-turnout", "squatted-act", "appeal-deadline"]);
    expect(report.flags.map((f) => f.rule)).to.include("overdue-milestone"); // the seed's overdue milestone
    expect(report.flags.map((f) => f.rule)).to.include("appeal-deadline"); // the seed's unanswered appeal
  });

  it("stops every child process on Ctrl-C, and a second start resumes the same chain", async function () {
    if (!run?.child.pid) throw new Error("npm start is not running");
    const children = descendants(run.child.pid);
    expect(children.length).to.be.at.least(2); // anvil and the agent
    const count = Number(await connectGovernment({ ...(await loadDeploymentFrom(path.join("ignition", "deployments", deploymentId))), tenge: "0x0000000000000000000000000000000000000000" }, provider).governor.proposalCount());
    await stop(run);
    await new Promise((r) => setTimeout(r, 500));
    expect(children.filter(alive), "processes left running").to.deep.equal([]);

    const marker = JSON.parse(await readFile(path.join(localDir, "chain", "ready.json"), "utf8")) as ReadyMarker;
    expect(marker.deploymentId).to.equal(deploymentId);

    const t0 = Date.now();
    run = npmStart(env());
    await run.waitFor(/Government DAO is ready in/);
    console.log(`      second npm start → ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (resumed)`);
    expect(run.lines.join("\n")).to.include("resuming the saved chain").and.not.include("deploying GovernmentDAO");
    const resumed = connectGovernment({ ...marker.addresses }, provider);
    expect(Number(await resumed.governor.proposalCount())).to.equal(count);
    const before = (await provider.getBlock("latest"))?.timestamp ?? 0;
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await provider.getBlock("latest"))?.timestamp ?? 0, "time must not run back after a resume").to.be.at.least(before);
  });

  it("starts clean with --fresh", async function () {
    if (run) await stop(run);
    run = npmStart({ ...env(), SEED: "0", AGENT: "0" }, ["--fresh"]);
    await run.waitFor(/Government DAO is ready in/);
    expect(run.lines.join("\n")).to.include("--fresh: discarding the saved chain").and.include("deploying GovernmentDAO");
    const fresh = connectGovernment({ ...(await loadDeploymentFrom(path.join("ignition", "deployments", deploymentId))), tenge: "0x0000000000000000000000000000000000000000" }, provider);
    expect(await fresh.governor.proposalCount()).to.equal(0n);
    expect(await fresh.seats.totalSupply()).to.equal(3n); // the genesis council only
  });
});
