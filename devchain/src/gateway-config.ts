/**
 * The agency gateway's configuration for the local demo (`npm start`, the tests, the bench): the Ministry of Finance,
 * the Ministry of Digital Development and the Office of the Government (its open-data snapshots), each with its registrar's development key in a key file (mode 600), the
 * public demo co-signing key (accepted by the gateway on chain 31337 only), and its system's demo request key
 * (core/src/dev-accounts.ts `demoAgencySystemKey`). The file format is the gateway's (gateway/src/config.ts).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { privateKeyToAccount } from "viem/accounts";

import { DEV_ACCOUNT_INDEX, demoAgencySystemKey, devAccountKey } from "@government-dao/core/dev-accounts";
import { AGENCY } from "./demo-cast.ts";

/** The demo agencies the gateway serves, with their registrars' development account indices. */
export const GATEWAY_DEMO_AGENCIES = [
  { id: AGENCY.finance, registrarIndex: DEV_ACCOUNT_INDEX.financeRegistrar },
  { id: AGENCY.digital, registrarIndex: DEV_ACCOUNT_INDEX.digitalRegistrar },
  { id: AGENCY.governmentOffice, registrarIndex: DEV_ACCOUNT_INDEX.officeRegistrar },
] as const;

/** Address of the demo agency system key of `agencyId`. */
export const demoAgencySystemAddress = (agencyId: number): string => privateKeyToAccount(demoAgencySystemKey(agencyId)).address;

/**
 * Writes `<dir>/config.json` and its key files; returns the configuration file's path. `webhooks` adds an agency's
 * webhook URL.
 */
export async function writeDemoGatewayConfig(dir: string, options: { webhooks?: Record<number, string>; auditors?: string[] } = {}): Promise<string> {
  const keys = path.join(dir, "keys");
  await mkdir(keys, { recursive: true, mode: 0o700 });
  const agencies = [];
  for (const { id, registrarIndex } of GATEWAY_DEMO_AGENCIES) {
    const keyFile = path.join("keys", `registrar-${id}.key`);
    await writeFile(path.join(dir, keyFile), `${devAccountKey(registrarIndex)}\n`, { mode: 0o600 });
    agencies.push({
      id,
      clients: [demoAgencySystemAddress(id)],
      registrarKeyFile: keyFile,
      coSigner: { demo: true },
      ...(options.webhooks?.[id] ? { webhook: options.webhooks[id] } : {}),
    });
  }
  const file = path.join(dir, "config.json");
  await writeFile(file, `${JSON.stringify({ agencies, auditors: options.auditors ?? [] }, null, 2)}\n`);
  return file;
}
