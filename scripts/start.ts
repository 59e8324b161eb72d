/**
 * `npm start`: brings the system up on one machine.
 *   anvil (local chain) → Ignition deployment of GovernmentDAO + the dev digital tenge → roles audit → demo data
 *   (scripts/seed.ts: real proposals, documents, budget) → table.
 * Ctrl-C (SIGINT) or SIGTERM stops every child process.
 *
 * Environment: CHAIN_PORT (chain RPC port, default 8545); SEED=0 skips the demo data.
 * Every start is clean: a new chain and a new deployment, never half of one (resuming a saved chain comes with the
 * demo data, see the local-system issue).
 */
import { rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";

import { network } from "hardhat";

import DigitalTenge from "../ignition/modules/DigitalTenge.js";
import GovernmentDAO from "../ignition/modules/GovernmentDAO.js";
import { ANVIL_MNEMONIC, startAnvil } from "./lib/anvil.js";
import { cast, demoParameters } from "./lib/demo-cast.js";
import { deploymentIdFor } from "./lib/deployment.js";
import { auditRoles, formatRoles } from "./lib/roles-audit.js";
import { seed } from "./seed.js";

const port = Number(process.env.CHAIN_PORT ?? 8545);
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`CHAIN_PORT must be a TCP port, got "${process.env.CHAIN_PORT}"`);
const step = (text: string) => console.log(`• ${text}`);

const seedDemo = process.env.SEED !== "0";

step(`starting anvil on 127.0.0.1:${port}`);
const anvil = await startAnvil({ port }).catch((error: unknown) => {
  console.error(`\nStart failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  await anvil.stop();
  process.exit(code);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
anvil.process.once("exit", (code) => {
  if (!stopping) {
    console.error(`anvil stopped unexpectedly (code ${code}).`);
    process.exit(1);
  }
});

try {
  const connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
  const { ethers, ignition } = connection;
  const { chainId } = await ethers.provider.getNetwork();
  const deploymentId = deploymentIdFor(chainId);
  await rm(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });

  // The demo cast and genesis set (scripts/lib/demo-cast.ts): agencies 1 and 2 and the Office of the Government (3)
  // carry the sha-256 of their deterministic demo ML-DSA keys, so the seeded co-signatures verify.
  const parameters = demoParameters();
  await mkdir(".local", { recursive: true });
  await writeFile(path.join(".local", "parameters.json"), JSON.stringify(parameters, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2));

  step("deploying GovernmentDAO with Ignition");
  const system = await ignition.deploy(GovernmentDAO, { parameters, deploymentId, displayUi: false });
  const { tenge } = await ignition.deploy(DigitalTenge, { parameters, deploymentId, displayUi: false });

  const addresses = Object.fromEntries(
    Object.entries(system).map(([name, contract]) => [name, contract.target as string]),
  ) as Record<keyof typeof system, string>;
  const audit = await auditRoles(ethers.provider, addresses);
  if (audit.violations.length > 0) throw new Error(`roles audit failed:\n${formatRoles(audit)}`);

  if (seedDemo) {
    step("seeding demo data (real proposals through Governor + Timelock)");
    await seed(connection, { ...addresses, tenge: tenge.target as string }, { log: (line) => console.log(`  ${line}`) });
  }

  const rows: [string, string][] = [
    ["Chain RPC", anvil.rpcUrl],
    ["Chain id", chainId.toString()],
    ...Object.entries(addresses).map(([name, address]): [string, string] => [name, address]),
    ["tenge (dev DigitalTenge)", tenge.target as string],
    ["officials (seats 1-3)", cast.officials.join(", ")],
    ...(seedDemo ? [["officials seated by the seed (4-6)", cast.candidates.join(", ")] as [string, string]] : []),
    ["registrar, Ministry of Finance", cast.financeRegistrar],
    ["registrar, Ministry of Digital Development", cast.digitalRegistrar],
    ["treasurer (holds DKZT)", cast.treasurer],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nGovernment DAO is running (roles audit: clean)\n`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log(`\nAccounts are anvil's public development keys (mnemonic "${ANVIL_MNEMONIC}").`);
  console.log("Press Ctrl-C to stop.");
} catch (error) {
  console.error(`\nStart failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
