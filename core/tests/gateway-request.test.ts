import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { privateKeyToAccount } from "viem/accounts";

import { checkGatewayRequest, signGatewayRequest } from "../src/gateway-request.ts";

const account = privateKeyToAccount(`0x${"42".repeat(32)}`);
const body = new TextEncoder().encode('{"reason":"Issued in error"}');
const parts = { chainId: 31337, method: "POST", path: "/v1/agencies/1/documents/0x01/revoke", agencyId: 1, idempotencyKey: "revoke-0001", time: 1_796_000_000, body };
const check = async (headers: Record<string, string>, changes: Partial<typeof parts> & { now?: number } = {}) => {
  const { now = parts.time, ...rest } = changes;
  return checkGatewayRequest(new Headers(headers), { ...parts, ...rest, now });
};

describe("gateway request signatures", () => {
  it("accepts a request signed by the key it names", async () => {
    const result = await check(await signGatewayRequest(account, parts));
    assert.ok(result.ok);
    assert.equal(result.request.signer, account.address);
    assert.equal(result.request.idempotencyKey, "revoke-0001");
  });

  it("refuses the signature on another chain, method, path, agency, body or idempotency key", async () => {
    const headers = await signGatewayRequest(account, parts);
    const moved = [
      { chainId: 1 }, { method: "GET" }, { path: "/v1/agencies/2/documents/0x01/revoke" }, { agencyId: 2 }, { body: new TextEncoder().encode('{"reason":"other"}') },
    ];
    for (const change of moved) assert.deepEqual(await check(headers, change), { ok: false, failure: "badSignature" }, JSON.stringify(Object.keys(change)));
    assert.deepEqual(await check({ ...headers, "idempotency-key": "revoke-0002" }), { ok: false, failure: "badSignature" });
  });

  it("refuses a request signed more than five minutes from the clock, unsigned or with malformed headers", async () => {
    const headers = await signGatewayRequest(account, parts);
    assert.deepEqual(await check(headers, { now: parts.time + 301 }), { ok: false, failure: "expired" });
    assert.ok((await check(headers, { now: parts.time - 300 })).ok);
    assert.deepEqual(await check({}), { ok: false, failure: "missingHeaders" });
    assert.deepEqual(await check({ ...headers, "x-gateway-signature": "0x1234" }), { ok: false, failure: "malformedHeaders" });
    assert.deepEqual(await check({ ...headers, "idempotency-key": "short" }), { ok: false, failure: "malformedHeaders" });
    const other = privateKeyToAccount(`0x${"43".repeat(32)}`);
    assert.deepEqual(await check({ ...headers, "x-gateway-signer": other.address }), { ok: false, failure: "badSignature" });
  });
});
