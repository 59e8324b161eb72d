// Citizen extract of one document, signed with the API's ML-DSA-65 key; the public key to check it with. An extract
// follows the index alone: the answer cache keeps it per indexed checkpoint (one signature per document and block,
// `extractedAt` = when it was signed), and index.ts gives the route its own, lower rate limit.
import { Hono } from "hono";

import type { ExtractBody, SigningKey } from "@government-dao/core/api/service";
import { signExtract } from "@government-dao/core/extract";
import { apiKeys, deployment, publicUrl } from "../context.js";
import { notFound } from "../errors.js";
import { documentId, documentWithHistory } from "./documents.js";

export const extract = new Hono()
  .get("/signing-key", (c) => {
    const keys = apiKeys();
    const answer: SigningKey = { algorithm: "ML-DSA-65", publicKey: Buffer.from(keys.publicKey).toString("base64"), publicKeySha256: keys.publicKeySha256 };
    return c.json(answer);
  })
  .get("/documents/:id/extract", async (c) => {
    const id = documentId.parse(c.req.param("id"));
    const result = await documentWithHistory(id);
    if (result === null) throw notFound(`document ${id}`);
    const body: ExtractBody = {
      chainId: deployment.chainId,
      documentRegistry: deployment.contracts.DocumentRegistry.address,
      extractedAt: Math.floor(Date.now() / 1000),
      // Where to check it again: from PUBLIC_URL, never from the request's Host header.
      links: { verify: `${publicUrl}/api/v1/verify/${id}`, document: `${publicUrl}/api/v1/documents/${id}`, signingKey: `${publicUrl}/api/v1/signing-key` },
      ...result,
    };
    const signed = signExtract(body, apiKeys());
    c.header("Content-Disposition", `attachment; filename="extract-${id.slice(2, 14)}.json"`);
    return c.json(signed);
  });
