/**
 * scripts/agent.ts: bad configuration of the agents is refused in one plain line, before anything is read from or
 * sent to the chain (the RPC port is dead, so nothing could be).
 *
 *   npx hardhat test mocha test/scripts/agent-options.test.ts
 */
import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";

import { freePort } from "@government-dao/devchain/anvil";

const run = promisify(execFile);

/** Runs the agents once with `args`; resolves to their exit code and the lines they wrote to stderr. */
async function agent(args: string[]): Promise<{ code: number; stderr: string[] }> {
  try {
    await run(process.execPath, ["--import", "tsx", path.join("scripts", "agent.ts"), "--once", ...args], { timeout: 60_000 });
    return { code: 0, stderr: [] };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: (failed.stderr ?? "").split("\n").filter((l) => l !== "") };
  }
}

describe("npm run agent", function () {
  this.timeout(120_000);
  let dir = "";
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-agent-options-"));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("refuses a publisher key file that is missing, readable by others or not a key, in one plain line, before it reaches the chain", async () => {
    const rpc = `http://127.0.0.1:${await freePort()}`;
    const notAKey = path.join(dir, "not-a-key");
    await writeFile(notAKey, "correct horse battery staple\n", { mode: 0o600 });
    const shared = path.join(dir, "shared.key");
    await writeFile(shared, `0x${"11".repeat(32)}\n`);
    await chmod(shared, 0o644);
    const cases: [string, RegExp][] = [
      [path.join(dir, "missing.key"), /^Error: Cannot read the key file .*missing\.key: no such file\.$/],
      [shared, /^Error: The key file .*shared\.key is readable by others \(mode 0644\): chmod 600 it first\.$/],
      [notAKey, /^Error: The key file .*not-a-key does not hold a private key \(0x and 64 hex digits\)\.$/],
    ];
    for (const [file, message] of cases) {
      const { code, stderr } = await agent(["--rpc", rpc, "--no-keeper", "--no-auditor", "--gateway", "http://127.0.0.1:1", "--publisher-key-file", file]);
      expect(code, file).to.equal(1);
      expect(stderr, file).to.have.length(1);
      expect(stderr[0], file).to.match(message);
      expect(stderr[0], "the key file's text is never echoed").not.to.include("horse");
    }
  });
});
