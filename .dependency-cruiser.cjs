/**
 * The import boundaries of the repository (`npm run lint` runs `depcruise`; test/scripts/dependency-rules.test.ts
 * proves a crossing is reported). The apps are scripts/ (CLI, agents, seed, `npm start`; with its tests test/ and
 * the gas bench bench/), indexer/, gateway/, web/ and subgraph/; core/ is the one home of domain knowledge; devchain/ is the
 * local development chain (anvil, the demo cast).
 *
 *   - core imports no app; devchain imports only core.
 *   - App source code imports only core (and its own files). The one exception is `npm start`
 *     (scripts/start.ts), which orchestrates the indexer, the gateway and the dApp through their public entry points:
 *     `@government-dao/indexer` (indexer/lib/run.ts), `@government-dao/gateway` (gateway/lib/run.ts) and
 *     `@government-dao/web` (web/lib/server.ts).
 *   - Test harnesses (`<app>/tests/**`, `web/e2e/**`, `<app>/bench/**`) reach other apps only through public
 *     entries: those two, devchain, the dev chain tooling still in scripts (DEV_CHAIN below: deploying the system
 *     with Ignition, the demo seed, the contract connectors, a CLI context, the auditor — they need Hardhat, the
 *     Ignition modules or the typechain types of the root package) and other apps' test-harness support.
 */
const APPS = "(scripts|indexer|gateway|web|subgraph|bench|test|devchain)";

/** The dev chain tooling other apps' tests and benches may use: devchain/, and what of it still lives in scripts/. */
const DEV_CHAIN = [
  "devchain/src/.+",
  "scripts/lib/deploy-system\\.ts",
  "scripts/lib/contracts\\.ts",
  "scripts/lib/paths\\.ts",
  "scripts/lib/local-chain\\.ts",
  "scripts/lib/seed/.+",
  "scripts/seed\\.ts",
  "scripts/lib/gov/context\\.ts",
  "scripts/lib/agents/auditor\\.ts",
];

/** The apps' public entry points. */
const PUBLIC_ENTRIES = ["indexer/lib/run\\.ts", "gateway/lib/run\\.ts", "web/lib/server\\.ts"];

/** Test-harness support other apps' tests may share. */
const HARNESS_SUPPORT = ["indexer/tests/support/.+", "indexer/bench/load\\.ts", "subgraph/tests/harness/.+", "subgraph/scripts/config\\.ts"];

const anyOf = (paths) => `^(${paths.join("|")})$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-app",
      comment: "core/ is the domain core every app imports; it imports no app.",
      severity: "error",
      from: { path: "^core/" },
      to: { path: `^${APPS}/` },
    },
    {
      name: "devchain-imports-only-core",
      comment: "devchain/ (anvil, the demo cast) depends on core only.",
      severity: "error",
      from: { path: "^devchain/" },
      to: { path: "^(scripts|indexer|gateway|web|subgraph|bench|test)/" },
    },
    {
      name: "scripts-imports-no-other-app",
      comment: "The CLI, the agents and the seed import only core and devchain (npm start: the public entries, see the next rule).",
      severity: "error",
      from: { path: "^scripts/", pathNot: "^scripts/start\\.ts$" },
      to: { path: "^(indexer|gateway|web|subgraph)/" },
    },
    {
      name: "start-through-public-entries",
      comment: "npm start orchestrates the indexer, the gateway and the dApp through their public entries only.",
      severity: "error",
      from: { path: "^scripts/start\\.ts$" },
      to: { path: "^(indexer|gateway|web|subgraph)/", pathNot: anyOf(PUBLIC_ENTRIES) },
    },
    {
      name: "app-source-imports-only-core",
      comment: "The indexer's, the gateway's, the dApp's and the subgraph's own code imports only core (and its own files).",
      severity: "error",
      from: { path: "^(indexer|gateway|web|subgraph)/", pathNot: "^(indexer|gateway|web|subgraph)/(tests|e2e|bench)/" },
      to: { path: `^${APPS}/`, pathNot: "^$1/" },
    },
    {
      name: "tests-through-public-entries",
      comment: "A test or bench of one app reaches another app only through its public entries, the dev chain tooling or shared harness support.",
      severity: "error",
      from: { path: "^(indexer|gateway|web|subgraph)/(tests|e2e|bench)/" },
      to: { path: `^${APPS}/`, pathNot: [`^$1/`, anyOf([...PUBLIC_ENTRIES, ...DEV_CHAIN, ...HARNESS_SUPPORT])] },
    },
    {
      name: "root-tests-through-public-entries",
      comment: "The root tests and benches (scripts' and the contracts') reach the indexer, the gateway, the dApp and the subgraph only through public entries or harness support.",
      severity: "error",
      from: { path: "^(test|bench)/" },
      to: { path: "^(indexer|gateway|web|subgraph)/", pathNot: anyOf([...PUBLIC_ENTRIES, ...HARNESS_SUPPORT]) },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|artifacts|cache|generated|types|coverage|\\.local|dist)/" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    // The dApp's "@/…" paths stay unresolved (one tsconfig here): they only name web's own files, so no crossing hides there.
    reporterOptions: { text: { highlightFocused: true } },
  },
};
