/** The API's settings history (GET /api/v1/settings-history): every change of a council setting, newest first. */
import { z } from "zod";

import { address, count, decimal, hash, pageOf } from "./fields.ts";

/** The council's rules that governance can change: the Governor's settings and the Timelock's. */
export const COUNCIL_SETTINGS = [
  "VOTING_DELAY",
  "VOTING_PERIOD",
  "PROPOSAL_THRESHOLD",
  "QUORUM_NUMERATOR",
  "LATE_QUORUM_VOTE_EXTENSION",
  "TIMELOCK_MIN_DELAY",
  "TIMELOCK_GRACE_PERIOD",
] as const;

/** One change of a setting (id: transaction hash - log index), with the proposal whose execution made it. */
export const settingChangeSchema = z
  .object({
    id: z.string(),
    setting: z.enum(COUNCIL_SETTINGS),
    contract: address,
    oldValue: decimal,
    newValue: decimal,
    proposalId: decimal.nullable().meta({ description: "the proposal whose execution made the change; null: set at deployment" }),
    sender: address,
    timestamp: decimal,
    blockNumber: decimal,
    transactionHash: hash,
    logIndex: count,
  })
  .meta({ description: "One change of a council setting (Governor or Timelock), with the proposal that made it." });
export type SettingChange = z.infer<typeof settingChangeSchema>;

export const settingChangePageSchema = pageOf(settingChangeSchema);
