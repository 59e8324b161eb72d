/**
 * The demo's appeals, through real transactions: citizens' keys (made from public demo phrases, like anvil's
 * accounts: never for real use) sign EIP-712 requests and the deployer relays them; registrars forward, extend and
 * answer from their accounts. Every text is validated with core's schema (no personal data) and stored in the
 * content store first, so its sha-256 on chain names a file anyone can read.
 */
import { type BaseWallet, Wallet, id as keccakText } from "ethers";

import {
  APPEAL_REQUEST_TYPES,
  type AppealAnswer,
  appealAnswerSchema,
  appealJson,
  appealNoteSchema,
  appealTextSchema,
  appealsDomain,
} from "@government-dao/core/appeals";
import type { ContentStore } from "@government-dao/core/content-store";

import type { SeedChain } from "./chain.js";
import type { SeedContracts } from "./system.js";

/** `IAppeals.SubjectKind` and `IAppeals.Outcome`, as the contract numbers them. */
export const SubjectKind = { document: 0, proposal: 1 } as const;
const OUTCOME = { upheld: 1, partlyUpheld: 2, rejected: 3 } as const;
type Language = "kk" | "ru" | "en";
type RequestType = keyof typeof APPEAL_REQUEST_TYPES;

/** A demo citizen's key, the same on every run (its private key is keccak256 of a public phrase). */
export const demoCitizen = (n: number): BaseWallet => new Wallet(keccakText(`government-dao demo citizen ${n}`));

export function openAppealDesk(chain: SeedChain, c: SeedContracts, store: ContentStore, relayer: string) {
  const domain = async () => appealsDomain(chain.chainId, (await c.appeals.getAddress()) as `0x${string}`);
  const deadline = async () => BigInt((await chain.now()) + 3_600);

  async function sign(citizen: BaseWallet, type: RequestType, message: Record<string, unknown>): Promise<string> {
    return citizen.signTypedData(await domain(), { [type]: [...APPEAL_REQUEST_TYPES[type]] }, message);
  }
  const note = async (language: Language, text: string) =>
    (await store.putText(appealJson(appealNoteSchema.parse({ schema: "government-dao/appeal-note@1", language, text })))).digest;
  const relayed = async () => c.appeals.connect(await chain.signer(relayer));
  const as = async (account: string) => c.appeals.connect(await chain.signer(account));

  return {
    /** Stores the answer text and returns its digest (for an answer sent by the council's proposal). */
    async answerDigest(answer: Omit<AppealAnswer, "schema">): Promise<string> {
      return (await store.putText(appealJson(appealAnswerSchema.parse({ schema: "government-dao/appeal-answer@1", ...answer })))).digest;
    },
    /** The contract's number of a verdict. */
    outcome: (name: AppealAnswer["outcome"]): number => OUTCOME[name],

    /** `citizen` files an appeal against a document (token id) or a proposal; returns its number. */
    async file(citizen: BaseWallet, kind: number, subject: bigint | string, language: Language, text: string): Promise<bigint> {
      const body = appealTextSchema.parse({ schema: "government-dao/appeal@1", language, text });
      const { digest } = await store.putText(appealJson(body));
      const until = await deadline();
      const nonce = await c.appeals.nonces(citizen.address);
      const signature = await sign(citizen, "FileAppeal", { kind, subject: BigInt(subject), bodyDigest: digest, nonce, deadline: until });
      const appeals = await relayed();
      await chain.send(`file an appeal against ${kind === SubjectKind.document ? "document" : "proposal"} ${String(subject).slice(0, 12)}…`, () =>
        appeals.file(kind, BigInt(subject), digest, citizen.address, until, signature),
      );
      return c.appeals.appealCount();
    },

    async followUp(citizen: BaseWallet, appealId: bigint, language: Language, text: string): Promise<void> {
      const digest = await note(language, text);
      const until = await deadline();
      const signature = await sign(citizen, "FollowUpAppeal", { appealId, bodyDigest: digest, nonce: await c.appeals.nonces(citizen.address), deadline: until });
      const appeals = await relayed();
      await chain.send(`follow up appeal ${appealId}`, () => appeals.followUp(appealId, digest, until, signature));
    },

    async withdraw(citizen: BaseWallet, appealId: bigint): Promise<void> {
      const until = await deadline();
      const signature = await sign(citizen, "WithdrawAppeal", { appealId, nonce: await c.appeals.nonces(citizen.address), deadline: until });
      const appeals = await relayed();
      await chain.send(`withdraw appeal ${appealId}`, () => appeals.withdraw(appealId, until, signature));
    },

    async forward(registrar: string, appealId: bigint, to: number, language: Language, reasons: string): Promise<void> {
      const digest = await note(language, reasons);
      const appeals = await as(registrar);
      await chain.send(`forward appeal ${appealId} to agency ${to}`, () => appeals.forward(appealId, to, digest));
    },

    async extend(registrar: string, appealId: bigint, days: number, language: Language, reasons: string): Promise<void> {
      const digest = await note(language, reasons);
      const a = await c.appeals.appeal(appealId);
      const appeals = await as(registrar);
      await chain.send(`extend appeal ${appealId}`, () => appeals.extend(appealId, a.receivedAt + BigInt(days * 86_400), digest));
    },

    async answer(registrar: string, appealId: bigint, answer: Omit<AppealAnswer, "schema">, remedy = 0n): Promise<void> {
      const digest = await this.answerDigest(answer);
      const appeals = await as(registrar);
      await chain.send(`answer appeal ${appealId}`, () => appeals.answer(appealId, OUTCOME[answer.outcome], digest, remedy));
    },
  };
}
