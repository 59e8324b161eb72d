/**
 * actions/: one encoder, one decoder and one renderer of proposal actions for the CLI, the dApp and the indexer.
 *
 *   cd core && node --import tsx --test tests/actions.test.ts
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { type AbiFunction, type AbiParameter, type Address, encodeFunctionData, getAddress, zeroAddress } from "viem";

import { abis } from "../src/abis.ts";
import { CONTRACT_NAMES } from "../src/contracts.ts";
import { type DecodedCall, contractLookup, decodeAction, jsonArgs } from "../src/actions/decode.ts";
import * as encode from "../src/actions/encode.ts";
import { renderArguments } from "../src/actions/graph-args.ts";
import { type Labels, renderAction, renderActionInAll } from "../src/actions/render.ts";

const at = (n: number): Address => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const ADDRESSES = {
  GovernmentGovernor: at(0x100),
  TimelockController: at(0x101),
  AgencyRegistry: at(0x102),
  OfficialSeats: at(0x103),
  DocumentRegistry: at(0x104),
  BudgetEscrow: at(0x105),
  DigitalTenge: at(0x106),
  Appeals: at(0x107),
  SigningKeyRegistry: at(0x108),
} as const;
const lookup = contractLookup(ADDRESSES);
const ALICE = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const HASH = `0x${"ab".repeat(32)}` as const;
const decoded = (call: encode.ProposalCall): DecodedCall => {
  const result = decodeAction(lookup, call);
  assert.equal(result.kind, "decoded", JSON.stringify(result, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  return result as DecodedCall;
};

describe("actions: encode then decode gives back the call", () => {
  it("seats an official: contract, function, signature and arguments by name and type", () => {
    const call = encode.seatOfficialCall(ADDRESSES.OfficialSeats, { official: ALICE, agencyId: 3, position: 2 });
    const d = decoded(call);
    assert.equal(d.contract, "OfficialSeats");
    assert.equal(d.functionName, "issue");
    assert.equal(d.signature, "issue(address,uint32,uint16)");
    assert.deepEqual(d.args, [
      { name: "official", type: "address", value: ALICE },
      { name: "agencyId", type: "uint32", value: 3 },
      { name: "position", type: "uint16", value: 2 },
    ]);
    assert.deepEqual(jsonArgs(d).map((a) => a.value), [ALICE, "3", "2"]);
  });

  it("builds every action the system proposes on the contract that runs it", () => {
    const escrow = ADDRESSES.BudgetEscrow;
    const calls: [encode.ProposalCall, string][] = [
      [encode.unseatOfficialCall(ADDRESSES.OfficialSeats, ALICE), "OfficialSeats.revoke"],
      [encode.addAgencyCall(ADDRESSES.AgencyRegistry, { id: 7, name: "Ministry", pqKeyHash: HASH, registrars: [ALICE] }), "AgencyRegistry.addAgency"],
      [encode.addRegistrarCall(ADDRESSES.AgencyRegistry, 7, ALICE), "AgencyRegistry.addRegistrar"],
      [encode.issueDocumentCall(ADDRESSES.DocumentRegistry, { docType: 0, agencyId: 0, contentHash: HASH, metadataDigest: HASH, coSignatureDigest: HASH }), "DocumentRegistry.issue"],
      [encode.createAllocationCall(escrow, { recipient: ALICE, token: zeroAddress, budgetDocumentId: 5n, milestones: [{ amount: 1n, deadline: 2, descriptionHash: HASH }] }), "BudgetEscrow.createAllocation"],
      [encode.releaseMilestoneCall(escrow, 1n, 0n), "BudgetEscrow.releaseMilestone"],
      [encode.answerAppealCall(ADDRESSES.Appeals, 1n, 3, HASH, 0n), "Appeals.answer"],
      [encode.cancelAllocationCall(escrow, 1n, "fraud"), "BudgetEscrow.cancelAllocation"],
      [encode.setTokenAllowedCall(escrow, ADDRESSES.DigitalTenge, true), "BudgetEscrow.setTokenAllowed"],
      [encode.setProposalGuardianCall(ADDRESSES.GovernmentGovernor, zeroAddress), "GovernmentGovernor.setProposalGuardian"],
      [encode.changeSettingCall({ governor: ADDRESSES.GovernmentGovernor, timelock: ADDRESSES.TimelockController }, "voting-delay", 60n), "GovernmentGovernor.setVotingDelay"],
      [encode.changeSettingCall({ governor: ADDRESSES.GovernmentGovernor, timelock: ADDRESSES.TimelockController }, "timelock-delay", 60n), "TimelockController.updateDelay"],
    ];
    for (const [call, name] of calls) {
      const d = decoded(call);
      assert.equal(`${d.contract}.${d.functionName}`, name);
      assert.equal(call.value, 0n);
    }
  });

  it("sums an allocation's milestones into its total", () => {
    const call = encode.createAllocationCall(ADDRESSES.BudgetEscrow, {
      recipient: ALICE,
      token: zeroAddress,
      budgetDocumentId: 5n,
      milestones: [{ amount: 10n, deadline: 1, descriptionHash: HASH }, { amount: 32n, deadline: 2, descriptionHash: HASH }],
    });
    assert.equal(decoded(call).args.find((a) => a.name === "total")?.value, 42n);
  });

  it("refuses a setting value that does not fit the parameter", () => {
    assert.throws(() => encode.changeSettingCall({ governor: ADDRESSES.GovernmentGovernor, timelock: ADDRESSES.TimelockController }, "voting-period", 2n ** 32n), RangeError);
    assert.equal(encode.isSettingName("quorum"), true);
    assert.equal(encode.isSettingName("toString"), false);
  });
});

describe("actions: what does not decode is said so, with the reason", () => {
  it("a selector our contract has no state-changing function for", () => {
    const view = encodeFunctionData({ abi: abis.OfficialSeats, functionName: "seatIdOf", args: [ALICE] });
    const d = decodeAction(lookup, { target: ADDRESSES.OfficialSeats, value: 0n, data: view });
    assert.equal(d.kind, "undecodable");
    assert.match(d.kind === "undecodable" ? d.reason : "", /OfficialSeats has no state-changing function with selector 0x/);
  });

  it("arguments that do not decode, and data shorter than a selector", () => {
    const truncated = encode.seatOfficialCall(ADDRESSES.OfficialSeats, { official: ALICE, agencyId: 3, position: 2 });
    const d = decodeAction(lookup, { ...truncated, data: truncated.data.slice(0, 20) as `0x${string}` });
    assert.equal(d.kind, "undecodable");
    assert.match(d.kind === "undecodable" ? d.reason : "", /^the arguments of issue\(address,uint32,uint16\) do not decode/);
    const short = decodeAction(lookup, { target: ADDRESSES.BudgetEscrow, value: 1n, data: "0x" });
    assert.equal(short.kind === "undecodable" ? short.reason : "", "no calldata (a plain transfer)");
  });

  it("a target that is not ours is an unknown target, not decoded", () => {
    const d = decodeAction(lookup, { target: at(0xdead), value: 0n, data: "0x12345678" });
    assert.deepEqual(d, { kind: "unknownTarget", target: at(0xdead), value: 0n, data: "0x12345678", selector: "0x12345678" });
  });
});

describe("actions: graph-style arguments (the subgraph's rendering)", () => {
  it("renders tuples as (a, b), arrays as [a, b] and addresses lower-case", () => {
    const d = decoded(encode.addAgencyCall(ADDRESSES.AgencyRegistry, { id: 7, name: "Ministry", pqKeyHash: HASH, registrars: [ALICE] }));
    assert.equal(d.signature, "addAgency((uint32,string,bytes32,address[]))");
    assert.deepEqual(renderArguments(d.inputs, d.args.map((a) => a.value)), [`init: (7, Ministry, ${HASH}, [${ALICE.toLowerCase()}])`]);
  });
});

describe("actions: sentences in kk, ru and en", () => {
  const labels: Labels = {
    address: (a) => (a.toLowerCase() === ALICE.toLowerCase() ? { kind: "official", name: "Aigerim" } : undefined),
    agency: (id) => (id === 3 ? "Ministry of Digital Development" : undefined),
    document: (id) => (id === 5n ? { number: "12-B", title: "Budget 2027" } : undefined),
    token: (a) => (a.toLowerCase() === ADDRESSES.DigitalTenge.toLowerCase() ? { symbol: "dKZT", decimals: 2 } : undefined),
  };
  const seat = decodeAction(lookup, encode.seatOfficialCall(ADDRESSES.OfficialSeats, { official: ALICE, agencyId: 3, position: 1 }));

  it("names the official, the agency and the position in each language", () => {
    assert.deepEqual(renderActionInAll(seat, labels), {
      en: `Seat official Aigerim (${ALICE}) in agency 3 "Ministry of Digital Development" as minister`,
      ru: `Назначить должностное лицо Aigerim (${ALICE}): ведомство 3 «Ministry of Digital Development», должность — министр`,
      kk: `Aigerim (${ALICE}) лауазымды тұлғасын тағайындау: 3-ведомство «Ministry of Digital Development», лауазымы — министр`,
    });
    assert.equal(renderAction(seat, "en"), `Seat official ${ALICE} in agency 3 as minister`);
  });

  it("names an official or a registrar by the agency it serves", () => {
    const registrar = decodeAction(lookup, encode.addRegistrarCall(ADDRESSES.AgencyRegistry, 3, ALICE));
    const asRegistrar: Labels = { ...labels, address: () => ({ kind: "registrar", agencyId: 0 }) };
    assert.deepEqual(renderActionInAll(registrar, asRegistrar), {
      en: `Make ${ALICE} (registrar of the Government of the Republic of Kazakhstan) a registrar of agency 3 "Ministry of Digital Development"`,
      ru: `Назначить ${ALICE} (регистратор Правительства Республики Казахстан) регистратором ведомства 3 «Ministry of Digital Development»`,
      kk: `${ALICE} (Қазақстан Республикасы Үкіметінің тіркеушісі) мекенжайын тіркеуші етіп тағайындау: 3-ведомство «Ministry of Digital Development»`,
    });
  });

  it("writes amounts with the token's decimals and symbol, the budget by number and title, and dates", () => {
    const call = encode.createAllocationCall(ADDRESSES.BudgetEscrow, {
      recipient: ALICE,
      token: ADDRESSES.DigitalTenge,
      budgetDocumentId: 5n,
      milestones: [{ amount: 150_050n, deadline: Date.UTC(2027, 2, 31) / 1000, descriptionHash: HASH }],
    });
    assert.equal(
      renderAction(decodeAction(lookup, call), "en", labels),
      `Allocate 1500.5 dKZT to Aigerim (${ALICE}) under budget No. 12-B "Budget 2027" (0x${"5".padStart(64, "0")}): #1 1500.5 dKZT due 2027-03-31`,
    );
    const native = encode.createAllocationCall(ADDRESSES.BudgetEscrow, { recipient: ALICE, token: zeroAddress, budgetDocumentId: 9n, milestones: [{ amount: 2n * 10n ** 18n, deadline: 0, descriptionHash: HASH }] });
    assert.match(renderAction(decodeAction(lookup, native), "ru"), /^Выделить 2 native coin получателю 0x7099.* по бюджету 0x0+9: №1 2 native coin до 1970-01-01$/);
    const unknownToken = encode.createAllocationCall(ADDRESSES.BudgetEscrow, { recipient: ALICE, token: at(0xbeef), budgetDocumentId: 9n, milestones: [{ amount: 7n, deadline: 0, descriptionHash: HASH }] });
    assert.match(renderAction(decodeAction(lookup, unknownToken), "en"), /^Allocate 7 units of token 0x0+bEEF to/);
  });

  it("names document types and the central government (agency 0)", () => {
    const decree = decodeAction(lookup, encode.issueDocumentCall(ADDRESSES.DocumentRegistry, { docType: 1, agencyId: 0, contentHash: HASH, metadataDigest: HASH, coSignatureDigest: HASH }));
    assert.deepEqual(renderActionInAll(decree), {
      en: `Mint a law of the Government of the Republic of Kazakhstan, file sha-256 ${HASH}`,
      ru: `Выпустить документ «закон» от имени: Правительство Республики Казахстан, sha-256 файла ${HASH}`,
      kk: `«заң» құжатын шығару, шығарушы: Қазақстан Республикасының Үкіметі, файлдың sha-256 мәні ${HASH}`,
    });
  });

  it("the council's answer to an appeal: the verdict in words, and the remedy when there is one", () => {
    const rejected = decodeAction(lookup, encode.answerAppealCall(ADDRESSES.Appeals, 5n, 3, HASH, 0n));
    assert.deepEqual(renderActionInAll(rejected), {
      en: "Answer appeal No. 5: rejected (answer 0xabababab…)",
      ru: "Ответить на обращение № 5: отказать (ответ 0xabababab…)",
      kk: "№ 5 өтінішке жауап беру: бас тарту (жауап 0xabababab…)",
    });
    const upheld = renderAction(decodeAction(lookup, encode.answerAppealCall(ADDRESSES.Appeals, 6n, 1, HASH, 0xabn)), "en");
    assert.match(upheld, /^Answer appeal No\. 6: upheld \(answer 0xabababab…, remedy /);
  });

  it("settings, with their units", () => {
    const both = { governor: ADDRESSES.GovernmentGovernor, timelock: ADDRESSES.TimelockController };
    assert.deepEqual(renderActionInAll(decodeAction(lookup, encode.changeSettingCall(both, "quorum", 40n))), {
      en: "Set the quorum to 40 % of seats",
      ru: "Установить кворум: 40 % мест",
      kk: "Кворумды 40 % орын етіп белгілеу",
    });
    assert.equal(renderAction(decodeAction(lookup, encode.setProposalGuardianCall(both.governor, zeroAddress)), "en"), "Remove the proposal guardian");
  });

  it("other functions of our contracts as a call, undecodable data with its reason, unknown targets raw, value sent", () => {
    const grant = encodeFunctionData({ abi: abis.TimelockController, functionName: "grantRole", args: [HASH, ALICE] });
    const role = decodeAction(lookup, { target: ADDRESSES.TimelockController, value: 0n, data: grant });
    assert.equal(renderAction(role, "en"), `Call grantRole(bytes32,address) on TimelockController (${ADDRESSES.TimelockController})`);
    assert.equal(renderAction(role, "ru"), `Вызов grantRole(bytes32,address) в контракте TimelockController (${ADDRESSES.TimelockController})`);
    const bad = decodeAction(lookup, { target: ADDRESSES.OfficialSeats, value: 0n, data: "0xdeadbeef" });
    assert.equal(renderAction(bad, "en"), `Call OfficialSeats (${ADDRESSES.OfficialSeats}) with undecodable data 0xdeadbeef: OfficialSeats has no state-changing function with selector 0xdeadbeef`);
    const raw = decodeAction(lookup, { target: at(0xdead), value: 10n ** 18n, data: "0x12345678aa" });
    assert.deepEqual(renderActionInAll(raw), {
      en: `Call ${at(0xdead)} with data 0x12345678, sending 1 native coin`,
      ru: `Вызов ${at(0xdead)} с данными 0x12345678, с переводом 1 native coin`,
      kk: `${at(0xdead)} мекенжайын 0x12345678 деректерімен шақыру, 1 native coin жіберіп`,
    });
  });
});

/** The most extreme value of a parameter: the largest integers, all-ones bytes, control characters in strings. */
function extreme(param: AbiParameter): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array) return Array.from({ length: Number(array[2] || 2) }, () => extreme({ ...param, type: array[1] ?? "" } as AbiParameter));
  if (param.type === "tuple" && "components" in param) return Object.fromEntries(param.components.map((c, i) => [c.name || String(i), extreme(c)]));
  const bits = /^(u?)int(\d*)$/.exec(param.type);
  if (bits) return bits[1] ? 2n ** BigInt(bits[2] || 256) - 1n : -(2n ** (BigInt(bits[2] || 256) - 1n));
  if (param.type === "address") return "0xFFfFfFffFFfffFFfFFfFFFFFffFFFffffFfFFFfF";
  if (param.type === "bool") return true;
  if (param.type === "string") return "line\u0001\u202ebreak";
  if (param.type === "bytes") return "0xdeadbeef";
  const fixed = /^bytes(\d+)$/.exec(param.type);
  if (fixed) return `0x${"ff".repeat(Number(fixed[1]))}`;
  throw new Error(`no extreme value for ${param.type}`);
}

describe("actions: any call decodes and renders, whatever its arguments", () => {
  it("every state-changing function of every contract, with the most extreme arguments, in kk, ru and en", () => {
    let rendered = 0;
    for (const contract of CONTRACT_NAMES) {
      for (const item of abis[contract] as readonly { type: string }[]) {
        const fn = item as AbiFunction;
        if (fn.type !== "function" || fn.stateMutability === "view" || fn.stateMutability === "pure") continue;
        const abi = [fn] as const;
        // The arguments are built from the ABI at run time, so their type is not known statically.
        const data = encodeFunctionData({ abi, functionName: fn.name, args: fn.inputs.map(extreme) } as unknown as Parameters<typeof encodeFunctionData>[0]);
        const d = decodeAction(lookup, { target: ADDRESSES[contract], value: 2n ** 256n - 1n, data });
        assert.equal(d.kind, "decoded", `${contract}.${fn.name}`);
        for (const sentence of Object.values(renderActionInAll(d))) assert.ok(sentence.length > 0);
        rendered++;
      }
    }
    assert.ok(rendered > 50, `${rendered} functions rendered`);
  });
});
