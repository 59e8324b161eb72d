"use client";
/**
 * "Contest this decision": a citizen writes an appeal, the browser makes a key for it, signs the request (EIP-712,
 * core/src/appeals.ts) and hands it to the relayer (POST /api/appeals). No wallet, no coin, no name: the key is the
 * citizen's tracking code, shown once, kept in this browser and offered as a file; whoever holds it can follow up or
 * withdraw. The text is checked for personal data here and again by the relayer; it is public for ever.
 */
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { getBlock, readContract } from "viem/actions";

import { APPEAL_LANGUAGES, APPEAL_REQUEST_TYPES, APPEAL_SUBJECT_KINDS, appealDigest, appealTextSchema, appealsDomain, personalDataIn } from "@government-dao/core/appeals";
import { useRuntime } from "@/components/Providers";
import { useContract, useReadClient } from "@/hooks/useContract";
import { rememberAppealKey } from "@/utils/appeal-keys";

type Language = (typeof APPEAL_LANGUAGES)[number];
type Status = { step: "idle" } | { step: "sending" } | { step: "filed"; appealId: string; key: Hex } | { step: "failed"; message: string };

export function AppealForm({ kind, subject }: { kind: (typeof APPEAL_SUBJECT_KINDS)[number]; subject: bigint }) {
  const t = useTranslations("appeals");
  const locale = useLocale();
  const runtime = useRuntime();
  const appeals = useContract("Appeals");
  const client = useReadClient();
  const [language, setLanguage] = useState<Language>(APPEAL_LANGUAGES.find((l) => l === locale) ?? "ru");
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status>({ step: "idle" });
  const personal = personalDataIn(text);

  async function submit() {
    const body = appealTextSchema.safeParse({ schema: "government-dao/appeal@1", language, text });
    if (!body.success) {
      setStatus({ step: "failed", message: personal.length > 0 ? t("personalData", { kinds: personal.map((k) => t(`personalKinds.${k}`)).join(", ") }) : t("tooShort") });
      return;
    }
    if (!appeals || !client) {
      setStatus({ step: "failed", message: t("unavailable") });
      return;
    }
    setStatus({ step: "sending" });
    try {
      const key = generatePrivateKey();
      const citizen = privateKeyToAccount(key);
      const [nonce, block] = await Promise.all([readContract(client, { ...appeals, functionName: "nonces", args: [citizen.address] }), getBlock(client)]);
      const deadline = block.timestamp + 3_600n;
      const bodyDigest = appealDigest(body.data);
      const signature = await citizen.signTypedData({
        domain: appealsDomain(runtime.chainId, appeals.address),
        types: APPEAL_REQUEST_TYPES,
        primaryType: "FileAppeal",
        message: { kind: APPEAL_SUBJECT_KINDS.indexOf(kind), subject, bodyDigest, nonce, deadline },
      });
      const response = await fetch("/api/appeals", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "file", kind, subject: subject.toString(), text: body.data, filer: citizen.address, deadline: deadline.toString(), signature }),
      });
      const answer = (await response.json().catch(() => ({}))) as { appealId?: string; message?: string };
      if (!response.ok || !answer.appealId) {
        setStatus({ step: "failed", message: answer.message ?? t("unavailable") });
        return;
      }
      rememberAppealKey(answer.appealId, key);
      setStatus({ step: "filed", appealId: answer.appealId, key });
    } catch {
      setStatus({ step: "failed", message: t("unavailable") });
    }
  }

  if (status.step === "filed") {
    const file = `${t("codeFileText", { id: status.appealId })}\n${status.key}\n`;
    return (
      <section className="card" data-testid="appeal-filed" aria-live="polite">
        <h2>{t("filedTitle", { id: status.appealId })}</h2>
        <p>{t("filedText")}</p>
        <p className="hint">{t("codeText")}</p>
        <p>
          <code data-testid="tracking-code" className="break">
            {status.key}
          </code>
        </p>
        <p className="actions">
          <a className="button" download={`appeal-${status.appealId}.txt`} href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}>
            {t("downloadCode")}
          </a>{" "}
          <a className="button secondary" href={`/appeals/${status.appealId}`} data-testid="appeal-link">
            {t("open", { id: status.appealId })}
          </a>
        </p>
      </section>
    );
  }

  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="appeal-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="appeal-form-title">{t("formTitle")}</h2>
      <p className="hint">{t("formIntro")}</p>
      <label htmlFor="appeal-language">{t("language")}</label>
      <select id="appeal-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {APPEAL_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
      <label htmlFor="appeal-text">{t("text")}</label>
      <textarea id="appeal-text" rows={8} maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="appeal-text-hint" />
      <p id="appeal-text-hint" className={personal.length > 0 ? "error-text" : "hint"} data-testid="personal-data" data-found={personal.join(",")}>
        {personal.length > 0 ? t("personalData", { kinds: personal.map((k) => t(`personalKinds.${k}`)).join(", ") }) : t("public")}
      </p>
      <button type="submit" className="button" disabled={status.step === "sending" || personal.length > 0}>
        {status.step === "sending" ? t("sending") : t("submit")}
      </button>
      {status.step === "failed" ? (
        <p className="error-text" role="alert" data-testid="appeal-error">
          {status.message}
        </p>
      ) : null}
    </form>
  );
}
