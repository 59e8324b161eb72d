/**
 * `npm start`: brings the system up on one machine.
 *   anvil (local chain) → Ignition deployment of GovernmentDAO + the dev digital tenge → roles audit → table.
 * Ctrl-C (SIGINT) or SIGTERM stops every child process.
 *
 * Environment: CHAIN_PORT (chain RPC port, default 8545).
 * Every start is clean: a new chain and a new deployment, never half of one (resuming a saved chain comes with the
 * demo data, see the local-system issue).
 */
import { rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";

import { HDNodeWallet, Mnemonic, sha256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";

import DigitalTenge from "../ignition/modules/DigitalTenge.js";
import GovernmentDAO from "../ignition/modules/GovernmentDAO.js";
import { ANVIL_MNEMONIC, startAnvil } from "./lib/anvil.js";
import { deploymentIdFor } from "./lib/deployment.js";
import { auditRoles, formatRoles } from "./lib/roles-audit.js";

const port = Number(process.env.CHAIN_PORT ?? 8545);
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`CHAIN_PORT must be a TCP port, got "${process.env.CHAIN_PORT}"`);
const step = (text: string) => console.log(`• ${text}`);

/** The demo cast: anvil's public development accounts. */
const mnemonic = Mnemonic.fromPhrase(ANVIL_MNEMONIC);
const account = (i: number): string => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).address;
const cast = {
  deployer: account(0),
  officials: [account(1), account(2), account(3)] as const,
  financeRegistrar: account(7),
  digitalRegistrar: account(8),
  treasurer: account(9),
};

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

  const parameters = {
    GovernmentDAO: {
      timelockMinDelay: 60,
      votingDelay: 30,
      votingPeriod: 300,
      quorumPercent: 50,
      lateQuorumExtension: 60,
      genesisAgencies: [
        { id: 1, name: "Ministry of Finance", pqKeyHash: sha256(toUtf8Bytes("demo finance ML-DSA key")), registrars: [cast.financeRegistrar] },
        { id: 2, name: "Ministry of Digital Development", pqKeyHash: sha256(toUtf8Bytes("demo digital ML-DSA key")), registrars: [cast.digitalRegistrar] },
      ],
      genesisSeats: [
        { official: cast.officials[0], agencyId: 1, position: 1 },
        { official: cast.officials[1], agencyId: 1, position: 2 },
        { official: cast.officials[2], agencyId: 2, position: 1 },
      ],
    },
    DigitalTenge: { holder: cast.treasurer, supply: 10_000_000_000_00n },
  };
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

  const rows: [string, string][] = [
    ["Chain RPC", anvil.rpcUrl],
    ["Chain id", chainId.toString()],
    ...Object.entries(addresses).map(([name, address]): [string, string] => [name, address]),
    ["tenge (dev DigitalTenge)", tenge.target as string],
    ["officials (seats 1-3)", cast.officials.join(", ")],
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
