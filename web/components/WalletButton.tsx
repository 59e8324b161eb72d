"use client";
/**
 * Connect / disconnect. Offers the browser wallet (`injected()`) and, on the local chain only, anvil's development
 * accounts in a clearly labelled group. When connected, shows the account and warns on a wrong network.
 */
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";

import { useRuntime } from "@/components/Providers";
import { DEV_CONNECTOR_PREFIX } from "@/lib/wagmi";
import { shortHex } from "@/utils/format";

export function WalletButton() {
  const t = useTranslations("wallet");
  const runtime = useRuntime();
  const { address, chainId, connector, isConnected, status } = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  const menu = useRef<HTMLDetailsElement>(null);

  if (isConnected && address) {
    const wrong = chainId !== runtime.chainId;
    return (
      <div className="wallet" data-wallet-status={status} data-connector={connector?.id}>
        <span className="wallet-account" title={address} data-testid="connected-account">
          <span className="visually-hidden">{t("connectedAs")} </span>
          {shortHex(address, 4)}
        </span>
        {wrong ? (
          <button type="button" className="button warn" onClick={() => switchChain.mutate({ chainId: runtime.chainId })}>
            {t("switchNetwork")}
          </button>
        ) : null}
        <button type="button" className="button secondary" onClick={() => disconnect.mutate()}>
          {t("disconnect")}
        </button>
      </div>
    );
  }

  const injected = connectors.filter((c) => !c.id.startsWith(DEV_CONNECTOR_PREFIX));
  const dev = connectors.filter((c) => c.id.startsWith(DEV_CONNECTOR_PREFIX));
  const roleOf = (id: string) => runtime.devAccounts.find((a) => `${DEV_CONNECTOR_PREFIX}${a.index}` === id);
  return (
    <details className="wallet-menu" ref={menu} data-wallet-status={status}>
      <summary className="button">{t("connect")}</summary>
      <div className="wallet-panel">
        <ul className="plain">
          {injected.map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                className="button"
                onClick={() => {
                  connect.mutate({ connector });
                  if (menu.current) menu.current.open = false;
                }}
              >
                {t("browserWallet")}
              </button>
            </li>
          ))}
        </ul>
        {connect.error ? (
          <p role="alert" className="error-text">
            {t("noWallet")}
          </p>
        ) : null}
        {dev.length > 0 ? (
          <section aria-labelledby="dev-accounts-title" className="dev-accounts">
            <h2 id="dev-accounts-title">{t("devAccounts")}</h2>
            <p className="hint">{t("devAccountsHint")}</p>
            <ul className="plain">
              {dev.map((connector) => {
                const account = roleOf(connector.id);
                return (
                  <li key={connector.uid}>
                    <button
                      type="button"
                      className="button secondary dev-account"
                      onClick={() => {
                        connect.mutate({ connector });
                        if (menu.current) menu.current.open = false;
                      }}
                    >
                      #{account?.index} {account ? t(`roles.${account.role}`) : ""}{" "}
                      <code>{account ? shortHex(account.address, 4) : ""}</code>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </div>
    </details>
  );
}
