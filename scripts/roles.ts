/**
 * Prints the live roles table of a deployment and exits non-zero if anyone holds a role they should not.
 *
 *   npx hardhat run scripts/roles.ts --network localhost
 *   DEPLOYMENT_ID=chain-31337 npx hardhat run scripts/roles.ts --network besu
 */
import { network } from "hardhat";

import { deploymentIdFor, loadDeployment } from "@government-dao/core/deployment";
import { auditRoles, formatRoles } from "./lib/roles-audit.js";

const { ethers } = await network.getOrCreate();
const { chainId } = await ethers.provider.getNetwork();
const addresses = await loadDeployment(process.env.DEPLOYMENT_ID ?? deploymentIdFor(chainId));
const audit = await auditRoles(ethers.provider, addresses);
const names = Object.fromEntries(
  Object.entries({ Timelock: addresses.timelock, Governor: addresses.governor, Seats: addresses.seats }).map(([k, v]) => [v, k]),
);

console.log(`Roles of the GovernmentDAO deployment on chain ${chainId}\n`);
console.log(formatRoles(audit, names));
if (audit.violations.length > 0) {
  console.error(`\n${audit.violations.length} unexpected role holder(s): the deployment is not safe to use.`);
  process.exitCode = 1;
} else {
  console.log("\nNo role is held by anyone but the Timelock and the Governor.");
}
