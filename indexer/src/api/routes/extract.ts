// Citizen extract of one document, signed with the API's ML-DSA-65 key and dated at the indexed block; the key's
// public part and where the chain pins it. The key must be registered in the SigningKeyRegistry and valid at that
// block's time (read from the chain at that block), or no extract is signed: a citizen gets nothing a verifier would
// reject. The answer cache keeps an extract per indexed checkpoint, and index.ts gives the route its own, lower rate
// limit.
import { Hono } from "hono";
import { publicClients } from "ponder:api";

import { abis } from "@government-dao/core/abis";
import type { ExtractBody, SigningKey } from "@government-dao/core/api/service";
import { EXTRACT_KEY_PURPOSE, type ExtractKeyClaim, signExtract } from "@government-dao/core/extract";
import { apiKeys, deployment, publicUrl } from "../context.js";
import { ApiError, notFound } from "../errors.js";
import { type IndexedHead, indexedHead } from "../governor-state.js";
import { documentId, documentWithHistory } from "./documents.js";

const registry = deployment.contracts.SigningKeyRegistry.address as `0x${string}`;

/** The API key's id in the registry and whether it may sign at `head`'s time, read from the chain at `head`. */
async function keyAt(head: IndexedHead | null): Promise<{ keyId: number | null; valid: boolean }> {
  if (head === null) return { keyId: null, valid: false };
  const client = publicClients.dao;
  const at = { address: registry, abi: abis.SigningKeyRegistry, blockNumber: head.number } as const;
  const keyId = await client.readContract({ ...at, functionName: "keyIdOf", args: [apiKeys().publicKeySha256 as `0x${string}`] });
  if (keyId === 0n) return { keyId: null, valid: false };
  const valid = await client.readContract({ ...at, functionName: "isValidAt", args: [keyId, EXTRACT_KEY_PURPOSE, head.timestamp] });
  return { keyId: Number(keyId), valid };
}

export const extract = new Hono()
  .get("/signing-key", async (c) => {
    const keys = apiKeys();
    const { keyId, valid } = await keyAt(await indexedHead());
    const answer: SigningKey = {
      algorithm: "ML-DSA-65",
      publicKey: Buffer.from(keys.publicKey).toString("base64"),
      publicKeySha256: keys.publicKeySha256,
      registry,
      keyId,
      validAtIndexedBlock: valid,
    };
    return c.json(answer);
  })
  .get("/documents/:id/extract", async (c) => {
    const id = documentId.parse(c.req.param("id"));
    const head = await indexedHead();
    const result = await documentWithHistory(id);
    if (result === null) throw notFound(`document ${id}`);
    const keys = apiKeys();
    const { keyId, valid } = await keyAt(head);
    if (head === null || keyId === null || !valid) {
      throw new ApiError(
        503,
        "extract_key_unregistered",
        `no extract can be signed: this service's key (sha-256 ${keys.publicKeySha256}) is ${keyId === null ? "not registered in" : "not valid at the indexed block in"} the SigningKeyRegistry ${registry}; governance registers it by proposal (SigningKeyRegistry.registerKey)`,
      );
    }
    const body: ExtractBody = {
      documentRegistry: deployment.contracts.DocumentRegistry.address,
      // Where to read it again: from PUBLIC_URL, never from the request's Host header.
      links: { verify: `${publicUrl}/api/v1/verify/${id}`, document: `${publicUrl}/api/v1/documents/${id}`, signingKey: `${publicUrl}/api/v1/signing-key` },
      ...result,
    };
    const key: ExtractKeyClaim = { registry, id: keyId, sha256: keys.publicKeySha256 };
    const signed = signExtract(body, { chainId: deployment.chainId, key, block: { number: Number(head.number), timestamp: Number(head.timestamp) } }, keys);
    c.header("Content-Disposition", `attachment; filename="extract-${id.slice(2, 14)}.json"`);
    return c.json(signed);
  });
