/**
 * Seeds a freshly deployed GovernmentDAO with demo data, through real transactions only: every governance change
 * is a proposal passed by the officials' votes and executed by the Timelock; anvil's clock is moved forward
 * (`evm_increaseTime` + `evm_mine`) through voting delays, voting periods and the Timelock delay.
 *
 * What it leaves (see README "Demo data"):
 *  - 6 officials (3 genesis + 3 seated by two proposals), agencies 1, 2 and 3 with the demo ML-DSA key hashes;
 *  - decrees and laws enacted by proposal (one decree amended, one revoked), a Budget, agency orders and a notice
 *    issued by the registrars, a Merkle-anchored batch of 1,000 certificates; every metadata JSON co-signed;
 *  - DKZT deposited by the treasurer, two allocations with two milestones each: one milestone released, one
 *    overdue;
 *  - citizens' appeals (signed by demo citizen keys, relayed): one in each state, one overdue, one answered by the
 *    council's proposal with the amendment it led to;
 *  - at the end, one proposal in each state Pending, Active, Defeated, Succeeded, Queued, Canceled (and the
 *    executed ones). Pending and Active move on with the wall clock (voting delay / period).
 *
 * Idempotence: a chain that already holds a finished seed (its record in `.local/seed/` and the final proposal on
 * chain) is skipped; a chain with proposals but no finished seed is refused with one plain message (restart the
 * chain). If a step fails, the error names the step and says the chain holds a partial seed.
 */
import type { NetworkConnection } from "hardhat/types/network";

import { DEFAULT_CONTENT_DIR, openContentStore } from "@government-dao/core/content-store";
import { AGENCY, agencyName, cast } from "@government-dao/devchain/demo-cast";
import { GOVERNMENT_OFFICE_AGENCY_ID } from "@government-dao/core/cosignature";
import { CATALOGUE, type CatalogueKey, MILESTONES } from "./catalogue.js";
import { prepareCertificateBatch } from "./certificates.js";
import { openSeedChain } from "./chain.js";
import { SubjectKind, demoCitizen, openAppealDesk } from "./appeals.js";
import { type PreparedDocument, demoKeyring, prepareDocument } from "./documents.js";
import { type Action, type Ballot, type Proposal, type ProposalStateName, Support, action, openCouncil } from "./governance.js";
import { type SeedRecord, readRecord, recordFile, writeRecord } from "./record.js";
import { type ChainSummary, type SeedAddresses, connectSystem, formatSummary, readSummary } from "./system.js";

export type { SeedAddresses } from "./system.js";

export interface SeedOptions {
  /** Content store directory (default `.local/content`). */
  contentDir?: string;
  /** Where the seed record goes (default `.local`; the record is `<stateDir>/seed/chain-<id>-<governor>.json`). */
  stateDir?: string;
  /** Progress output (default console.log). */
  log?: (line: string) => void;
  /** Size of the certificate batch (default 1,000). */
  certificates?: number;
}

export interface SeedResult {
  /** True when the chain already held a finished seed and nothing was sent. */
  skipped: boolean;
  transactions: number;
  seconds: number;
  summary: ChainSummary;
  record: SeedRecord;
  recordFile: string;
}

const DAY = 86_400;
/** Amounts in tiyn (DKZT has 2 decimals). */
const DKZT = (tenge: bigint): bigint => tenge * 100n;
const DEPOSIT = DKZT(2_000_000_000n);

/** Positions (codes; labels live off chain): 1 minister, 2 vice-minister, 3 department director. */
const POSITION = { minister: 1, viceMinister: 2, director: 3 } as const;

export async function seed(connection: NetworkConnection, addresses: SeedAddresses, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const c = connectSystem(addresses, connection.ethers.provider);
  const chain = await openSeedChain(connection, Object.values(c).map((contract) => contract.interface));
  const store = openContentStore(options.contentDir ?? DEFAULT_CONTENT_DIR);
  const file = recordFile(options.stateDir ?? ".local", chain.chainId, addresses.governor);

  // ── Fresh, finished or half-seeded? ──
  const existingProposals = await c.governor.proposalCount();
  if (existingProposals > 0n) {
    const record = await readRecord(file);
    if (record && (await c.governor.proposalSnapshot(BigInt(record.finalProposalId))) > 0n) {
      log(`• demo data already seeded on chain ${chain.chainId} (record ${file}): nothing to do`);
      return { skipped: true, transactions: 0, seconds: 0, summary: await readSummary(c), record, recordFile: file };
    }
    throw new Error(
      `This deployment already has ${existingProposals} proposal(s) but no finished seed (no matching ${file}): ` +
        "it was seeded partly or used by hand. The seed runs only on a fresh deployment: restart the chain (npm start) and seed again.",
    );
  }

  let step = "checking the deployment";
  const progress = (text: string) => {
    step = text;
    log(`• ${text}`);
  };
  try {
    const record = await seedSteps();
    record.seconds = Math.round((Date.now() - started) / 100) / 10;
    record.transactions = chain.sent;
    await writeRecord(file, record);
    const summary = await readSummary(c);
    log(`seeded in ${record.seconds} s with ${chain.sent} transactions:`);
    for (const line of formatSummary(summary)) log(`  ${line}`);
    return { skipped: false, transactions: chain.sent, seconds: record.seconds, summary, record, recordFile: file };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Seed stopped while ${step}: ${reason}\nThe chain now holds part of the demo data after ${chain.sent} transaction(s); ` +
        "restart the chain (npm start) before seeding again.",
    );
  }

  async function seedSteps(): Promise<SeedRecord> {
    const keys = demoKeyring();
    const ctx = { store, chainId: chain.chainId, registry: addresses.documents, keys };
    const council = openCouncil(chain, c.governor, cast.deployer);
    const documents: SeedRecord["documents"] = {};
    const proposals: SeedRecord["proposals"] = {};
    const [o0, o1, o2] = cast.officials;
    const [c0, c1, c2] = cast.candidates;

    // ── The agencies' demo keys, published in the content store (CID digest = pqKeyHash). ──
    progress("publishing the agencies' demo ML-DSA public keys");
    const publicKeys: SeedRecord["publicKeys"] = {};
    const alignment: Action[] = [];
    for (const id of [AGENCY.finance, AGENCY.digital, AGENCY.governmentOffice]) {
      const k = keys(id);
      const stored = await store.put(k.publicKey);
      if (stored.digest !== k.publicKeyHash) throw new Error("content store digest differs from the key hash");
      publicKeys[String(id)] = stored.cid;
      const onChain = await c.agencies.agency(id).catch(() => undefined);
      if (!onChain) {
        if (id !== GOVERNMENT_OFFICE_AGENCY_ID) throw new Error(`agency ${id} (${agencyName(id)}) is not in the registry: deploy with start.ts's parameters`);
        alignment.push(action(c.agencies, "addAgency", [{ id, name: agencyName(id), pqKeyHash: k.publicKeyHash, registrars: [] }]));
      } else if (onChain.pqKeyHash !== k.publicKeyHash) {
        alignment.push(action(c.agencies, "rotateAgencyKey", [id, k.publicKeyHash]));
      }
    }
    for (const [id, registrar] of [[AGENCY.finance, cast.financeRegistrar], [AGENCY.digital, cast.digitalRegistrar]] as const) {
      if (!(await c.agencies.isRegistrar(id, registrar))) alignment.push(action(c.agencies, "addRegistrar", [id, registrar]));
    }
    for (const official of cast.officials) {
      if ((await c.seats.getVotes(official)) !== 1n) throw new Error(`official ${official} (anvil account) holds no seat: deploy with start.ts's genesis seats`);
    }
    for (const candidate of cast.candidates) {
      if ((await c.seats.seatIdOf(candidate)) !== 0n) throw new Error(`${candidate} already has a seat: not a fresh deployment`);
    }
    // Proposing counts the proposer's votes one second in the past: step past the second the seats were minted in.
    await chain.warpTo((await chain.now()) + 1);

    // ── Three more officials, by two proposals. ──
    progress(`proposal: seat a Ministry of Finance director${alignment.length > 0 ? ` (and align ${alignment.length} agency setting(s))` : ""}`);
    const genesisFor: Ballot[] = cast.officials.map((voter) => ({ voter, support: Support.For }));
    proposals.seatFinance = idOf(
      await council.pass(
        o0,
        [...alignment, action(c.seats, "issue", [c0, AGENCY.finance, POSITION.director])],
        "Seat a Ministry of Finance director",
        "The budget department needs a vote on the council during the pilot.",
        genesisFor,
      ),
    );
    progress("proposal: seat two Ministry of Digital Development officials");
    proposals.seatDigital = idOf(
      await council.pass(
        o2,
        [action(c.seats, "issue", [c1, AGENCY.digital, POSITION.viceMinister]), action(c.seats, "issue", [c2, AGENCY.digital, POSITION.director])],
        "Seat two Ministry of Digital Development officials",
        "A vice-minister and the director of the e-government department join the council.",
        [...genesisFor, { voter: c0, support: Support.For }],
      ),
    );
    const all = [o0, o1, o2, c0, c1, c2] as const;
    const ballots = (against: readonly string[] = [], abstain: readonly string[] = [], reasons: Record<string, string> = {}): Ballot[] =>
      all.map((voter) => ({
        voter,
        support: against.includes(voter) ? Support.Against : abstain.includes(voter) ? Support.Abstain : Support.For,
        ...(reasons[voter] ? { reason: reasons[voter] } : {}),
      }));

    const prepare = async (key: CatalogueKey, supersedes?: string): Promise<PreparedDocument> => {
      const doc = await prepareDocument(CATALOGUE[key], ctx, await chain.now(), supersedes);
      documents[key] = { tokenId: doc.contentHash, metadataCid: doc.metadataCid };
      return doc;
    };
    const issueAction = (d: PreparedDocument): Action =>
      action(c.documents, "issue", [d.docType, d.spec.agencyId, d.contentHash, d.metadataDigest, d.coSignatureDigest]);
    const enact = async (key: CatalogueKey, proposer: string, votes: Ballot[], rationale: string): Promise<PreparedDocument> => {
      const doc = await prepare(key);
      progress(`proposal: ${doc.spec.type} ${doc.spec.number} "${doc.spec.title.en}"`);
      proposals[key] = idOf(await council.pass(proposer, [issueAction(doc)], `${label(doc)}`, rationale, votes));
      return doc;
    };

    // ── Decrees and laws, by proposal. ──
    const decreePilot = await enact("decreePilot", o0, ballots([], [], { [o1]: "The pilot keeps paper archives untouched." }), "Starts the pilot of registered digital documents in two ministries.");
    await enact("lawSignatures", o2, ballots([], [c2], { [c2]: "Abstain until the key-management audit is published." }), "Gives ML-DSA co-signatures of agencies legal force.");
    const decreeWorkingGroup = await enact("decreeWorkingGroup", o1, ballots([c1, c2]), "Creates the open-data working group.");
    await enact("lawOpenBudget", c0, ballots(), "Makes allocations, milestones and releases open data.");

    // ── Agency documents, issued by the registrars directly. ──
    for (const [key, registrar] of [
      ["orderBudgetReports", cast.financeRegistrar],
      ["orderTengeAccounting", cast.financeRegistrar],
      ["orderCertificateRegister", cast.digitalRegistrar],
      ["noticeMaintenance", cast.digitalRegistrar],
    ] as const) {
      const doc = await prepare(key);
      progress(`registrar issues ${doc.spec.type} ${doc.spec.number}`);
      const registry = c.documents.connect(await chain.signer(registrar));
      await chain.send(`issue ${doc.spec.number}`, () =>
        registry.issue(doc.docType, doc.spec.agencyId, doc.contentHash, doc.metadataDigest, doc.coSignatureDigest),
      );
    }

    // ── Citizens' appeals against the agencies' documents and a decree. ──
    progress("citizens file appeals (each signed with its own key, relayed by the deployer)");
    const desk = openAppealDesk(chain, c, store, cast.deployer);
    const appeals: SeedRecord["appeals"] = {};
    const tokenOf = (key: CatalogueKey): string => {
      const tokenId = documents[key]?.tokenId;
      if (tokenId === undefined) throw new Error(`document "${key}" was not issued before its appeal`);
      return tokenId;
    };
    const overdue = await desk.file(demoCitizen(1), SubjectKind.document, tokenOf("orderBudgetReports"), "ru",
      "Прошу пересмотреть приказ о квартальных отчётах: пять рабочих дней на подачу отчёта невыполнимы для районных акиматов.");
    appeals.overdue = overdue.toString();
    const forwarded = await desk.file(demoCitizen(2), SubjectKind.document, tokenOf("orderTengeAccounting"), "kk",
      "Цифрлық теңге есебі туралы бұйрықта ауылдық округтер үшін шоттарды ашу тәртібі көрсетілмеген.");
    await desk.forward(cast.financeRegistrar, forwarded, AGENCY.digital, "ru", "Порядок открытия счетов цифрового тенге ведёт Министерство цифрового развития.");
    await desk.answer(cast.digitalRegistrar, forwarded, {
      language: "kk",
      outcome: "rejected",
      reasons: "Шоттарды ашу тәртібі бұйрықтың 4-тармағында бекітілген; ауылдық округтер аудан әкімдігі арқылы ашады.",
    });
    appeals.forwardedAndRejected = forwarded.toString();
    const extended = await desk.file(demoCitizen(3), SubjectKind.document, tokenOf("noticeMaintenance"), "en",
      "The maintenance window in the notice falls on a tax deadline; please move it so citizens can file on time.");
    await desk.extend(cast.digitalRegistrar, extended, 45, "en", "The tax committee must confirm its deadline calendar before the window can move.");
    appeals.extended = extended.toString();
    const withdrawn = await desk.file(demoCitizen(4), SubjectKind.document, tokenOf("orderCertificateRegister"), "kk",
      "Куәліктер тізілімі туралы бұйрықта тексеру сілтемесі көрсетілмеген.");
    await desk.followUp(demoCitizen(4), withdrawn, "kk", "Сілтемені тізілім бетінен таптым.");
    await desk.withdraw(demoCitizen(4), withdrawn);
    appeals.withdrawn = withdrawn.toString();
    const upheld = await desk.file(demoCitizen(5), SubjectKind.document, decreePilot.contentHash, "ru",
      "Постановление о пилоте не распространяется на уведомления и реестры справок, хотя они выдаются теми же министерствами.");
    appeals.upheld = upheld.toString();

    // ── 1,000 certificates anchored as one Merkle root. ──
    const count = options.certificates ?? 1_000;
    progress(`registrar anchors a batch of ${count} certificates`);
    const batch = await prepareCertificateBatch(ctx, { agencyId: AGENCY.digital, series: "DL-2026", count, adoptedAt: await chain.now() });
    const digitalRegistry = c.documents.connect(await chain.signer(cast.digitalRegistrar));
    await chain.send("anchor the certificate batch", () => digitalRegistry.anchorBatch(batch.agencyId, batch.root, batch.count, batch.metadataDigest));

    // ── Amend one decree, revoke another, by proposal. ──
    const revised = await prepare("decreePilotRevised", decreePilot.contentHash);
    progress(`proposal: amend ${decreePilot.spec.number} by ${revised.spec.number}, answering appeal ${upheld}`);
    const upheldAnswer = await desk.answerDigest({
      language: "ru",
      outcome: "upheld",
      reasons: `Обращение удовлетворено: постановление изменено (${revised.spec.number}), пилот распространён на уведомления и реестры справок.`,
    });
    proposals.amendDecree = idOf(
      await council.pass(
        o2,
        [
          action(c.documents, "amend", [decreePilot.contentHash, revised.contentHash, revised.metadataDigest, revised.coSignatureDigest, "Extends the pilot to notices and certificate batches."]),
          action(c.appeals, "answer", [upheld, desk.outcome("upheld"), upheldAnswer, revised.contentHash]),
        ],
        `Amend ${label(decreePilot)}`,
        `The pilot now covers notices and Merkle-anchored certificate registries, as appeal ${upheld} asked.`,
        ballots(),
      ),
    );
    progress(`proposal: revoke ${decreeWorkingGroup.spec.number}`);
    proposals.revokeDecree = idOf(
      await council.pass(
        o1,
        [action(c.documents, "revoke", [decreeWorkingGroup.contentHash, "Replaced by the Law on open budget data (L-2026/002)."])],
        `Revoke ${label(decreeWorkingGroup)}`,
        "The Law on open budget data assigns the group's tasks to the Ministry of Finance.",
        ballots([c2]),
      ),
    );

    // ── The budget, the deposit, two allocations, one release, one overdue milestone. ──
    const budget = await enact("budget2026", o0, ballots([], [o2]), "Funds the digital government programme for 2026.");
    progress(`treasurer deposits ${DEPOSIT / 100n} DKZT into the escrow`);
    const tenge = c.tenge.connect(await chain.signer(cast.treasurer));
    const escrow = c.escrow.connect(await chain.signer(cast.treasurer));
    await chain.send("approve DKZT", () => tenge.approve(addresses.escrow, DEPOSIT));
    await chain.send("deposit DKZT", () => escrow.deposit(addresses.tenge, DEPOSIT));

    const t = await chain.now();
    const milestone = async (text: (typeof MILESTONES)[keyof typeof MILESTONES], amount: bigint, deadline: number) => ({
      amount,
      deadline,
      descriptionHash: (await store.putText(`${JSON.stringify({ schema: "government-dao/milestone@1", description: text })}\n`)).digest,
    });
    const platformPlan = [
      await milestone(MILESTONES.platformDesign, DKZT(200_000_000n), t + 30 * DAY),
      await milestone(MILESTONES.platformLaunch, DKZT(300_000_000n), t + 120 * DAY),
    ];
    const coursesPlan = [
      await milestone(MILESTONES.coursesFirstCohort, DKZT(100_000_000n), t + 10 * DAY),
      await milestone(MILESTONES.coursesAllRegions, DKZT(200_000_000n), t + 90 * DAY),
    ];
    const sum = (plan: { amount: bigint }[]) => plan.reduce((n, m) => n + m.amount, 0n);
    const first = (await c.escrow.allocationCount()) + 1n;
    const allocations = { platform: first.toString(), courses: (first + 1n).toString() };
    progress("proposal: two allocations of the 2026 budget (two milestones each)");
    proposals.allocations = idOf(
      await council.pass(
        o1,
        [
          action(c.escrow, "createAllocation", [cast.contractors[0], addresses.tenge, budget.contentHash, sum(platformPlan), platformPlan]),
          action(c.escrow, "createAllocation", [cast.contractors[1], addresses.tenge, budget.contentHash, sum(coursesPlan), coursesPlan]),
        ],
        "Allocate the 2026 budget: registry platform and digital literacy courses",
        `Executes ${budget.spec.number}, lines 1 and 2.`,
        ballots(),
      ),
    );
    progress("proposal: release the first milestone of the platform allocation");
    proposals.release = idOf(
      await council.pass(
        c0,
        [action(c.escrow, "releaseMilestone", [allocations.platform, 0])],
        "Release milestone 1 of the registry platform allocation",
        "The platform design was accepted by the Ministry of Digital Development.",
        ballots([], [], { [o2]: "Acceptance report reviewed." }),
      ),
    );
    // Past the first course milestone's deadline and the unanswered appeal's due date (15 working days).
    const overdueAt = Math.max(coursesPlan[0]?.deadline ?? t, Number((await c.appeals.appeal(overdue)).dueAt)) + 3_600;
    progress(`time passes: ${Math.round((overdueAt - (await chain.now())) / DAY)} days, the first course milestone and appeal ${overdue} become overdue`);
    await chain.warpTo(overdueAt);
    if (!(await c.escrow.isOverdue(allocations.courses, 0))) throw new Error("the course milestone is not overdue after the warp");
    if (!(await c.appeals.isOverdue(overdue)) || (await c.appeals.isOverdue(extended))) throw new Error("appeal due dates are not as planned after the warp");

    // ── One proposal in each remaining state. ──
    progress("proposals that end Defeated, Succeeded and Queued");
    const draft = async (key: CatalogueKey, proposer: string, rationale: string): Promise<Proposal> => {
      const doc = await prepare(key);
      return council.propose(proposer, [issueAction(doc)], label(doc), rationale);
    };
    const defeated = await draft("lawPaperDuplicates", c1, "Paper copies for citizens without internet access.");
    const succeeded = await draft("decreeOpenDataRoadmap", o2, "A public roadmap for the open data portal.");
    const queued = await draft("decreeDigitalArchive", o0, "Archive government decisions with their hashes.");
    await council.openVoting(defeated, succeeded, queued);
    await council.vote(defeated, [
      { voter: c1, support: Support.For },
      { voter: c2, support: Support.For },
      { voter: o0, support: Support.Against, reason: "Duplicates on paper defeat the purpose of the pilot." },
      { voter: o1, support: Support.Against },
      { voter: o2, support: Support.Against },
      { voter: c0, support: Support.Abstain },
    ]);
    const inFavour = (...voters: string[]): Ballot[] => voters.map((voter) => ({ voter, support: Support.For }));
    await council.vote(succeeded, [...inFavour(o2, o0, c1, c2), { voter: o1, support: Support.Against }]);
    await council.vote(queued, inFavour(o0, o1, o2, c0, c1));
    await council.closeVoting(defeated, succeeded, queued);
    await council.queue(queued);

    progress("a proposal withdrawn by its proposer (Canceled)");
    const canceled = await draft("decreeSecondStage", o1, "Schedule of the second stage.");
    await council.cancel(canceled, o1);

    progress("a proposal open for voting (Active)");
    const active = await draft("lawAllocationRegister", o0, "Every allocation and milestone in a public register.");
    await council.openVoting(active);
    await council.vote(active, [
      { voter: o0, support: Support.For },
      { voter: c1, support: Support.For, reason: "Citizens should see every allocation." },
    ]);

    progress("a citizen appeals against the proposal open for voting");
    appeals.proposal = (
      await desk.file(demoCitizen(6), SubjectKind.proposal, active.id, "en", "A public register of allocations should name the recipients' contracts, not only their addresses.")
    ).toString();

    progress("a proposal waiting for its voting delay (Pending)");
    const pending = await draft("decreePilotEvaluation", o2, "An independent evaluation of the pilot.");

    const expected: [string, Proposal, ProposalStateName][] = [
      ["defeated", defeated, "Defeated"],
      ["succeeded", succeeded, "Succeeded"],
      ["queued", queued, "Queued"],
      ["canceled", canceled, "Canceled"],
      ["active", active, "Active"],
      ["pending", pending, "Pending"],
    ];
    for (const [role, proposal, state] of expected) {
      proposals[role] = idOf(proposal);
      const actual = await council.state(proposal);
      if (actual !== state) throw new Error(`proposal "${proposal.title}" is ${actual}, expected ${state}`);
    }

    return {
      version: 1,
      chainId: chain.chainId.toString(),
      governor: addresses.governor,
      finishedAt: new Date().toISOString(),
      transactions: 0,
      seconds: 0,
      finalProposalId: idOf(pending),
      documents,
      batch: { root: batch.root, count: batch.count, metadataCid: batch.metadataCid, treeDumpCid: batch.treeDumpCid },
      proposals,
      allocations,
      appeals,
      publicKeys,
    };
  }
}

const idOf = (p: Proposal): string => p.id.toString();
const label = (d: PreparedDocument): string =>
  `${d.spec.type[0]?.toUpperCase()}${d.spec.type.slice(1)} ${d.spec.number}: ${d.spec.title.en}`;
