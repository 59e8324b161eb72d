import { getTranslations } from "next-intl/server";

import type { DocumentStatus as Status } from "@/lib/api/documents";

const CLASS: Record<Status, string> = { ACTIVE: "state-active", AMENDED: "state-queued", REVOKED: "state-canceled" };

export async function DocumentStatus({ status }: { status: Status }) {
  const t = await getTranslations("docStatuses");
  return (
    <span className={`badge ${CLASS[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}
