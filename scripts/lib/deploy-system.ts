/**
 * One way to put the system on a chain: the GovernmentDAO Ignition module and the dev DigitalTenge, deployed
 * through a Hardhat network connection, returning every address. Used by `npm start`, the integration tests, the
 * subgraph scenario, the indexer's and the dApp's test harnesses.
 *
 * {@link isolatedConnection} gives a connection whose Ignition journal lives in a folder of the caller's choice,
 * so a test run never touches `ignition/deployments/` of the repository.
 */
import path from "node:path";

import { createHardhatRuntimeEnvironment, importUserConfig } from "hardhat/hre";
import type { NetworkConnection } from "hardhat/types/network";

import DigitalTenge from "../../ignition/modules/DigitalTenge.js";
import GovernmentDAO from "../../ignition/modules/GovernmentDAO.js";
import { demoParameters } from "@government-dao/devchain/demo-cast";
import type { GovernmentAddresses } from "@government-dao/core/deployment";

/** The repository root (this file is scripts/lib/deploy-system.ts). */
export const ROOT_DIR = path.resolve(import.meta.dirname, "..", "..");

/** Every address of a deployment, the dev DigitalTenge included. */
export type SystemAddresses = GovernmentAddresses & { tenge: string };

/** Ignition parameters of both modules (the demo's by default). */
export type SystemParameters = ReturnType<typeof demoParameters>;

/**
 * Deploys (or, for a deployment id already in the journal, resumes) GovernmentDAO and DigitalTenge.
 * @param parameters Ignition parameters; the demo system of devchain/src/demo-cast.ts by default.
 */
export async function deploySystem(
  connection: NetworkConnection,
  deploymentId: string,
  parameters: SystemParameters = demoParameters(),
): Promise<SystemAddresses> {
  // The dev tenge first, so that the escrow can list it among its allowed tokens from the start.
  const { tenge } = await connection.ignition.deploy(DigitalTenge, { parameters, deploymentId, displayUi: false });
  const withTenge = {
    ...parameters,
    GovernmentDAO: { ...parameters.GovernmentDAO, escrowTokens: [...parameters.GovernmentDAO.escrowTokens, tenge.target as string] },
  };
  const system = await connection.ignition.deploy(GovernmentDAO, { parameters: withTenge, deploymentId, displayUi: false });
  return {
    timelock: system.timelock.target as string,
    agencies: system.agencies.target as string,
    seats: system.seats.target as string,
    documents: system.documents.target as string,
    escrow: system.escrow.target as string,
    governor: system.governor.target as string,
    appeals: system.appeals.target as string,
    signingKeys: system.signingKeys.target as string,
    tenge: tenge.target as string,
  };
}

/**
 * A connection to `rpcUrl` (network `localhost`) through a Hardhat runtime whose Ignition folder is `ignitionDir`:
 * deployments land in `<ignitionDir>/deployments/<id>`.
 */
export async function isolatedConnection(rpcUrl: string, ignitionDir: string): Promise<NetworkConnection> {
  const configPath = path.join(ROOT_DIR, "hardhat.config.ts");
  const userConfig = await importUserConfig(configPath);
  const hre = await createHardhatRuntimeEnvironment(
    { ...userConfig, paths: { ...userConfig.paths, ignition: ignitionDir } },
    { config: configPath },
    ROOT_DIR,
  );
  return hre.network.create({ network: "localhost", override: { url: rpcUrl } });
}
