import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DEV_ACCOUNT_INDEX, DEV_ROLES, devAccountAddress, devAccountPath } from "@government-dao/core/dev-accounts";

describe("anvil's development accounts (core/src/dev-accounts.ts)", () => {
  it("derives anvil's well-known accounts", () => {
    assert.equal(devAccountAddress(0), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assert.equal(devAccountAddress(9), "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    assert.equal(devAccountPath(7), "m/44'/60'/0'/0/7");
  });

  it("gives the dApp's wallet the roles of the demo cast, account by account", () => {
    assert.equal(DEV_ROLES.length, DEV_ACCOUNT_INDEX.treasurer + 1);
    assert.equal(DEV_ROLES[DEV_ACCOUNT_INDEX.deployer], "keeper");
    for (const i of [...DEV_ACCOUNT_INDEX.officials, ...DEV_ACCOUNT_INDEX.candidates]) assert.equal(DEV_ROLES[i], "official");
    assert.equal(DEV_ROLES[DEV_ACCOUNT_INDEX.financeRegistrar], "financeRegistrar");
    assert.equal(DEV_ROLES[DEV_ACCOUNT_INDEX.digitalRegistrar], "digitalRegistrar");
    assert.equal(DEV_ROLES[DEV_ACCOUNT_INDEX.treasurer], "treasurer");
  });
});
