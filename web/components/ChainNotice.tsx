"use client";
/**
 * Says plainly, on every page, when the chain's RPC endpoint does not answer: the on-chain parts (council, registrar,
 * proposals, /verify) cannot load and nothing can be sent. Checks again every few seconds and goes away once it answers.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { getBlockNumber } from "viem/actions";
import { useClient } from "wagmi";

const RECHECK_MS = 10_000;

export function ChainNotice() {
  const t = useTranslations("errors");
  // The bare client plus one tree-shakable action: usePublicClient() would extend it with every public action of
  // viem (simulateCalls, ENS, signature checks …), ~80 KiB gzip shipped to every page for one eth_blockNumber.
  const client = useClient();
  const reachable = useQuery({
    queryKey: ["chain-reachable", client?.uid],
    enabled: Boolean(client),
    queryFn: async () => {
      if (!client) throw new Error("no client");
      return getBlockNumber(client, { cacheTime: 0 });
    },
    // viem's transport already retries a failed request; while it fails, ask again now and then.
    retry: false,
    refetchInterval: (query) => (query.state.status === "error" ? RECHECK_MS : false),
    refetchOnWindowFocus: false,
  });
  if (!reachable.isError) return null;
  return (
    <div className="banner bad" role="alert" data-testid="chain-down">
      {t("chainDown")}
    </div>
  );
}
