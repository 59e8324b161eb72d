/**
 * The production build carries no secret: no private key of anvil's development accounts anywhere (the dev-account
 * wallet sends through anvil's unlocked accounts, so it needs none), no 32-byte hex value next to a key-like name,
 * and anvil's public mnemonic never in what browsers download (.next/static) — on the server only in the code that
 * is gated by DEV_ACCOUNTS on the local chain (web/lib/runtime.ts derives the dev accounts' addresses from it).
 * Runs on the build `npm test -w web` has just made (web/.next).
 */
import { strict as assert } from "node:assert";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";

import { HDNodeWallet, Mnemonic } from "ethers";

import { ANVIL_MNEMONIC } from "@government-dao/core/dev-accounts";
import { WEB_BUILD_DIR, WEB_DIR, isWebBuilt } from "../lib/server";

/** Every file of the build that is sent to browsers or run by the server. */
async function buildFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "cache" || entry.name === "dev") continue; // build cache and `next dev` output, never served
      files.push(...(await buildFiles(full)));
    } else if (/\.(js|mjs|cjs|json|html|txt|map|rsc)$/.test(entry.name)) files.push(full);
  }
  return files;
}

describe("production bundle", () => {
  const built = isWebBuilt();

  it("contains no private key or mnemonic of anvil's development accounts", { skip: built ? false : "run after next build" }, async () => {
    const mnemonic = Mnemonic.fromPhrase(ANVIL_MNEMONIC);
    const keys = Array.from({ length: 20 }, (_, i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).privateKey.slice(2).toLowerCase());
    const files = await buildFiles(WEB_BUILD_DIR);
    assert.ok(files.length > 10, "the build has files to scan");
    const leaks: string[] = [];
    for (const file of files) {
      const text = (await readFile(file, "utf8")).toLowerCase();
      const browserFile = file.includes(`${path.sep}static${path.sep}`);
      if (text.includes(ANVIL_MNEMONIC) && (browserFile || !text.includes("dev_accounts"))) {
        leaks.push(`${path.relative(WEB_DIR, file)}: the anvil mnemonic ${browserFile ? "in the browser bundle" : "outside the DEV_ACCOUNTS-gated code"}`);
      }
      for (const [i, key] of keys.entries()) if (text.includes(key)) leaks.push(`${path.relative(WEB_DIR, file)}: private key of dev account ${i}`);
      const named = /(private_?key|secret_?key|mnemonic)["'\s:=]+["']?(0x)?[0-9a-f]{64}\b/i.exec(text);
      if (named) leaks.push(`${path.relative(WEB_DIR, file)}: ${named[0].slice(0, 40)}…`);
    }
    assert.deepEqual(leaks, []);
  });
});
