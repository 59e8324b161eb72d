/**
 * State and chain bytes per operation, measured on a real anvil: every transaction is traced with
 * `debug_traceTransaction` (prestateTracer, diffMode), which lists each storage slot the transaction wrote with its
 * value before and after. A slot absent (or zero) before and non-zero after is NEW state; the rest are updates.
 * Also per transaction: gas used, the signed transaction's bytes (`eth_getRawTransactionByHash`), logs and their
 * bytes (address + topics + data). Then projects the measurements to 1,000,000 documents and 20 agencies.
 *
 *   npm run bench:state       (= hardhat run bench/state-size.ts; writes bench/state-size.md)
 *
 * Deterministic: fixed inputs, anvil's development accounts; the deployment uses a throw-away Ignition deployment
 * id that is removed at the end.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { type ContractTransactionResponse, ZeroHash, dataLength, encodeRlp, id as keccakId, sha256, toBeHex, toUtf8Bytes } from "ethers";
import { network } from "hardhat";

import GovernmentDAO from "../ignition/modules/GovernmentDAO.js";
import { freePort, startAnvil } from "@government-dao/devchain/anvil";
import { action } from "../scripts/lib/contracts.js";
import { DocumentRegistry__factory, GovernmentGovernor__factory } from "../types/ethers-contracts/index.js";

const SETTINGS = { timelockMinDelay: 60, votingDelay: 1, votingPeriod: 60, quorumPercent: 50, lateQuorumExtension: 10 } as const;
const FINANCE = 1;
const ORDER = 3;
const DECREE = 0;
const FOR = 1;
const BATCH_SIZE = 1_000;
const hashOf = (text: string): string => sha256(toUtf8Bytes(text));

/** What one transaction did to state and chain. */
interface Measured {
  label: string;
  gas: bigint;
  newSlots: number;
  updatedSlots: number;
  txBytes: number;
  logs: number;
  logBytes: number;
}

/** The storage part of a prestateTracer diffMode result. */
type AccountState = { storage?: Record<string, string> };
type Diff = { pre: Record<string, AccountState>; post: Record<string, AccountState> };

const anvil = await startAnvil({ port: await freePort(), extraArgs: ["--accounts", "12"] });
const connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
const deploymentId = `state-size-${process.pid}`;
const measured: Measured[] = [];
try {
  const { ethers, ignition, provider } = connection;
  const signers = await ethers.getSigners();
  const signer = (i: number) => {
    const s = signers[i];
    if (!s) throw new Error(`anvil has no account #${i}`);
    return s;
  };
  const [officialA, officialB, officialC, registrar, keeper] = [signer(1), signer(2), signer(3), signer(7), signer(9)];
  const parameters = {
    GovernmentDAO: {
      ...SETTINGS,
      genesisAgencies: [{ id: FINANCE, name: "Ministry of Finance", pqKeyHash: hashOf("finance key"), registrars: [registrar.address] }],
      genesisSeats: [officialA, officialB, officialC].map((o, i) => ({ official: o.address, agencyId: FINANCE, position: i + 1 })),
    },
  };
  const system = await ignition.deploy(GovernmentDAO, { parameters, deploymentId, displayUi: false });
  const documents = DocumentRegistry__factory.connect(system.documents.target as string, registrar);
  const governor = GovernmentGovernor__factory.connect(system.governor.target as string, keeper);

  /** Sends, waits, traces and records one transaction. */
  async function measure(label: string, sent: Promise<ContractTransactionResponse>): Promise<Measured> {
    const tx = await sent;
    const receipt = await tx.wait();
    if (!receipt || receipt.status !== 1) throw new Error(`${label} reverted`);
    const diff = (await provider.request({
      method: "debug_traceTransaction",
      params: [tx.hash, { tracer: "prestateTracer", tracerConfig: { diffMode: true } }],
    })) as Diff;
    let newSlots = 0;
    let updatedSlots = 0;
    for (const [account, post] of Object.entries(diff.post)) {
      const pre = diff.pre[account]?.storage ?? {};
      for (const [slot, value] of Object.entries(post.storage ?? {})) {
        const before = BigInt(pre[slot] ?? ZeroHash);
        if (before === 0n && BigInt(value) !== 0n) newSlots++;
        else updatedSlots++;
      }
    }
    const raw = (await provider.request({ method: "eth_getRawTransactionByHash", params: [tx.hash] })) as string;
    const logBytes = receipt.logs.reduce((sum, log) => sum + 20 + 32 * log.topics.length + dataLength(log.data), 0);
    const row = { label, gas: receipt.gasUsed, newSlots, updatedSlots, txBytes: dataLength(raw), logs: receipt.logs.length, logBytes };
    measured.push(row);
    return row;
  }
  async function increaseTime(seconds: number): Promise<void> {
    await provider.request({ method: "evm_increaseTime", params: [seconds] });
    await provider.request({ method: "evm_mine", params: [] });
  }

  // ─── Documents ───────────────────────────────────────────────────────────────────────────────────────────
  const order = (n: number) => hashOf(`Order No. ${n} of the Ministry of Finance`);
  await measure("issue: registrar's first document (no co-signature)", documents.issue(ORDER, FINANCE, order(1), hashOf("meta 1"), ZeroHash));
  await measure("issue: later document, no co-signature", documents.issue(ORDER, FINANCE, order(2), hashOf("meta 2"), ZeroHash));
  await measure("issue: later document, with ML-DSA co-signature digest", documents.issue(ORDER, FINANCE, order(3), hashOf("meta 3"), hashOf("sig 3")));
  await measure("amend (new version with co-signature; old one Amended)", documents.amend(order(3), order(4), hashOf("meta 4"), hashOf("sig 4"), "Corrected the annex"));
  await measure("revoke (reason in the event only)", documents.revoke(order(2), "Issued in error"));
  const leaves = Array.from({ length: BATCH_SIZE }, (_, i) => [hashOf(`certificate ${i}`)]);
  const tree = StandardMerkleTree.of(leaves, ["bytes32"]);
  await measure(`anchorBatch: ${BATCH_SIZE.toLocaleString("en-US")} certificates, one root`, documents.anchorBatch(FINANCE, tree.root, BATCH_SIZE, hashOf("batch meta")));
  const [index, [member = ZeroHash]] = [...tree.entries()][7] ?? [0, [ZeroHash]];
  await measure("revokeBatchMember (one certificate of a batch)", documents.revokeBatchMember(FINANCE, tree.root, member, tree.getProof(index), "Withdrawn"));

  // ─── A governance lifecycle: a decree enacted by proposal ────────────────────────────────────────────────
  const decree = hashOf("Decree No. 1");
  const actions = [action(documents, "issue", [DECREE, 0, decree, hashOf("decree meta"), hashOf("decree sig")])];
  const description = "Enact Decree No. 1";
  const targets = actions.map((a) => a.target);
  const values = actions.map((a) => a.value);
  const calldatas = actions.map((a) => a.data);
  await increaseTime(2);
  await measure("propose (1 action; first proposal ever)", governor.connect(officialA).propose(targets, values, calldatas, description));
  const proposalId = await governor.hashProposal(targets, values, calldatas, keccakId(description));
  await increaseTime(SETTINGS.votingDelay + 1);
  await measure("castVote (first vote)", governor.connect(officialA).castVote(proposalId, FOR));
  await measure("castVote (later vote, reaches quorum)", governor.connect(officialB).castVote(proposalId, FOR));
  await measure("castVote (later vote)", governor.connect(officialC).castVote(proposalId, FOR));
  await increaseTime(SETTINGS.votingPeriod + SETTINGS.lateQuorumExtension + 1);
  await measure("queue", governor.queue(targets, values, calldatas, keccakId(description)));
  await increaseTime(SETTINGS.timelockMinDelay + 1);
  await measure("execute (mints the decree)", governor.execute(targets, values, calldatas, keccakId(description)));
} finally {
  await connection.close().catch(() => undefined);
  await anvil.stop();
  await rm(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
}

// ─── Report and projection ─────────────────────────────────────────────────────────────────────────────────
const fmt = (n: number | bigint): string => Number(n).toLocaleString("en-US");
const row = (label: string): Measured => {
  const found = measured.find((m) => m.label.startsWith(label));
  if (!found) throw new Error(`no measurement "${label}"`);
  return found;
};
/** Logical bytes of one storage slot in the state: 32-byte key + 32-byte value. */
const SLOT_BYTES = 64;

/**
 * Bytes of a QBFT block header with 4 validators and 3 commit seals (the quorum), no transactions: the RLP of
 * the Cancun header fields, extraData = RLP([vanity, 4 validators, no vote, round 0, 3 × 65-byte seals]).
 * Computed from the format, not read from a Besu node.
 */
function qbftHeaderBytes(): number {
  const validators = [1, 2, 3, 4].map((i) => `0x${i.toString(16).padStart(40, "0")}`);
  const seal = `0x${"ab".repeat(65)}`;
  // The genesis extraData encoding (deploy/besu/lib/qbft.ts) plus the commit seals of a sealed block.
  const extra = encodeRlp([ZeroHash, validators, [], "0x", [seal, seal, seal]]);
  const h32 = `0x${"11".repeat(32)}`;
  const header = [
    h32, // parentHash
    h32, // ommersHash
    `0x${"00".repeat(20)}`, // coinbase (QBFT: the proposer)
    h32, // stateRoot
    h32, // transactionsRoot
    h32, // receiptsRoot
    `0x${"00".repeat(256)}`, // logsBloom
    "0x01", // difficulty
    toBeHex(15_768_000), // number (one year of 2-second blocks)
    toBeHex(30_000_000), // gasLimit
    "0x", // gasUsed
    toBeHex(1_800_000_000), // timestamp
    extra,
    h32, // mixHash
    `0x${"00".repeat(8)}`, // nonce
    "0x", // baseFeePerGas 0
    h32, // withdrawalsRoot
    "0x", // blobGasUsed
    "0x", // excessBlobGas
    h32, // parentBeaconBlockRoot
  ];
  return dataLength(encodeRlp(header));
}

const DOCS = 1_000_000;
const AGENCIES = 20;
const WORKDAYS = 250;
const BLOCK_SECONDS = 2;
const BLOCK_GAS = 30_000_000;
const steady = row("issue: later document, no co-signature");
const cosigned = row("issue: later document, with ML-DSA co-signature digest");
const first = row("issue: registrar's first document");
const batch = row("anchorBatch");
const header = qbftHeaderBytes();
const blocksPerYear = (365 * 24 * 3600) / BLOCK_SECONDS;
// Receipt bytes ≈ status + cumulative gas + 256-byte bloom + logs (RLP overhead ignored): an estimate.
const receiptBytes = (m: Measured): number => 8 + 256 + m.logBytes;
const perDocChain = cosigned.txBytes + receiptBytes(cosigned);
const perDocState = cosigned.newSlots * SLOT_BYTES;
const docsPerDay = DOCS / WORKDAYS;
const gasPerDay = docsPerDay * Number(cosigned.gas);
const capacityPerDay = (BLOCK_GAS * 24 * 3600) / BLOCK_SECONDS;
const batchedDocs = DOCS; // the alternative: all as 1,000-certificate batches
const batchTxs = batchedDocs / BATCH_SIZE;

const lines = [
  "# State and chain bytes per operation",
  "",
  "Written by `npm run bench:state` (bench/state-size.ts); do not edit by hand. Measured on anvil 1.7.1 (default hardfork) with",
  "`debug_traceTransaction` (prestateTracer, diffMode): **new slots** were zero before and non-zero after; **updated**",
  "slots already held a value (or were cleared). Transaction bytes are the signed transaction",
  "(`eth_getRawTransactionByHash`); log bytes are address (20) + 32 per topic + data. Same contracts and compiler",
  "settings as `npm run bench`.",
  "",
  "## Measured",
  "",
  "| operation | gas | new slots | updated slots | new state (logical, 64 B/slot) | tx bytes | logs | log bytes |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
  ...measured.map(
    (m) =>
      `| ${m.label} | ${fmt(m.gas)} | ${m.newSlots} | ${m.updatedSlots} | ${fmt(m.newSlots * SLOT_BYTES)} B | ${fmt(m.txBytes)} | ${m.logs} | ${fmt(m.logBytes)} |`,
  ),
  "",
  `Computed (from the header format, not read from Besu): an empty QBFT block header with 4 validators and 3`,
  `commit seals is **${fmt(header)} bytes** of RLP.`,
  "",
  "## Projection: 1,000,000 documents, 20 agencies (ESTIMATES built on the measurements above)",
  "",
  `Assumptions: every document is issued singly with a co-signature digest (the heavier case); ${fmt(DOCS)} documents`,
  `a year over ${WORKDAYS} working days; ${AGENCIES} agencies each with its own registrar accounts (the registrar's`,
  `first-document balance slot is counted once per registrar: ${first.newSlots - steady.newSlots} slot); ${BLOCK_SECONDS}-second blocks of ${fmt(BLOCK_GAS)} gas;`,
  "receipts ≈ 8 + 256 (bloom) + log bytes (RLP overhead ignored).",
  "",
  "| quantity | per document | 1,000,000 documents |",
  "|---|---:|---:|",
  `| contract state, logical (key + value) | ${fmt(perDocState)} B (${cosigned.newSlots} slots) | ${(perDocState * DOCS / 1e6).toFixed(0)} MB |`,
  `| same without co-signature digests | ${fmt(steady.newSlots * SLOT_BYTES)} B (${steady.newSlots} slots) | ${((steady.newSlots * SLOT_BYTES * DOCS) / 1e6).toFixed(0)} MB |`,
  `| chain data: transaction + receipt | ${fmt(perDocChain)} B | ${((perDocChain * DOCS) / 1e9).toFixed(2)} GB |`,
  `| gas | ${fmt(cosigned.gas)} | ${(Number(cosigned.gas) * DOCS / 1e9).toFixed(1)} billion |`,
  `| events for the indexers | ${cosigned.logs} | ${fmt(cosigned.logs * DOCS)} |`,
  `| as ${fmt(batchTxs)} batches of ${fmt(BATCH_SIZE)} certificates instead | ${(Number(batch.gas) / BATCH_SIZE).toFixed(1)} gas, ${((batch.newSlots * SLOT_BYTES) / BATCH_SIZE).toFixed(3)} B state | ${fmt(batchTxs * batch.newSlots * SLOT_BYTES)} B state, ${fmt(batchTxs)} transactions |`,
  "",
  "| per day (1,000,000 a year) | value |",
  "|---|---:|",
  `| documents per working day | ${fmt(docsPerDay)} (≈ ${(docsPerDay / 8 / 3600).toFixed(2)} per second over 8 hours) |`,
  `| gas per day / capacity per day | ${fmt(gasPerDay)} / ${fmt(capacityPerDay)} = ${((100 * gasPerDay) / capacityPerDay).toFixed(3)} % |`,
  `| documents in one full block (gas bound) | ${fmt(Math.floor(BLOCK_GAS / Number(cosigned.gas)))} |`,
  `| blocks per year (${BLOCK_SECONDS} s, empty or not) | ${fmt(blocksPerYear)} |`,
  `| empty-block headers per year | ${((header * blocksPerYear) / 1e9).toFixed(2)} GB |`,
  "",
];
const file = path.join("bench", "state-size.md");
await writeFile(file, `${lines.join("\n")}`);
console.log(lines.join("\n"));
console.log(`\nwrote ${file}`);
