/**
 * The operations CLI (`npm run gov`, scripts/lib/gov/program.ts) on a REAL anvil: one anvil, one Ignition
 * deployment (throw-away id, removed afterwards) and one demo seed for the whole file. Every plain-error path is
 * run through `runGov` and must end with exit code 1, ONE error line (`Error: …`, or commander's one-line
 * invalid-argument message) that says what is wrong, and NOTHING sent: the block number (anvil mines a block per
 * transaction) and the nonces of the dev accounts are the same before and after. The happy paths check the shape
 * of the output. Tests run in order: the ones that depend on the seed's time-bound states (Pending, Active) come
 * first, the ones that move the clock last.
 *
 *   npx hardhat test mocha test/scripts/gov-cli.test.ts
 */
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider, Network, Wallet, sha256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { cidFromDigest, openContentStore } from "@government-dao/core/content-store";
import { AGENCY, cast, devAccount } from "@government-dao/devchain/demo-cast";
import { deploySystem } from "../../scripts/lib/deploy-system.js";
import { demoKeyring, prepareDocumentFile } from "../../scripts/lib/documents.js";
import { formatDocumentMetadata } from "@government-dao/core/metadata";
import { demoAgencyKeys, signatureDigest } from "@government-dao/core/cosignature";
import { devWallet } from "../../scripts/lib/gov/context.js";
import { runGov } from "../../scripts/lib/gov/program.js";
import { CATALOGUE, type CatalogueKey } from "../../scripts/lib/seed/catalogue.js";
import { certificateText } from "../../scripts/lib/seed/certificates.js";
import { documentText } from "../../scripts/lib/seed/documents.js";
import { type SeedContracts, connectSystem } from "../../scripts/lib/seed/system.js";
import { type SeedAddresses, type SeedResult, seed } from "../../scripts/seed.js";

interface Run {
  code: number;
  out: string[];
  err: string[];
}
interface Target {
  rpc?: string;
  deployment?: string;
  contentDir?: string;
}
/** What "nothing was sent" compares: the block number and the pending nonces of dev accounts 0-11. */
interface Mark {
  block: number;
  nonces: number[];
}

const show = (run: Run): string => `exit ${run.code}\n--- out\n${run.out.join("\n")}\n--- err\n${run.err.join("\n")}`;
const WATCHED = Array.from({ length: 12 }, (_, i) => devAccount(i));
/** The metadata options of a document command. */
const meta = (number: string, extra: string[] = []): string[] => [
  "--number",
  number,
  "--title-kk",
  "Сынақ бұйрығы",
  "--title-ru",
  "Тестовый приказ",
  "--title-en",
  "Test order",
  ...extra,
];

describe("gov CLI on a real anvil", function () {
  this.timeout(300_000);

  let anvil: Anvil | undefined;
  /** Extra chains started by single tests, stopped in `after`. */
  const extraChains: Anvil[] = [];
  const providers: JsonRpcProvider[] = [];
  let connection: NetworkConnection | undefined;
  let provider: JsonRpcProvider;
  let workDir = "";
  let contentDir = "";
  let deploymentId = "";
  let deploymentDir = "";
  let addresses: SeedAddresses;
  let c: SeedContracts;
  let result: SeedResult;
  /** Proposal numbers (#N) by the seed's role names. */
  const numberOf: Record<string, number> = {};
  /** The number (#N) of the seed's proposal with that role. */
  const no = (role: string): number => {
    const n = numberOf[role];
    if (n === undefined) throw new Error(`the seed made no "${role}" proposal`);
    return n;
  };
  const savedEnv = { GOV_PRIVATE_KEY: process.env.GOV_PRIVATE_KEY };

  /** Runs the CLI against the test deployment (or `target`), capturing its lines. */
  async function gov(args: readonly string[], target: Target = {}): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runGov(
      ["--rpc", target.rpc ?? anvil?.rpcUrl ?? "", "--deployment", target.deployment ?? deploymentId, "--content-dir", target.contentDir ?? contentDir, ...args],
      { out: (line) => out.push(line), err: (line) => err.push(line) },
    );
    return { code, out, err };
  }

  async function mark(on: JsonRpcProvider = provider): Promise<Mark> {
    const [block, ...nonces] = await Promise.all([on.getBlockNumber(), ...WATCHED.map((a) => on.getTransactionCount(a, "pending"))]);
    return { block: block ?? 0, nonces };
  }

  /** A command that must fail with one plain `Error:` line matching `phrase`, and send nothing. */
  async function refused(args: readonly string[], phrase: RegExp, target: Target & { chain?: JsonRpcProvider } = {}): Promise<Run> {
    const before = await mark(target.chain);
    const run = await gov(args, target);
    expect(run.code, show(run)).to.equal(1);
    expect(run.err, show(run)).to.have.length(1);
    const line = run.err[0] ?? "";
    expect(line, show(run)).to.match(/^Error: \S/);
    expect(line).to.not.contain("\n");
    expect(line).to.not.match(/\bat .*\.(ts|js):\d+/); // no stack trace
    expect(line, show(run)).to.match(phrase);
    expect(await mark(target.chain), "nothing was sent").to.deep.equal(before);
    return run;
  }

  /** A command commander rejects while reading its arguments: one `error: …` line (plus the help hint). */
  async function rejected(args: readonly string[], phrase: RegExp): Promise<Run> {
    const before = await mark();
    const run = await gov(args);
    expect(run.code, show(run)).to.equal(1);
    expect(run.err.filter((l) => /^error:/i.test(l)), show(run)).to.have.length(1);
    expect(run.err[0], show(run)).to.match(/^error: /);
    expect(run.err[0]).to.match(phrase);
    expect(run.err.slice(1), show(run)).to.deep.equal(["(run with --help for usage)"]);
    expect(await mark(), "nothing was sent").to.deep.equal(before);
    return run;
  }

  /** A command that must succeed (exit `code`) with no error line. */
  async function ok(args: readonly string[], code = 0, target: Target = {}): Promise<Run> {
    const run = await gov(args, target);
    expect(run.code, show(run)).to.equal(code);
    expect(run.err, show(run)).to.deep.equal([]);
    return run;
  }

  /** Writes a seeded catalogue document's file (rebuilt from the catalogue) and checks it is the registered one. */
  async function catalogueFile(key: CatalogueKey): Promise<string> {
    const file = path.join(workDir, `${key}.txt`);
    await writeFile(file, documentText(CATALOGUE[key]));
    expect(sha256(await readFile(file)), key).to.equal(result.record.documents[key]?.tokenId);
    return file;
  }
  const tokenId = (key: CatalogueKey): string => result.record.documents[key]?.tokenId ?? "";
  async function newFile(name: string, text: string): Promise<string> {
    const file = path.join(workDir, name);
    await writeFile(file, text);
    return file;
  }
  const storeListing = async (dir = contentDir): Promise<string[]> => (await readdir(dir)).sort();
  const proposalCount = async (): Promise<number> => Number(await c.governor.proposalCount());

  before(async function () {
    delete process.env.GOV_PRIVATE_KEY;
    anvil = await startAnvil({ port: await freePort() });
    connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
    provider = new JsonRpcProvider(anvil.rpcUrl, Network.from(31337), { staticNetwork: true, cacheTimeout: -1 });
    providers.push(provider);
    workDir = await mkdtemp(path.join(os.tmpdir(), "gdao-gov-cli-"));
    contentDir = path.join(workDir, "content");
    deploymentId = `gov-cli-test-${process.pid}-${Date.now()}`;
    deploymentDir = path.join("ignition", "deployments", deploymentId);
    addresses = await deploySystem(connection, deploymentId);
    c = connectSystem(addresses, provider);
    result = await seed(connection, addresses, { contentDir, stateDir: workDir, log: () => undefined });
    const ids = new Map<string, string>(Object.entries(result.record.proposals).map(([role, id]) => [id, role]));
    const count = await proposalCount();
    for (let i = 0; i < count; i++) {
      const role = ids.get((await c.governor.proposalIdAt(i)).toString());
      if (role) numberOf[role] = i + 1;
    }
  });

  after(async function () {
    for (const p of providers) p.destroy();
    await connection?.close().catch(() => undefined);
    for (const chain of extraChains) await chain.stop();
    await anvil?.stop();
    if (deploymentDir) await rm(deploymentDir, { recursive: true, force: true });
    if (workDir) await rm(workDir, { recursive: true, force: true });
    if (savedEnv.GOV_PRIVATE_KEY !== undefined) process.env.GOV_PRIVATE_KEY = savedEnv.GOV_PRIVATE_KEY;
  });

  // ── Proposal states (first: the seed's Pending proposal opens 30 s of wall-clock time after the seed) ──

  it("refuses to vote on a pending proposal and sends nothing", async function () {
    const n = no("pending");
    expect(n).to.equal(17);
    await refused(["--as", "official1", "vote", `#${n}`, "for"], /^Error: Proposal #17 is not active \(it is Pending; voting opens \d{4}-.*\)\. Nothing was sent\.$/);
  });

  it("refuses to vote on a defeated proposal and sends nothing", async function () {
    await refused(["--as", "official1", "vote", `#${no("defeated")}`, "against"], /Proposal #12 is not active \(it is Defeated; voting is closed\)\. Nothing was sent\./);
  });

  it("refuses a vote from an account that held no seat, and a second vote", async function () {
    await refused(["--as", "registrar-finance", "vote", `#${no("active")}`, "for"], new RegExp(`Not an official: ${cast.financeRegistrar} held no seat when proposal #16 was made\\. Nothing was sent\\.`));
    await refused(["--as", "official1", "vote", `#${no("active")}`, "for"], new RegExp(`${cast.officials[0]} has already voted on proposal #16\\. Nothing was sent\\.`));
  });

  it("refuses to propose as a registrar (not an official) and sends nothing", async function () {
    const run = await refused(
      ["--as", "registrar-finance", "propose", "seat", devAccount(12), "--agency", "1", "--position", "3", "--title", "Seat a director"],
      new RegExp(`Not an official: ${cast.financeRegistrar} holds no seat, so it cannot propose\\. Nothing was sent\\.`),
    );
    expect(run.out[0]).to.equal('Proposal "Seat a director" will execute:');
    // Account 12 is the Office of the Government's registrar: the sentence says so (core/src/actions/labels.ts).
    expect(run.out[1]).to.contain(`Seat official ${devAccount(12)} (registrar of agency 3 "Office of the Government") in agency 1 "Ministry of Finance" as department director`);
  });

  it("votes by EIP-712 signature with a reason on the active proposal", async function () {
    const before = await mark();
    const run = await ok(["--as", "official2", "vote", `#${no("active")}`, "against", "--by-sig", "--reason", "Needs a cost estimate."]);
    expect(run.out).to.have.length(1);
    expect(run.out[0]).to.match(/^Voted against on #16 \(EIP-712 signature\) in tx 0x[0-9a-f]{64}\. Tally: for 2 · against 1 · abstain 0\.$/);
    expect((await mark()).block).to.equal(before.block + 1);
  });

  // ── Reaching the chain and finding the deployment ──

  it("says the chain is unreachable when nothing listens on the RPC port", async function () {
    const port = await freePort();
    await refused(["status"], new RegExp(`^Error: Cannot reach the chain at http://127\\.0\\.0\\.1:${port} \\(connection refused\\)\\. Is it running\\?`), {
      rpc: `http://127.0.0.1:${port}`,
    });
  });

  it("says an HTTP server that is not a JSON-RPC node is not a chain", async function () {
    const server = http.createServer((_, response) => response.writeHead(404).end("not found"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await refused(["status"], new RegExp(`^Error: ${url.replace(/\./g, "\\.")} is not an Ethereum JSON-RPC endpoint\\.$`), { rpc: url });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("refuses the wrong network: another --chain-id, an unknown deployment id, a chain without the contracts", async function () {
    await refused(["--chain-id", "1", "status"], /^Error: Wrong network: http:\/\/127\.0\.0\.1:\d+ is chain 31337, expected chain 1\.$/);
    await refused(["--chain-id", "mainnet", "status"], /^Error: Invalid --chain-id "mainnet": expected a whole number\.$/);
    await refused(["status"], /^Error: Wrong network: no GovernmentDAO deployment for chain 31337 \(looked in ignition\/deployments\/no-such-deployment\)/, {
      deployment: "no-such-deployment",
    });

    const fresh = await startAnvil({ port: await freePort() });
    extraChains.push(fresh);
    const freshProvider = new JsonRpcProvider(fresh.rpcUrl, Network.from(31337), { staticNetwork: true, cacheTimeout: -1 });
    providers.push(freshProvider);
    await refused(["status"], new RegExp(`^Error: Wrong network: chain 31337 at ${fresh.rpcUrl.replace(/\./g, "\\.")} has no contract at the Governor address ${addresses.governor} \\(was the chain reset\\?`), {
      rpc: fresh.rpcUrl,
      chain: freshProvider,
    });
  });

  // ── The signer ──

  it("refuses a sending command without a signer", async function () {
    await refused(["vote", `#${no("active")}`, "for"], /^Error: This command sends a transaction: give the signer with GOV_PRIVATE_KEY, --key-file <path>, or \(local chain\) --as <account>\.$/);
    await refused(["queue", `#${no("succeeded")}`], /This command sends a transaction/);
  });

  it("refuses a private key on the command line (--key shows in ps and the shell history), without echoing it", async function () {
    const key = devWallet("official3").privateKey;
    for (const args of [["--key", key], [`--key=${key}`], ["--key", key.slice(2)]]) {
      const run = await refused([...args, "vote", `#${no("active")}`, "abstain"], /^Error: --key is refused: a private key on the command line shows in ps and the shell history; set GOV_PRIVATE_KEY or use --key-file <path>\.$/);
      expect(run.err[0]).to.not.contain(key.slice(2));
    }
    // Refused even where no signer is needed, and even when the command would not send.
    await refused(["--key", key, "status"], /^Error: --key is refused/);
    const help = await ok(["--help"]);
    expect(help.out.join("\n")).to.contain("--key-file <path>").and.not.match(/--key <hex>/);
  });

  it("refuses a bad private key (environment or key file), an unprotected or missing key file and an unknown dev account name", async function () {
    process.env.GOV_PRIVATE_KEY = "0x1234";
    try {
      await refused(["vote", `#${no("active")}`, "for"], /^Error: The private key in GOV_PRIVATE_KEY must be 32 bytes of hex \(64 hex digits\)\.$/);
    } finally {
      delete process.env.GOV_PRIVATE_KEY;
    }
    const bad = await newFile("bad.key", `0x${"zz".repeat(32)}\n`);
    await chmod(bad, 0o600);
    await refused(["--key-file", bad, "queue", `#${no("succeeded")}`], /^Error: The private key in the key file ".*bad\.key" must be 32 bytes of hex/);
    const open = await newFile("open.key", `${devWallet("official3").privateKey}\n`);
    await chmod(open, 0o644);
    const run = await refused(["--key-file", open, "vote", `#${no("active")}`, "for"], /^Error: The key file ".*open\.key" is readable by others \(mode 0644\): chmod 600 it first\.$/);
    expect(run.err[0]).to.not.contain(devWallet("official3").privateKey.slice(2));
    await refused(["--key-file", path.join(workDir, "no-such.key"), "vote", `#${no("active")}`, "for"], /^Error: Cannot read the key file ".*no-such\.key": no such file\.$/);
    await refused(["--as", "mayor", "vote", `#${no("active")}`, "for"], /^Error: Unknown development account "mayor": use 0-19 or one of deployer, official1, .*treasurer\.$/);
    await refused(["--as", "20", "vote", `#${no("active")}`, "for"], /Unknown development account "20"/);
  });

  it("takes the signer from a key file only its owner can read (a vote with a raw private key)", async function () {
    // anvil account 3 = the third genesis official; it has not voted on the active proposal.
    const file = await newFile("official3.key", `${devWallet("official3").privateKey.slice(2)}\n`);
    await chmod(file, 0o600);
    const run = await ok(["--key-file", file, "vote", `#${no("active")}`, "abstain"]);
    expect(run.out[0]).to.match(/^Voted abstain on #16 in tx 0x[0-9a-f]{64}\. Tally: for 2 · against 1 · abstain 1\.$/);
  });

  // ── Unknown proposals, queue and execute ──

  it("says a proposal is unknown: #999, #0, a random id; and refuses a malformed id", async function () {
    const count = await proposalCount();
    await refused(["--as", "official1", "vote", "#999", "for"], new RegExp(`^Error: Unknown proposal #999: there are ${count} proposals\\.$`));
    await refused(["status", "#0"], /^Error: Unknown proposal #0: there are \d+ proposals\.$/);
    await refused(["status", "123456789123456789"], /^Error: Unknown proposal 123456789123456789\.$/);
    await refused(["--as", "deployer", "queue", "0xdeadbeef"], /^Error: Unknown proposal 0xdeadbeef\.$/);
    await refused(["status", "seventeen"], /^Error: Invalid proposal id "seventeen": use #N, a decimal id or a 0x hex id\.$/);
  });

  it("refuses to queue a proposal that did not succeed, and to execute one that is not queued", async function () {
    await refused(["--as", "deployer", "queue", `#${no("defeated")}`], /^Error: Proposal #12 cannot be queued: it is Defeated, not Succeeded\. Nothing was sent\.$/);
    await refused(["--as", "deployer", "queue", `#${no("active")}`], /cannot be queued: it is Active, not Succeeded/);
    await refused(["--as", "deployer", "queue", `#${no("queued")}`], /cannot be queued: it is Queued, not Succeeded/);
    await refused(["--as", "deployer", "execute", `#${no("succeeded")}`], /^Error: Proposal #13 cannot be executed: it is Succeeded, not Queued\. Nothing was sent\.$/);
    await refused(["--as", "deployer", "execute", `#${no("canceled")}`], /cannot be executed: it is Canceled, not Queued/);
  });

  it("refuses to queue from an account that cannot pay for gas (anvil funds only accounts 0-9)", async function () {
    expect(await provider.getBalance(devAccount(15))).to.equal(0n);
    await refused(["--as", "15", "queue", `#${no("succeeded")}`], /^Error: queue: Not enough funds: the sending account cannot pay for this transaction \(gas and value\)\.( Nothing was sent\.)?$/);
  });

  it("status names what each action touches: documents by number and title, officials by their agency", async function () {
    const revoke = await ok(["status", `#${no("revokeDecree")}`]);
    const { number, title } = CATALOGUE.decreeWorkingGroup;
    expect(revoke.out.find((l) => /^\s+1\. /.test(l))).to.include(`No. ${number} "${title.en}"`);
    const seats = await ok(["status", `#${no("seatDigital")}`]);
    const first = seats.out.find((l) => /^\s+1\. /.test(l)) ?? "";
    expect(first).to.include(`${cast.candidates[1]} (official of agency ${AGENCY.digital}`);
  });

  it("queues the succeeded proposal, then refuses to execute it before the Timelock delay", async function () {
    const n = no("succeeded");
    const before = await mark();
    const queued = await ok(["--as", "deployer", "queue", `#${n}`]);
    expect(queued.out[0]).to.match(/^Queued #13 in tx 0x[0-9a-f]{64}; executable from \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$/);
    expect((await mark()).block).to.equal(before.block + 1);
    await refused(["--as", "deployer", "execute", `#${n}`], /^Error: The Timelock delay of proposal #13 has not passed: executable from \S+Z \(in \d+ s\)\. Nothing was sent\.$/);
  });

  // ── Treasury builders ──

  it("refuses an allocation larger than the escrow's free reserve", async function () {
    const free = await c.escrow.available(addresses.tenge);
    const tooMuch = `${free / 100n + 1n}`; // DKZT has 2 decimals
    const budget = tokenId("budget2026");
    const run = await refused(
      ["--as", "official1", "propose", "allocation", "--recipient", devAccount(12), "--budget", budget, "--milestone", `${tooMuch}@2030-01-01:Everything`, "--title", "Too much"],
      new RegExp(`^Error: Insufficient reserve: the escrow has ${free} token units of ${addresses.tenge} free, the milestones need ${(free / 100n + 1n) * 100n}\\. Nothing was sent\\.$`),
    );
    expect(run.out).to.deep.equal([]);
    await refused(["--as", "official1", "propose", "allocation", "--recipient", devAccount(12), "--budget", budget, "--title", "No milestones"], /^Error: An allocation needs at least one --milestone\.$/);
  });

  it("asks for --token when the deployment has no DigitalTenge, and checks --token", async function () {
    const dir = path.join(workDir, "deployment-without-tenge");
    await mkdir(dir);
    const deployed = JSON.parse(await readFile(path.join(deploymentDir, "deployed_addresses.json"), "utf8")) as Record<string, string>;
    delete deployed["DigitalTenge#DigitalTenge"];
    await writeFile(path.join(dir, "deployed_addresses.json"), JSON.stringify(deployed));
    const allocation = (extra: string[]) => [
      "--as", "official1", "propose", "allocation", "--recipient", devAccount(12), "--budget", tokenId("budget2026"), "--milestone", "1@2030-01-01:x", "--title", "t", ...extra,
    ];
    await refused(["--deployment-dir", dir, ...allocation([])], /^Error: This deployment has no DigitalTenge: name the ERC-20 with --token <address> \(or --token native\)\.$/);
    await refused(allocation(["--token", "native"]), /^Error: Insufficient reserve: the escrow has 0 token units of native coin free, the milestones need 1000000000000000000\. Nothing was sent\.$/);
    await refused(allocation(["--token", "dkzt"]), /^Error: Invalid token address "dkzt": expected a 0x address of 40 hex digits\.$/);
  });

  it("refuses an unknown allocation and an unknown milestone number", async function () {
    const count = await c.escrow.allocationCount();
    await refused(["--as", "official1", "propose", "release", "99", "0", "--title", "Release"], /^Error: Unknown allocation 99\. Nothing was sent\.$/);
    await refused(["--as", "official1", "propose", "release", "0", "0", "--title", "Release"], /^Error: Unknown allocation 0\. Nothing was sent\.$/);
    await refused(["--as", "official1", "propose", "release", `${count + 1n}`, "0", "--title", "Release"], new RegExp(`Unknown allocation ${count + 1n}\\.`));
    await refused(["--as", "official1", "propose", "cancel-allocation", "42", "--reason", "x", "--title", "Cancel"], /^Error: Unknown allocation 42\. Nothing was sent\.$/);
    await refused(["--as", "official1", "propose", "release", result.record.allocations.platform, "3", "--title", "Release"], /^Error: Allocation 1 has no milestone 3 \(it has 2, numbered from 1\)\. Nothing was sent\.$/);
    await refused(["--as", "official1", "propose", "release", result.record.allocations.platform, "0", "--title", "Release"], /^Error: Allocation 1 has no milestone 0 \(it has 2, numbered from 1\)\. Nothing was sent\.$/);
  });

  // ── Values checked while the arguments are read ──

  it("rejects an invalid vote word", async function () {
    await rejected(["--as", "official1", "vote", `#${no("active")}`, "maybe"], /argument 'support'.*Invalid vote "maybe": use for, against or abstain\.$/);
  });

  it("rejects invalid addresses, ids, hashes, durations and types", async function () {
    await rejected(["--as", "official1", "propose", "seat", "0x1234", "--agency", "1", "--position", "3", "--title", "t"], /Invalid official address "0x1234": expected a 0x address of 40 hex digits\./);
    await rejected(["--as", "official1", "propose", "allocation", "--recipient", "treasury", "--budget", tokenId("budget2026"), "--milestone", "1@2030-01-01:x", "--title", "t"], /option '--recipient <address>'.*Invalid recipient address "treasury"/);
    await rejected(["--as", "official1", "propose", "allocation", "--recipient", devAccount(12), "--budget", "0xabc", "--milestone", "1@2030-01-01:x", "--title", "t"], /Invalid budget document id "0xabc": expected 0x and 64 hex digits\./);
    await rejected(["--as", "official1", "propose", "seat", devAccount(12), "--agency", "-1", "--position", "3", "--title", "t"], /Invalid agency id "-1": expected a whole number\./);
    await rejected(["--as", "official1", "propose", "seat", devAccount(12), "--agency", "4294967296", "--position", "3", "--title", "t"], /Invalid agency id "4294967296": at most 4294967295\./);
    await rejected(["--as", "official1", "propose", "release", "first", "0", "--title", "t"], /Invalid allocation id "first": expected a whole number\./);
    await rejected(["--as", "registrar-finance", "revoke", "0xabc", "--reason", "r"], /Invalid document id "0xabc": expected 0x and 64 hex digits\./);
    await rejected(["warp", "5x"], /Invalid duration "5x": expected e\.g\. 90, 15m, 2h or 3d\./);
    await rejected(["--as", "registrar-finance", "mint", "x.txt", "--type", "decree", "--agency", "1", ...meta("X")], /Invalid document type "decree": use order, certificate, notice\./);
    await rejected(["--as", "registrar-finance", "revoke", tokenId("orderBudgetReports")], /required option '--reason <text>' not specified/);
    await rejected(["frobnicate"], /unknown command 'frobnicate'/);
  });

  it("refuses invalid milestone amounts and dates, an unknown setting, bad raw-call arguments and an agency without a key", async function () {
    const allocation = (milestone: string) => ["--as", "official1", "propose", "allocation", "--recipient", devAccount(12), "--budget", tokenId("budget2026"), "--milestone", milestone, "--title", "t"];
    await refused(allocation("lots@2030-01-01:x"), /^Error: Invalid milestone amount "lots": expected a number like 1500000 or 1500000\.50\.$/);
    await refused(allocation("0@2030-01-01:x"), /^Error: Invalid milestone amount "0": must be more than zero\.$/);
    await refused(allocation("1.234@2030-01-01:x"), /^Error: Invalid milestone amount "1\.234": at most 2 decimal places\.$/);
    await refused(allocation("100@2030-02-30:x"), /^Error: Invalid milestone deadline "2030-02-30": expected YYYY-MM-DD or a Unix time in seconds\.$/);
    await refused(allocation("100 by March"), /^Error: Invalid milestone "100 by March": expected <amount>@<YYYY-MM-DD>:<description>\.$/);
    await refused(["--as", "official1", "propose", "setting", "voting-speed", "5", "--title", "t"], /^Error: Unknown setting "voting-speed": use voting-delay, voting-period/);
    await refused(["--as", "official1", "propose", "raw", "--target", addresses.governor, "--signature", "setVotingDelay(uint48)", "--args", "[oops", "--title", "t"], /^Error: Invalid --args: not JSON \(\[oops\)\.$/);
    await refused(["--as", "official1", "propose", "raw", "--target", addresses.governor, "--signature", "setVotingDelay(uint48)", "--args", '{"delay":1}', "--title", "t"], /^Error: Invalid --args: expected a JSON array of arguments\.$/);
    await refused(["--as", "official1", "propose", "raw", "--target", addresses.governor, "--signature", "setVotingDelay", "--title", "t"], /^Error: Invalid --signature "setVotingDelay"/);
    await refused(["--as", "official1", "propose", "add-agency", "9", "Ministry of Tests", "--title", "t"], /^Error: add-agency needs --key-hash or --public-key\.$/);
    await refused(["--as", "official1", "propose", "seat", devAccount(12), "--agency", "1", "--position", "3", "--title", "   "], /^Error: A proposal needs a --title\.$/);
  });

  // ── Documents ──

  it("refuses a missing file and an empty (0-byte) file for mint", async function () {
    const missing = path.join(workDir, "no-such-order.pdf");
    await refused(["--as", "registrar-finance", "mint", missing, "--type", "order", "--agency", "1", ...meta("MF-T/1")], new RegExp(`^Error: Cannot read ${missing.replace(/\./g, "\\.")}: no such file\\.$`));
    const empty = await newFile("empty.txt", "");
    const listing = await storeListing();
    await refused(["--as", "registrar-finance", "mint", empty, "--type", "order", "--agency", "1", ...meta("MF-T/1")], /is empty: a document file must have content\.$/);
    await refused(["--as", "registrar-finance", "mint", workDir, "--type", "order", "--agency", "1", ...meta("MF-T/1")], /is not a file\.$/);
    await refused(["verify", missing], /^Error: Cannot read .*: no such file\.$/);
    expect(await storeListing()).to.deep.equal(listing);
  });

  it("refuses malformed metadata with a plain error and stores nothing", async function () {
    const file = await newFile("order-malformed.txt", "An order whose metadata is malformed.\n");
    const listing = await storeListing();
    const mint = (extra: string[], number = "MF-T/2") => ["--as", "registrar-finance", "mint", file, "--type", "order", "--agency", "1", ...meta(number, extra)];
    await refused(mint([], ""), /^Error: Malformed document metadata: number: must be a non-empty string\. Nothing was sent\.$/);
    await refused(mint([], "   "), /Malformed document metadata: number: must be a non-empty string/);
    await refused(mint(["--adopted", "31.12.2026"]), /^Error: Malformed document metadata: dates\.adopted: must be an ISO date \(YYYY-MM-DD\)\. Nothing was sent\.$/);
    await refused(mint(["--effective", "2026-02-30"]), /Malformed document metadata: dates\.effective: must be an ISO date/);
    expect(await storeListing(), "nothing stored in the content store").to.deep.equal(listing);
  });

  it("refuses a co-signing key file that is missing, malformed or not the agency's registered key", async function () {
    const file = await newFile("order-pq-key.txt", "An order co-signed with the wrong key.\n");
    const mint = (keyFile: string) => ["--as", "registrar-finance", "mint", file, "--type", "order", "--agency", "1", ...meta("MF-T/3", ["--pq-key", keyFile])];
    const missingKey = path.join(workDir, "no-such-key.json");
    const listing = await storeListing();
    await refused(mint(missingKey), new RegExp(`^Error: Cannot read the ML-DSA key file ${missingKey.replace(/\./g, "\\.")} \\(JSON with base64 publicKey and secretKey\\)\\.$`));
    await refused(mint(await newFile("key-fields.json", JSON.stringify({ publicKey: 1 }))), /^Error: The ML-DSA key file .*key-fields\.json needs base64 "publicKey" and "secretKey"\.$/);
    const digital = demoAgencyKeys(2);
    const wrongKey = await newFile(
      "key-digital.json",
      JSON.stringify({ publicKey: Buffer.from(digital.publicKey).toString("base64"), secretKey: Buffer.from(digital.secretKey).toString("base64") }),
    );
    await refused(mint(wrongKey), new RegExp(`^Error: The ML-DSA key given \\(sha-256 ${digital.publicKeyHash}\\) is not agency 1's registered key \\(0x[0-9a-f]{64}\\)\\.$`));
    expect(await storeListing()).to.deep.equal(listing);
  });

  it("refuses a registrar minting for another agency", async function () {
    const file = await newFile("order-wrong-agency.txt", "An order of the digital ministry, minted by the wrong registrar.\n");
    const listing = await storeListing();
    await refused(["--as", "registrar-finance", "mint", file, "--type", "order", "--agency", "2", ...meta("MDD-T/1")], new RegExp(`^Error: ${cast.financeRegistrar} is not a registrar of agency 2\\. Nothing was sent\\.$`));
    await refused(["--as", "registrar-finance", "mint", file, "--type", "order", "--agency", "9", ...meta("X-T/1")], /is not a registrar of agency 9\./);
    expect(await storeListing()).to.deep.equal(listing);
  });

  it("refuses to mint a file that is already registered (duplicate), storing nothing", async function () {
    const file = await catalogueFile("orderBudgetReports");
    const listing = await storeListing();
    await refused(
      ["--as", "registrar-finance", "mint", file, "--type", "order", "--agency", "1", ...meta("MF-2026/014-bis")],
      new RegExp(`^Error: Duplicate document: .*orderBudgetReports\\.txt \\(sha-256 ${tokenId("orderBudgetReports")}\\) is already registered\\. Nothing was sent\\.$`),
    );
    const decree = await catalogueFile("lawOpenBudget");
    await refused(["--as", "official1", "propose", "mint-decree", decree, "--type", "law", ...meta("L-2026/002-bis"), "--title", "Again"], /^Error: Duplicate document: .* is already registered\. Nothing was sent\.$/);
    expect(await storeListing(), "the refused duplicates left nothing in the content store").to.deep.equal(listing);
  });

  it("mints, amends and revokes an order as its agency's registrar", async function () {
    const first = await newFile("order-mf-t-10.txt", "Order MF-T/10: the treasury publishes a weekly cash report.\n");
    const minted = await ok(["--as", "registrar-finance", "mint", first, "--type", "order", "--agency", "1", ...meta("MF-T/10", ["--effective", "2027-01-01"])]);
    const firstId = sha256(await readFile(first));
    expect(minted.out[0]).to.match(new RegExp(`^Minted order MF-T/10 as document ${firstId} in tx 0x[0-9a-f]{64} \\(metadata ipfs://b[a-z2-7]+\\)\\.$`));

    const second = await newFile("order-mf-t-10-r1.txt", "Order MF-T/10-R1: the treasury publishes a daily cash report.\n");
    const amended = await ok(["--as", "registrar-finance", "amend", firstId, second, "--reason", "Daily instead of weekly.", ...meta("MF-T/10-R1")]);
    const secondId = sha256(await readFile(second));
    expect(amended.out[0]).to.match(new RegExp(`^Amended ${firstId} by ${secondId} in tx 0x[0-9a-f]{64}\\.$`));
    const again = await newFile("order-mf-t-10-r2.txt", "Order MF-T/10-R2.\n");
    await refused(["--as", "registrar-finance", "amend", firstId, again, "--reason", "Again.", ...meta("MF-T/10-R2")], new RegExp(`^Error: Document ${firstId} is Amended; only an Active document can be amended\\. Nothing was sent\\.$`));

    const revoked = await ok(["--as", "registrar-finance", "revoke", secondId, "--reason", "Superseded by the treasury law."]);
    expect(revoked.out[0]).to.match(new RegExp(`^Revoked ${secondId} in tx 0x[0-9a-f]{64}\\.$`));
    await refused(["--as", "registrar-finance", "revoke", secondId, "--reason", "Twice."], new RegExp(`^Error: Document ${secondId} is already revoked\\. Nothing was sent\\.$`));
  });

  it("refuses to amend a revoked, an amended or an unknown document", async function () {
    const file = await newFile("decree-new-version.txt", "A new version of a decree.\n");
    await refused(["--as", "registrar-finance", "amend", tokenId("decreeWorkingGroup"), file, "--reason", "Bring it back.", ...meta("D-2026/002-R1")], /is Revoked; only an Active document can be amended\. Nothing was sent\.$/);
    await refused(["--as", "registrar-finance", "amend", tokenId("decreePilot"), file, "--reason", "Another revision.", ...meta("D-2026/001-R2")], /is Amended; only an Active document can be amended\. Nothing was sent\.$/);
    const unknown = sha256(toUtf8Bytes("never registered"));
    await refused(["--as", "registrar-finance", "amend", unknown, file, "--reason", "x", ...meta("X")], new RegExp(`^Error: Unknown document ${unknown}\\. Nothing was sent\\.$`));
    await refused(["--as", "registrar-finance", "amend", tokenId("orderBudgetReports"), file, "--reason", "  ", ...meta("MF-2026/014-R1")], /^Error: An amendment needs a --reason\. Nothing was sent\.$/);
  });

  it("refuses to revoke with an empty reason, an already revoked or unknown document, or another agency's document", async function () {
    await refused(["--as", "registrar-finance", "revoke", tokenId("orderBudgetReports"), "--reason", ""], /^Error: A revocation needs a --reason\. Nothing was sent\.$/);
    await refused(["--as", "registrar-finance", "revoke", tokenId("orderBudgetReports"), "--reason", "   "], /A revocation needs a --reason/);
    await refused(["--as", "registrar-finance", "revoke", tokenId("decreeWorkingGroup"), "--reason", "Again."], /is already revoked\. Nothing was sent\.$/);
    const unknown = sha256(toUtf8Bytes("never registered either"));
    await refused(["--as", "registrar-finance", "revoke", unknown, "--reason", "x"], new RegExp(`^Error: Unknown document ${unknown}\\. Nothing was sent\\.$`));
    // The chain refuses it (UnauthorizedIssuer): the simulation before sending catches it, decoded into words.
    await refused(
      ["--as", "registrar-finance", "revoke", tokenId("orderCertificateRegister"), "--reason", "Not ours."],
      new RegExp(`^Error: revoke: ${cast.financeRegistrar} may not issue order documents of agency 2: not a registrar of that agency .* Nothing was sent\\.$`),
    );
  });

  // ── verify ──

  it("verify exits 0 for an Active document whose co-signature holds", async function () {
    const run = await ok(["verify", await catalogueFile("lawOpenBudget")]);
    expect(run.out[0]).to.equal("FOUND: law of Government of the Republic of Kazakhstan (agency 0), status Active");
    expect(run.out.join("\n")).to.match(/co-signature +valid ML-DSA-65 co-signature by agency 3 \(key 0x[0-9a-f]{8}…\)/);
    const json = await ok(["--json", "verify", await catalogueFile("orderBudgetReports")]);
    const parsed = JSON.parse(json.out.join("\n")) as { found: boolean; status: string; agencyId: number; coSignature: { checked: boolean; ok: boolean } };
    expect(parsed).to.deep.include({ found: true, status: "Active", agencyId: 1 });
    expect(parsed.coSignature).to.deep.include({ checked: true, ok: true });
  });

  it("verify exits 2 for a file that is not registered (an empty file too)", async function () {
    const stranger = await newFile("stranger.txt", "Not a registered document.\n");
    const run = await ok(["verify", stranger], 2);
    expect(run.out).to.deep.equal([`NOT FOUND: no document with sha-256 ${sha256(toUtf8Bytes("Not a registered document.\n"))} is registered on this chain.`]);
    await ok(["verify", await newFile("empty-verify.txt", "")], 2);
  });

  it("verify exits 3 for the seed's amended and revoked decrees", async function () {
    const amended = await ok(["verify", await catalogueFile("decreePilot")], 3);
    expect(amended.out[0]).to.equal("FOUND: decree of Government of the Republic of Kazakhstan (agency 0), status Amended");
    expect(amended.out.join("\n")).to.match(new RegExp(`AMENDED by +${tokenId("decreePilotRevised")} — "Extends the pilot to notices and certificate batches\\."`));
    const revoked = await ok(["verify", await catalogueFile("decreeWorkingGroup")], 3);
    expect(revoked.out[0]).to.equal("FOUND: decree of Government of the Republic of Kazakhstan (agency 0), status Revoked");
    expect(revoked.out.join("\n")).to.match(/REVOKED +"Replaced by the Law on open budget data \(L-2026\/002\)\."/);
    const revised = await ok(["verify", await catalogueFile("decreePilotRevised")], 0);
    expect(revised.out.join("\n")).to.match(new RegExp(`amends +${tokenId("decreePilot")}`));
  });

  it("verify handles a binary file, a 200 MB file and refuses one over 256 MiB with a plain error", async function () {
    const binary = path.join(workDir, "random.bin");
    await writeFile(binary, randomBytes(4096));
    expect((await ok(["verify", binary], 2)).out[0]).to.match(/^NOT FOUND: no document with sha-256 0x[0-9a-f]{64}/);
    const big = path.join(workDir, "big-200mb.bin");
    await writeFile(big, "");
    await truncate(big, 200 * 1024 * 1024); // sparse: reads as zeros, costs no disk
    expect((await ok(["verify", big], 2)).out[0]).to.include("NOT FOUND");
    const huge = path.join(workDir, "huge.bin");
    await writeFile(huge, "");
    await truncate(huge, 257 * 1024 * 1024);
    const refused = await gov(["verify", huge]);
    expect(refused.code).to.equal(1);
    expect(refused.err).to.deep.equal([`Error: File too large: ${huge} is ${257 * 1024 * 1024} bytes; the limit is ${256 * 1024 * 1024} bytes (256 MiB).`]);
    await rm(big);
    await rm(huge);
  });

  it("verify finds a certificate of the seed's Merkle-anchored batch (proof from the tree dump, checked by the registry)", async function () {
    const certificate = await newFile("certificate-00042.txt", certificateText(AGENCY.digital, "DL-2026", 42));
    const run = await ok(["verify", certificate], 0);
    expect(run.out[0]).to.equal("FOUND: certificate of Ministry of Digital Development (agency 2), status Active, member of a batch of 1000");
    expect(run.out.join("\n")).to.match(/batch +[^,\n]+, root 0x[0-9a-f]{64} \(Merkle proof checked by the registry\)/);
    expect(run.out.join("\n")).to.include("valid ML-DSA-65 co-signature of the batch root by agency 2");
    await ok(["verify", await newFile("certificate-forged.txt", certificateText(AGENCY.digital, "DL-2026", 1001))], 2);
  });

  it("verify exits 4 when the co-signature does not hold (forged signature; signature not the one anchored)", async function () {
    const registrar = await connection!.ethers.getSigner(cast.financeRegistrar);
    const documents = c.documents.connect(registrar);
    const signing = { store: openContentStore(contentDir), chainId: 31337n, registry: addresses.documents, keys: demoKeyring() };
    const description = {
      type: "order" as const,
      agency: { id: 1, name: "Ministry of Finance" },
      number: "MF-FORGED/1",
      title: { kk: "Жалған", ru: "Поддельный", en: "Forged" },
      dates: { adopted: "2026-06-01" },
      mediaType: "text/plain; charset=utf-8",
    };

    // 1. The metadata carries a signature with one byte flipped; the chain anchors that (forged) signature.
    const forgedBytes = toUtf8Bytes("An order whose co-signature was forged.\n");
    const prepared = await prepareDocumentFile(forgedBytes, description, signing);
    const signature = Buffer.from(prepared.metadata.coSignature.signature, "base64");
    signature[100] = (signature[100] ?? 0) ^ 0xff;
    const forgedMetadata = { ...prepared.metadata, coSignature: { ...prepared.metadata.coSignature, signature: signature.toString("base64") } };
    const stored = await signing.store.put(formatDocumentMetadata(forgedMetadata));
    await (await documents.issue(prepared.docType, 1, prepared.contentHash, stored.digest, signatureDigest(signature))).wait();
    const forged = await ok(["verify", await newFile("forged.txt", "An order whose co-signature was forged.\n")], 4);
    expect(forged.out[0]).to.equal("FOUND: order of Ministry of Finance (agency 1), status Active");
    expect(forged.out.join("\n")).to.match(/co-signature +INVALID: the ML-DSA-65 signature does not verify$/m);

    // 2. A genuine signature in the metadata, but another signature digest anchored on chain.
    const otherBytes = toUtf8Bytes("An order anchored with another signature digest.\n");
    const genuine = await prepareDocumentFile(otherBytes, { ...description, number: "MF-FORGED/2" }, signing);
    await (await documents.issue(genuine.docType, 1, genuine.contentHash, genuine.metadataDigest, sha256(toUtf8Bytes("another signature")))).wait();
    const mismatch = await ok(["verify", await newFile("mismatch.txt", "An order anchored with another signature digest.\n")], 4);
    expect(mismatch.out.join("\n")).to.match(/INVALID: the signature is not the one anchored on chain \(coSignatureDigest differs\)$/m);
  });

  it("verify does not claim a co-signature it could not check (metadata or key missing or corrupted in the content store)", async function () {
    const file = await catalogueFile("lawOpenBudget");
    const emptyStore = path.join(workDir, "empty-store");
    await mkdir(emptyStore);
    const noMetadata = await ok(["verify", file], 0, { contentDir: emptyStore });
    expect(noMetadata.out.join("\n")).to.match(/co-signature +not checked: metadata b[a-z2-7]+ is not in the content store/);

    // Only the metadata, and the Office's key blob replaced by other bytes: the store refuses the altered blob.
    const partial = path.join(workDir, "corrupted-store");
    await mkdir(partial);
    const metadataCid = result.record.documents.lawOpenBudget?.metadataCid ?? "";
    await copyFile(path.join(contentDir, metadataCid), path.join(partial, metadataCid));
    const keyCid = cidFromDigest((await c.agencies.agency(3)).pqKeyHash);
    await writeFile(path.join(partial, keyCid), "not the Office's ML-DSA public key");
    const corrupted = await ok(["verify", file], 0, { contentDir: partial });
    expect(corrupted.out.join("\n")).to.match(/co-signature +not checked: agency 3's public key b[a-z2-7]+ in the content store is corrupted \(its sha-256 differs from the CID\)/);
  });

  // ── simulate ──

  it("proposes a release of an already released milestone, and simulate exits 5: the action REVERTS", async function () {
    const platform = result.record.allocations.platform;
    const countBefore = await proposalCount();
    const proposed = await ok(["--as", "official1", "propose", "release", platform, "1", "--title", "Release the design milestone again", "--rationale", "A test of the simulator."]);
    expect(proposed.out[1]).to.contain("Release milestone 1 of allocation 1");
    expect(proposed.out.at(-2)).to.match(new RegExp(`^Proposed #${countBefore + 1} \\(id \\d+\\) in tx 0x[0-9a-f]{64}\\.$`));
    expect(await proposalCount()).to.equal(countBefore + 1);

    const before = await mark();
    const run = await ok(["simulate", `#${countBefore + 1}`], 5);
    expect(run.out[0]).to.equal(`Proposal #${countBefore + 1} — Release the design milestone again (Pending)`);
    expect(run.out.join("\n")).to.match(/action 1: REVERTS — Milestone 0 of allocation 1 is already Released\./);
    expect(run.out.at(-1)).to.equal("At least one action reverts: this proposal would fail to execute.");
    expect(await mark(), "simulate only reads the live chain").to.deep.equal(before);

    const json = await ok(["--json", "simulate", `#${countBefore + 1}`], 5);
    const parsed = JSON.parse(json.out.join("\n")) as { ok: boolean; actions: { ok: boolean; error?: string }[] };
    expect(parsed.ok).to.equal(false);
    expect(parsed.actions[0]?.error).to.contain("already Released");
  });

  it("simulate exits 0 when every action succeeds", async function () {
    const run = await ok(["simulate", `#${no("succeeded")}`], 0);
    expect(run.out.join("\n")).to.match(/action 1: ok \(\d+ gas\)/).and.match(/event DocumentIssued\(/);
    expect(run.out.at(-1)).to.equal("Every action succeeds.");
  });

  it("propose --simulate refuses to propose when the simulation reverts, and sends nothing", async function () {
    const countBefore = await proposalCount();
    const run = await refused(
      ["--as", "official1", "propose", "release", result.record.allocations.platform, "1", "--title", "Release it a third time", "--simulate"],
      /^Error: The simulation reverts: not proposing\. Fix the actions, or propose anyway without --simulate\.$/,
    );
    expect(run.out.join("\n")).to.contain("REVERTS — Milestone 0 of allocation 1 is already Released.");
    expect(await proposalCount()).to.equal(countBefore);
  });

  it("propose --dry-run prints the actions and sends nothing, even without a signer", async function () {
    const before = await mark();
    const run = await ok(["propose", "setting", "voting-delay", "60", "--title", "Longer delay", "--dry-run"]);
    expect(run.out).to.deep.equal(['Proposal "Longer delay" will execute:', `  1. Set the voting delay to 60 s  [GovernmentGovernor.setVotingDelay(newVotingDelay=60)]`, "Dry run: nothing was sent."]);
    expect(await mark()).to.deep.equal(before);
    const token = "0x00000000000000000000000000000000000000aa";
    const allow = await ok(["propose", "allow-token", token, "--disallow", "--title", "Drop a token", "--dry-run"]);
    expect(allow.out[1]).to.match(new RegExp(`^  1\\. Disallow token ${token} in the escrow  \\[BudgetEscrow\\.setTokenAllowed\\(token=${token}, allowed=false\\)\\]$`, "i"));
    await refused(["propose", "setting", "voting-delay", "60", "--title", "Longer\ndelay", "--dry-run"], /^Error: A proposal's --title is one line: no line breaks or control characters\. Nothing was sent\.$/);
    await refused(["propose", "setting", "voting-delay", "60", "--title", "Longer\x1b[2Kdelay", "--dry-run"], /--title is one line/);
  });

  it("proposes a guardian recall that the sitting guardian cannot cancel", async function () {
    const dry = await ok(["propose", "guardian", "none", "--title", "Remove the guardian", "--dry-run"]);
    expect(dry.out[1]).to.match(/^ {2}1\. Remove the proposal guardian {2}\[GovernmentGovernor\.setProposalGuardian\(/);
    const countBefore = await proposalCount();
    await ok(["--as", "official1", "propose", "guardian", "none", "--title", "Recall the guardian", "--rationale", "It cancelled a passed budget."]);
    expect(await proposalCount()).to.equal(countBefore + 1);
    const id = await c.governor.proposalIdAt(countBefore);
    expect(await c.governor.isGuardianRecall(id)).to.equal(true);

    // The description ends with OpenZeppelin's `#proposer=` suffix (issue 15): no other official can submit the same
    // recall first, become its proposer and cancel it while Pending.
    const shown = JSON.parse((await ok(["--json", "status", `#${countBefore + 1}`])).out.join("\n")) as { title: string; description: string; actions: { target: string; value: string; data: string }[] };
    expect(shown.description).to.equal(`# Recall the guardian\n\nIt cancelled a passed budget.\n\n#proposer=${cast.officials[0]}`);
    expect(shown.title).to.equal("Recall the guardian");
    const text = await ok(["status", `#${countBefore + 1}`]);
    expect(text.out.at(-1)).to.equal("  rationale   It cancelled a passed budget."); // the suffix is not shown as rationale
    const other = c.governor.connect(devWallet("official2").connect(provider));
    let refusal = "";
    try {
      await other.propose.staticCall(shown.actions.map((a) => a.target), shown.actions.map((a) => BigInt(a.value)), shown.actions.map((a) => a.data), shown.description);
    } catch (error) {
      refusal = (error as { revert?: { name?: string } }).revert?.name ?? String(error);
    }
    expect(refusal).to.equal("GovernorRestrictedProposer");
  });

  // ── A chain that is not the local one ──

  it("refuses warp and --as on a chain that is not the local chain 31337 (a fork with chain id 1337)", async function () {
    const fork = await startAnvil({ port: await freePort(), chainId: 1337, extraArgs: ["--fork-url", anvil?.rpcUrl ?? ""] });
    extraChains.push(fork);
    const forkProvider = new JsonRpcProvider(fork.rpcUrl, Network.from(1337), { staticNetwork: true, cacheTimeout: -1 });
    providers.push(forkProvider);
    const on = { rpc: fork.rpcUrl, chain: forkProvider };
    // The deployment is there (same addresses): reading works.
    const status = await ok(["status", `#${no("active")}`], 0, on);
    expect(status.out[0]).to.match(/^Proposal #16 — /);
    await refused(["warp", "1h"], /^Error: warp works only on the local chain 31337; chain 1337 keeps real time\.$/, on);
    await refused(["--as", "official4", "vote", `#${no("active")}`, "for"], /^Error: --as uses anvil's public development keys and works only on the local chain 31337; use GOV_PRIVATE_KEY or --key-file <path>\.$/, on);
    const file = await newFile("order-on-1337.txt", "An order for another chain.\n");
    process.env.GOV_PRIVATE_KEY = devWallet("registrar-finance").privateKey; // the signer from the environment
    try {
      await refused(
        ["mint", file, "--type", "order", "--agency", "1", ...meta("MF-T/1337")],
        /^Error: Documents are co-signed with the agency's ML-DSA key: give it with --pq-key <file> \(demo keys exist only on the local chain\)\.$/,
        on,
      );
    } finally {
      delete process.env.GOV_PRIVATE_KEY;
    }
  });

  // ── Output of the read commands ──

  it("status lists every proposal, as a table and as JSON", async function () {
    const count = await proposalCount();
    const table = await ok(["status"]);
    expect(table.out[0]).to.equal("   #  state      for against abstain  title");
    expect(table.out).to.have.length(count + 1);
    expect(table.out[no("defeated")]).to.match(/^ {2}12 {2}Defeated +2 +3 +1 {2}Law L-2026\/003: On mandatory paper duplicates/);
    const json = await ok(["--json", "status"]);
    const rows = JSON.parse(json.out.join("\n")) as { number: number; state: string; id: string }[];
    expect(rows.map((r) => r.number)).to.deep.equal(Array.from({ length: count }, (_, i) => i + 1));
    expect(rows[no("pending") - 1]?.id).to.equal(result.record.proposals.pending);
    expect(new Set(rows.map((r) => r.state))).to.include.members(["Executed", "Defeated", "Queued", "Canceled", "Active"]);
  });

  it("status #N --json parses, with the decoded actions", async function () {
    const run = await ok(["--json", "status", `#${no("release")}`]);
    const p = JSON.parse(run.out.join("\n")) as { number: number; state: string; decodedActions: string[]; votes: Record<string, string>; actions: unknown[] };
    expect(p.number).to.equal(no("release"));
    expect(p.state).to.equal("Executed");
    expect(p.actions).to.have.length(1);
    expect(p.decodedActions[0]).to.match(/^Release milestone 1 of allocation 1 {2}\[BudgetEscrow\.releaseMilestone\(/);
    const byId = await ok(["--json", "status", result.record.proposals.release ?? ""]);
    expect(JSON.parse(byId.out.join("\n"))).to.deep.equal(p);
    const text = await ok(["status", `#${no("active")}`]);
    expect(text.out).to.include.members(["  state       Active"]);
  });

  it("roles exits 0 and says that only the Timelock and the Governor hold roles", async function () {
    const run = await ok(["roles"]);
    expect(run.out.join("\n")).to.contain("Council (6 seat(s)): vote and propose");
    expect(run.out.at(-1)?.trim()).to.equal("No role is held by anyone but the Timelock and the Governor.");
  });

  it("export writes five JSON files of the public record", async function () {
    const dir = path.join(workDir, "export");
    const run = await ok(["export", "--out", dir]);
    expect(run.out).to.have.length(5);
    expect((await readdir(dir)).sort()).to.deep.equal(["agencies.json", "allocations.json", "documents.json", "officials.json", "proposals.json"]);
    const read = async <T>(name: string): Promise<T> => JSON.parse(await readFile(path.join(dir, `${name}.json`), "utf8")) as T;
    const proposals = await read<{ chainId: number; proposals: unknown[] }>("proposals");
    expect(proposals.chainId).to.equal(31337);
    expect(proposals.proposals).to.have.length(await proposalCount());
    expect((await read<{ officials: unknown[] }>("officials")).officials).to.have.length(6);
    expect((await read<{ allocations: unknown[] }>("allocations")).allocations).to.have.length(2);
    expect((await read<{ agencies: unknown[] }>("agencies")).agencies).to.have.length(3);
    const docs = (await read<{ documents: { id: string; status: string }[] }>("documents")).documents;
    expect(docs.find((d) => d.id === tokenId("decreeWorkingGroup"))?.status).to.equal("Revoked");
  });

  // ── Untrusted text (issue 18): what the chain holds is printed with its control and bidi characters visible ──

  it("status and verify print hostile titles, rationales and reasons with every ANSI, CR and bidi character escaped", async function () {
    // Raw terminal controls (newlines aside: JSON output spans lines) and bidi controls.
    // eslint-disable-next-line no-control-regex
    const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const clean = (run: Run) => {
      for (const line of [...run.out, ...run.err]) expect(line, JSON.stringify(line)).to.not.match(RAW);
    };
    // A proposal made straight on the chain (not through the CLI): cursor-up + erase-line in the title, concealed
    // text, a carriage return faking a state line and a right-to-left override in the rationale.
    const title = "Routine\x1b[2A\x1b[2K\u202eyaled gnitov\u202c";
    const rationale = "Harmless.\x1b[8m concealed\x1b[0m\r  state       Executed\n\u009b2J\u2066second line\u2069";
    const official = devWallet("official1").connect(provider);
    const governor = c.governor.connect(official);
    const call = c.governor.interface.encodeFunctionData("setVotingDelay", [7]);
    await (await governor.propose([addresses.governor], [0n], [call], `# ${title}\n\n${rationale}`)).wait();
    const n = await proposalCount();

    const shown = await ok(["status", `#${n}`]);
    clean(shown);
    expect(shown.out[0]).to.equal(`Proposal #${n} — Routine\\x1b[2A\\x1b[2K\\u202eyaled gnitov\\u202c`);
    expect(shown.out).to.include("    1. Set the voting delay to 7 s  [GovernmentGovernor.setVotingDelay(newVotingDelay=7)]");
    expect(shown.out.filter((l) => /^ {2}state /.test(l))).to.deep.equal(["  state       Pending"]);
    // The rationale's own newline is kept (indented); nothing else breaks or moves a line.
    expect(shown.out.at(-1)).to.equal("  rationale   Harmless.\\x1b[8m concealed\\x1b[0m\\x0d  state       Executed\n              \\x9b2J\\u2066second line\\u2069");
    const table = await ok(["status"]);
    clean(table);
    expect(table.out[n]).to.match(/Routine\\x1b\[2A/);
    const json = await ok(["--json", "status", `#${n}`]);
    clean(json);
    expect((JSON.parse(json.out.join("\n")) as { title: string }).title).to.equal(title);

    // An agency name in a decoded action.
    const dry = await ok(["propose", "add-agency", "9", "Ministry\x1b[1A\x1b[2K of \u202eecnaniF", "--key-hash", `0x${"ab".repeat(32)}`, "--title", "Agency", "--dry-run"]);
    clean(dry);
    expect(dry.out[1]).to.contain('Add agency 9 "Ministry\\x1b[1A\\x1b[2K of \\u202eecnaniF"');

    // Amendment and revocation reasons that try to fake verify's own lines.
    const fake = "\r\x1b[2K  co-signature        valid ML-DSA-65 co-signature\n  status Active\u202e";
    const first = await newFile("order-hostile-1.txt", "Order MF-T/66.\n");
    await ok(["--as", "registrar-finance", "mint", first, "--type", "order", "--agency", "1", ...meta("MF-T/66")]);
    const second = await newFile("order-hostile-2.txt", "Order MF-T/66-R1.\n");
    await ok(["--as", "registrar-finance", "amend", sha256(await readFile(first)), second, "--reason", `Typo.${fake}`, ...meta("MF-T/66-R1")]);
    await ok(["--as", "registrar-finance", "revoke", sha256(await readFile(second)), "--reason", `Void.${fake}`]);
    const amended = await ok(["verify", first], 3);
    clean(amended);
    expect(amended.out.filter((l) => /co-signature/.test(l) && !/AMENDED/.test(l))).to.have.length(1);
    expect(amended.out.join("\n")).to.contain('— "Typo.\\x0d\\x1b[2K  co-signature        valid ML-DSA-65 co-signature\\x0a  status Active\\u202e"');
    const revoked = await ok(["verify", second], 3);
    clean(revoked);
    expect(revoked.out.filter((l) => /^ {2}REVOKED/.test(l))).to.deep.equal([
      '  REVOKED             "Void.\\x0d\\x1b[2K  co-signature        valid ML-DSA-65 co-signature\\x0a  status Active\\u202e"',
    ]);
    const revokedJson = await ok(["--json", "verify", second], 3);
    clean(revokedJson);
    expect((JSON.parse(revokedJson.out.join("\n")) as { reason: string }).reason).to.equal(`Void.${fake}`);
  });

  // ── Appeals ──

  const APPEAL_TEXT = "Приказ о квартальных отчётах требует подать отчёт за пять рабочих дней; районным акиматам нужно десять.";
  const APPEAL_REASONS = "Срок задан Бюджетным кодексом; приказ его только повторяет, и менять его может лишь закон.";

  it("files an appeal with a new key only its owner can read, reads it back from the chain, and a Finance registrar answers it", async function () {
    const keyFile = path.join(workDir, "appeal-key.txt");
    const filed = await ok(["--as", "treasurer", "appeal", "file", "document", tokenId("orderBudgetReports"), "--text", APPEAL_TEXT, "--key-out", keyFile]);
    const id = (await c.appeals.appealCount()).toString();
    expect(filed.out[0]).to.match(new RegExp(`^Appeal No\\. ${id} filed in tx 0x[0-9a-f]{64}: agency 1 must answer by \\d{4}-\\d{2}-\\d{2}T`));
    expect((await stat(keyFile)).mode & 0o777).to.equal(0o600);
    const key = (await readFile(keyFile, "utf8")).trim();
    expect((await c.appeals.appeal(id)).filer).to.equal(new Wallet(key).address, "the key file holds the key that signed");
    const status = JSON.parse((await ok(["--json", "appeal", "status", id])).out.join("\n")) as Record<string, unknown>;
    expect([status.state, status.respondent, status.text, status.overdue]).to.deep.equal(["filed", "agency 1", APPEAL_TEXT, false]);

    const added = await ok(["--as", "treasurer", "appeal", "follow-up", id, "--appeal-key", keyFile, "--text", "Прилагаю график отчётов районных акиматов."]);
    expect(added.out[0]).to.match(new RegExp(`^Message added to appeal No\\. ${id} in tx 0x[0-9a-f]{64}\\.$`));
    expect(await c.appeals.queryFilter(c.appeals.filters.AppealFollowedUp(BigInt(id)), 0, "latest")).to.have.length(1);
    const answered = await ok(["--as", "registrar-finance", "appeal", "answer", id, "--outcome", "rejected", "--reasons", APPEAL_REASONS]);
    expect(answered.out[0]).to.match(new RegExp(`^Appeal No\\. ${id} answered \\(rejected\\) in tx 0x[0-9a-f]{64}\\.$`));
    const after = JSON.parse((await ok(["--json", "appeal", "status", id])).out.join("\n")) as Record<string, unknown>;
    expect([after.state, after.outcome, after.reasons]).to.deep.equal(["answered", "rejected", APPEAL_REASONS]);
  });

  it("refuses personal data, an unknown act, an existing key file and another agency's registrar, and sends nothing", async function () {
    const keyFile = path.join(workDir, "appeal-key-2.txt");
    await refused(["--as", "treasurer", "appeal", "file", "document", tokenId("orderBudgetReports"), "--text", `${APPEAL_TEXT} Тел. +7 701 234 56 78`, "--key-out", keyFile], /personal data .*phone/);
    await refused(["--as", "treasurer", "appeal", "file", "document", `0x${"ab".repeat(32)}`, "--text", APPEAL_TEXT, "--key-out", keyFile], /There is no document 0xabab/);
    await refused(["--as", "treasurer", "appeal", "file", "proposal", "12345", "--text", APPEAL_TEXT, "--key-out", keyFile], /There is no proposal 12345/);
    await writeFile(keyFile, "kept\n");
    await refused(["--as", "treasurer", "appeal", "file", "document", tokenId("orderBudgetReports"), "--text", APPEAL_TEXT, "--key-out", keyFile], /never written over/);
    expect(await readFile(keyFile, "utf8")).to.equal("kept\n");
    const overdue = result.record.appeals.overdue ?? "";
    await refused(["--as", "registrar-digital", "appeal", "answer", overdue, "--outcome", "upheld", "--reasons", APPEAL_REASONS], /may not act for agency 1 on this appeal/);
    await refused(["appeal", "status", "999"], /There is no appeal No\. 999/);
    // Withdrawing needs the key that filed it: another key (even one only its owner reads) is refused.
    const stranger = path.join(workDir, "stranger-key.txt");
    await writeFile(stranger, `${Wallet.createRandom().privateKey}\n`, { mode: 0o600 });
    await refused(["--as", "treasurer", "appeal", "withdraw", overdue, "--appeal-key", stranger], /did not file appeal No\. /);
  });

  it("the filer withdraws a pending appeal with its key file", async function () {
    const keyFile = path.join(workDir, "appeal-key-3.txt");
    await ok(["--as", "treasurer", "appeal", "file", "document", tokenId("orderTengeAccounting"), "--text", APPEAL_TEXT, "--key-out", keyFile]);
    const id = (await c.appeals.appealCount()).toString();
    const run = await ok(["--as", "treasurer", "appeal", "withdraw", id, "--appeal-key", keyFile]);
    expect(run.out[0]).to.match(new RegExp(`^Appeal No\\. ${id} withdrawn in tx 0x[0-9a-f]{64}\\.$`));
    expect((await c.appeals.appeal(id)).state).to.equal(5n);
  });

  it("proposes holidays for the appeals calendar, shown as dates, and refuses a date that is not one", async function () {
    const run = await ok(["propose", "holidays", "2031-03-21", "2031-03-24", "--title", "Nauryz 2031", "--dry-run"]);
    expect(run.out.join("\n"), run.out.join("\n")).to.contain("Declare 2031-03-21, 2031-03-24 public holidays in the appeals calendar");
    await refused(["propose", "holidays", "2031-02-30", "--title", "No such day", "--dry-run"], /not a calendar date/);
  });

  it("proposes the council's answer to an appeal against a proposal, shown as a sentence", async function () {
    const appeal = result.record.appeals.proposal ?? "";
    const run = await ok(["propose", "answer-appeal", appeal, "--outcome", "rejected", "--reasons", APPEAL_REASONS, "--title", "Answer the appeal", "--dry-run"]);
    expect(run.out.join("\n"), run.out.join("\n")).to.contain(`Answer appeal No. ${appeal}: rejected`);
  });

  // ── Last: moving the clock ──

  it("warp moves the local clock; then the queued proposal executes", async function () {
    const before = await provider.getBlock("latest");
    const run = await ok(["warp", "2m"]);
    const after = await provider.getBlock("latest");
    expect(after?.number).to.equal((before?.number ?? 0) + 1);
    expect((after?.timestamp ?? 0) - (before?.timestamp ?? 0)).to.be.at.least(120);
    expect(run.out[0]).to.equal(`Chain time is now ${new Date((after?.timestamp ?? 0) * 1000).toISOString()} (block ${after?.number}).`);

    const executed = await ok(["--as", "deployer", "execute", `#${no("succeeded")}`]);
    expect(executed.out[0]).to.match(/^Executed #13 "Decree D-2026\/003: On the roadmap of the open data portal" in tx 0x[0-9a-f]{64}\.$/);
    expect(await c.governor.state(result.record.proposals.succeeded ?? "0")).to.equal(7n); // Executed
  });
});
