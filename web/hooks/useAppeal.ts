"use client";
/**
 * Appeals, read in the browser from the chain (Appeals.appeal, isOverdue) and their texts from the content store
 * through the hash check (utils/content.ts), so what a citizen is told about an appeal never rests on a server's
 * word. Writing: a registrar's answer (its text stored first by POST /api/appeal-texts, then `Appeals.answer`).
 */
import { useQuery } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import { getBlock, readContract } from "viem/actions";
import type { z } from "zod";

import { APPEAL_OUTCOMES, APPEAL_STATES, APPEAL_SUBJECT_KINDS, type AppealVerdict, appealAnswerSchema, appealNoteSchema, appealTextSchema, isPendingAppeal } from "@government-dao/core/appeals";
import { useContract, useReadClient } from "@/hooks/useContract";
import { useTransaction } from "@/hooks/useTransaction";
import { PlainError } from "@/utils/errors";
import { fetchContent } from "@/utils/content";

export type AppealStateName = (typeof APPEAL_STATES)[number];
export type AppealOutcomeName = (typeof APPEAL_OUTCOMES)[number];

export interface ChainAppeal {
  id: bigint;
  kind: (typeof APPEAL_SUBJECT_KINDS)[number];
  state: AppealStateName;
  outcome: AppealOutcomeName;
  /** The body that must answer: an agency id, 0 for the council. */
  respondent: number;
  filer: Address;
  filedAt: bigint;
  dueAt: bigint;
  answeredAt: bigint;
  subject: bigint;
  bodyDigest: Hex;
  answerDigest: Hex;
  remedy: bigint;
  overdue: boolean;
  /** The chain's time when read (the latest block's timestamp): what "days left" counts from. */
  chainTime: bigint;
}

/** Whether the appeal still waits for its answer. */
export const isPending = (state: AppealStateName): boolean => isPendingAppeal(state);

/** Appeal `id` as the chain has it; `null` when there is no such appeal. */
export function useAppeal(id: bigint) {
  const appeals = useContract("Appeals");
  const client = useReadClient();
  return useQuery({
    queryKey: ["appeal", appeals?.address, id.toString()],
    enabled: Boolean(appeals && client),
    refetchInterval: 5_000,
    queryFn: async (): Promise<ChainAppeal | null> => {
      if (!appeals || !client) throw new Error("not ready");
      const count = await readContract(client, { ...appeals, functionName: "appealCount" });
      if (id < 1n || id > count) return null;
      const [a, overdue, block] = await Promise.all([
        readContract(client, { ...appeals, functionName: "appeal", args: [id] }),
        readContract(client, { ...appeals, functionName: "isOverdue", args: [id] }),
        getBlock(client),
      ]);
      return {
        id,
        kind: APPEAL_SUBJECT_KINDS[a.kind] ?? "document",
        state: APPEAL_STATES[a.state] ?? "none",
        outcome: APPEAL_OUTCOMES[a.outcome] ?? "none",
        respondent: a.respondent,
        filer: a.filer,
        filedAt: BigInt(a.filedAt),
        dueAt: BigInt(a.dueAt),
        answeredAt: BigInt(a.answeredAt),
        subject: a.subject,
        bodyDigest: a.bodyDigest,
        answerDigest: a.answerDigest,
        remedy: a.remedy,
        overdue,
        chainTime: block.timestamp,
      };
    },
  });
}

type TextSchema = typeof appealTextSchema | typeof appealAnswerSchema | typeof appealNoteSchema;

/** The text whose sha-256 is `digest`, checked against it and parsed with `schema`; null when absent or invalid. */
export function useAppealText<S extends TextSchema>(digest: Hex | undefined, schema: S) {
  return useQuery({
    queryKey: ["appeal-text", digest],
    enabled: digest !== undefined && !/^0x0{64}$/.test(digest),
    staleTime: Infinity,
    queryFn: async (): Promise<z.infer<S> | null> => {
      if (!digest) return null;
      const read = await fetchContent(digest);
      if (!("bytes" in read)) return null;
      const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(read.bytes)));
      return parsed.success ? (parsed.data as z.infer<S>) : null;
    },
  });
}

/** A registrar's (or, on the local chain, any respondent's) reasoned answer: stores the text, then sends `answer`. */
export function useAnswerAppeal() {
  const appeals = useContract("Appeals");
  const { state, run, reset } = useTransaction();
  const answer = (id: bigint, outcome: AppealVerdict, language: "kk" | "ru" | "en", reasons: string) =>
    run(async ({ publicClient, walletClient, account }) => {
      if (!appeals) throw new PlainError("noDeployment");
      const response = await fetch("/api/appeal-texts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ schema: "government-dao/appeal-answer@1", language, outcome, reasons }),
      });
      const body = (await response.json().catch(() => ({}))) as { digest?: Hex; error?: string };
      if (!response.ok || !body.digest) throw new PlainError(body.error === "personalData" ? "personalData" : "storageUnavailable");
      const args = [id, APPEAL_OUTCOMES.indexOf(outcome), body.digest, 0n] as const;
      const { request } = await publicClient.simulateContract({ ...appeals, functionName: "answer", args, account });
      return walletClient.writeContract(request);
    });
  return { state, answer, reset };
}
