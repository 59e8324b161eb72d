import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DIGITAL_TENGE, NATIVE_COIN, currencyOf, decimalAmount } from "../src/currency.ts";

describe("currency", () => {
  it("names the digital tenge KZT and anything else XXX", () => {
    const tenge = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    assert.deepEqual(currencyOf(tenge.toLowerCase(), tenge), DIGITAL_TENGE);
    assert.deepEqual(currencyOf("0x0000000000000000000000000000000000000000", tenge), NATIVE_COIN);
    assert.equal(currencyOf("0x00000000000000000000000000000000000000aa", tenge).code, "XXX");
    assert.equal(currencyOf(tenge, undefined).code, "XXX");
  });

  it("writes base units as decimals without losing digits", () => {
    assert.equal(decimalAmount(123456n, 2), "1234.56");
    assert.equal(decimalAmount(100n, 2), "1");
    assert.equal(decimalAmount(5n, 2), "0.05");
    assert.equal(decimalAmount(0n, 2), "0");
    assert.equal(decimalAmount(-150n, 2), "-1.5");
    assert.equal(decimalAmount(10n ** 30n + 1n, 18), "1000000000000.000000000000000001");
    assert.equal(decimalAmount(42n, 0), "42");
  });
});
