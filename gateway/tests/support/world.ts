/**
 * The gateway tests' world: anvil on a free port, the demo system deployed with Ignition into a temporary folder
 * (scripts/lib/deploy-system.ts), the demo gateway configuration (devchain/src/gateway-config.ts), the gateway
 * itself as a child process (lib/run.ts), and a signed client per agency system (core's `gatewayFetch`).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type {} from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import type { NetworkConnection } from "hardhat/types/network";
import { type Hex, createPublicClient, http } from "viem";
import { type LocalAccount, privateKeyToAccount } from "viem/accounts";

import type { Receipt } from "@government-dao/core/api/gateway";
import { demoAgencySystemKey } from "@government-dao/core/dev-accounts";
import { gatewayFetch } from "@government-dao/core/gateway-request";
import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { writeDemoGatewayConfig } from "@government-dao/devchain/gateway-config";
import { ROOT_DIR, type SystemAddresses, deploySystem, isolatedConnection } from "../../../scripts/lib/deploy-system.js";
import { type RunningGateway, type StartGatewayOptions, startGateway } from "../../lib/run.ts";

export interface World {
  anvil: Anvil;
  connection: NetworkConnection;
  addresses: SystemAddresses;
  dir: string;
  deploymentDir: string;
  contentDir: string;
  configFile: string;
  gateway: RunningGateway;
  chain: ReturnType<typeof createPublicClient>;
  /** A JSON-RPC call to anvil (its own methods included). */
  rpc(method: string, params: unknown[]): Promise<unknown>;
  /** Stops anvil (it saves its state: the mined blocks, not the pending transactions) and starts it again on the same port. */
  restartChain(): Promise<void>;
  /** (Re)starts the gateway on the same state, port and configuration. */
  restart(options?: Partial<StartGatewayOptions>): Promise<RunningGateway>;
  /** The demo system key of agency `agencyId`. */
  systemKey(agencyId: number): LocalAccount;
  /** A signed request as agency `agencyId`'s system (`as`: another key). */
  call(agencyId: number, request: { method: "GET" | "POST"; path: string; body?: unknown; idempotencyKey?: string; as?: LocalAccount; time?: number }): Promise<Response>;
  /** Polls the receipt of `key` until it is final. */
  final(agencyId: number, key: string, options?: { timeoutMs?: number; as?: LocalAccount }): Promise<Receipt>;
  close(): Promise<void>;
}

const DEPLOYMENT_ID = "gateway-test";

export async function startWorld(options: { webhooks?: Record<number, string>; auditors?: string[]; databaseUrl?: string } = {}): Promise<World> {
  process.chdir(ROOT_DIR);
  const dir = await mkdtemp(path.join(os.tmpdir(), "gateway-test-"));
  const stateFile = path.join(dir, "chain-state.json");
  const anvil = await startAnvil({ port: await freePort(), stateFile });
  const connection = await isolatedConnection(anvil.rpcUrl, path.join(dir, "ignition"));
  const addresses = await deploySystem(connection, DEPLOYMENT_ID);
  const deploymentDir = path.join(dir, "ignition", "deployments", DEPLOYMENT_ID);
  const contentDir = path.join(dir, "content");
  const configFile = await writeDemoGatewayConfig(path.join(dir, "gateway-config"), { ...(options.webhooks ? { webhooks: options.webhooks } : {}), ...(options.auditors ? { auditors: options.auditors } : {}) });
  const port = await freePort();
  const base: StartGatewayOptions = { rpcUrl: anvil.rpcUrl, deploymentDir, configFile, stateDir: path.join(dir, "gateway"), contentDir, port, publicSite: "http://dapp.test", ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) };
  const chain = createPublicClient({ transport: http(anvil.rpcUrl) });
  const chainId = await chain.getChainId();

  const world: World = {
    anvil,
    connection,
    addresses,
    dir,
    deploymentDir,
    contentDir,
    configFile,
    gateway: await startGateway(base),
    chain,
    async rpc(method, params) {
      const response = await fetch(world.anvil.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
      const answer = (await response.json()) as { result?: unknown; error?: { message: string } };
      if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
      return answer.result;
    },
    async restartChain() {
      await world.anvil.stop();
      world.anvil = await startAnvil({ port: world.anvil.port, stateFile });
    },
    async restart(more = {}) {
      world.gateway = await startGateway({ ...base, ...more });
      return world.gateway;
    },
    systemKey: (agencyId) => privateKeyToAccount(demoAgencySystemKey(agencyId)),
    call: (agencyId, request) =>
      gatewayFetch(world.gateway.url, request.as ?? world.systemKey(agencyId), {
        chainId, agencyId, method: request.method, path: request.path, body: request.body,
        ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
        ...(request.time ? { time: request.time } : {}),
      }),
    async final(agencyId, key, { timeoutMs = 60_000, as } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const response = await world.call(agencyId, { method: "GET", path: `/v1/agencies/${agencyId}/requests/${key}`, ...(as ? { as } : {}) });
        if (response.ok) {
          const receipt = (await response.json()) as Receipt;
          if (receipt.state === "confirmed" || receipt.state === "failed") return receipt;
        }
        if (Date.now() > until) throw new Error(`request ${key} of agency ${agencyId} is not final after ${timeoutMs} ms (last answer ${response.status})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await world.gateway.stop();
      await connection.close();
      await world.anvil.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** A description of a made-up document numbered `n` (its file never exists: the gateway takes only the hash). */
export function documentRequest(n: number, contentHash: Hex) {
  return {
    type: "certificate" as const,
    contentHash,
    number: `GW-${n}`,
    title: { kk: `Анықтама ${n}`, ru: `Справка ${n}`, en: `Certificate ${n}` },
    dates: { adopted: "2026-12-01" },
    body: { mediaType: "application/pdf", size: 1000 + n },
  };
}
