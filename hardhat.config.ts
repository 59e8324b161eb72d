import { readdirSync } from "node:fs";
import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

/**
 * The compiler is the npm package `solc` pinned to 0.8.28 (solcjs): Hardhat never downloads one.
 * Every profile names the version and the path, so builds work on a machine with no network.
 */
const SOLC_VERSION = "0.8.28";
const solcPath = createRequire(import.meta.url).resolve("solc/soljson.js");

const compiler = (runs: number) => ({
  version: SOLC_VERSION,
  path: solcPath,
  // One compilation job per root file: solcjs (wasm) crashes with "memory access out of bounds" on a single job
  // holding every Solidity test with forge-std (measured here with 4 test files; any 2 compile).

  settings: {
    evmVersion: "cancun",
    optimizer: { enabled: true, runs },
  },
});

/**
 * Each Solidity test file is compiled in a job of its own. solcjs (wasm) crashes with "memory access out of
 * bounds" on one job holding test/fuzz/BudgetEscrow.t.sol and test/fuzz/GovernmentGovernor.t.sol together (each
 * compiles alone; measured here). Hardhat merges jobs whose compiler config is the same *object*, so a separate
 * (identical) config object per test file splits them, while the contracts stay in one fast job.
 */
const solidityTests = readdirSync("test/fuzz")
  .filter((file) => file.endsWith(".t.sol"))
  .map((file) => `test/fuzz/${file}`);
const oneJobPerTest = Object.fromEntries(solidityTests.map((file) => [file, compiler(200)]));

/** Fuzz and invariant depth: `npm test` runs the fast profile, `npm run test:deep` sets FUZZ_RUNS=10000. */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 256);
const invariantRuns = Number(process.env.INVARIANT_RUNS ?? Math.max(32, Math.floor(fuzzRuns / 8)));

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    // OpenZeppelin's TimelockController is deployed as is; build it so Ignition and TypeChain see it.
    npmFilesToBuild: ["@openzeppelin/contracts/governance/TimelockController.sol"],
    splitTestsCompilation: true,
    profiles: {
      default: { compilers: [compiler(200)], overrides: oneJobPerTest },
      production: { compilers: [compiler(200)], overrides: oneJobPerTest },
    },
  },
  paths: {
    tests: { mocha: "test", solidity: "test" },
  },
  test: {
    solidity: {
      fuzz: { runs: fuzzRuns, seed: "0x2026" },
      invariant: { runs: invariantRuns, depth: 64, failOnRevert: false },
    },
  },
  networks: {
    /** Local anvil started by `npm start` (or by integration tests on their own port). */
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.RPC_URL ?? "http://127.0.0.1:8545",
    },
    /**
     * Any permissioned chain (Hyperledger Besu QBFT in production): the RPC URL and the deployer's key come
     * from the environment (see .env.example); nothing secret is written here.
     */
    besu: {
      type: "http",
      chainType: "l1",
      url: configVariable("BESU_RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
  },
});
