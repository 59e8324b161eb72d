/**
 * Load on the council (reliability suite): 100 seated officials vote on one proposal on a real anvil, every vote
 * sent before the next block so that they land in the same block; the tally is exact, no vote is lost, and the
 * proposal then passes through the Timelock.
 *
 *   npx hardhat test mocha test/reliability/council-load.test.ts
 */
import { rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { HDNodeWallet, JsonRpcProvider, Mnemonic, Network, type TransactionResponse, id as keccakId } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { ANVIL_MNEMONIC } from "@government-dao/core/dev-accounts";
import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { action, connectGovernment } from "../../scripts/lib/contracts.js";
import { demoParameters } from "@government-dao/devchain/demo-cast";
import { deploySystem } from "../../scripts/lib/deploy-system.js";
import { recordFigure, recordLoss } from "../helpers/figures.js";

const OFFICIALS = 100;

describe("council under load: 100 officials vote on one proposal (real anvil)", function () {
  this.timeout(300_000);

  let anvil: Anvil | undefined;
  let connection: NetworkConnection | undefined;
  let provider: JsonRpcProvider;
  const deploymentId = `council-load-${process.pid}-${Date.now()}`;

  before(async function () {
    // A high block gas limit: under `npm test --coverage` the instrumented seat contract mints 100 genesis seats.
    anvil = await startAnvil({ port: await freePort(), extraArgs: ["--gas-limit", "100000000"] });
    connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
    provider = new JsonRpcProvider(anvil.rpcUrl, Network.from(31337n), { staticNetwork: true, cacheTimeout: -1, pollingInterval: 100 });
  });

  after(async function () {
    provider?.destroy();
    await connection?.close().catch(() => undefined);
    await anvil?.stop();
    await rm(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
  });

  it("records all 100 votes cast in one block, exactly, and executes the proposal", async function () {
    const mnemonic = Mnemonic.fromPhrase(ANVIL_MNEMONIC);
    const officials = Array.from({ length: OFFICIALS }, (_, i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${100 + i}`).connect(provider));
    for (const o of officials) await provider.send("anvil_setBalance", [o.address, "0xde0b6b3a7640000"]);
    const parameters = demoParameters();
    // Half in each ministry of the demo, positions 1-3.
    parameters.GovernmentDAO.genesisSeats = officials.map((o, i) => ({ official: o.address, agencyId: 1 + (i % 2), position: 1 + (i % 3) })) as typeof parameters.GovernmentDAO.genesisSeats;
    const addresses = await deploySystem(connection as NetworkConnection, deploymentId, parameters);
    const c = connectGovernment(addresses, provider);
    expect(await c.seats.totalSupply()).to.equal(BigInt(OFFICIALS));

    const warpTo = async (timestamp: bigint) => {
      const now = (await provider.getBlock("latest"))?.timestamp ?? 0;
      await provider.send("evm_increaseTime", [Math.max(1, Number(timestamp) - now + 1)]);
      await provider.send("evm_mine", []);
    };
    // The clock is the timestamp and a proposer's votes are read at clock() - 1: seats minted in this second count
    // from the next one (a propose in the deployment's second reverted with GovernorInsufficientProposerVotes).
    await warpTo(BigInt((await provider.getBlock("latest"))?.timestamp ?? 0));

    const seat = action(c.seats, "issue", ["0x000000000000000000000000000000000000bEEF", 1, 3]);
    const description = "# Seat one more official under load";
    const proposer = officials[0] as HDNodeWallet;
    await (await c.governor.connect(proposer).propose([seat.target], [0n], [seat.data], description)).wait();
    const proposalId = await c.governor.hashProposal([seat.target], [0n], [seat.data], keccakId(description));
    await warpTo(await c.governor.proposalSnapshot(proposalId));

    // All 100 votes wait in the pool, then one block is mined: many votes per block.
    await provider.send("evm_setAutomine", [false]);
    const sent: TransactionResponse[] = [];
    for (const [i, o] of officials.entries()) {
      const support = i % 10 === 0 ? 0 : i % 10 === 1 ? 2 : 1; // 10 against, 10 abstain, 80 for
      sent.push(await c.governor.connect(o).castVoteWithReason(proposalId, support, `official ${i} votes under load`, { gasLimit: 200_000 }));
    }
    await provider.send("evm_mine", []);
    await provider.send("evm_setAutomine", [true]);
    const receipts = await Promise.all(sent.map((tx) => tx.wait()));
    const blocks = new Set(receipts.map((r) => r?.blockNumber));
    const failed = receipts.filter((r) => r?.status !== 1).length;
    const gas = receipts.reduce((sum, r) => sum + (r?.gasUsed ?? 0n), 0n);

    expect(failed).to.equal(0);
    expect(blocks.size).to.equal(1);
    const [against, forVotes, abstain] = await c.governor.proposalVotes(proposalId);
    const votes = await c.governor.queryFilter(c.governor.filters.VoteCast(), 0, "latest");
    const voters = votes.filter((v) => v.args.proposalId === proposalId).map((v) => v.args.voter);
    // Recorded before the assertions, so a lost or doubled vote shows as a number.
    const lostVotes = recordLoss(`votes lost or doubled under load (VoteCast events of ${OFFICIALS} voters)`, { expected: officials.map((o) => o.address), found: voters });
    const miscounted = recordLoss("votes miscounted in the Governor's tally under load", { expected: OFFICIALS, found: Number(against + forVotes + abstain) });
    expect([lostVotes, miscounted]).to.deep.equal([0, 0]);
    expect([against, forVotes, abstain]).to.deep.equal([10n, 80n, 10n]);
    expect(voters).to.have.length(OFFICIALS);
    for (const o of officials) expect(await c.governor.hasVoted(proposalId, o.address)).to.equal(true);

    await warpTo(await c.governor.proposalDeadline(proposalId));
    await (await c.governor.connect(proposer).queue([seat.target], [0n], [seat.data], keccakId(description))).wait();
    await warpTo(await c.governor.proposalEta(proposalId));
    await (await c.governor.connect(proposer).execute([seat.target], [0n], [seat.data], keccakId(description))).wait();
    expect(await c.governor.state(proposalId)).to.equal(7n); // Executed
    expect(await c.seats.totalSupply()).to.equal(BigInt(OFFICIALS + 1));

    recordFigure("load held", `${OFFICIALS} officials vote on one proposal (votes with reasons)`, `${OFFICIALS} votes in ${blocks.size} block, ${gas / BigInt(OFFICIALS)} gas per vote`);
  });
});
