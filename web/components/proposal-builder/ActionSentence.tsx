"use client";
/** One decoded action as a human sentence in the reader's language, with the contract call it makes. */
import { useFormatter, useTranslations } from "next-intl";
import { type Address, formatUnits } from "viem";

import { useAgencyNames } from "@/hooks/useAgencies";
import { DOC_TYPES, fromSeconds, shortHex } from "@/utils/format";
import { type Decoded, hex32 } from "@/utils/proposal-actions";

export function ActionSentence({ decoded, decimalsOf, symbolOf }: { decoded: Decoded; decimalsOf: (token: Address) => number; symbolOf: (token: Address) => string }) {
  const t = useTranslations("builder.sentences");
  const types = useTranslations("docTypes");
  const positions = useTranslations("council.positions");
  const format = useFormatter();
  const names = useAgencyNames();
  const agency = (id: number) => (id === 0 ? t("centralGovernment") : (names.get(id) ?? t("agencyNumber", { id })));
  const money = (units: bigint, token: Address) => `${format.number(Number(formatUnits(units, decimalsOf(token))), { maximumFractionDigits: decimalsOf(token) })} ${symbolOf(token)}`;
  const day = (seconds: number) => format.dateTime(fromSeconds(seconds), { dateStyle: "medium", timeZone: "UTC" });
  const a = decoded.action;
  let sentence: string;
  switch (a.kind) {
    case "seatOfficial":
      sentence = t("seatOfficial", {
        official: a.official,
        agency: agency(a.agencyId),
        position: a.position >= 1 && a.position <= 3 ? positions(String(a.position) as "1" | "2" | "3") : positions("other", { code: a.position }),
      });
      break;
    case "addAgency":
      sentence = t("addAgency", { id: a.id, name: a.name, key: shortHex(a.keyHash, 4), count: a.registrars.length });
      break;
    case "issueDocument": {
      const type = DOC_TYPES[a.docType];
      sentence = t("issueDocument", { type: type ? types(type) : String(a.docType), agency: agency(a.agencyId), hash: shortHex(a.contentHash, 6) });
      break;
    }
    case "createAllocation":
      sentence = t("createAllocation", {
        total: money(a.total, a.token),
        recipient: a.recipient,
        budget: shortHex(hex32(a.budgetDocumentId), 4),
        milestones: a.milestones.map((m, i) => t("milestonePart", { n: i, amount: money(m.amount, a.token), due: day(m.deadline) })).join("; "),
      });
      break;
    case "releaseMilestone":
      sentence = t("releaseMilestone", { index: a.index.toString(), allocation: a.allocationId.toString() });
      break;
    default:
      sentence = t("other");
  }
  return (
    <>
      <span className="action-sentence">{sentence}</span>
      {decoded.call ? (
        <>
          {" "}
          <code className="action-call">{decoded.call}</code>
        </>
      ) : null}
    </>
  );
}
