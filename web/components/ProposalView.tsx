"use client";
/** A proposal read from chain: state, timeline, tallies, human-readable actions, votes with reasons, and actions. */
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useConnection } from "wagmi";

import { BallotRelayForm } from "@/components/BallotRelayForm";
import { QueueExecute } from "@/components/QueueExecute";
import { VoteForm } from "@/components/VoteForm";
import { useActionSentence } from "@/hooks/useActionSentence";
import { type ProposalAction, useHasVoted, useProposal, useSeat } from "@/hooks/useGovernance";
import { DOC_TYPES, fromSeconds, shortHex } from "@/utils/format";

// The Governor's write code (simulate, send, sign) loads only for a connected account; visitors only read.
const QueueExecuteWrites = dynamic(() => import("@/components/QueueExecuteWrites").then((m) => m.QueueExecuteWrites), { ssr: false });

const show = (value: unknown): string =>
  typeof value === "bigint"
    ? value.toString()
    : Array.isArray(value)
      ? `[${value.map(show).join(", ")}]`
      : typeof value === "object" && value !== null
        ? `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(", ")} }`
        : String(value);

function ActionLine({ action }: { action: ProposalAction }) {
  const t = useTranslations("proposal");
  const types = useTranslations("docTypes");
  const sentence = useActionSentence();
  const arg = (name: string, value: unknown) => (name === "docType" && typeof value === "number" && DOC_TYPES[value] ? types(DOC_TYPES[value]) : show(value));
  return (
    <li>
      <p className="action-sentence">{sentence(action.decoded)}</p>
      {action.call ? (
        <>
          <code>{action.call}</code>
          <dl className="call-args">
            {action.args?.map((a) => (
              <div key={a.name}>
                <dt>{a.name}</dt>
                <dd>{arg(a.name, a.value)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <>
          {t("rawCall", { target: shortHex(action.target) })} <code>{shortHex(action.calldata, 10)}</code>
        </>
      )}
      {action.value > 0n ? <> · {t("value", { value: action.value.toString() })}</> : null}
    </li>
  );
}

export function ProposalView({ id }: { id: string }) {
  const t = useTranslations("proposal");
  const states = useTranslations("proposalStates");
  const format = useFormatter();
  const proposalId = BigInt(id);
  const { address } = useConnection();
  const proposal = useProposal(proposalId);
  const seat = useSeat(address);
  const voted = useHasVoted(proposalId, address);
  const when = (s: bigint) => format.dateTime(fromSeconds(s), { dateStyle: "medium", timeStyle: "medium" });

  if (proposal.isLoading) return <p>{t("loading")}</p>;
  if (proposal.isError) return <p className="error-text">{t("loadFailed")}</p>;
  const p = proposal.data;
  if (!p) {
    return (
      <>
        <h1>{t("title", { id: shortHex(id, 6) })}</h1>
        <p data-testid="proposal-not-found">{t("notFound")}</p>
      </>
    );
  }
  const total = p.tallies.for + p.tallies.against + p.tallies.abstain;
  const pct = (n: bigint) => (total === 0n ? 0 : Number((n * 1000n) / total) / 10);
  return (
    <article aria-labelledby="proposal-title">
      <p className="eyebrow">{t("title", { id: shortHex(id, 6) })}</p>
      <h1 id="proposal-title">{p.title || t("untitled")}</h1>
      <p>
        <span className={`badge state-${p.state}`} data-testid="proposal-state">
          {states(p.state)}
        </span>
      </p>
      {p.rationale ? <p className="lead">{p.rationale}</p> : null}

      <section aria-labelledby="tallies" className="card">
        <h2 id="tallies">{t("tallies")}</h2>
        <dl className="tallies" data-testid="tallies">
          {(["for", "against", "abstain"] as const).map((k) => (
            <div key={k} className={`tally tally-${k}`}>
              <dt>{t(`support.${k}`)}</dt>
              <dd data-testid={`tally-${k}`}>{p.tallies[k].toString()}</dd>
              <div className="bar" aria-hidden="true">
                <span style={{ width: `${pct(p.tallies[k])}%` }} />
              </div>
            </div>
          ))}
        </dl>
        {p.quorum !== undefined ? <p>{t("quorum", { quorum: p.quorum.toString(), counted: (p.tallies.for + p.tallies.abstain).toString() })}</p> : null}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("timeline")}</h2>
        <ol className="timeline">
          <li>{t("votingStarts", { at: when(p.snapshot) })}</li>
          <li>{t("votingEnds", { at: when(p.deadline) })}</li>
          {p.eta > 0n ? <li>{t("executableFrom", { at: when(p.eta) })}</li> : null}
          <li>{t("chainNow", { at: when(p.now) })}</li>
        </ol>
        <p>
          {t("proposer")} <code>{p.proposer}</code>
        </p>
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">{t("actions", { count: p.actions.length })}</h2>
        <ol className="actions">
          {p.actions.map((a, i) => (
            <ActionLine key={i} action={a} />
          ))}
        </ol>
      </section>

      {p.state === "active" ? (
        <>
          <VoteForm proposalId={proposalId} connected={Boolean(address)} seated={(seat.data?.votes ?? 0n) > 0n} voted={voted.data === true} />
          <BallotRelayForm proposalId={proposalId} connected={Boolean(address)} />
        </>
      ) : null}
      {address ? <QueueExecuteWrites proposal={p} /> : p.state === "succeeded" || p.state === "queued" ? <QueueExecute proposal={p} /> : null}

      <section aria-labelledby="votes">
        <h2 id="votes">{t("votes", { count: p.votes.length })}</h2>
        {p.votes.length === 0 ? <p>{t("noVotes")}</p> : null}
        <ul className="votes" data-testid="votes">
          {p.votes.map((v) => (
            <li key={`${v.voter}-${v.blockNumber}`}>
              <code title={v.voter}>{shortHex(v.voter, 4)}</code>{" "}
              <span className={`badge vote-${v.support}`}>{t(`support.${v.support === 1 ? "for" : v.support === 0 ? "against" : "abstain"}`)}</span>
              {v.reason ? <q>{v.reason}</q> : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
