"use client";
/**
 * What the document page and the documents list tell a citizen, checked in the browser against the chain, not taken
 * from the public data service: the status read from DocumentRegistry.verify (hooks/useDocument.ts) and the agency co-signature checked as
 * /verify checks it (hooks/useCoSignature.ts). The server renders the service's answer first; once the chain has
 * answered, the chain's value is shown and any disagreement with the service is said plainly.
 */
import "@/utils/zod-jitless";
import { useTranslations } from "next-intl";
import type { Hex } from "viem";

import { CoSignatureText } from "@/components/CoSignatureText";
import { useAgencyNames } from "@/hooks/useAgencies";
import { useCoSignatureCheck } from "@/hooks/useCoSignature";
import { useVerifyDocument } from "@/hooks/useDocument";
import type { CoSignatureCheck, DocumentStatus } from "@/lib/api/documents";

const CLASS: Record<DocumentStatus, string> = { ACTIVE: "state-active", AMENDED: "state-queued", REVOKED: "state-canceled" };
const STATUS = { active: "ACTIVE", amended: "AMENDED", revoked: "REVOKED" } as const satisfies Record<string, DocumentStatus>;

/** What the public data service reported for the page (server-rendered until the chain answers). */
export interface Reported {
  status: DocumentStatus;
  coSignature: CoSignatureCheck["status"];
  /** The facts the page shows that the chain also holds, as the service gave them. */
  agencyId: string;
  issuer: string;
  metadataDigest: string;
  supersedes: string | null;
  supersededBy: string | null;
}

/** The facts compared with the chain's, each as the chain and the service would write it (lower case, "—" for none). */
const FACTS = ["agencyId", "issuer", "metadataDigest", "supersedes", "supersededBy"] as const;
const norm = (value: string | number | null | undefined): string => (value === null || value === undefined ? "—" : String(value).toLowerCase());

/** The chain's answer for `id`: its status (undefined while reading) and whether the chain has the document at all. */
function useChainDocument(id: Hex) {
  const result = useVerifyDocument(id);
  const doc = result.data?.found ? result.data : undefined;
  const coSignature = useCoSignatureCheck(doc);
  return { result, doc, status: doc ? STATUS[doc.status] : undefined, coSignature };
}

/**
 * The status badge: the service's value until the chain answers, then the chain's (`data-source` says which). One
 * `DocumentRegistry.verify` call: the document page and each row of the documents list use it.
 */
export function ChainStatus({ id, reported, testId = "doc-status" }: { id: Hex; reported: Pick<Reported, "status">; testId?: string }) {
  const t = useTranslations("docStatuses");
  const result = useVerifyDocument(id);
  const status = result.data?.found ? STATUS[result.data.status] : undefined;
  const shown = status ?? reported.status;
  return (
    <span className={`badge ${CLASS[shown]}`} data-testid={testId} data-status={shown} data-source={status ? "chain" : "api"}>
      {t(shown)}
    </span>
  );
}

/** The co-signature cell: the browser's own check, never the service's verdict. */
export function ChainCoSignature({ id }: { id: Hex }) {
  const t = useTranslations("verify");
  const agencyNames = useAgencyNames();
  const { result, coSignature } = useChainDocument(id);
  const failed = result.isError || coSignature.isError;
  const status = coSignature.data?.status ?? (failed ? "unchecked" : "checking");
  return (
    <dd data-testid="cosignature" data-cosignature={status} className={status === "valid" ? "ok" : undefined}>
      <CoSignatureText verdict={coSignature.data} failed={failed} agencyName={(agency) => agencyNames.get(agency) ?? t("agencyId", { id: agency })} />
    </dd>
  );
}

/** Says how the page was checked against the chain, and each point where the service disagrees with it. */
export function ChainCheck({ id, reported }: { id: Hex; reported: Reported }) {
  const t = useTranslations("document.chain");
  const statuses = useTranslations("docStatuses");
  const { result, doc, status, coSignature } = useChainDocument(id);
  if (result.isError) {
    return (
      <p className="banner warn" data-testid="chain-check" data-chain="unreachable" role="status">
        {t("unreachable")}
      </p>
    );
  }
  if (!result.data) {
    return (
      <p className="hint" data-testid="chain-check" data-chain="checking" aria-live="polite">
        {t("checking")}
      </p>
    );
  }
  if (doc && !coSignature.data && !coSignature.isError) {
    return (
      <p className="hint" data-testid="chain-check" data-chain="checking" aria-live="polite">
        {t("checking")}
      </p>
    );
  }
  const problems: { key: string; text: string }[] = [];
  if (!doc) problems.push({ key: "notFound", text: t("notFound") });
  if (status && status !== reported.status) problems.push({ key: "status", text: t("status", { api: statuses(reported.status), chain: statuses(status) }) });
  if (doc) {
    const chain = { agencyId: doc.agencyId, issuer: doc.issuer, metadataDigest: doc.metadataDigest, supersedes: doc.supersedes, supersededBy: doc.supersededBy };
    for (const fact of FACTS) {
      const [api, onChain] = [norm(reported[fact]), norm(chain[fact])];
      if (api !== onChain) problems.push({ key: fact, text: t("fact", { fact: t(`facts.${fact}`), api, chain: onChain }) });
    }
  }
  const verdict = coSignature.data?.status;
  if (verdict && verdict !== "valid" && reported.coSignature === "valid") problems.push({ key: "coSignature", text: t("coSignatureNotValid") });
  if (verdict === "valid" && reported.coSignature !== "valid") problems.push({ key: "coSignature", text: t("coSignatureValid") });
  if (problems.length === 0) {
    return (
      <p className="hint ok" data-testid="chain-check" data-chain="agrees" aria-live="polite">
        {t("agrees")}
      </p>
    );
  }
  return (
    <div className="banner bad" data-testid="chain-check" data-chain="disagrees" role="alert">
      <p className="banner-title">{t("disagrees")}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.key} data-problem={p.key}>
            {p.text}
          </li>
        ))}
      </ul>
      {doc?.status === "revoked" && doc.revokeReason ? <p>{t("revokeReason", { reason: doc.revokeReason })}</p> : null}
    </div>
  );
}
