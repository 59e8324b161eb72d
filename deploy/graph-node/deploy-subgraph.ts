/**
 * Builds the Government DAO subgraph for one network and deploys it to a graph-node (deploy/graph-node/
 * docker-compose.yml): contracts → ABIs → network config generated from the Ignition deployment → subgraph.yaml →
 * graph codegen → graph build → graph create → graph deploy.
 *
 *   npm run graph-node:deploy -- --deployment-dir ignition/deployments/chain-3980 [--network besu] [--name besu]
 *       [--node http://localhost:8020/] [--ipfs http://localhost:5001] [--subgraph government-dao]
 *       [--version-label v0.1.0] [--dry-run]
 *
 * `--network` must equal the network name graph-node is started with (GRAPH_NETWORK in the compose file).
 * ON PAPER for the last two steps: graph-node cannot run on this project's machines (no Docker); everything up to
 * `graph build` runs offline here.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** One command of the pipeline, run in the subgraph workspace. */
export interface Step {
  label: string;
  command: string;
  args: string[];
}

/** Options of {@link graphNodeSteps}. */
export interface GraphNodeOptions {
  /** Ignition deployment directory of the target chain (absolute, or relative to the repository root). */
  deploymentDir: string;
  /** graph-node network name (e.g. "besu"). */
  network: string;
  /** Name of the generated config (subgraph/config/<name>.json). */
  name: string;
  node?: string;
  ipfs?: string;
  subgraph?: string;
  versionLabel?: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SUBGRAPH_DIR = path.join(ROOT, "subgraph");

/** The pipeline's commands, in order. */
export function graphNodeSteps(options: GraphNodeOptions): Step[] {
  const node = options.node ?? "http://localhost:8020/";
  const ipfs = options.ipfs ?? "http://localhost:5001";
  const subgraph = options.subgraph ?? "government-dao";
  const deploymentDir = path.resolve(ROOT, options.deploymentDir);
  const npmRun = (script: string, ...args: string[]): string[] => ["run", script, ...(args.length > 0 ? ["--", ...args] : [])];
  return [
    { label: "contracts", command: "npm", args: npmRun("contracts") },
    { label: "generate", command: "npm", args: npmRun("generate") },
    {
      label: "config",
      command: "npm",
      args: npmRun("config", "--name", options.name, "--network", options.network, "--deployment-dir", deploymentDir),
    },
    { label: "render", command: "npm", args: npmRun("render", "--name", options.name) },
    { label: "codegen", command: "npm", args: npmRun("codegen") },
    { label: "build", command: "npm", args: npmRun("build") },
    { label: "create", command: "npm", args: ["exec", "--", "graph", "create", "--node", node, subgraph] },
    {
      label: "deploy",
      command: "npm",
      args: ["exec", "--", "graph", "deploy", "--node", node, "--ipfs", ipfs, "--version-label", options.versionLabel ?? "v0.1.0", subgraph],
    },
  ];
}

async function run(step: Step): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(step.command, step.args, {
      cwd: SUBGRAPH_DIR,
      stdio: "inherit",
      env: { ...process.env, GRAPH_SKIP_NEW_VERSION_CHECK: "true" },
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`step "${step.label}" failed (exit code ${code})`))));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      "deployment-dir": { type: "string" },
      network: { type: "string", default: "besu" },
      name: { type: "string" },
      node: { type: "string", default: "http://localhost:8020/" },
      ipfs: { type: "string", default: "http://localhost:5001" },
      subgraph: { type: "string", default: "government-dao" },
      "version-label": { type: "string", default: "v0.1.0" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const deploymentDir = values["deployment-dir"];
  if (!deploymentDir) throw new Error("--deployment-dir is required (e.g. ignition/deployments/chain-3980)");
  const steps = graphNodeSteps({
    deploymentDir,
    network: values.network,
    name: values.name ?? values.network,
    node: values.node,
    ipfs: values.ipfs,
    subgraph: values.subgraph,
    versionLabel: values["version-label"],
  });
  for (const step of steps) {
    console.log(`graph-node: ${step.label}: ${step.command} ${step.args.join(" ")}`);
    if (!values["dry-run"]) await run(step);
  }
  if (!values["dry-run"]) console.log(`graph-node: deployed; GraphiQL at http://localhost:8000/subgraphs/name/${values.subgraph}/graphql`);
}
