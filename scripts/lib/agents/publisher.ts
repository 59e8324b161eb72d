/**
 * The open-data publisher: the Office of the Government's system that, once per slot (a day unless configured),
 * takes a complete snapshot of every data set from the public API and has the agency gateway anchor it on chain as
 * one co-signed batch (core/src/snapshot-publish.ts). Every round asks the gateway for the current slot's request
 * first, so a restart never publishes a slot twice; it reports each request's state once, as it changes.
 */
import { type Hex, isHex } from "viem";
import { type LocalAccount, privateKeyToAccount } from "viem/accounts";

import { readSecretFile } from "@government-dao/core/secret-file";
import { type PublishOptions, publishSnapshot } from "@government-dao/core/snapshot-publish";

import { PlainError } from "../explain-error.js";

/** What a round needs: the API, the gateway, the publishing agency and its system's key, the store, the interval. */
export type PublisherConfig = PublishOptions;

/** The publisher's gateway request key from `file` (0x and 64 hex digits; the file readable by its owner only). */
export function readPublisherKey(file: string): LocalAccount {
  const text = readSecretFile(file).trim();
  if (!isHex(text) || text.length !== 66) throw new PlainError(`The key file ${file} does not hold a private key (0x and 64 hex digits).`);
  return privateKeyToAccount(text as Hex);
}

/** One round: publishes the slot's snapshot if nobody asked for it yet; logs a request's state when it changes. */
export async function publisherRound(config: PublisherConfig, log: (line: string) => void, lastState: Map<string, string>): Promise<void> {
  const result = await publishSnapshot(config);
  const { receipt } = result;
  const state = `${receipt.state}${receipt.transactionHash ? ` in ${receipt.transactionHash}` : ""}${receipt.error ? `: ${receipt.error.message}` : ""}`;
  if (result.submitted && result.manifest) {
    const rows = result.manifest.files.reduce((sum, f) => sum + (f.rows ?? 0), 0);
    log(`publisher: snapshot ${result.number} taken (${result.manifest.files.length} files, ${rows} rows), anchoring as batch ${receipt.documentId}`);
  }
  if (lastState.get(result.requestKey) !== state) {
    lastState.set(result.requestKey, state);
    log(`publisher: snapshot ${result.number} ${state}`);
  }
}
