/**
 * Renders subgraph.yaml from subgraph.template.yaml with the values of config/<name>.json (mustache).
 *
 *   tsx scripts/render.ts [--name local]
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import Mustache from "mustache";

import { CONFIG_DIR, SUBGRAPH_DIR } from "./lib/paths.js";

const { values } = parseArgs({ options: { name: { type: "string", default: "local" } } });
const configFile = path.join(CONFIG_DIR, `${values.name}.json`);
let view: unknown;
try {
  view = JSON.parse(await readFile(configFile, "utf8"));
} catch {
  throw new Error(`Missing ${path.relative(process.cwd(), configFile)}: generate it with "npm run config" (scripts/config.ts).`);
}
const template = await readFile(path.join(SUBGRAPH_DIR, "subgraph.template.yaml"), "utf8");
// Addresses and numbers only: no HTML escaping.
const rendered = Mustache.render(template, view, {}, { escape: (text: string) => text });
const header = `# GENERATED from subgraph.template.yaml and config/${values.name}.json by scripts/render.ts. Do not edit.\n`;
await writeFile(path.join(SUBGRAPH_DIR, "subgraph.yaml"), header + rendered);
console.log(`render: subgraph.yaml for config/${values.name}.json`);
