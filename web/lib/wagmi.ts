/**
 * The wagmi configuration: one chain (the deployment's), the browser wallet through `injected()`, and — on the
 * local anvil chain only, when the server enables it — one connector per anvil development account, clearly
 * labelled. Development accounts send through the chain node, which holds anvil's well-known keys unlocked.
 */
import { type Chain, defineChain, http } from "viem";
import { createConfig, createConnector, type CreateConnectorFn } from "wagmi";
import { injected, mock } from "wagmi/connectors";

import { type DevAccount, LOCAL_CHAIN_ID, type RuntimeConfig } from "@/lib/config";

/** Connector id prefix of the development accounts. */
export const DEV_CONNECTOR_PREFIX = "dev-account-";

export function chainOf(config: Pick<RuntimeConfig, "chainId" | "rpcUrl">): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainId === LOCAL_CHAIN_ID ? "Local chain (anvil)" : `Chain ${config.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
}

function devConnector(account: DevAccount): CreateConnectorFn {
  return createConnector((config) => ({
    ...mock({ accounts: [account.address], features: { reconnect: true } })(config),
    id: `${DEV_CONNECTOR_PREFIX}${account.index}`,
    name: `#${account.index} ${account.address}`,
    type: "devAccount",
  }));
}

export function makeWagmiConfig(runtime: RuntimeConfig) {
  const chain = chainOf(runtime);
  const dev = runtime.chainId === LOCAL_CHAIN_ID ? runtime.devAccounts.map(devConnector) : [];
  return createConfig({
    chains: [chain],
    connectors: [injected(), ...dev],
    transports: { [chain.id]: http(runtime.rpcUrl, { batch: false }) },
    ssr: true,
    // A local chain mines at once; poll receipts and blocks every second rather than viem's default four.
    pollingInterval: 1_000,
    multiInjectedProviderDiscovery: false,
  });
}
