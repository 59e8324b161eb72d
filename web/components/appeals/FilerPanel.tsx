"use client";
/**
 * The filer's own controls on a pending appeal: add a message, or withdraw it. Both are requests signed with the
 * appeal's key (the tracking code: kept in this browser when it filed, or pasted by the citizen) and handed to the
 * relayer like the filing, so they need no wallet either. The key never leaves the browser; only signatures do.
 */
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { getBlock, readContract } from "viem/actions";

import { APPEAL_LANGUAGES, APPEAL_REQUEST_TYPES, appealDigest, appealNoteSchema, appealsDomain } from "@government-dao/core/appeals";
import { useRuntime } from "@/components/Providers";
import { useContract, useReadClient } from "@/hooks/useContract";
import { appealKey } from "@/utils/appeal-keys";

type Outcome = { step: "idle" | "sending" } | { step: "done"; what: "followUp" | "withdraw" } | { step: "failed"; message: string };

export function FilerPanel({ id, filer }: { id: bigint; filer: Hex }) {
  const t = useTranslations("appeals");
  const locale = useLocale();
  const runtime = useRuntime();
  const appeals = useContract("Appeals");
  const client = useReadClient();
  const [key, setKey] = useState<Hex | undefined>();
  const [pasted, setPasted] = useState("");
  const [message, setMessage] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ step: "idle" });
  useEffect(() => setKey(appealKey(id.toString())), [id]);

  const candidate = key ?? (/^0x[0-9a-fA-F]{64}$/.test(pasted.trim()) ? (pasted.trim() as Hex) : undefined);
  const account = candidate ? privateKeyToAccount(candidate) : undefined;
  const mine = account !== undefined && account.address.toLowerCase() === filer.toLowerCase();

  async function send(what: "followUp" | "withdraw") {
    if (!account || !mine || !appeals || !client) return;
    const language = APPEAL_LANGUAGES.find((l) => l === locale) ?? "ru";
    const note = what === "followUp" ? appealNoteSchema.safeParse({ schema: "government-dao/appeal-note@1", language, text: message }) : undefined;
    if (note && !note.success) {
      setOutcome({ step: "failed", message: note.error.issues[0]?.message ?? t("tooShort") });
      return;
    }
    setOutcome({ step: "sending" });
    try {
      const [nonce, block] = await Promise.all([readContract(client, { ...appeals, functionName: "nonces", args: [account.address] }), getBlock(client)]);
      const deadline = block.timestamp + 3_600n;
      const domain = appealsDomain(runtime.chainId, appeals.address);
      const text = note?.success ? note.data : undefined;
      const signature = text
        ? await account.signTypedData({ domain, types: APPEAL_REQUEST_TYPES, primaryType: "FollowUpAppeal", message: { appealId: id, bodyDigest: appealDigest(text), nonce, deadline } })
        : await account.signTypedData({ domain, types: APPEAL_REQUEST_TYPES, primaryType: "WithdrawAppeal", message: { appealId: id, nonce, deadline } });
      const response = await fetch("/api/appeals", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: what, appealId: id.toString(), ...(text ? { text } : {}), filer: account.address, deadline: deadline.toString(), signature }),
      });
      const answer = (await response.json().catch(() => ({}))) as { message?: string };
      if (!response.ok) {
        setOutcome({ step: "failed", message: answer.message ?? t("unavailable") });
        return;
      }
      setMessage("");
      setOutcome({ step: "done", what });
    } catch {
      setOutcome({ step: "failed", message: t("unavailable") });
    }
  }

  return (
    <section className="card" data-testid="filer-panel" aria-labelledby="filer-panel-title">
      <h2 id="filer-panel-title">{t("filerTitle")}</h2>
      {key === undefined ? (
        <>
          <label htmlFor="appeal-code">{t("pasteCode")}</label>
          <input id="appeal-code" type="password" autoComplete="off" value={pasted} onChange={(e) => setPasted(e.target.value)} />
          {candidate && !mine ? <p className="error-text">{t("notYourCode")}</p> : null}
        </>
      ) : null}
      {mine ? (
        <>
          <label htmlFor="appeal-message">{t("followUp")}</label>
          <textarea id="appeal-message" rows={4} maxLength={10_000} value={message} onChange={(e) => setMessage(e.target.value)} />
          <p className="actions">
            <button type="button" className="button" disabled={outcome.step === "sending" || message.trim().length < 5} onClick={() => void send("followUp")}>
              {t("sendFollowUp")}
            </button>{" "}
            <button type="button" className="button danger" disabled={outcome.step === "sending"} onClick={() => void send("withdraw")}>
              {t("withdraw")}
            </button>
          </p>
        </>
      ) : null}
      <div role="status" aria-live="polite" data-testid="filer-status" data-step={outcome.step}>
        {outcome.step === "done" ? <p className="ok">{t(outcome.what === "withdraw" ? "withdrawn" : "followedUp")}</p> : null}
        {outcome.step === "failed" ? <p className="error-text">{outcome.message}</p> : null}
      </div>
    </section>
  );
}
