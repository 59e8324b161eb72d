/**
 * The test host itself (tests/harness/): it is a re-implementation for tests, not graph-node, so these tests pin
 * down what it promises — every host function the built mappings import is implemented, any other import fails
 * loudly, the store enforces the schema like graph-node's, a failing handler rolls its block back, and the
 * AssemblyScript value encodings round-trip.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, indexScenario, loadIndexer, loadScenario } from "./harness/fixture.js";
import { AbiCoder, concat, id as keccakId, zeroPadValue } from "ethers";

import {
  HostFunctionError,
  HostFunctionNotImplemented,
  IMPLEMENTED_HOST_FUNCTIONS,
  decodeAsGraphNode,
  type TriggerContext,
  buildImports,
  unimplementedImports,
} from "./harness/host.js";
import { MappingError } from "./harness/indexer.js";
import { AscHeap, type MappingExports, bigIntToBytes, bytesToBigInt, hexToBytes } from "./harness/memory.js";
import type { StoreValue } from "./harness/memory.js";

let record: ScenarioRecord;
before(() => {
  record = loadScenario();
});

/** A trigger context for calling host functions outside a handler. */
const triggerOf = (ds: { name: string; address: string; network: string; context: ReadonlyMap<string, StoreValue> }, mode: "throw" | "null" = "throw"): TriggerContext => ({
  dataSource: { name: ds.name, address: ds.address, network: ds.network, context: ds.context },
  handler: "-",
  block: 0,
  writtenInBlock: new Set(),
  decodeFailures: { mode, seen: [] },
});

/** A live instance of a real mapping module, to call its host functions directly with pointers into its memory. */
function liveHost(mode: "throw" | "null" = "throw") {
  const indexer = loadIndexer();
  const ds = indexer.dataSource("GovernmentGovernor");
  const trigger = triggerOf(ds, mode);
  let heap: AscHeap | undefined;
  const imports = buildImports(ds.module, () => heap as AscHeap, indexer.store, trigger, []);
  const exports = new WebAssembly.Instance(ds.module, imports).exports as unknown as MappingExports;
  exports._start();
  heap = new AscHeap(exports);
  const fn = (name: string) => {
    const found = Object.values(imports)
      .map((m) => (m as Record<string, WebAssembly.ImportValue>)[name])
      .find((f) => typeof f === "function");
    if (typeof found !== "function") throw new Error(`the module does not import ${name}`);
    return found as (...args: number[]) => number;
  };
  return { heap, trigger, fn };
}

/** A minimal hand-assembled module: imports `index`.`<name>` (i32) -> i32 and exports `handle` calling it. */
function moduleImporting(name: string): WebAssembly.Module {
  const text = (s: string) => [s.length, ...Buffer.from(s, "utf8")];
  const section = (id: number, body: number[]) => [id, body.length, ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 0]), // types: (i32)->i32, ()->()
    ...section(2, [1, ...text("index"), ...text(name), 0x00, 0]), // import func 0 of type 0
    ...section(3, [1, 1]), // func 1 of type 1
    ...section(7, [1, ...text("handle"), 0x00, 1]), // export "handle" = func 1
    ...section(10, [1, 7, 0, 0x41, 0x00, 0x10, 0x00, 0x1a, 0x0b]), // i32.const 0; call 0; drop; end
  ];
  return new WebAssembly.Module(Uint8Array.from(bytes));
}

describe("test host: host functions", () => {
  it("implements every host function the built mappings import", (t) => {
    const indexer = loadIndexer();
    const imported = new Set<string>();
    for (const ds of indexer.dataSources) {
      assert.deepEqual(unimplementedImports(ds.module), [], `${ds.name} imports a host function the test host lacks`);
      for (const entry of WebAssembly.Module.imports(ds.module)) imported.add(entry.name);
      assert.equal(ds.apiVersion, "0.0.9");
    }
    t.diagnostic(`imported by the mappings: ${[...imported].sort().join(", ")}`);
    t.diagnostic(`implemented by the host: ${IMPLEMENTED_HOST_FUNCTIONS.length}`);
  });

  it("an import the host does not implement fails loudly when called", () => {
    const module = moduleImporting("ipfs.cat");
    assert.deepEqual(unimplementedImports(module), ["index.ipfs.cat"]);
    const indexer = loadIndexer();
    const imports = buildImports(
      module,
      () => {
        throw new Error("no heap");
      },
      indexer.store,
      triggerOf({ name: "Test", address: "0x", network: "test", context: new Map() }),
      [],
    );
    const instance = new WebAssembly.Instance(module, imports);
    const handle = instance.exports.handle as () => void;
    assert.throws(handle, (error: unknown) => error instanceof HostFunctionNotImplemented && error.message === "host function not implemented: ipfs.cat");
  });
});

describe("test host: failures are loud", () => {
  const coder = AbiCoder.defaultAbiCoder();
  // DocumentRegistry.amend's arguments as calldata lays them out (a parameter list, no leading offset word).
  const amendTypes = "(uint256,bytes32,bytes32,bytes32,string)";
  const amendArgs = [7n, keccakId("b"), keccakId("m"), zeroPadValue("0x", 32), "Typo in article 2 corrected"] as const;
  const amendCalldataArgs = coder.encode(["uint256", "bytes32", "bytes32", "bytes32", "string"], amendArgs);
  const OFFSET_WORD = zeroPadValue("0x20", 32);

  it("ethereum.decode reads its types as ONE parameter, like graph-node: a dynamic tuple needs the 0x20 offset word", () => {
    const { heap, fn } = liveHost();
    const decode = fn("ethereum.decode");
    // Without the offset word (what the subgraph passed before the fix): graph-node returns null, the test host throws.
    assert.throws(
      () => decode(heap.writeString(amendTypes), heap.writeHex(amendCalldataArgs)),
      (error: unknown) =>
        error instanceof HostFunctionError &&
        error.functionName === "ethereum.decode" &&
        error.message.startsWith(`host function ethereum.decode failed: ${amendTypes} does not decode from 224 bytes`),
    );
    // With it: the tuple.
    const value = heap.readEthereumValue(decode(heap.writeString(amendTypes), heap.writeHex(concat([OFFSET_WORD, amendCalldataArgs]))));
    assert.deepStrictEqual(value, {
      kind: "tuple",
      value: [
        { kind: "uint", value: 7n },
        { kind: "fixedBytes", value: amendArgs[1] },
        { kind: "fixedBytes", value: amendArgs[2] },
        { kind: "fixedBytes", value: amendArgs[3] },
        { kind: "string", value: amendArgs[4] },
      ],
    });
    // A static tuple is encoded in place: no offset word.
    const staticArgs = coder.encode(["uint8", "uint32", "address"], [3, 2, "0x00000000000000000000000000000000000a11ce"]);
    assert.deepStrictEqual(heap.readEthereumValue(decode(heap.writeString("(uint8,uint32,address)"), heap.writeHex(staticArgs))), {
      kind: "tuple",
      value: [
        { kind: "uint", value: 3n },
        { kind: "uint", value: 2n },
        { kind: "address", value: "0x00000000000000000000000000000000000a11ce" },
      ],
    });
    // Types that do not parse fail too (graph-node: "Failed to read types", null).
    assert.throws(() => decode(heap.writeString("(uint8,"), heap.writeHex(staticArgs)), /host function ethereum\.decode failed: \(uint8, does not decode/);
  });

  it("ethereum.decode follows graph-node's ethabi where decoders differ: whole-word integers, lossy UTF-8, strict bool and offsets", () => {
    const word = (hex: string) => hex.replace(/^0x/, "").padStart(64, "0");
    const data = (...words: string[]) => hexToBytes(`0x${words.join("")}`);
    // Integers are the whole word (ethers would mask a uint8 to 44), int as 256-bit two's complement.
    assert.deepStrictEqual(decodeAsGraphNode("uint8", data(word("12c"))), { kind: "uint", value: 300n });
    assert.deepStrictEqual(decodeAsGraphNode("int8", data(word("80"))), { kind: "int", value: 128n });
    assert.deepStrictEqual(decodeAsGraphNode("int16", data("f".repeat(64))), { kind: "int", value: -1n });
    // An address is the word's last 20 bytes, dirty high bytes ignored (ethers would refuse them).
    assert.deepStrictEqual(decodeAsGraphNode("address", data(`ff${"00".repeat(11)}${"ab".repeat(20)}`)), { kind: "address", value: `0x${"ab".repeat(20)}` });
    // A bool is true only for 1; a word with a high byte set does not decode (ethers: true for any non-zero).
    assert.deepStrictEqual(decodeAsGraphNode("bool", data(word("2"))), { kind: "bool", value: false });
    assert.throws(() => decodeAsGraphNode("bool", data(`01${"00".repeat(31)}`)), /bool word at 0 is not 0 or 1/);
    // Strings are lossy UTF-8 (ethers would throw on 0xff); fixed bytes are the word's first bytes; trailing data is ignored.
    assert.deepStrictEqual(decodeAsGraphNode("(string)", data(word("20"), word("20"), word("2"), `41ff${"00".repeat(30)}`)), {
      kind: "tuple",
      value: [{ kind: "string", value: "A\ufffd" }],
    });
    assert.deepStrictEqual(decodeAsGraphNode("bytes3", data(`abcdef${"00".repeat(29)}`, word("99"))), { kind: "fixedBytes", value: "0xabcdef" });
    // An offset or a length must fit in 4 bytes.
    assert.throws(() => decodeAsGraphNode("string", data(`01${"00".repeat(30)}20`)), /offset\/length word at 0 is too large/);
    assert.throws(() => decodeAsGraphNode("(uint256,uint256)", data(word("1"))), /no 32-byte word at offset 32 of 32 bytes/);
  });

  it("in graph-node's mode a failed decode returns null to the mapping, and is recorded", () => {
    const { heap, fn, trigger } = liveHost("null");
    assert.equal(fn("ethereum.decode")(heap.writeString(amendTypes), heap.writeHex(amendCalldataArgs)), 0);
    assert.equal(trigger.decodeFailures.seen.length, 1);
    assert.match(trigger.decodeFailures.seen[0] ?? "", /^\(uint256,bytes32,bytes32,bytes32,string\) does not decode from 224 bytes: /);
  });

  it("an implemented host function that fails names itself (no swallowed error, no 0 returned)", () => {
    const { heap, fn } = liveHost();
    const named = (name: string, why: RegExp) => (error: unknown) =>
      error instanceof HostFunctionError && error.functionName === name && error.message.startsWith(`host function ${name} failed: `) && why.test(error.message);
    assert.throws(() => fn("log.log")(7, heap.writeString("?")), named("log.log", /unknown log level 7/));
    assert.throws(() => fn("typeConversion.bytesToHex")(0), named("typeConversion.bytesToHex", /null bytes pointer/));
    assert.throws(() => fn("bigInt.plus")(0, heap.writeBigInt(1n)), named("bigInt.plus", /null bytes pointer/));
    const entity = heap.writeEntity(new Map());
    assert.throws(() => fn("store.set")(heap.writeString("Nope"), heap.writeString("1"), entity), named("store.set", /unknown entity type "Nope"/));
  });
});

describe("test host: store", () => {
  const str = (value: string): StoreValue => ({ kind: "String", value });
  const big = (value: bigint): StoreValue => ({ kind: "BigInt", value });

  it("rejects a missing required field, an unknown field, a wrong kind and a bad enum value", () => {
    const { store } = loadIndexer();
    const council = () =>
      new Map<string, StoreValue>([
        ["totalSeats", big(0n)],
        ["proposalCount", big(0n)],
        ["documentCount", big(0n)],
        ["allocationCount", big(0n)],
      ]);
    store.set("Council", "council", council(), 1);
    assert.throws(() => store.set("Council", "c2", new Map([["totalSeats", big(0n)]]), 1), /missing required field "proposalCount"/);
    assert.throws(() => store.set("Council", "council", new Map([["nonsense", big(0n)]]), 1), /no field "nonsense"/);
    assert.throws(() => store.set("Council", "council", new Map([["totalSeats", str("4")]]), 1), /must be BigInt/);
    assert.throws(() => store.set("Nope", "x", council(), 1), /unknown entity type "Nope"/);
    const withState = new Map<string, StoreValue>([["state", str("MAYBE")]]);
    assert.throws(() => store.set("Proposal", "1", withState, 1), /not a value of enum ProposalState/);
  });

  it("merges set() with the stored entity and refuses to change an immutable entity in a later block", () => {
    const { store } = loadIndexer();
    const deposit = new Map<string, StoreValue>([
      ["kind", str("DEPOSIT")],
      ["token", str("0x00")],
      ["amount", big(1n)],
      ["timestamp", big(1n)],
      ["blockNumber", big(1n)],
      ["transactionHash", { kind: "Bytes", value: "0x01" }],
    ]);
    store.set("Deposit", "d", deposit, 5);
    store.set("Deposit", "d", new Map([["amount", big(2n)]]), 5); // same block: allowed, merged
    assert.equal(store.entity("Deposit", "d")?.amount, 2n);
    assert.equal(store.entity("Deposit", "d")?.kind, "DEPOSIT");
    assert.throws(() => store.set("Deposit", "d", new Map([["amount", big(3n)]]), 6), /immutable/);
  });
});

describe("test host: blocks", () => {
  it("a failing handler aborts its block: the block's earlier changes are rolled back", () => {
    const indexer = indexScenario(record);
    const before = indexer.store.snapshot();
    const { addresses, accounts } = record.facts;
    const { block, logs } = new ChainExtender(record).block(accounts.treasurer, addresses.BudgetEscrow, [
      { address: addresses.BudgetEscrow, contract: "BudgetEscrow", event: "Deposited", args: [addresses.DigitalTenge, accounts.treasurer, 5n] },
      { address: addresses.BudgetEscrow, contract: "BudgetEscrow", event: "Deposited", args: [addresses.DigitalTenge, accounts.treasurer, 6n] },
    ]);
    const second = logs[1];
    assert.ok(second);
    const broken = [logs[0], { ...second, data: "0x1234" }].filter((l) => l !== undefined);
    assert.throws(() => indexer.processBlock(block, broken), MappingError);
    assert.deepStrictEqual(indexer.store.snapshot(), before);
  });

  it("ignores logs of other contracts and events without a handler", () => {
    const indexer = loadIndexer();
    const tengeLogs = record.logs.filter((l) => l.address.toLowerCase() === record.facts.addresses.DigitalTenge);
    assert.ok(tengeLogs.length > 0, "the scenario has DigitalTenge Transfer/Approval logs");
    indexer.processBlocks(record.blocks, tengeLogs);
    assert.equal(indexer.stats.triggers, 0);
  });

  it("indexes the scenario fast enough to run on every npm test", (t) => {
    const indexer = indexScenario(record);
    const perTrigger = indexer.stats.milliseconds / indexer.stats.triggers;
    t.diagnostic(`${indexer.stats.triggers} triggers in ${indexer.stats.milliseconds.toFixed(0)} ms (${perTrigger.toFixed(2)} ms per trigger)`);
    assert.ok(indexer.stats.triggers > 50);
  });
});

describe("test host: encodings", () => {
  it("BigInt is minimal signed little-endian two's complement", () => {
    const cases: [bigint, string][] = [
      [0n, "00"],
      [1n, "01"],
      [127n, "7f"],
      [128n, "8000"],
      [255n, "ff00"],
      [-1n, "ff"],
      [-128n, "80"],
      [-129n, "7fff"],
      [2n ** 255n, `${"00".repeat(31)}8000`],
    ];
    for (const [value, hex] of cases) {
      assert.equal(Buffer.from(bigIntToBytes(value)).toString("hex"), hex, `encode ${value}`);
      assert.equal(bytesToBigInt(bigIntToBytes(value)), value, `round-trip ${value}`);
    }
  });

  it("strings, bytes, arrays and entities round-trip through a real mapping instance's memory", () => {
    const indexer = loadIndexer();
    const ds = indexer.dataSource("DocumentRegistry");
    let heap: AscHeap | undefined;
    const imports = buildImports(
      ds.module,
      () => heap as AscHeap,
      indexer.store,
      triggerOf(ds),
      [],
    );
    const exports = new WebAssembly.Instance(ds.module, imports).exports as unknown as MappingExports;
    exports._start();
    heap = new AscHeap(exports);
    const text = "Қазақстан ✓ documents";
    assert.equal(heap.readString(heap.writeString(text)), text);
    assert.equal(heap.readHex(heap.writeHex("0xdeadbeef")), "0xdeadbeef");
    assert.equal(heap.readBigInt(heap.writeBigInt(-(2n ** 200n))), -(2n ** 200n));
    const entity = new Map<string, StoreValue>([
      ["a", { kind: "String", value: "x" }],
      ["b", { kind: "Array", value: [{ kind: "Int", value: -5 }, { kind: "Bool", value: true }] }],
      ["c", { kind: "Null" }],
      ["d", { kind: "Int8", value: -(2n ** 40n) }],
    ]);
    assert.deepStrictEqual(heap.readEntity(heap.writeEntity(entity)), entity);
  });
});
