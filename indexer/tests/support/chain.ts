/**
 * A seeded chain for the indexer tests: anvil on a free port, GovernmentDAO + DigitalTenge deployed with Hardhat
 * Ignition into a temporary deployment directory (never ignition/deployments/chain-31337), and the demo seed
 * (scripts/seed.ts) with its content store in a temporary directory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type {} from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { writeDemoExtractSeed } from "@government-dao/devchain/extract-key";
import { deploySystem, isolatedConnection } from "../../../scripts/lib/deploy-system.js";
import type { GovernmentAddresses } from "@government-dao/core/deployment";
import { type SeedResult, seed } from "../../../scripts/lib/seed/run.js";
import { ROOT_DIR } from "../../lib/paths.js";
import { type RunningIndexer, type StartIndexerOptions, startIndexer } from "../../lib/run.js";

export interface TestChain {
  anvil: Anvil;
  connection: NetworkConnection;
  /** Temporary directory holding the deployment, the content store and the indexer state. */
  dir: string;
  deploymentDir: string;
  contentDir: string;
  /** The demo's extract-key seed, whose key the demo deployment registers at genesis (devchain/src/extract-key.ts). */
  signingSeedFile: string;
  addresses: GovernmentAddresses & { tenge: string };
  /** What the seed left on chain (read back from the chain), when seeded. */
  seeded: SeedResult | null;
  /** Stops anvil and removes the temporary directory. */
  close(): Promise<void>;
}

const DEPLOYMENT_ID = "indexer-test";

/** Starts anvil and deploys the demo system; seeds it unless `seedDemo` is false. */
export async function startTestChain(options: { seedDemo?: boolean; certificates?: number } = {}): Promise<TestChain> {
  // hardhat.config.ts reads paths relative to the working directory.
  process.chdir(ROOT_DIR);
  const dir = await mkdtemp(path.join(os.tmpdir(), "indexer-test-"));
  const anvil = await startAnvil({ port: await freePort() });
  try {
    const ignitionDir = path.join(dir, "ignition");
    const connection = await isolatedConnection(anvil.rpcUrl, ignitionDir);
    const deployed = await deploySystem(connection, DEPLOYMENT_ID);
    const addresses = Object.fromEntries(Object.entries(deployed).map(([name, address]) => [name, address.toLowerCase()])) as typeof deployed;
    const contentDir = path.join(dir, "content");
    let seeded: SeedResult | null = null;
    if (options.seedDemo !== false) {
      seeded = await seed(connection, addresses, { contentDir, stateDir: path.join(dir, "state"), certificates: options.certificates ?? 20, log: () => {} });
    }
    return {
      anvil,
      connection,
      dir,
      deploymentDir: path.join(ignitionDir, "deployments", DEPLOYMENT_ID),
      contentDir,
      signingSeedFile: await writeDemoExtractSeed(path.join(dir, "extract-key")),
      addresses,
      seeded,
      close: async () => {
        await connection.close();
        await anvil.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await anvil.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts the indexer on `chain`: its RPC, deployment and content store, the demo extract key, a free port, its state in
 * `<chain.dir>/indexer`, fresh unless told otherwise; `options` add to or override these.
 */
export async function startChainIndexer(chain: TestChain, options: Partial<StartIndexerOptions> = {}): Promise<RunningIndexer> {
  return startIndexer({
    rpcUrl: chain.anvil.rpcUrl,
    deploymentDir: chain.deploymentDir,
    port: await freePort(),
    fresh: true,
    stateDir: path.join(chain.dir, "indexer"),
    contentDir: chain.contentDir,
    signingSeedFile: chain.signingSeedFile,
    ...options,
  });
}
