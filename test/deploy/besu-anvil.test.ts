/**
 * The full Ignition deployment and a governance lifecycle on an anvil configured like the generated Besu QBFT
 * network, through the path a Besu operator uses: a `.env` with BESU_RPC_URL + DEPLOYER_PRIVATE_KEY, read by the
 * hardhat `besu` network (hardhat.config.ts, configVariable).
 *
 * anvil stands in for Besu (which cannot be installed here): it is started from the generated genesis.json
 * (`--init`: chain id, gas limit, timestamp, zero base fee) with `--base-fee 0 --gas-price 0`, the genesis gas limit
 * `--hardfork cancun` (the genesis' last fork) and `--no-priority-fee` (so that eth_gasPrice answers 0, as on a free-gas
 * Besu node). What anvil does NOT reproduce: QBFT itself (validators,
 * 2-second blocks, instant finality), permissioning (allow-lists) and Besu's fee oracle (anvil answers
 * eth_maxPriorityFeePerGas with 1 gwei; the officials' wallets here send legacy zero-price transactions).
 *
 *   npx hardhat test mocha test/deploy/besu-anvil.test.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { type HDNodeWallet, JsonRpcProvider, Wallet, id as keccakId, sha256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";
import Mustache from "mustache";
import yaml from "js-yaml";

import { checkGenesis } from "../../deploy/besu/lib/genesis.js";
import { generateNetwork } from "../../deploy/besu/lib/network.js";
import { mergeAllowlists, parsePermissions, renderPermissions } from "../../deploy/besu/lib/permissions.js";
import { registryAccounts } from "../../deploy/besu/lib/registry-accounts.js";
import { graphNodeSteps } from "../../deploy/graph-node/deploy-subgraph.js";
import GovernmentDAO from "../../ignition/modules/GovernmentDAO.js";
import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { type GovernmentContracts, action } from "../../scripts/lib/contracts.js";
import { DEMO_BOUNDS } from "@government-dao/devchain/demo-cast";
import { INDEXED_CONTRACTS } from "@government-dao/core/contracts";
import type { GovernmentAddresses } from "@government-dao/core/deployment";
import { auditRoles } from "../../scripts/lib/roles-audit.js";
import { configFromDeployment } from "../../subgraph/scripts/config.js";
import {
  AgencyRegistry__factory,
  Appeals__factory,
  SigningKeyRegistry__factory,
  BudgetEscrow__factory,
  DocumentRegistry__factory,
  GovernmentGovernor__factory,
  OfficialSeats__factory,
  GovernmentTimelock__factory,
} from "../../types/ethers-contracts/index.js";

const SETTINGS = { timelockMinDelay: 60, votingDelay: 1, votingPeriod: 120, quorumPercent: 50, lateQuorumExtension: 10 } as const;
const FINANCE = 1;
const HEALTH = 4;
const FOR = 1;
const ORDER = 3;

describe("deployment and governance on an anvil configured like the Besu QBFT network", function () {
  this.timeout(120_000);

  let dir = "";
  let anvil: Anvil | undefined;
  let connection: NetworkConnection | undefined;
  let provider: JsonRpcProvider | undefined;
  let deploymentDir = "";
  const savedEnv = { BESU_RPC_URL: process.env.BESU_RPC_URL, DEPLOYER_PRIVATE_KEY: process.env.DEPLOYER_PRIVATE_KEY };
  let chainId = 0;
  let gasLimit = 0n;
  let c: Omit<GovernmentContracts, "tenge">;
  let addresses: GovernmentAddresses;
  // Officials, registrars and a keeper: fresh keys with NO balance (free gas).
  const officials = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
  const financeRegistrar = Wallet.createRandom();
  const healthOfficial = Wallet.createRandom();
  const healthRegistrar = Wallet.createRandom();
  const keeper = Wallet.createRandom();

  before(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-besu-"));
    const generated = await generateNetwork({
      out: path.join(dir, "network"),
      settings: { chainId: 3980, blockPeriodSeconds: 2, requestTimeoutSeconds: 4, epochLength: 30_000, gasLimit: 30_000_000n, timestamp: Math.floor(Date.now() / 1000) },
      accounts: [...officials.map((o) => o.address), financeRegistrar.address, keeper.address],
    });
    const genesisFile = path.join(generated.dir, "genesis.json");
    const facts = checkGenesis(await readFile(genesisFile, "utf8"));
    chainId = facts.chainId;
    gasLimit = facts.gasLimit;
    anvil = await startAnvil({
      port: await freePort(),
      chainId,
      extraArgs: ["--init", genesisFile, "--base-fee", "0", "--gas-price", "0", "--gas-limit", gasLimit.toString(), "--hardfork", "cancun", "--no-priority-fee"],
    });

    // The operator's .env: BESU_RPC_URL from besu.env, the deployer key from deployer/key.
    const envFile = path.join(dir, ".env");
    const besuEnv = (await readFile(path.join(generated.dir, "besu.env"), "utf8")).replace(/^BESU_RPC_URL=.*$/m, `BESU_RPC_URL=${anvil.rpcUrl}`);
    const deployerKey = (await readFile(path.join(generated.dir, "deployer", "key"), "utf8")).trim();
    await writeFile(envFile, `${besuEnv}DEPLOYER_PRIVATE_KEY=${deployerKey}\n`, { mode: 0o600 });
    process.loadEnvFile(envFile);
    connection = await network.create({ network: "besu" });

    const deploymentId = `besu-anvil-test-${process.pid}-${Date.now()}`;
    deploymentDir = path.join("ignition", "deployments", deploymentId);
    const parameters = {
      GovernmentDAO: {
        ...SETTINGS,
        ...DEMO_BOUNDS,
        escrowTokens: [] as string[],
        genesisAgencies: [{ id: FINANCE, name: "Ministry of Finance", pqKeyHash: sha256(toUtf8Bytes("finance key")), registrars: [financeRegistrar.address] }],
        genesisSeats: officials.map((o, i) => ({ official: o.address, agencyId: FINANCE, position: i + 1 })),
      },
    };
    const system = await connection.ignition.deploy(GovernmentDAO, { parameters, deploymentId, displayUi: false });
    addresses = {
      timelock: system.timelock.target as string,
      agencies: system.agencies.target as string,
      seats: system.seats.target as string,
      documents: system.documents.target as string,
      escrow: system.escrow.target as string,
      governor: system.governor.target as string,
      appeals: system.appeals.target as string,
      signingKeys: system.signingKeys.target as string,
    };
    provider = new JsonRpcProvider(anvil.rpcUrl, undefined, { staticNetwork: true, pollingInterval: 50, cacheTimeout: -1 });
    c = {
      timelock: GovernmentTimelock__factory.connect(addresses.timelock, provider),
      agencies: AgencyRegistry__factory.connect(addresses.agencies, provider),
      seats: OfficialSeats__factory.connect(addresses.seats, provider),
      documents: DocumentRegistry__factory.connect(addresses.documents, provider),
      escrow: BudgetEscrow__factory.connect(addresses.escrow, provider),
      governor: GovernmentGovernor__factory.connect(addresses.governor, provider),
      appeals: Appeals__factory.connect(addresses.appeals, provider),
      signingKeys: SigningKeyRegistry__factory.connect(addresses.signingKeys, provider),
    };
  });

  after(async function () {
    provider?.destroy();
    await connection?.close().catch(() => undefined);
    await anvil?.stop();
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (deploymentDir) await rm(deploymentDir, { recursive: true, force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("reaches the chain through the hardhat `besu` network with the genesis chain id, gas limit and zero base fee", async function () {
    expect(connection?.networkName).to.equal("besu");
    expect((await connection!.ethers.provider.getNetwork()).chainId).to.equal(BigInt(chainId));
    const block = await provider!.getBlock("latest");
    expect(block?.gasLimit).to.equal(gasLimit);
    expect(block?.baseFeePerGas).to.equal(0n);
    const [deployer] = await connection!.ethers.getSigners();
    expect(deployer?.address).to.equal((JSON.parse(await readFile(path.join(dir, "network", "network.json"), "utf8")) as { deployer: string }).deployer);
  });

  it("deploys the whole system with Ignition from a deployer holding no coin, and leaves it no role", async function () {
    const [deployer] = await connection!.ethers.getSigners();
    expect(await provider!.getBalance(deployer!.address)).to.equal(0n);
    expect(await provider!.getTransactionCount(deployer!.address)).to.be.greaterThan(6);
    for (const address of Object.values(addresses)) expect((await provider!.getCode(address)).length).to.be.greaterThan(2);
    expect(await c.seats.totalSupply()).to.equal(3n);
    const audit = await auditRoles(provider!, addresses);
    expect(audit.violations).to.deep.equal([]);
  });

  it("admits a new ministry by one proposal (agency + registrar + seat), voted and executed by zero-balance accounts", async function () {
    const pqKeyHash = sha256(toUtf8Bytes("health ML-DSA public key"));
    const actions = [
      action(c.agencies, "addAgency", [{ id: HEALTH, name: "Ministry of Health", pqKeyHash, registrars: [healthRegistrar.address] }]),
      action(c.seats, "issue", [healthOfficial.address, HEALTH, 1]),
    ];
    const description = "Admit the Ministry of Health: agency 4, one registrar, one seat";
    const targets = actions.map((a) => a.target);
    const values = actions.map((a) => a.value);
    const calldatas = actions.map((a) => a.data);
    const signer = (w: HDNodeWallet) => w.connect(provider!);
    const governor = (w: HDNodeWallet) => c.governor.connect(signer(w));

    const gasUsed: Record<string, bigint> = {};
    const send = async (label: string, tx: Promise<{ wait: () => Promise<{ gasUsed: bigint; gasPrice: bigint } | null> }>) => {
      const receipt = await (await tx).wait();
      gasUsed[label] = receipt?.gasUsed ?? 0n;
      expect(receipt?.gasPrice, `${label} paid no fee`).to.equal(0n);
    };
    // The seats count from the second after their issue (the Governor reads votes at clock() - 1): on Besu a 2-second
    // block period separates deployment and proposal; on anvil the clock is moved by one block period.
    await increaseTime(2);
    await send("propose", governor(officials[0]!).propose(targets, values, calldatas, description));
    const proposalId = await c.governor.hashProposal(targets, values, calldatas, keccakId(description));
    await increaseTime(SETTINGS.votingDelay + 1);
    for (const [i, official] of officials.entries()) await send(`vote ${i + 1}`, governor(official).castVote(proposalId, FOR));
    await increaseTime(SETTINGS.votingPeriod + SETTINGS.lateQuorumExtension + 1);
    await send("queue", governor(keeper).queue(targets, values, calldatas, keccakId(description)));
    await increaseTime(SETTINGS.timelockMinDelay + 1);
    await send("execute", governor(keeper).execute(targets, values, calldatas, keccakId(description)));
    expect(await c.governor.state(proposalId)).to.equal(7n); // Executed

    expect((await c.agencies.agency(HEALTH)).name).to.equal("Ministry of Health");
    expect(await c.agencies.isRegistrar(HEALTH, healthRegistrar.address)).to.equal(true);
    expect(await c.seats.getVotes(healthOfficial.address)).to.equal(1n);

    // The new registrar issues the ministry's first order, also without coin.
    const file = sha256(toUtf8Bytes("Order No. 1 of the Ministry of Health"));
    await send("issue", c.documents.connect(signer(healthRegistrar)).issue(ORDER, HEALTH, file, sha256(toUtf8Bytes("metadata")), `0x${"00".repeat(32)}`));
    expect((await c.documents.verify(file)).found).to.equal(true);
    for (const official of [...officials, keeper, healthRegistrar]) expect(await provider!.getBalance(official.address)).to.equal(0n);
    const used = Object.values(gasUsed).reduce((a, b) => a + b, 0n);
    expect(used).to.be.lessThan(gasLimit); // the whole lifecycle would fit in one block
    console.log(`      lifecycle gas: ${Object.entries(gasUsed).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  });

  it("turns the registries into the accounts allow-list: the new registrar and official are added", async function () {
    const file = path.join(dir, "network", "permissions_config.toml");
    const before = parsePermissions(await readFile(file, "utf8"));
    expect(before.accounts).to.not.include(healthRegistrar.address);
    const found = await registryAccounts(provider!, addresses);
    // Read in windows of 3 blocks (Besu limits eth_getLogs ranges): the same answer.
    expect(await registryAccounts(provider!, addresses, 0, 3)).to.deep.equal(found);
    expect(found.registrars).to.have.members([financeRegistrar.address, healthRegistrar.address]);
    expect(found.officials).to.have.members([...officials.map((o) => o.address), healthOfficial.address]);
    const after = mergeAllowlists(before, { accounts: [...found.registrars, ...found.officials] });
    await writeFile(file, renderPermissions(after));
    const reread = parsePermissions(await readFile(file, "utf8"));
    expect(reread.accounts).to.include.members([healthRegistrar.address, healthOfficial.address]);
    expect(reread.accounts.length).to.equal(before.accounts.length + 2);
    expect(reread.nodes).to.deep.equal(before.nodes);

    // The operator's command does the same from the chain, and adds nothing twice.
    const output = execFileSync(
      "npm",
      ["run", "-s", "besu:allowlist", "--", "--dir", path.dirname(file), "--from-chain", "--rpc", anvil!.rpcUrl, "--deployment-dir", deploymentDir],
      { encoding: "utf8" },
    );
    expect(output).to.match(/the registries name 2 registrar\(s\) and 4 official\(s\)/);
    expect(output).to.match(/0 account\(s\) and 0 node\(s\) added/);
  });

  it("generates the subgraph's `besu` network config from this deployment and renders the manifest for it", async function () {
    const config = await configFromDeployment(path.resolve(deploymentDir), "besu");
    expect(config.network).to.equal("besu");
    expect(config.chainId).to.equal(chainId);
    expect(config.governor.address).to.equal(addresses.governor.toLowerCase());
    expect(config.documents.startBlock).to.be.greaterThan(0);
    const template = await readFile(path.join("subgraph", "subgraph.template.yaml"), "utf8");
    const manifest = yaml.load(Mustache.render(template, config, {}, { escape: (t: string) => t })) as {
      dataSources: { network: string; source: { address: string } }[];
    };
    // One data source per contract of the module (core's list), each on the `besu` network.
    expect(manifest.dataSources.length).to.equal(INDEXED_CONTRACTS.length);
    for (const source of manifest.dataSources) expect(source.network).to.equal("besu");
    expect(manifest.dataSources.map((s) => s.source.address)).to.include(addresses.documents.toLowerCase());

    // The same through the subgraph's own CLI, as `npm run graph-node:deploy` runs it (written under a throw-away name).
    const name = `besu-test-${process.pid}`;
    execFileSync("npx", ["tsx", "subgraph/scripts/config.ts", "--name", name, "--network", "besu", "--deployment-dir", deploymentDir], { encoding: "utf8" });
    const written = path.join("subgraph", "config", `${name}.json`);
    try {
      expect(JSON.parse(await readFile(written, "utf8"))).to.deep.equal(config);
    } finally {
      await rm(written, { force: true });
    }

    const steps = graphNodeSteps({ deploymentDir: path.resolve(deploymentDir), network: "besu", name: "besu" });
    expect(steps.map((s) => s.label)).to.deep.equal(["contracts", "generate", "config", "render", "codegen", "build", "create", "deploy"]);
    expect(steps.find((s) => s.label === "config")?.args).to.include.members(["--network", "besu", "--name", "besu"]);
  });

  /** Moves anvil's clock (on Besu, time passes by itself). */
  async function increaseTime(seconds: number): Promise<void> {
    await provider!.send("evm_increaseTime", [seconds]);
    await provider!.send("evm_mine", []);
  }
});
