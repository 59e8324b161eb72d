/**
 * The gateway follows governance on a real anvil: a ministry joins with one proposal (its agency, registrar and key
 * hash) and one configuration entry, with no restart and no code change; a registrar removed by a proposal can no
 * longer send, and its requests are refused with a clear error.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { type Hex, sha256, stringToHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import type { GatewayError } from "@government-dao/core/api/gateway";
import { formatAgencyKeyFile, publicKeyHash } from "@government-dao/core/cosignature";
import { cast } from "@government-dao/devchain/demo-cast";
import { action, connectGovernment } from "../../scripts/lib/contracts.js";
import { openSeedChain } from "../../scripts/lib/seed/chain.js";
import { Support, openCouncil } from "../../scripts/lib/seed/governance.js";
import { type World, documentRequest, startWorld } from "./support/world.ts";

describe("AgencyGateway and governance", { timeout: 300_000 }, () => {
  let world: World;
  let council: ReturnType<typeof openCouncil>;
  let agencies: ReturnType<typeof connectGovernment>["agencies"];
  const ballots = cast.officials.map((voter) => ({ voter, support: Support.For }));

  before(async () => {
    world = await startWorld();
    const chain = await openSeedChain(world.connection);
    const c = connectGovernment(world.addresses, await chain.signer(cast.deployer));
    agencies = c.agencies;
    // Seats minted at deployment count from the next second (the Governor reads votes at clock() - 1).
    await chain.warpTo((await chain.now()) + 1);
    council = openCouncil(chain, c.governor, cast.deployer);
  });
  after(async () => world?.close());

  it("lets a new ministry join with one proposal and one configuration entry, without a restart", async () => {
    const registrarKey = generatePrivateKey();
    const registrar = privateKeyToAccount(registrarKey);
    const system = privateKeyToAccount(generatePrivateKey());
    const keys = ml_dsa65.keygen(crypto.getRandomValues(new Uint8Array(32)));
    const init = { id: 4, name: "Ministry of Justice", pqKeyHash: publicKeyHash(keys.publicKey), registrars: [registrar.address] };
    await council.pass(cast.officials[0], [action(agencies, "addAgency", [init])], "Ministry of Justice joins", "Its registry system registers certificates through the gateway.", ballots);
    await world.rpc("anvil_setBalance", [registrar.address, "0x56bc75e2d63100000"]);

    // Before its entry, the gateway does not serve agency 4.
    const request = { method: "POST" as const, path: "/v1/agencies/4/documents", body: documentRequest(1, sha256(stringToHex("justice 1"))), idempotencyKey: "justice-0001", as: system };
    assert.equal(((await (await world.call(4, request)).json()) as GatewayError).error, "agencyNotConfigured");

    const dir = path.dirname(world.configFile);
    await writeFile(path.join(dir, "keys", "registrar-4.key"), `${registrarKey}\n`, { mode: 0o600 });
    await writeFile(path.join(dir, "keys", "agency-4.mldsa.json"), formatAgencyKeyFile({ ...keys, publicKeyHash: publicKeyHash(keys.publicKey) }), { mode: 0o600 });
    const config = JSON.parse(await readFile(world.configFile, "utf8")) as { agencies: object[] };
    config.agencies.push({ id: 4, clients: [system.address], registrarKeyFile: "keys/registrar-4.key", coSigner: { keyFile: "keys/agency-4.mldsa.json" } });
    await writeFile(world.configFile, JSON.stringify(config, null, 2));
    await new Promise((r) => setTimeout(r, 1100)); // the gateway looks at its configuration at most once a second

    const accepted = await world.call(4, request);
    assert.equal(accepted.status, 202, await accepted.clone().text());
    const receipt = await world.final(4, "justice-0001", { as: system });
    assert.equal(receipt.state, "confirmed", JSON.stringify(receipt.error));
  });

  it("refuses the requests of an agency whose registrar governance removed, and queues nothing", async () => {
    await council.pass(cast.officials[0], [action(agencies, "removeRegistrar", [2, cast.digitalRegistrar])], "Remove the Digital Development registrar", "Its key was reported lost.", ballots);
    const contentHash: Hex = sha256(stringToHex("digital after removal"));
    const response = await world.call(2, { method: "POST", path: "/v1/agencies/2/documents", body: documentRequest(9, contentHash), idempotencyKey: "digital-0001" });
    assert.equal(response.status, 409);
    const refusal = (await response.json()) as GatewayError;
    assert.equal(refusal.error, "registrarNotAuthorized");
    assert.match(refusal.message, /no longer\) a registrar of agency 2/);
    assert.equal((await world.call(2, { method: "GET", path: "/v1/agencies/2/requests/digital-0001" })).status, 404);
  });
});
