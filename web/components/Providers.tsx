"use client";
/** Client-side context: the runtime configuration, wagmi and react-query. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, createContext, useContext, useState } from "react";
import { WagmiProvider } from "wagmi";

import type { RuntimeConfig } from "@/lib/config";
import { makeWagmiConfig } from "@/lib/wagmi";

const RuntimeContext = createContext<RuntimeConfig | null>(null);

/** The runtime configuration the server rendered this page with. */
export function useRuntime(): RuntimeConfig {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error("useRuntime outside <Providers>");
  return runtime;
}

export function Providers({ runtime, children }: { runtime: RuntimeConfig; children: ReactNode }) {
  const [wagmiConfig] = useState(() => makeWagmiConfig(runtime));
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 2_000 } } }));
  return (
    <RuntimeContext.Provider value={runtime}>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </WagmiProvider>
    </RuntimeContext.Provider>
  );
}
