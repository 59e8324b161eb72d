/**
 * `npm run seed`: fills a deployed GovernmentDAO with demo data through real proposals and transactions
 * (see scripts/lib/seed/run.ts for what it creates and how a second run behaves).
 *
 *   npm run seed                                   # the chain on RPC_URL (default http://127.0.0.1:8545)
 *   DEPLOYMENT_ID=chain-31337 npm run seed
 *
 * `npm start` seeds by itself; this command is for a chain started otherwise. Importing this module (as
 * scripts/start.ts does) only exports `seed`; the command runs when Hardhat runs this file as its script.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { network } from "hardhat";

import { deploymentIdFor, loadDeployment, loadDevTenge } from "@government-dao/core/deployment";

export { seed, type SeedAddresses, type SeedOptions, type SeedResult } from "./lib/seed/run.js";
import { seed } from "./lib/seed/run.js";

const thisFile = fileURLToPath(import.meta.url);
const isCommand = process.argv.slice(2).some((arg) => path.resolve(arg) === thisFile);

if (isCommand) {
  try {
    const connection = await network.getOrCreate();
    const { chainId } = await connection.ethers.provider.getNetwork();
    const deploymentId = process.env.DEPLOYMENT_ID ?? deploymentIdFor(chainId);
    const addresses = { ...(await loadDeployment(deploymentId)), tenge: await loadDevTenge(deploymentId) };
    console.log(`Seeding demo data on chain ${chainId} (deployment ${deploymentId})`);
    await seed(connection, addresses);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
