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

/** Storage key naming the development account connected last (cleared when it disconnects). */
const DEV_SESSION_KEY = "devAccount.connected";

/**
 * One anvil development account as a wagmi `mock` connector that survives a page reload. wagmi's `reconnect` asks
 * each connector `isAuthorized()`; the mock answers from an in-memory flag that a reload resets to false (and,
 * with `defaultConnected`, every dev connector would claim the session at once). So the session lives in wagmi's
 * storage instead: set on connect, cleared on disconnect, and only the account named there is authorized.
 */
function devConnector(account: DevAccount): CreateConnectorFn {
  const id = `${DEV_CONNECTOR_PREFIX}${account.index}`;
  return createConnector((config) => {
    const base = mock({ accounts: [account.address], features: { reconnect: true } })(config);
    return {
      ...base,
      id,
      name: `#${account.index} ${account.address}`,
      type: "devAccount",
      async connect<withCapabilities extends boolean = false>(parameters?: Parameters<typeof base.connect<withCapabilities>>[0]) {
        const connectBase = base.connect<withCapabilities>;
        const result = await connectBase.call(this, parameters);
        await config.storage?.setItem(DEV_SESSION_KEY, id);
        return result;
      },
      async disconnect() {
        await config.storage?.removeItem(DEV_SESSION_KEY);
        await base.disconnect.call(this);
      },
      async isAuthorized() {
        return (await config.storage?.getItem(DEV_SESSION_KEY)) === id;
      },
    };
  });
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
