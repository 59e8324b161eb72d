/**
 * The scripted scenario whose REAL logs the mapping tests index.
 *
 * Starts a fresh anvil on a free port, deploys GovernmentDAO + the dev DigitalTenge with Hardhat Ignition (into
 * tests/.scenario/ignition/deployments/subgraph-scenario, so the repository's own deployments are untouched),
 * drives the Governor and the Timelock for real, then fetches every block, transaction and log through JSON-RPC
 * (eth_getBlockByNumber, eth_getLogs via the ethers provider) and writes them to tests/.scenario/scenario.json.
 * anvil is always stopped, also on failure.
 *
 * The story:
 *  P1  seat a fourth official (Digital Development)   votes: FOR with reason, FOR without, ABSTAIN with reason
 *  P2  mint a decree + a budget, add a registrar        votes: FOR, AGAINST, FOR, ABSTAIN (all with reasons)
 *      registrar: issue an order, amend it, revoke the new version; amending the revoked one REVERTS (mined)
 *      registrar: anchor a batch of 3 certificates, revoke one member with its Merkle proof
 *      treasurer: deposit DigitalTenge and native coin into the escrow
 *  P3  create an allocation with two milestones citing the budget   (one vote with params)
 *  P4  release milestone 0, quorum reached late → voting extended
 *  P5  proposed, then cancelled by its proposer while pending
 *  P6  one call of EVERY state-changing function of our contracts (tests/harness/sample-calls.ts), left pending:
 *      every action type the system can propose, decoded from a real ProposalCreated
 *  P7  odd calldata the Governor accepts (tests/harness/sample-calls.ts `oddCalls`), left pending
 *      appeals (deployed with two genesis holidays; each citizen signs with a fresh, never funded key, the deployer
 *      relays), numbered in filing order:
 *      1  against a new order of Finance: forwarded to Digital Development, extended, the order amended, answered
 *         UPHELD by Digital Development's registrar with the amendment as remedy
 *      2  against the decree (the council's): answered REJECTED by the Timelock through P8, after its due date
 *      3  against the budget (Finance's): followed up, then withdrawn by its filer
 *      4  against the seat proposal P1 (the council's): left FILED, overdue
 *  P8  answer appeal 2, voted after the clock passed the due dates of appeals 2 and 4
 *  P9  rotate the extract signing key: register key 2, retire key 1 (registered at deployment)
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import type {} from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { type BaseContract, type BaseWallet, Wallet, id as keccakId, parseEther, sha256, toUtf8Bytes } from "ethers";

import DigitalTengeModule from "../../../ignition/modules/DigitalTenge.js";
import GovernmentDAO, { APPEAL_TERMS } from "../../../ignition/modules/GovernmentDAO.js";
import { APPEAL_OUTCOMES, APPEAL_REQUEST_TYPES, APPEAL_SUBJECT_KINDS, appealsDomain, calendarDayOf } from "@government-dao/core/appeals";
import { freePort, startAnvil } from "@government-dao/devchain/anvil";
import { DEMO_BOUNDS } from "@government-dao/devchain/demo-cast";
import { EXTRACT_KEY_PURPOSE } from "@government-dao/core/extract";
import { isolatedConnection } from "../../../scripts/lib/deploy-system.js";
import { type Action, action, connectGovernment } from "../../../scripts/lib/contracts.js";
import { ROOT_DIR, SCENARIO_DEPLOYMENT_ID, SCENARIO_DIR, SCENARIO_FILE } from "../../scripts/lib/paths.js";
import type { AppealFact, RawBlock, RawLog, ScenarioFacts, ScenarioRecord } from "../harness/chain.js";
import { type ContractName, oddCalls, sampleCalls } from "../harness/sample-calls.js";

const SETTINGS = { timelockMinDelay: 60, votingDelay: 30, votingPeriod: 300, quorumPercent: 50, lateQuorumExtension: 60 };
const FINANCE = 1;
const DIGITAL = 2;
const DocType = { Decree: 0, Budget: 2, Order: 3, Notice: 5 } as const;
const Subject = { document: APPEAL_SUBJECT_KINDS.indexOf("document"), proposal: APPEAL_SUBJECT_KINDS.indexOf("proposal") };
const Outcome = { upheld: APPEAL_OUTCOMES.indexOf("upheld"), rejected: APPEAL_OUTCOMES.indexOf("rejected") };
const NO_CO_SIGNATURE = `0x${"00".repeat(32)}`;
const hashOf = (text: string): string => sha256(toUtf8Bytes(text));
/** The extract keys' public-key hashes: one registered at deployment, its successor by the rotation proposal (P9). */
const signingKeyHashes = { genesis: hashOf("extract key 1"), rotated: hashOf("extract key 2") };

const started = Date.now();
const port = await freePort();
const anvil = await startAnvil({ port });
try {
  // Hardhat reads its config relative to the repository root.
  process.chdir(ROOT_DIR);
  const ignitionDir = path.join(SCENARIO_DIR, "ignition");
  await rm(ignitionDir, { recursive: true, force: true });
  const connection = await isolatedConnection(anvil.rpcUrl, ignitionDir);
  const { ethers, ignition } = connection;
  const provider = ethers.provider;
  const chainTime = async (): Promise<number> => {
    const latest = await provider.getBlock("latest");
    if (!latest) throw new Error("the chain has no latest block");
    return latest.timestamp;
  };
  const signers = await ethers.getSigners();
  const at = (i: number): HardhatEthersSigner => {
    const signer = signers[i];
    if (!signer) throw new Error(`anvil has no account #${i}`);
    return signer;
  };
  const deployer = at(0);
  const officials = [at(1), at(2), at(3)] as const;
  const newOfficial = at(4);
  const newRegistrar = at(5);
  const recipient = at(6);
  const financeRegistrar = at(7);
  const digitalRegistrar = at(8);
  const treasurer = at(9);

  // Public holidays declared from the start: two days within the first appeals' terms.
  const today = calendarDayOf(await chainTime());
  const holidays = [today + 1, today + 8];
  const parameters = {
    GovernmentDAO: {
      ...SETTINGS,
      ...DEMO_BOUNDS,
      escrowTokens: [] as string[],
      genesisAgencies: [
        { id: FINANCE, name: "Ministry of Finance", pqKeyHash: hashOf("finance ML-DSA key"), registrars: [financeRegistrar.address] },
        { id: DIGITAL, name: "Ministry of Digital Development", pqKeyHash: hashOf("digital ML-DSA key"), registrars: [digitalRegistrar.address] },
      ],
      genesisSeats: [
        { official: officials[0].address, agencyId: FINANCE, position: 1 },
        { official: officials[1].address, agencyId: FINANCE, position: 2 },
        { official: officials[2].address, agencyId: DIGITAL, position: 1 },
      ],
      genesisHolidays: holidays,
      genesisSigningKeys: [{ purpose: EXTRACT_KEY_PURPOSE, keyHash: signingKeyHashes.genesis }],
    },
    DigitalTenge: { holder: treasurer.address, supply: 10_000_000_000_00n },
  };
  // The dev tenge first, so that the escrow allows it from the start (as scripts/lib/deploy-system.ts does).
  const { tenge: tengeContract } = await ignition.deploy(DigitalTengeModule, {
    parameters,
    deploymentId: SCENARIO_DEPLOYMENT_ID,
    displayUi: false,
  });
  const addressOf = (c: BaseContract): string => (c.target as string).toLowerCase();
  parameters.GovernmentDAO.escrowTokens = [addressOf(tengeContract)];
  const deployed = await ignition.deploy(GovernmentDAO, { parameters, deploymentId: SCENARIO_DEPLOYMENT_ID, displayUi: false });
  const system = connectGovernment(
    {
      timelock: addressOf(deployed.timelock),
      agencies: addressOf(deployed.agencies),
      seats: addressOf(deployed.seats),
      documents: addressOf(deployed.documents),
      escrow: addressOf(deployed.escrow),
      governor: addressOf(deployed.governor),
      appeals: addressOf(deployed.appeals),
      signingKeys: addressOf(deployed.signingKeys),
      tenge: addressOf(tengeContract),
    },
    deployer,
  );
  const { governor, agencies, seats, documents, escrow, appeals, signingKeys } = system;
  const tenge = system.tenge.connect(treasurer);

  const advance = async (seconds: number) => {
    await provider.send("evm_increaseTime", [seconds]);
    await provider.send("evm_mine", []);
  };
  type Vote = [HardhatEthersSigner, 0 | 1 | 2, string | null, string?];
  /** Proposes, votes, and returns the id and the args queue/execute need. */
  async function propose(actions: Action[], description: string, proposer = officials[0]) {
    const targets = actions.map((a) => a.target);
    const values = actions.map((a) => a.value);
    const calldatas = actions.map((a) => a.data);
    const descriptionHash = keccakId(description);
    await (await governor.connect(proposer).propose(targets, values, calldatas, description)).wait();
    const proposalId = await governor.hashProposal(targets, values, calldatas, descriptionHash);
    return { proposalId, targets, values, calldatas, descriptionHash };
  }
  async function vote(proposalId: bigint, votes: Vote[]) {
    for (const [signer, support, reason, params] of votes) {
      const g = governor.connect(signer);
      const tx =
        params !== undefined
          ? await g.castVoteWithReasonAndParams(proposalId, support, reason ?? "", params)
          : reason === null
            ? await g.castVote(proposalId, support)
            : await g.castVoteWithReason(proposalId, support, reason);
      await tx.wait();
    }
  }
  /** A full pass: propose, wait, vote, wait, queue, wait, execute. `lateVotes` votes near the deadline. */
  async function pass(actions: Action[], description: string, votes: Vote[], lateVotes = false, duringVote?: () => Promise<void>): Promise<bigint> {
    const p = await propose(actions, description);
    await advance(SETTINGS.votingDelay + 1);
    await duringVote?.();
    if (lateVotes) {
      await advance(SETTINGS.votingPeriod - 20);
      await vote(p.proposalId, votes);
      await advance(SETTINGS.lateQuorumExtension + 1);
    } else {
      await vote(p.proposalId, votes);
      await advance(SETTINGS.votingPeriod + 1);
    }
    await (await governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash)).wait();
    await advance(SETTINGS.timelockMinDelay + 1);
    await (await governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).wait();
    const state = await governor.state(p.proposalId);
    if (state !== 7n) throw new Error(`proposal "${description}" ended in state ${state}, not Executed`);
    return p.proposalId;
  }

  // Proposing needs votes at clock() - 1: let the genesis seats (issued at deployment) age by a second.
  await advance(2);

  // P1: seat a fourth official.
  const reasons = {
    p1For: "An experienced deputy is needed for the e-government rollout.",
    p1Abstain: "Not my ministry's appointment; I abstain.",
    p2For: "The decree implements the 2026 digital services law.",
    p2Against: "The budget line for hardware is too high.",
    p2Abstain: "New to the council; abstaining on my first vote.",
    p4For: "Milestone 1 delivered: audit report published.",
  };
  const seatProposal = await pass(
    [action(seats, "issue", [newOfficial.address, DIGITAL, 2])],
    "Seat a vice-minister of Digital Development",
    [
      [officials[0], 1, reasons.p1For],
      [officials[1], 1, null],
      [officials[2], 2, reasons.p1Abstain],
    ],
  );

  // P2: a decree, a budget, and a registrar, in one proposal.
  const decreeHash = hashOf("Decree No. 1 on digital public services");
  const budgetHash = hashOf("Budget 2026 of the Ministry of Finance");
  const decreeProposal = await pass(
    [
      action(documents, "issue", [DocType.Decree, 0, decreeHash, hashOf("decree metadata"), hashOf("decree co-signature")]),
      action(documents, "issue", [DocType.Budget, FINANCE, budgetHash, hashOf("budget metadata"), NO_CO_SIGNATURE]),
      action(agencies, "addRegistrar", [DIGITAL, newRegistrar.address]),
    ],
    "Decree No. 1, Budget 2026, and a second registrar for Digital Development",
    [
      [officials[0], 1, reasons.p2For],
      [officials[1], 0, reasons.p2Against],
      [officials[2], 1, ""],
      [newOfficial, 2, reasons.p2Abstain],
    ],
    false,
    // A registrar squats the pending budget's hash (public in ProposalCreated) as its own Notice: the budget still
    // passes and displaces it (DocumentDisplaced, then the budget's DocumentIssued).
    async () => {
      const squat = documents.connect(digitalRegistrar).issue(DocType.Notice, DIGITAL, budgetHash, hashOf("squat metadata"), NO_CO_SIGNATURE);
      await (await squat).wait();
    },
  );

  // A registrar's order: issue, amend, revoke the new version; amending the revoked version reverts.
  const registrarDocs = documents.connect(financeRegistrar);
  const orderA = hashOf("Order 17 v1");
  const orderB = hashOf("Order 17 v2");
  const orderC = hashOf("Order 17 v3");
  await (await registrarDocs.issue(DocType.Order, FINANCE, orderA, hashOf("order v1 metadata"), NO_CO_SIGNATURE)).wait();
  const amendReason = "Typo in article 2 corrected";
  await (await registrarDocs.amend(orderA, orderB, hashOf("order v2 metadata"), NO_CO_SIGNATURE, amendReason)).wait();
  const revokeReason = "Annulled by court ruling 42";
  await (await registrarDocs.revoke(orderB, revokeReason)).wait();
  const revertedTx = await financeRegistrar.sendTransaction({
    to: addressOf(documents),
    data: documents.interface.encodeFunctionData("amend", [orderB, orderC, hashOf("order v3 metadata"), NO_CO_SIGNATURE, "too late"]),
    gasLimit: 500_000n,
  });
  const revertedReceipt = await provider.getTransactionReceipt(revertedTx.hash);
  const revertedStatus = revertedReceipt?.status ?? (await revertedTx.wait().then(() => 1, () => 0));
  if (revertedStatus !== 0) throw new Error("amending a revoked order should have reverted");

  // A batch of three certificates; one member revoked with its proof.
  const certificates = [hashOf("Certificate 1"), hashOf("Certificate 2"), hashOf("Certificate 3")];
  const tree = StandardMerkleTree.of(certificates.map((h) => [h]), ["bytes32"]);
  await (await registrarDocs.anchorBatch(FINANCE, tree.root, certificates.length, hashOf("batch metadata"))).wait();
  const revokedMember = certificates[1] as string;
  const memberReason = "Issued in error";
  await (await registrarDocs.revokeBatchMember(FINANCE, tree.root, revokedMember, tree.getProof([revokedMember]), memberReason)).wait();

  // Deposits: DigitalTenge and the native coin.
  const tengeDeposit = 5_000_000_00n;
  const nativeDeposit = parseEther("1");
  await (await tenge.approve(addressOf(escrow), tengeDeposit)).wait();
  await (await escrow.connect(treasurer).deposit(addressOf(tenge), tengeDeposit)).wait();
  await (await escrow.connect(treasurer).depositNative({ value: nativeDeposit })).wait();

  // P3: an allocation with two milestones citing the budget document.
  const block = await provider.getBlock("latest");
  const now = block?.timestamp ?? Math.floor(Date.now() / 1000);
  const milestones = [
    { amount: 1_000_000_00n, deadline: now + 30 * 86_400, descriptionHash: hashOf("Milestone 1: audit") },
    { amount: 2_000_000_00n, deadline: now + 60 * 86_400, descriptionHash: hashOf("Milestone 2: rollout") },
  ];
  const allocationTotal = milestones.reduce((sum, m) => sum + m.amount, 0n);
  const allocationProposal = await pass(
    [action(escrow, "createAllocation", [recipient.address, addressOf(tenge), BigInt(budgetHash), allocationTotal, milestones.map((m) => [m.amount, m.deadline, m.descriptionHash])])],
    "Allocate 3,000,000 DKZT of Budget 2026 to the e-government contractor",
    [
      [officials[0], 1, ""],
      [officials[1], 1, ""],
      [officials[2], 1, "Params attached", "0x1234"],
    ],
  );

  // P4: release milestone 0, quorum reached in the last seconds → voting is extended.
  const releaseProposal = await pass(
    [action(escrow, "releaseMilestone", [1, 0])],
    "Release milestone 1 of allocation 1",
    [
      [officials[0], 1, reasons.p4For],
      [newOfficial, 1, ""],
    ],
    true,
  );

  // P5: proposed and cancelled by its proposer while pending.
  const cancelled = await propose([action(agencies, "setAgencyActive", [DIGITAL, false])], "Deactivate Digital Development");
  await (await governor.connect(officials[0]).cancel(cancelled.targets, cancelled.values, cancelled.calldatas, cancelled.descriptionHash)).wait();

  // P6: every state-changing function of our contracts, proposed (never voted on: nothing is executed).
  const targetOf: Record<ContractName, string> = {
    GovernmentGovernor: addressOf(governor),
    TimelockController: addressOf(deployed.timelock),
    AgencyRegistry: addressOf(agencies),
    OfficialSeats: addressOf(seats),
    DocumentRegistry: addressOf(documents),
    BudgetEscrow: addressOf(escrow),
    Appeals: addressOf(deployed.appeals),
    SigningKeyRegistry: addressOf(signingKeys),
    DigitalTenge: addressOf(tenge),
  };
  const everyAction = await propose(
    sampleCalls().map((call) => ({ target: targetOf[call.contract], value: 0n, data: call.data })),
    "Every action type (decoding test)",
  );
  // P7: odd calldata (no ABI encoder writes it; the Governor takes any bytes).
  const odd = await propose(
    oddCalls().map((call) => ({ target: call.contract === null ? recipient.address : targetOf[call.contract], value: 0n, data: call.data })),
    "Odd calldata (decoding test)",
  );

  // Appeals. A citizen signs each request with the key made for the appeal; the deployer (no role left) relays it.
  const domain = appealsDomain((await provider.getNetwork()).chainId, addressOf(appeals) as `0x${string}`);
  async function signed(citizen: BaseWallet, type: keyof typeof APPEAL_REQUEST_TYPES, request: Record<string, unknown>) {
    const nonce = await appeals.nonces(citizen.address);
    const deadline = BigInt(await chainTime()) + 3_600n;
    const signature = await citizen.signTypedData(domain, { [type]: [...APPEAL_REQUEST_TYPES[type]] }, { ...request, nonce, deadline });
    return { deadline, signature };
  }
  async function fileAppeal(citizen: BaseWallet, kind: number, subject: bigint, bodyDigest: string): Promise<bigint> {
    const { deadline, signature } = await signed(citizen, "FileAppeal", { kind, subject, bodyDigest });
    await (await appeals.file(kind, subject, bodyDigest, citizen.address, deadline, signature)).wait();
    return appeals.appealCount();
  }
  /** What the contract holds of appeal `id` now. */
  async function appealFact(id: bigint, bodyDigest: string): Promise<AppealFact> {
    const a = await appeals.appeal(id);
    return { id: id.toString(), filer: a.filer.toLowerCase(), bodyDigest, filedAt: Number(a.filedAt), dueAt: Number(a.dueAt), answeredAt: Number(a.answeredAt) };
  }
  const digests = {
    upheld: hashOf("Order 18 sets a fee that no law provides for."),
    forward: hashOf("Fees for digital services are set by the Ministry of Digital Development."),
    extension: hashOf("An expert opinion on the fee has been requested."),
    upheldAnswer: hashOf("Upheld: the fee is removed by the amendment of Order 18."),
    rejected: hashOf("Decree No. 1 was adopted without public consultation."),
    rejectedAnswer: hashOf("Rejected: the draft was open for public comment from 1 to 15 March."),
    withdrawn: hashOf("Budget 2026 leaves out the rural clinics programme."),
    followUp: hashOf("The programme is line 4.2 of the annex."),
    pending: hashOf("The vice-minister was seated without a competition."),
  };

  // 1: an order of Finance, contested; Finance forwards it to Digital Development, which extends the term, and once
  // Finance has amended the order, answers UPHELD with the amendment as remedy.
  const appealedOrder = hashOf("Order 18 v1");
  const appealRemedy = hashOf("Order 18 v2");
  await (await registrarDocs.issue(DocType.Order, FINANCE, appealedOrder, hashOf("order 18 v1 metadata"), NO_CO_SIGNATURE)).wait();
  const upheldId = await fileAppeal(Wallet.createRandom(), Subject.document, BigInt(appealedOrder), digests.upheld);
  const filedDueAt = Number((await appeals.appeal(upheldId)).dueAt);
  await (await appeals.connect(financeRegistrar).forward(upheldId, DIGITAL, digests.forward)).wait();
  const forwarded = await appeals.appeal(upheldId);
  const extendedDueAt = forwarded.receivedAt + BigInt(APPEAL_TERMS.extensionLimitDays) * 86_400n;
  await (await appeals.connect(digitalRegistrar).extend(upheldId, extendedDueAt, digests.extension)).wait();
  await (await registrarDocs.amend(appealedOrder, appealRemedy, hashOf("order 18 v2 metadata"), NO_CO_SIGNATURE, "Fee removed on appeal 1")).wait();
  await (await appeals.connect(digitalRegistrar).answer(upheldId, Outcome.upheld, digests.upheldAnswer, BigInt(appealRemedy))).wait();

  // 2: the decree, contested; the council answers it below (P8), late.
  const rejectedId = await fileAppeal(Wallet.createRandom(), Subject.document, BigInt(decreeHash), digests.rejected);

  // 3: the budget, contested, followed up, withdrawn.
  const withdrawnCitizen = Wallet.createRandom();
  const withdrawnId = await fileAppeal(withdrawnCitizen, Subject.document, BigInt(budgetHash), digests.withdrawn);
  const followUp = await signed(withdrawnCitizen, "FollowUpAppeal", { appealId: withdrawnId, bodyDigest: digests.followUp });
  await (await appeals.followUp(withdrawnId, digests.followUp, followUp.deadline, followUp.signature)).wait();
  const withdrawal = await signed(withdrawnCitizen, "WithdrawAppeal", { appealId: withdrawnId });
  await (await appeals.withdraw(withdrawnId, withdrawal.deadline, withdrawal.signature)).wait();

  // 4: the seat proposal, contested, never answered.
  const pendingId = await fileAppeal(Wallet.createRandom(), Subject.proposal, seatProposal, digests.pending);

  // P8: past the due dates of appeals 2 and 4, the council answers appeal 2 (late).
  const overdueAt = Math.max(Number((await appeals.appeal(rejectedId)).dueAt), Number((await appeals.appeal(pendingId)).dueAt)) + 1;
  await advance(overdueAt - (await chainTime()));
  const appealAnswerProposal = await pass(
    [action(appeals, "answer", [rejectedId, Outcome.rejected, digests.rejectedAnswer, 0n])],
    "Answer appeal 2: Decree No. 1 stands",
    [
      [officials[0], 1, ""],
      [officials[1], 1, ""],
      [officials[2], 1, ""],
    ],
  );

  // P9: the extract key is rotated: its successor registered, the genesis key retired, in one proposal.
  const keyRotationProposal = await pass(
    [action(signingKeys, "registerKey", [EXTRACT_KEY_PURPOSE, signingKeyHashes.rotated]), action(signingKeys, "retireKey", [1n, false])],
    "Rotate the extract signing key",
    [
      [officials[0], 1, ""],
      [officials[1], 1, ""],
    ],
  );

  // Fetch everything the chain holds, as graph-node would: blocks with transactions, and the logs.
  const latest = Number(await provider.send("eth_blockNumber", []));
  const blocks: RawBlock[] = [];
  for (let n = 0; n <= latest; n++) {
    blocks.push((await provider.send("eth_getBlockByNumber", [`0x${n.toString(16)}`, true])) as RawBlock);
  }
  const logs = (await provider.send("eth_getLogs", [{ fromBlock: "0x0", toBlock: "latest" }])) as RawLog[];

  const facts: ScenarioFacts = {
    settings: SETTINGS,
    accounts: {
      deployer: deployer.address.toLowerCase(),
      officials: officials.map((o) => o.address.toLowerCase()),
      newOfficial: newOfficial.address.toLowerCase(),
      newRegistrar: newRegistrar.address.toLowerCase(),
      recipient: recipient.address.toLowerCase(),
      financeRegistrar: financeRegistrar.address.toLowerCase(),
      digitalRegistrar: digitalRegistrar.address.toLowerCase(),
      treasurer: treasurer.address.toLowerCase(),
    },
    addresses: targetOf,
    proposals: {
      seat: seatProposal.toString(),
      decree: decreeProposal.toString(),
      allocation: allocationProposal.toString(),
      release: releaseProposal.toString(),
      cancelled: cancelled.proposalId.toString(),
      everyAction: everyAction.proposalId.toString(),
      oddCalls: odd.proposalId.toString(),
      appealAnswer: appealAnswerProposal.toString(),
      keyRotation: keyRotationProposal.toString(),
    },
    reasons,
    documents: { decree: decreeHash, budget: budgetHash, orderA, orderB, orderC, appealedOrder, appealRemedy },
    signingKeys: signingKeyHashes,
    amendReason,
    revokeReason,
    batch: { root: tree.root, certificates, revokedMember, memberReason },
    deposits: { tenge: tengeDeposit.toString(), native: nativeDeposit.toString() },
    milestones: milestones.map((m) => ({ amount: m.amount.toString(), deadline: m.deadline, descriptionHash: m.descriptionHash })),
    revertedTx: { hash: revertedTx.hash, blockNumber: revertedReceipt?.blockNumber ?? -1, status: revertedStatus },
    appeals: {
      terms: { ...APPEAL_TERMS },
      holidays,
      upheld: {
        ...(await appealFact(upheldId, digests.upheld)),
        filedDueAt,
        forwardedDueAt: Number(forwarded.dueAt),
        forwardDigest: digests.forward,
        extensionDigest: digests.extension,
        answerDigest: digests.upheldAnswer,
      },
      rejected: { ...(await appealFact(rejectedId, digests.rejected)), answerDigest: digests.rejectedAnswer },
      withdrawn: { ...(await appealFact(withdrawnId, digests.withdrawn)), followUpDigest: digests.followUp },
      pending: await appealFact(pendingId, digests.pending),
    },
  };
  const record: ScenarioRecord = { chainId: Number((await provider.getNetwork()).chainId), blocks, logs, facts };
  await mkdir(SCENARIO_DIR, { recursive: true });
  await writeFile(SCENARIO_FILE, JSON.stringify(record, null, 1));
  console.log(
    `scenario: ${blocks.length} blocks, ${logs.length} logs, deployment ${path.relative(ROOT_DIR, ignitionDir)}/deployments/${SCENARIO_DEPLOYMENT_ID} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  await connection.close();
} finally {
  await anvil.stop();
}
