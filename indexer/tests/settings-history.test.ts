/**
 * The history of the council's rules (issue 17 finding 6): every change of a Governor or Timelock setting is served
 * with its old and new value and the proposal that made it — REST (JSON and CSV), GraphQL and the audit log — on a
 * live indexer over a real anvil (PGlite).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { connectGovernment } from "../../scripts/lib/contracts.js";
import { DEMO_SETTINGS, cast } from "@government-dao/devchain/demo-cast";
import { Support, openCouncil } from "../../scripts/lib/seed/governance.js";
import { openSeedChain } from "../../scripts/lib/seed/chain.js";
import type { RunningIndexer } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

interface SettingChangeRow {
  setting: string;
  contract: string;
  oldValue: string;
  newValue: string;
  proposalId: string | null;
  transactionHash: string;
}

const NEW_VOTING_PERIOD = 600n;
const NEW_MIN_DELAY = 120n;

describe("settings history (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  let proposalId = "";

  before(async () => {
    chain = await startTestChain({ seedDemo: false });
    const seedChain = await openSeedChain(chain.connection);
    const { governor, timelock } = connectGovernment(chain.addresses, await seedChain.signer(cast.deployer));
    const council = openCouncil(seedChain, governor, cast.deployer);
    // Voting power counts from the second after the seats were issued.
    await seedChain.warpTo((await seedChain.now()) + 2);
    // One proposal changes two rules: the Governor's voting period and the Timelock's delay.
    const passed = await council.pass(
      cast.officials[0],
      [
        { target: chain.addresses.governor, value: 0n, data: governor.interface.encodeFunctionData("setVotingPeriod", [NEW_VOTING_PERIOD]) },
        { target: chain.addresses.timelock, value: 0n, data: timelock.interface.encodeFunctionData("updateDelay", [NEW_MIN_DELAY]) },
      ],
      "Longer votes, longer delay",
      "Officials asked for more time.",
      cast.officials.map((voter) => ({ voter, support: Support.For })),
    );
    proposalId = passed.id.toString();
    indexer = await startChainIndexer(chain);
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  const json = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${indexer.url}${route}`);
    assert.equal(response.status, 200, route);
    return (await response.json()) as T;
  };

  it("serves the deployment's values and the proposal's changes, newest first, with the proposal that made them", async () => {
    const { items } = await json<{ items: SettingChangeRow[] }>("/api/v1/settings-history");
    const [latestDelay, latestPeriod] = [items.find((r) => r.setting === "TIMELOCK_MIN_DELAY"), items.find((r) => r.setting === "VOTING_PERIOD")];
    assert.deepEqual(
      { setting: latestPeriod?.setting, oldValue: latestPeriod?.oldValue, newValue: latestPeriod?.newValue, proposalId: latestPeriod?.proposalId, contract: latestPeriod?.contract },
      { setting: "VOTING_PERIOD", oldValue: String(DEMO_SETTINGS.votingPeriod), newValue: NEW_VOTING_PERIOD.toString(), proposalId, contract: chain.addresses.governor },
    );
    assert.deepEqual(
      { oldValue: latestDelay?.oldValue, newValue: latestDelay?.newValue, proposalId: latestDelay?.proposalId, contract: latestDelay?.contract },
      { oldValue: String(DEMO_SETTINGS.timelockMinDelay), newValue: NEW_MIN_DELAY.toString(), proposalId, contract: chain.addresses.timelock },
    );
    // The deployment's own values are there too, with no proposal.
    const initial = items.filter((r) => r.proposalId === null);
    assert.ok(initial.some((r) => r.setting === "VOTING_DELAY" && r.oldValue === "0" && r.newValue === String(DEMO_SETTINGS.votingDelay)));
    assert.ok(initial.some((r) => r.setting === "VOTING_PERIOD" && r.newValue === String(DEMO_SETTINGS.votingPeriod)));
  });

  it("filters by setting, answers CSV, and refuses an unknown setting with a 400", async () => {
    const { items } = await json<{ items: SettingChangeRow[] }>("/api/v1/settings-history?setting=VOTING_PERIOD");
    assert.deepEqual(items.map((r) => r.newValue), [NEW_VOTING_PERIOD.toString(), String(DEMO_SETTINGS.votingPeriod)]);
    const csv = await (await fetch(`${indexer.url}/api/v1/settings-history?setting=TIMELOCK_MIN_DELAY&format=csv`)).text();
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    assert.match(header ?? "", /^id,setting,contract,oldValue,newValue,proposalId,/);
    assert.equal(lines.length, 2);
    assert.ok(lines[0]?.includes(`,${NEW_MIN_DELAY},${proposalId},`));
    assert.equal((await fetch(`${indexer.url}/api/v1/settings-history?setting=QUORUM`)).status, 400);
  });

  it("puts every change in the audit log and in GraphQL", async () => {
    const { items } = await json<{ items: { kind: string; detail: string | null; transactionHash: string }[] }>("/api/v1/audit-log?limit=200");
    const audited = items.filter((r) => r.kind === "SETTING_CHANGED").map((r) => r.detail);
    assert.ok(audited.includes(`VOTING_PERIOD ${DEMO_SETTINGS.votingPeriod} -> ${NEW_VOTING_PERIOD}`), JSON.stringify(audited));
    assert.ok(audited.includes(`TIMELOCK_MIN_DELAY ${DEMO_SETTINGS.timelockMinDelay} -> ${NEW_MIN_DELAY}`));
    const response = await fetch(`${indexer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ settingChanges(where: { setting: VOTING_PERIOD }, orderBy: \"blockNumber\", orderDirection: \"desc\") { items { oldValue newValue } } }" }),
    });
    const body = (await response.json()) as { data?: { settingChanges: { items: { oldValue: string; newValue: string }[] } }; errors?: unknown };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(body.data?.settingChanges.items[0], { oldValue: String(DEMO_SETTINGS.votingPeriod), newValue: NEW_VOTING_PERIOD.toString() });
  });
});
