import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { GOVERNOR_STATES } from "@government-dao/core/api/proposal";
import { splitProposalDescription } from "@government-dao/core/proposal-description";

import { ProposalControls } from "@/components/ProposalControls";
import { RefreshWhileMissing } from "@/components/RefreshWhileMissing";
import { ApiDown } from "@/components/public/ApiDown";
import { formatters } from "@/components/public/format";
import { SUPPORT_KEY, SUPPORT_VALUE } from "@/components/public/labels";
import { ApiNotFound, load } from "@/lib/api/client";
import { type ApiAction, type ProposalDetail, getProposal } from "@/lib/api/proposals";
import { chainTime, governorStates } from "@/lib/chain";
import { PROPOSAL_STATES, type ProposalStateName, shortHex } from "@/utils/format";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("proposal");
  return { title: t("title", { id: (await params).id.slice(0, 10) }) };
}

/** The row states the indexer derives from events, as the Governor's: the fallback when the chain cannot be read. */
const FROM_ROW: Record<string, ProposalStateName> = { CREATED: "pending", QUEUED: "queued", EXECUTED: "executed", CANCELED: "canceled" };

/**
 * The Governor's state of the proposal: the API's when it gives one of the Governor's eight; else `state()` read from
 * the chain on the server (it depends on the clock and the quorum); else the indexed event-derived state.
 */
async function stateOf(detail: ProposalDetail): Promise<ProposalStateName> {
  const governor = GOVERNOR_STATES.findIndex((s) => s === detail.state);
  if (governor >= 0) return PROPOSAL_STATES[governor] ?? "pending";
  return (await governorStates([detail.proposal.id])).get(detail.proposal.id) ?? FROM_ROW[detail.proposal.state] ?? "pending";
}

/** What an action does, in the reader's language: the API's sentence, else its decoded call, else "a call to …". */
function sentenceOf(action: ApiAction, locale: string): string | null {
  const sentence = action.sentence;
  if (sentence) return locale === "kk" ? sentence.kk : locale === "ru" ? sentence.ru : sentence.en;
  return null;
}

/** The decoded arguments: the API's named, typed ones, else its plain list. */
const argumentsOf = (action: ApiAction): { name: string; type: string | null; value: string }[] =>
  action.args?.map((a) => ({ name: a.name, type: a.type, value: typeof a.value === "string" ? a.value : JSON.stringify(a.value) })) ?? (action.arguments ?? []).map((value, i) => ({ name: `#${i + 1}`, type: null, value }));

/** A proposal, server-rendered from the API's decoded answer; only the wallet controls run in the browser. */
export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,78}$/.test(id)) notFound();
  const t = await getTranslations("proposal");
  const states = await getTranslations("proposalStates");
  const ta = await getTranslations("appeals");
  const f = await formatters();

  const data = await load(async () => {
    const detail = await getProposal(id);
    const [state, now] = await Promise.all([stateOf(detail), chainTime()]);
    return { detail, state, now };
  }).catch((error: unknown) => {
    if (error instanceof ApiNotFound) return { ok: false as const, missing: true };
    throw error;
  });
  if ("missing" in data) {
    // Not (yet) indexed: a proposal submitted a moment ago appears once the public data service has seen its block.
    return (
      <>
        <h1>{t("title", { id: shortHex(id, 6) })}</h1>
        <p data-testid="proposal-not-found">{t("notIndexed")}</p>
        <RefreshWhileMissing />
      </>
    );
  }
  if (!data.ok) {
    return (
      <>
        <h1>{t("title", { id: shortHex(id, 6) })}</h1>
        <ApiDown retryHref={`/proposals/${id}`} />
      </>
    );
  }
  const { detail, state, now } = data.data;
  const p = detail.proposal;
  const { title, rationale } = splitProposalDescription(p.description);
  const tallies = { for: BigInt(p.forVotes), against: BigInt(p.againstVotes), abstain: BigInt(p.abstainVotes) };
  const total = tallies.for + tallies.against + tallies.abstain;
  const pct = (n: bigint) => (total === 0n ? 0 : Number((n * 1000n) / total) / 10);
  const at = (seconds: string) => f.dateTime(seconds);

  return (
    <article aria-labelledby="proposal-title">
      <p className="eyebrow">{t("title", { id: shortHex(id, 6) })}</p>
      <h1 id="proposal-title">{title || t("untitled")}</h1>
      <p>
        <span className={`badge state-${state}`} data-testid="proposal-state">
          {states(state)}
        </span>
      </p>
      {rationale ? <p className="lead">{rationale}</p> : null}

      <section aria-labelledby="actions">
        <h2 id="actions">{t("actions", { count: detail.actions.length })}</h2>
        <ol className="actions" data-testid="actions">
          {detail.actions.map((a) => {
            const sentence = sentenceOf(a, f.locale);
            const call = a.signature ? `${a.targetContract ?? shortHex(a.target)}.${a.signature}` : null;
            return (
              <li key={a.index} data-testid="action">
                <p data-testid="action-sentence">{sentence ?? call ?? t("rawCall", { target: shortHex(a.target) })}</p>
                {BigInt(a.value) > 0n ? <p>{t("value", { value: a.value })}</p> : null}
                <details data-testid="raw-call">
                  <summary>{t("rawCallToggle")}</summary>
                  <dl className="call-args">
                    <div>
                      <dt>{t("target")}</dt>
                      <dd>
                        <code>{a.target}</code>
                        {a.targetContract ? ` (${a.targetContract})` : ""}
                      </dd>
                    </div>
                    {a.signature ? (
                      <div>
                        <dt>{t("signature")}</dt>
                        <dd>
                          <code>{a.signature}</code>
                        </dd>
                      </div>
                    ) : null}
                    {argumentsOf(a).map((arg) => (
                      <div key={arg.name}>
                        <dt>
                          {arg.name}
                          {arg.type ? ` (${arg.type})` : ""}
                        </dt>
                        <dd>
                          <code>{arg.value}</code>
                        </dd>
                      </div>
                    ))}
                    <div>
                      <dt>{t("calldata")}</dt>
                      <dd>
                        <code data-testid="calldata">
                          {a.calldata}
                        </code>
                      </dd>
                    </div>
                  </dl>
                </details>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="tallies" className="card">
        <h2 id="tallies">{t("tallies")}</h2>
        <dl className="tallies" data-testid="tallies">
          {(["for", "against", "abstain"] as const).map((k) => (
            <div key={k} className={`tally tally-${k}`}>
              <dt>{t(`support.${k}`)}</dt>
              <dd data-testid={`tally-${k}`}>{tallies[k].toString()}</dd>
              {/* An SVG width attribute, not a style attribute: the page's CSP allows no inline styles. */}
              <svg className="bar" aria-hidden="true" focusable="false">
                <rect className="bar-fill" width={`${pct(tallies[k])}%`} height="100%" />
              </svg>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("timeline")}</h2>
        <ol className="timeline" data-testid="timeline">
          {detail.timeline
            .filter((e) => e.event !== "vote")
            .map((e, i) => (
              <li key={`${e.event}-${i}`} data-event={e.event}>
                {e.event === "queued" && e.eta ? `${t("timelineEvent.queued", { at: at(e.timestamp) })} · ${t("executableFrom", { at: at(e.eta) })}` : t(`timelineEvent.${e.event}`, { at: at(e.timestamp) })}
              </li>
            ))}
          <li>{t("chainNow", { at: at(now.toString()) })}</li>
        </ol>
        <p>
          {t("proposer")} <code>{p.proposer}</code>
        </p>
      </section>

      <ProposalControls
        id={p.id}
        state={state}
        proposer={p.proposer}
        description={p.description}
        actions={detail.actions.map((a) => ({ target: a.target, value: a.value, calldata: a.calldata }))}
        tallies={{ for: p.forVotes, against: p.againstVotes, abstain: p.abstainVotes }}
        voteStart={p.voteStart}
        voteEnd={p.voteEnd}
        eta={p.eta}
        now={now.toString()}
      />

      <section aria-labelledby="votes">
        <h2 id="votes">{t("votes", { count: detail.votes.length })}</h2>
        {detail.votes.length === 0 ? <p>{t("noVotes")}</p> : null}
        <ul className="votes" data-testid="votes">
          {detail.votes.map((v) => (
            <li key={`${v.voter}-${v.blockNumber}`}>
              <Link href={`/officials/${v.voter}`} title={v.voter}>
                <code>{shortHex(v.voter, 4)}</code>
              </Link>{" "}
              <span className={`badge vote-${SUPPORT_VALUE[v.support]}`}>{t(`support.${SUPPORT_KEY[v.support]}`)}</span>
              {v.reason ? <q>{v.reason}</q> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="proposal-contest" className="card">
        <h2 id="proposal-contest">{ta("contest")}</h2>
        <p className="hint">{ta("contestText")}</p>
        <a className="button secondary" href={`/appeals/new?proposal=${p.id}`} data-testid="contest-link">
          {ta("contestLink")}
        </a>
      </section>
    </article>
  );
}
