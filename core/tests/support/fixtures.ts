/** Fixtures the core's tests share. */
import { getAddress, sha256, stringToBytes } from "viem";

import { coSign, demoAgencyKeys } from "../../src/cosignature.ts";
import { DOCUMENT_SCHEMA_ID, type DocumentMetadata } from "../../src/metadata.ts";

/** The DocumentRegistry address of a first deployment on anvil (what the co-signatures bind). */
export const REGISTRY = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");

/** The file of {@link orderMetadata}. */
export const ORDER_CONTENT_HASH = sha256(stringToBytes("order text"));

/** Valid metadata of an order of agency 2 (file {@link ORDER_CONTENT_HASH}), co-signed with the agency's demo key. */
export const orderMetadata: DocumentMetadata = {
  schema: DOCUMENT_SCHEMA_ID,
  title: { kk: "Бұйрық", ru: "Приказ", en: "Order" },
  type: "order",
  agency: { id: 2, name: "Ministry of Digital Development" },
  number: "MDD-1",
  dates: { adopted: "2026-03-01", effective: "2026-03-10" },
  body: { sha256: ORDER_CONTENT_HASH, mediaType: "text/plain; charset=utf-8", size: 10 },
  coSignature: coSign(demoAgencyKeys(2), ORDER_CONTENT_HASH, 31337n, REGISTRY).coSignature,
};
