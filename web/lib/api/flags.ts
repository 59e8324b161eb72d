/** The digital auditor's published flags (empty until the auditor has run). Shape: @government-dao/core/api/flags. */
import { type Flag, type FlagsAnswer, flagsAnswerSchema } from "@government-dao/core/api/flags";

import { getJson } from "./client";

export type ApiFlag = Flag;
export type FlagsReport = FlagsAnswer;

export const getFlags = (): Promise<FlagsReport> => getJson("/flags", flagsAnswerSchema);
