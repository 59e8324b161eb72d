"use client";
/** Choose the kind of action, then fill its typed form; "Add action" appends the encoded call to the proposal. */
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Address } from "viem";

import { AddAgencyForm } from "@/components/proposal-builder/AddAgencyForm";
import { AnswerAppealForm, type CouncilAppeal } from "@/components/proposal-builder/AnswerAppealForm";
import { AllocationForm, type BudgetOption } from "@/components/proposal-builder/AllocationForm";
import { MintDecreeForm } from "@/components/proposal-builder/MintDecreeForm";
import { type PendingMilestone, ReleaseMilestoneForm } from "@/components/proposal-builder/ReleaseMilestoneForm";
import { SeatOfficialForm } from "@/components/proposal-builder/SeatOfficialForm";
import type { EscrowToken } from "@/hooks/useEscrowTokens";
import type { ProposalCall } from "@/utils/proposal-actions";

export const ACTION_KINDS = ["seatOfficial", "addAgency", "mintDecree", "createAllocation", "releaseMilestone", "answerAppeal"] as const;
type ActionKind = (typeof ACTION_KINDS)[number];

export interface ActionPickerProps {
  onAdd: (call: ProposalCall) => void;
  budgets: readonly BudgetOption[];
  pending: readonly PendingMilestone[];
  appeals: readonly CouncilAppeal[];
  tokens: readonly EscrowToken[];
  decimalsOf: (token: Address) => number;
  symbolOf: (token: Address) => string;
}

export function ActionPicker(props: ActionPickerProps) {
  const t = useTranslations("builder");
  const id = useId();
  const [kind, setKind] = useState<ActionKind>("seatOfficial");
  return (
    <section aria-labelledby={`${id}-heading`} className="card builder-picker">
      <h2 id={`${id}-heading`}>{t("addHeading")}</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t("kindLabel")}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ActionKind)}>
          {ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === "seatOfficial" ? <SeatOfficialForm onAdd={props.onAdd} /> : null}
      {kind === "addAgency" ? <AddAgencyForm onAdd={props.onAdd} /> : null}
      {kind === "mintDecree" ? <MintDecreeForm onAdd={props.onAdd} /> : null}
      {kind === "createAllocation" ? <AllocationForm onAdd={props.onAdd} budgets={props.budgets} tokens={props.tokens} symbolOf={props.symbolOf} /> : null}
      {kind === "answerAppeal" ? <AnswerAppealForm onAdd={props.onAdd} appeals={props.appeals} /> : null}
      {kind === "releaseMilestone" ? <ReleaseMilestoneForm onAdd={props.onAdd} pending={props.pending} decimalsOf={props.decimalsOf} symbolOf={props.symbolOf} /> : null}
    </section>
  );
}
