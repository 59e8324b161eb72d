/**
 * The import boundaries of `.dependency-cruiser.cjs` (checked by `npm run lint`): the repository keeps them, and a
 * crossing is reported — core importing an app, an app importing another app's internals, a test reaching past a
 * public entry — while the allowed imports (core, public entries, dev chain tooling) are not.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { type ICruiseOptions, type IConfiguration, type IViolation, cruise } from "dependency-cruiser";

const ROOT = path.resolve(import.meta.dirname, "../..");
const config = createRequire(import.meta.url)(path.join(ROOT, ".dependency-cruiser.cjs")) as IConfiguration;

/** The rule violations of cruising `dirs` under `baseDir` with the repository's rules. */
async function violations(baseDir: string, dirs: string[], options: ICruiseOptions = {}): Promise<IViolation[]> {
  const result = await cruise(
    dirs,
    { ...config.options, ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } },
    { extensions: [".ts", ".tsx", ".js", ".json"] },
  );
  if (typeof result.output === "string") throw new Error("expected a JSON cruise result");
  return result.output.summary.violations;
}

describe("dependency rules (.dependency-cruiser.cjs)", function () {
  this.timeout(120_000);
  let fixture = "";

  /** Writes `files` (path → source) into a fresh fixture tree. */
  async function tree(files: Record<string, string>): Promise<void> {
    fixture = await mkdtemp(path.join(os.tmpdir(), "gdao-deps-"));
    for (const [file, source] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(fixture, file)), { recursive: true });
      await writeFile(path.join(fixture, file), source);
    }
  }
  afterEach(async function () {
    if (fixture) await rm(fixture, { recursive: true, force: true });
    fixture = "";
  });

  const names = (found: IViolation[]) => found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

  it("holds in this repository", async function () {
    const found = await violations(ROOT, ["core", "devchain", "scripts", "indexer", "gateway", "web", "subgraph", "bench", "test"], { tsConfig: { fileName: path.join(ROOT, "tsconfig.json") } });
    expect(names(found)).to.deep.equal([]);
  });

  it("reports core or the dev chain importing an app, and an app importing another app's internals", async function () {
    await tree({
      "core/src/a.ts": 'import { x } from "../../web/lib/secret.ts";\nexport const a = x;\n',
      "devchain/src/d.ts": 'import { c } from "../../scripts/lib/c.ts";\nimport { a } from "../../core/src/a.ts";\nexport const d = c + a;\n',
      "web/lib/secret.ts": "export const x = 1;\n",
      "web/lib/server.ts": "export const serve = 1;\n",
      "indexer/src/b.ts": 'import { x } from "../../web/lib/secret.ts";\nimport { a } from "../../core/src/a.ts";\nexport const b = x + a;\n',
      "scripts/lib/c.ts": 'import { b } from "../../indexer/src/b.ts";\nexport const c = b;\n',
      "scripts/start.ts": 'import { serve } from "../web/lib/server.ts";\nimport { x } from "../web/lib/secret.ts";\nexport const s = serve + x;\n',
    });
    expect(names(await violations(fixture, ["core", "devchain", "web", "indexer", "scripts"]))).to.deep.equal([
      "app-source-imports-only-core: indexer/src/b.ts → web/lib/secret.ts",
      "core-imports-no-app: core/src/a.ts → web/lib/secret.ts",
      "devchain-imports-only-core: devchain/src/d.ts → scripts/lib/c.ts",
      "scripts-imports-no-other-app: scripts/lib/c.ts → indexer/src/b.ts",
      "start-through-public-entries: scripts/start.ts → web/lib/secret.ts",
    ]);
  });

  it("lets tests through public entries and the dev chain tooling only", async function () {
    await tree({
      "devchain/src/anvil.ts": "export const anvil = 1;\n",
      "scripts/lib/deploy-system.ts": "export const deploy = 1;\n",
      "scripts/lib/gov/verify.ts": "export const verify = 1;\n",
      "indexer/lib/run.ts": "export const run = 1;\n",
      "indexer/src/api/rows.ts": "export const rows = 1;\n",
      "web/e2e/x.test.ts":
        'import { anvil } from "../../devchain/src/anvil.ts";\nimport { deploy } from "../../scripts/lib/deploy-system.ts";\nimport { run } from "../../indexer/lib/run.ts";\nimport { verify } from "../../scripts/lib/gov/verify.ts";\nimport { rows } from "../../indexer/src/api/rows.ts";\nexport const t = anvil + deploy + run + verify + rows;\n',
    });
    expect(names(await violations(fixture, ["devchain", "scripts", "indexer", "web"]))).to.deep.equal([
      "tests-through-public-entries: web/e2e/x.test.ts → indexer/src/api/rows.ts",
      "tests-through-public-entries: web/e2e/x.test.ts → scripts/lib/gov/verify.ts",
    ]);
  });
});
