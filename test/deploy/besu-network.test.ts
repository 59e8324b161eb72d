/**
 * The generated Besu QBFT network as files: QBFT extraData against Besu's own test vector, the genesis'
 * consistency, node keys, static nodes and allow-lists, the CLI, and the compose files (validated as YAML and
 * against the generator's layout). Besu, graph-node and Docker cannot run here: these are checks of the files.
 *
 *   npx hardhat test mocha test/deploy/besu-network.test.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { SigningKey, Wallet, computeAddress, encodeRlp, getAddress } from "ethers";
import yaml from "js-yaml";

import { BFT_MIX_HASH, DEFAULT_SETTINGS, checkGenesis } from "../../deploy/besu/lib/genesis.js";
import { type GeneratedNetwork, COMPOSE_SUBNET, NODE_LAYOUT, generateNetwork } from "../../deploy/besu/lib/network.js";
import { addressOfEnodeKey, parseEnode } from "../../deploy/besu/lib/nodes.js";
import { mergeAllowlists, parsePermissions, renderPermissions } from "../../deploy/besu/lib/permissions.js";
import { decodeQbftExtraData, encodeQbftExtraData, faultTolerance, sortAddresses } from "../../deploy/besu/lib/qbft.js";

/**
 * Besu's own vector: RLPSubCommandTest.canEncodeToQbftExtraData (hyperledger/besu,
 * besu/src/test/java/org/hyperledger/besu/cli/subcommands/rlp/RLPSubCommandTest.java) — the output of
 * `besu rlp encode --type=QBFT_EXTRA_DATA` for these two validators, and the IBFT 2.0 encoding of the same input.
 */
const BESU_VECTOR = {
  validators: ["0xbe068f726a13c8d46c44be6ce9d275600e1735a4", "0x5ff6f4b66a46a2b2310a6f3a93aaddc0d9a1c193"],
  qbft:
    "0xf84fa00000000000000000000000000000000000000000000000000000000000000000ea94be068f726a13c8d" +
    "46c44be6ce9d275600e1735a4945ff6f4b66a46a2b2310a6f3a93aaddc0d9a1c193c080c0",
  ibft2:
    "0xf853a00000000000000000000000000000000000000000000000000000000000000000ea94be068f726a13c8d" +
    "46c44be6ce9d275600e1735a4945ff6f4b66a46a2b2310a6f3a93aaddc0d9a1c193808400000000c0",
};

interface ComposeService {
  image?: string;
  command?: string[];
  volumes?: string[];
  ports?: string[];
  environment?: Record<string, string | number>;
  networks?: Record<string, { ipv4_address?: string }>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { ipam?: { config?: { subnet?: string }[] } }>;
}
const loadCompose = async (file: string): Promise<ComposeFile> => yaml.load(await readFile(file, "utf8")) as ComposeFile;

describe("Besu QBFT network files", function () {
  this.timeout(60_000);

  let dir = "";
  let net: GeneratedNetwork;

  before(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-besu-files-"));
    net = await generateNetwork({
      out: path.join(dir, "network"),
      settings: { ...DEFAULT_SETTINGS, timestamp: 1_767_225_600 },
      accounts: ["0x70997970c51812dc3a010c7d01b50e0d17dc79c8"],
    });
  });

  after(async function () {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe("QBFT extraData", function () {
    it("encodes exactly what `besu rlp encode --type=QBFT_EXTRA_DATA` produces (Besu's test vector)", function () {
      expect(encodeQbftExtraData(BESU_VECTOR.validators)).to.equal(BESU_VECTOR.qbft);
      const decoded = decodeQbftExtraData(BESU_VECTOR.qbft);
      expect(decoded.validators).to.deep.equal(BESU_VECTOR.validators.map((a) => getAddress(a)));
      expect([decoded.vote, decoded.round, decoded.seals]).to.deep.equal([null, 0, []]);
    });

    it("rejects an IBFT 2.0 extraData and malformed fields by name", function () {
      expect(() => decodeQbftExtraData(BESU_VECTOR.ibft2)).to.throw(/vote: expected a list/);
      const zero = `0x${"00".repeat(32)}`;
      expect(() => decodeQbftExtraData(encodeRlp([zero, [], []]))).to.throw(/expected 5 fields/);
      expect(() => decodeQbftExtraData(encodeRlp(["0x00", [], [], "0x", []]))).to.throw(/vanity: expected 32 bytes/);
      expect(() => decodeQbftExtraData(encodeRlp([zero, [`0x${"11".repeat(19)}`], [], "0x", []]))).to.throw(/validators\[0\]: expected 20 bytes/);
      expect(() => decodeQbftExtraData(encodeRlp([zero, [], [], "0x", ["0x1234"]]))).to.throw(/seals\[0\]: expected 65 bytes/);
      expect(() => encodeQbftExtraData([BESU_VECTOR.validators[0]!, BESU_VECTOR.validators[0]!])).to.throw(/duplicate/);
    });

    it("decodes a vote and a round when a block carries them", function () {
      const zero = `0x${"00".repeat(32)}`;
      const [a] = BESU_VECTOR.validators;
      const extra = decodeQbftExtraData(encodeRlp([zero, [a!], [a!, "0xff"], "0x05", [`0x${"ab".repeat(65)}`]]));
      expect(extra.vote).to.deep.equal({ recipient: getAddress(a!), add: true });
      expect(extra.round).to.equal(5);
      expect(extra.seals.length).to.equal(1);
    });

    it("tolerates f faults with n ≥ 3f + 1 validators", function () {
      expect([1, 3, 4, 6, 7, 10].map(faultTolerance)).to.deep.equal([0, 0, 1, 1, 2, 3]);
    });
  });

  describe("generated network", function () {
    it("writes a genesis that parses as a consistent QBFT free-gas genesis naming the 4 validator node keys", async function () {
      const text = await readFile(path.join(net.dir, "genesis.json"), "utf8");
      const validators = net.summary.nodes.filter((n) => n.role === "validator").map((n) => n.address);
      const facts = checkGenesis(text, validators);
      expect(facts).to.deep.include({ chainId: 3980, blockPeriodSeconds: 2, requestTimeoutSeconds: 4, epochLength: 30_000, gasLimit: 30_000_000n });
      expect(facts.validators).to.deep.equal(sortAddresses(validators));
      const genesis = JSON.parse(text) as { config: Record<string, unknown>; mixHash: string; gasLimit: string; timestamp: string };
      expect(genesis.config.cancunTime).to.equal(0);
      expect(genesis.config.zeroBaseFee).to.equal(true);
      expect(genesis.mixHash).to.equal(BFT_MIX_HASH);
      expect([genesis.gasLimit, genesis.timestamp]).to.deep.equal(["0x1c9c380", "0x6955b900"]);
    });

    it("names every problem of an inconsistent genesis", async function () {
      const genesis = JSON.parse(await readFile(path.join(net.dir, "genesis.json"), "utf8")) as Record<string, unknown> & {
        config: Record<string, unknown> & { qbft: Record<string, unknown> };
      };
      const three = Array.from({ length: 3 }, () => Wallet.createRandom().address);
      const broken = {
        ...genesis,
        baseFeePerGas: "0x7",
        extraData: encodeQbftExtraData(three),
        config: { ...genesis.config, zeroBaseFee: false, cancunTime: 1, qbft: { ...genesis.config.qbft, requesttimeoutseconds: 2 } },
      };
      let message = "";
      try {
        checkGenesis(JSON.stringify(broken));
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      for (const problem of [/zeroBaseFee must be true/, /baseFeePerGas must be 0x0/, /cancunTime must be 0/, /requesttimeoutseconds must exceed/, /3 validator\(s\) tolerate no fault/]) {
        expect(message).to.match(problem);
      }
      const unsorted = { ...genesis, extraData: encodeQbftExtraData([...sortAddresses(net.summary.nodes.slice(0, 4).map((n) => n.address))].reverse()) };
      expect(() => checkGenesis(JSON.stringify(unsorted))).to.throw(/sorted by address/);
      expect(() => checkGenesis(JSON.stringify(genesis), three)).to.throw(/differ from the network's validator node keys/);
    });

    it("keeps node keys secret (mode 0600, git-ignored) and derives addresses and enodes from them", async function () {
      for (const node of net.summary.nodes) {
        const keyFile = path.join(net.dir, "nodes", node.name, "key");
        expect((await stat(keyFile)).mode & 0o777, `${node.name}/key`).to.equal(0o600);
        const key = (await readFile(keyFile, "utf8")).trim();
        expect(computeAddress(key)).to.equal(node.address);
        expect(`0x${node.publicKey}`).to.equal(`0x${new SigningKey(key).publicKey.slice(4)}`);
        expect(addressOfEnodeKey(parseEnode(node.enode).publicKey)).to.equal(node.address);
        expect(JSON.stringify(net.summary)).to.not.include(key.slice(2));
      }
      expect((await stat(path.join(net.dir, "deployer", "key"))).mode & 0o777).to.equal(0o600);
      expect(await readFile(path.join(net.dir, ".gitignore"), "utf8")).to.match(/^\*$/m);
      // The default output directory is ignored by the repository too.
      const ignored = spawnSync("git", ["check-ignore", "-q", "deploy/besu/network/nodes/validator1/key"]);
      expect(ignored.status).to.equal(0);
    });

    it("lists every node in static-nodes.json and in the nodes allow-list; the deployer and given accounts may transact", async function () {
      const staticNodes = JSON.parse(await readFile(path.join(net.dir, "static-nodes.json"), "utf8")) as string[];
      expect(staticNodes).to.deep.equal(net.summary.nodes.map((n) => n.enode));
      expect(staticNodes.map((e) => parseEnode(e).host)).to.deep.equal(NODE_LAYOUT.map((n) => n.ip));
      const lists = parsePermissions(await readFile(path.join(net.dir, "permissions_config.toml"), "utf8"));
      expect(lists.nodes).to.deep.equal(staticNodes);
      expect(lists.accounts).to.deep.equal([net.summary.deployer, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]);
    });

    it("extends the allow-lists without duplicates and refuses a malformed file or entry", function () {
      const base = { accounts: ["0x70997970c51812dc3a010c7d01b50e0d17dc79c8"], nodes: [] };
      const enode = `enode://${"ab".repeat(64)}@10.0.0.7:30303`;
      const merged = mergeAllowlists(base, { accounts: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"], nodes: [enode, enode] });
      expect(merged.accounts.length).to.equal(2);
      expect(merged.nodes).to.deep.equal([enode]);
      expect(parsePermissions(renderPermissions(merged))).to.deep.equal(merged);
      expect(parsePermissions('accounts-allowlist=["0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"]\n').nodes).to.deep.equal([]);
      expect(() => parsePermissions("accounts-allowlist=[0x12]")).to.throw(/double-quoted/);
      expect(() => parsePermissions('other-list=["x"]')).to.throw(/unknown key/);
      expect(() => mergeAllowlists(base, { nodes: ["enode://short@1.2.3.4:1"] })).to.throw(/not an enode URL/);
      expect(() => mergeAllowlists(base, { accounts: ["0x1234"] })).to.throw();
    });

    it("refuses to overwrite a network (its keys) unless forced", async function () {
      const again = generateNetwork({ out: net.dir, settings: { ...DEFAULT_SETTINGS, timestamp: 0 } });
      let message = "";
      await again.catch((error: Error) => (message = error.message));
      expect(message).to.match(/already holds a network.*--force/);
    });

    it("runs as `npm run besu:generate` (the CLI) with its options", async function () {
      const out = path.join(dir, "cli");
      const output = execFileSync(
        "npm",
        ["run", "-s", "besu:generate", "--", "--out", out, "--chain-id", "4242", "--block-period", "5", "--request-timeout", "10", "--gas-limit", "50000000", "--deployer", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"],
        { encoding: "utf8" },
      );
      expect(output).to.match(/QBFT network for chain 4242/);
      expect(output).to.match(/tolerates 1 faulty validator/);
      const facts = checkGenesis(await readFile(path.join(out, "genesis.json"), "utf8"));
      expect(facts).to.deep.include({ chainId: 4242, blockPeriodSeconds: 5, requestTimeoutSeconds: 10, gasLimit: 50_000_000n });
      const lists = parsePermissions(await readFile(path.join(out, "permissions_config.toml"), "utf8"));
      expect(lists.accounts).to.deep.equal(["0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"]);
      // A given deployer means no deployer key is generated.
      expect(await stat(path.join(out, "deployer")).then(() => true, () => false)).to.equal(false);
      const extended = execFileSync("npm", ["run", "-s", "besu:allowlist", "--", "--dir", out, "--account", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"], { encoding: "utf8" });
      expect(extended).to.match(/1 account\(s\) and 0 node\(s\) added/);
    });
  });

  describe("compose files (YAML; not run: no Docker here)", function () {
    it("starts 4 validators and an RPC node at the addresses the enodes name, with the generated files mounted", async function () {
      const compose = await loadCompose(path.join("deploy", "besu", "docker-compose.yml"));
      expect(Object.keys(compose.services)).to.deep.equal(NODE_LAYOUT.map((n) => n.name));
      const subnet = compose.networks?.qbft?.ipam?.config?.[0]?.subnet;
      expect(subnet).to.equal(COMPOSE_SUBNET);
      for (const node of NODE_LAYOUT) {
        const service = compose.services[node.name];
        expect(service?.image, node.name).to.match(/^hyperledger\/besu:/);
        expect(service?.networks?.qbft?.ipv4_address).to.equal(node.ip);
        expect(service?.command).to.include("--config-file=/config/node.toml");
        expect(service?.command).to.include(`--p2p-host=${node.ip}`);
        const volumes = service?.volumes ?? [];
        expect(volumes).to.include(`\${BESU_NETWORK_DIR:-./network}/nodes/${node.name}:/data`);
        for (const file of ["genesis.json:/config/genesis.json:ro", "static-nodes.json:/config/static-nodes.json:ro", "permissions_config.toml:/data/permissions_config.toml"]) {
          expect(volumes).to.include(`\${BESU_NETWORK_DIR:-./network}/${file}`);
        }
        // Validators do not publish ports; only the RPC node does.
        expect(service?.ports === undefined, node.name).to.equal(node.role === "validator");
      }
      expect(compose.services.rpc1?.ports).to.include("8545:8545");
      expect(compose.services.rpc1?.command).to.include("--data-storage-format=FOREST");
    });

    it("configures every node for free gas, static peers only and both allow-lists", async function () {
      const toml = await readFile(path.join("deploy", "besu", "config", "node.toml"), "utf8");
      for (const line of [
        'genesis-file="/config/genesis.json"',
        "min-gas-price=0",
        "discovery-enabled=false",
        'static-nodes-file="/config/static-nodes.json"',
        "permissions-nodes-config-file-enabled=true",
        "permissions-accounts-config-file-enabled=true",
        "metrics-enabled=true",
      ]) {
        expect(toml.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim())).to.include(line);
      }
    });

    it("runs graph-node, PostgreSQL and IPFS, with the chain's network name and RPC URL from the environment", async function () {
      const compose = await loadCompose(path.join("deploy", "graph-node", "docker-compose.yml"));
      expect(Object.keys(compose.services).sort()).to.deep.equal(["graph-node", "ipfs", "postgres"]);
      const graphNode = compose.services["graph-node"];
      expect(graphNode?.image).to.match(/^graphprotocol\/graph-node:v/);
      expect(graphNode?.environment?.ethereum).to.equal("${GRAPH_NETWORK:-localhost}:${GRAPH_ETHEREUM_RPC:-http://host.docker.internal:8545}");
      expect(graphNode?.environment?.postgres_host).to.equal("postgres");
      expect(graphNode?.ports).to.include.members(["8000:8000", "8020:8020"]);
      expect(compose.services.postgres?.image).to.match(/^postgres:/);
      expect(compose.services.ipfs?.image).to.match(/^ipfs\/kubo:/);
    });
  });

  it("has only public values in besu.env", async function () {
    const env = await readFile(path.join(net.dir, "besu.env"), "utf8");
    expect(env).to.match(/^BESU_RPC_URL=http:\/\/127\.0\.0\.1:8545$/m);
    expect(env).to.not.match(/^DEPLOYER_PRIVATE_KEY=/m);
  });
});
