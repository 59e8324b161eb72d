/**
 * Extends the accounts and nodes allow-lists of a generated network (`permissions_config.toml`). Entries are only
 * added, never removed here: removing an account or a node is an operator decision made with
 * `perm_removeAccountsFromAllowlist` / `perm_removeNodesFromAllowlist` on every node.
 *
 *   npm run besu:allowlist -- --dir deploy/besu/network --account 0x… --node enode://…@10.0.0.7:30303
 *   npm run besu:allowlist -- --dir deploy/besu/network --from-chain --rpc http://127.0.0.1:8545 \
 *       --deployment-dir ignition/deployments/chain-3980
 *
 * `--from-chain` adds every current registrar (AgencyRegistry) and seated official (OfficialSeats) of the
 * deployment (`--from-block <deployment block>` saves scanning the chain before it; logs are read 5,000 blocks at a
 * time, Besu's default `--rpc-max-logs-range`). Afterwards copy the file to every node and call `perm_reloadPermissionsFromFile` on each.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { JsonRpcProvider } from "ethers";

import { loadDeployment } from "@government-dao/core/deployment";
import { mergeAllowlists, parsePermissions, renderPermissions } from "./lib/permissions.js";
import { registryAccounts } from "./lib/registry-accounts.js";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: path.join("deploy", "besu", "network") },
    account: { type: "string", multiple: true, default: [] },
    node: { type: "string", multiple: true, default: [] },
    "from-chain": { type: "boolean", default: false },
    rpc: { type: "string", default: process.env.BESU_RPC_URL ?? "http://127.0.0.1:8545" },
    "deployment-dir": { type: "string" },
    "from-block": { type: "string", default: "0" },
  },
});

const file = path.join(values.dir, "permissions_config.toml");
const before = parsePermissions(await readFile(file, "utf8"));
const accounts = [...values.account];
if (values["from-chain"]) {
  const deploymentDir = values["deployment-dir"];
  if (!deploymentDir) throw new Error("--from-chain needs --deployment-dir (the Ignition deployment of the network)");
  const resolved = path.resolve(deploymentDir);
  // loadDeployment reads <root>/ignition/deployments/<id>/deployed_addresses.json.
  if (path.basename(path.dirname(resolved)) !== "deployments" || path.basename(path.dirname(path.dirname(resolved))) !== "ignition") {
    throw new Error(`--deployment-dir must be an Ignition deployment folder <root>/ignition/deployments/<id>, got ${deploymentDir}`);
  }
  const addresses = await loadDeployment(path.basename(resolved), path.resolve(resolved, "..", "..", ".."));
  const provider = new JsonRpcProvider(values.rpc, undefined, { staticNetwork: true });
  try {
    const found = await registryAccounts(provider, addresses, Number(values["from-block"]));
    accounts.push(...found.registrars, ...found.officials);
    console.log(`allowlist: the registries name ${found.registrars.length} registrar(s) and ${found.officials.length} official(s)`);
  } finally {
    provider.destroy();
  }
}
const after = mergeAllowlists(before, { accounts, nodes: values.node });
await writeFile(file, renderPermissions(after));
console.log(
  `allowlist: ${file}: ${after.accounts.length - before.accounts.length} account(s) and ${after.nodes.length - before.nodes.length} node(s) added ` +
    `(${after.accounts.length} accounts, ${after.nodes.length} nodes). Copy it to every node, then call perm_reloadPermissionsFromFile.`,
);
