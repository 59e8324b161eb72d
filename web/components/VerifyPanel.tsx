"use client";
/**
 * Verify a file: it is hashed here (sha-256; utils/hash.ts) and only the hash is looked up on chain with
 * DocumentRegistry.verify. Says found / not found, current / amended / revoked, and why. Like `gov verify`, an empty
 * file or one over 256 MiB is refused with a plain message (components/FileDrop.tsx) and nothing is looked up.
 */
import "@/utils/zod-jitless";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Hex } from "viem";

import { Account } from "@/components/Account";
import { CoSignatureText } from "@/components/CoSignatureText";
import { FileDrop } from "@/components/FileDrop";
import { useAgencyNames } from "@/hooks/useAgencies";
import { useChainDate } from "@/hooks/useChainDate";
import { useCoSignatureCheck } from "@/hooks/useCoSignature";
import { useVerifyDocument } from "@/hooks/useDocument";

export function VerifyPanel() {
  const t = useTranslations("verify");
  const types = useTranslations("docTypes");
  const date = useChainDate();
  const [hash, setHash] = useState<Hex>();
  const result = useVerifyDocument(hash);
  const agencyNames = useAgencyNames();
  const coSignature = useCoSignatureCheck(result.data?.found ? result.data : undefined);

  return (
    <section aria-labelledby="verify-file">
      <h2 id="verify-file" className="visually-hidden">
        {t("fileLabel")}
      </h2>
      <FileDrop
        label={t("fileLabel")}
        hint={t("privacy")}
        onHashed={(file) => setHash(file?.hash)}
      />
      <div aria-live="polite" className="verify-result" data-testid="verify-result">
        {hash ? (
          <p className="hash">
            {t("hash")} <code data-testid="content-hash">{hash}</code>
          </p>
        ) : null}
        {result.isLoading ? <p>{t("checking")}</p> : null}
        {result.isError ? (
          <p className="error-text" role="alert">
            {t("lookupFailed")}
          </p>
        ) : null}
        {result.data && !result.data.found ? (
          <div className="verdict verdict-unknown" data-verdict="not-found">
            <h2>{t("notFound")}</h2>
            <p>{t("notFoundWhy")}</p>
            {result.data.unsearchedBatches > 0 ? <p data-testid="unsearched-batches">{t("unsearchedBatches", { count: result.data.unsearchedBatches })}</p> : null}
          </div>
        ) : null}
        {result.data?.found ? (
          <div className={`verdict verdict-${result.data.status}`} data-verdict={result.data.status}>
            <h2>{t(`verdict.${result.data.status}`)}</h2>
            <p>{t(`why.${result.data.status}`)}</p>
            {result.data.status === "amended" && result.data.amendReason ? (
              <p>
                <strong>{t("amendReason")}</strong> {result.data.amendReason}
              </p>
            ) : null}
            {result.data.status === "revoked" && result.data.revokeReason ? (
              <p>
                <strong>{t("revokeReason")}</strong> {result.data.revokeReason}
              </p>
            ) : null}
            <dl className="facts">
              <dt>{t("type")}</dt>
              <dd>{types(result.data.type)}</dd>
              <dt>{t("agency")}</dt>
              <dd>{result.data.agencyId === 0 ? t("centralGovernment") : (agencyNames.get(result.data.agencyId) ?? t("agencyId", { id: result.data.agencyId }))}</dd>
              <dt>{t("issuedAt")}</dt>
              <dd data-testid="issued-at">{date(result.data.issuedAt, { time: true })}</dd>
              <dt>{t("issuer")}</dt>
              <dd data-testid="issuer">
                <Account address={result.data.issuer} />
              </dd>
              <dt>{t("coSignature")}</dt>
              <dd data-testid="cosignature" data-cosignature={coSignature.data?.status ?? (coSignature.isError ? "unchecked" : "checking")} className={coSignature.data?.status === "valid" ? "ok" : undefined}>
                <CoSignatureText verdict={coSignature.data} failed={coSignature.isError} agencyName={(id) => agencyNames.get(id) ?? t("agencyId", { id })} />
              </dd>
              {result.data.batch ? (
                <>
                  <dt>{t("batch")}</dt>
                  <dd data-testid="batch-member">
                    {t("batchMember", { number: result.data.batch.metadata.number, count: result.data.batch.count })} <code>{result.data.batch.root}</code>
                  </dd>
                  {result.data.batch.file ? (
                    <>
                      <dt>{t("batchFile")}</dt>
                      <dd data-testid="batch-file">{t("batchFileText", { name: result.data.batch.file.name, number: result.data.batch.metadata.number })}</dd>
                    </>
                  ) : null}
                </>
              ) : null}
              {result.data.supersedes ? (
                <>
                  <dt>{t("supersedes")}</dt>
                  <dd>
                    <code>{result.data.supersedes}</code>
                  </dd>
                </>
              ) : null}
              {result.data.supersededBy ? (
                <>
                  <dt>{t("supersededBy")}</dt>
                  <dd>
                    <code>{result.data.supersededBy}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
        ) : null}
      </div>
    </section>
  );
}
