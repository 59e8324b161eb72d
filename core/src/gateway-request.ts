/**
 * How an agency's own system signs its requests to the agency gateway (gateway/), and how the gateway checks them:
 * the one implementation, used by the gateway, by agency clients (`gatewayClient`, the tests, the bench) and by the
 * dApp's registrar pages. Browser-safe (viem; no Node built-ins).
 *
 * Every request carries four headers:
 *   - `X-Gateway-Time`: unix seconds when it was signed (the gateway refuses a time more than
 *     {@link REQUEST_TIME_WINDOW_SECONDS} from its own clock);
 *   - `Idempotency-Key`: the client's unique key of the operation (POST only; 8 to 128 of `A-Za-z0-9._:-`); a retry
 *     with the same key and the same body gets the first answer, a different body under the same key is refused;
 *   - `X-Gateway-Signer`: the address of the key that signed (the agency's registered client key, or an auditor's);
 *   - `X-Gateway-Signature`: an EIP-191 `personal_sign` signature (65 bytes, 0x hex) of the text below.
 *
 * The signed text names the chain, the method, the path with its query, the agency, the key, the time and the body's
 * sha-256, one per line, so a signature cannot be moved to another chain, path, agency, time or body:
 *
 *   government-dao gateway request v1
 *   chain: 31337
 *   method: POST
 *   path: /v1/agencies/1/documents
 *   agency: 1
 *   idempotency-key: 2026-0001
 *   time: 1796000000
 *   body-sha256: 0x…
 *
 * An EIP-191 signature by a secp256k1 key: what every wallet, HSM and cloud KMS with Ethereum support can make, and
 * what the gateway keeps in its message log, so an agency cannot later deny a request it sent.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { type Address, type Hex, bytesToHex, getAddress, isAddress, isHex, recoverMessageAddress } from "viem";
import type { LocalAccount } from "viem/accounts";

/** The headers of a signed gateway request (lower case, as `Headers` gives them). */
export const GATEWAY_HEADERS = {
  time: "x-gateway-time",
  idempotencyKey: "idempotency-key",
  signer: "x-gateway-signer",
  signature: "x-gateway-signature",
} as const;

/** How far, in seconds, a request's signing time may be from the gateway's clock. */
export const REQUEST_TIME_WINDOW_SECONDS = 300;

/** An idempotency key: 8 to 128 characters of letters, digits and `._:-`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** What a request signature covers. */
export interface SignedRequestParts {
  chainId: number;
  method: string;
  /** Path with its query string, e.g. `/v1/agencies/1/log?after=10`. */
  path: string;
  agencyId: number;
  /** Absent for GET requests. */
  idempotencyKey?: string | undefined;
  /** Unix seconds. */
  time: number;
  /** The raw body (empty for GET). */
  body: Uint8Array;
}

/** sha-256 of a request body, 0x hex. */
export const bodySha256 = (body: Uint8Array): Hex => bytesToHex(sha256(body));

/** The text a gateway request signature covers (see the module comment). */
export function signedRequestText(parts: Omit<SignedRequestParts, "body"> & { bodySha256: string }): string {
  return [
    "government-dao gateway request v1",
    `chain: ${parts.chainId}`,
    `method: ${parts.method.toUpperCase()}`,
    `path: ${parts.path}`,
    `agency: ${parts.agencyId}`,
    `idempotency-key: ${parts.idempotencyKey ?? "-"}`,
    `time: ${parts.time}`,
    `body-sha256: ${parts.bodySha256}`,
  ].join("\n");
}

/**
 * Who signs a request: a local key (viem's LocalAccount) or a wallet (`signMessage` through the wallet client: the
 * dApp's registrar pages), EIP-191 either way.
 */
export interface RequestSigner {
  address: Address;
  signMessage(args: { message: string }): Promise<Hex>;
}

/** The four headers of a request signed by `account` (see the module comment). */
export async function signGatewayRequest(account: RequestSigner, parts: SignedRequestParts): Promise<Record<string, string>> {
  const text = signedRequestText({ ...parts, bodySha256: bodySha256(parts.body) });
  const signature = await account.signMessage({ message: text });
  return {
    [GATEWAY_HEADERS.time]: String(parts.time),
    ...(parts.idempotencyKey === undefined ? {} : { [GATEWAY_HEADERS.idempotencyKey]: parts.idempotencyKey }),
    [GATEWAY_HEADERS.signer]: account.address,
    [GATEWAY_HEADERS.signature]: signature,
  };
}

/** Why a request's signature is refused. */
export type RequestAuthFailure = "missingHeaders" | "malformedHeaders" | "expired" | "badSignature";

/** A checked request: who signed it, and the evidence the message log keeps. */
export interface CheckedRequest {
  signer: Address;
  signature: Hex;
  time: number;
  bodySha256: Hex;
  idempotencyKey: string | undefined;
}

/**
 * Checks a request's signature headers against its method, path, agency and body, and the clock `now` (unix
 * seconds). It says who signed; whether that key may act for the agency is the caller's decision.
 */
export async function checkGatewayRequest(
  headers: Headers,
  request: { chainId: number; method: string; path: string; agencyId: number; body: Uint8Array; now: number },
): Promise<{ ok: true; request: CheckedRequest } | { ok: false; failure: RequestAuthFailure }> {
  const time = headers.get(GATEWAY_HEADERS.time);
  const signer = headers.get(GATEWAY_HEADERS.signer);
  const signature = headers.get(GATEWAY_HEADERS.signature);
  const idempotencyKey = headers.get(GATEWAY_HEADERS.idempotencyKey) ?? undefined;
  if (time === null || signer === null || signature === null) return { ok: false, failure: "missingHeaders" };
  if (!/^\d{1,12}$/.test(time) || !isAddress(signer, { strict: false }) || !isHex(signature) || signature.length !== 132) {
    return { ok: false, failure: "malformedHeaders" };
  }
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) return { ok: false, failure: "malformedHeaders" };
  if (Math.abs(Number(time) - request.now) > REQUEST_TIME_WINDOW_SECONDS) return { ok: false, failure: "expired" };
  const digest = bodySha256(request.body);
  const text = signedRequestText({ ...request, idempotencyKey, time: Number(time), bodySha256: digest });
  let recovered: Address;
  try {
    recovered = await recoverMessageAddress({ message: text, signature });
  } catch {
    return { ok: false, failure: "badSignature" };
  }
  if (recovered !== getAddress(signer)) return { ok: false, failure: "badSignature" };
  return { ok: true, request: { signer: recovered, signature, time: Number(time), bodySha256: digest, idempotencyKey } };
}

/** A request of an agency's system to the gateway, signed by `account`; answers the fetch Response. */
export async function gatewayFetch(
  baseUrl: string,
  account: LocalAccount,
  request: { chainId: number; method: "GET" | "POST"; path: string; agencyId: number; body?: unknown; idempotencyKey?: string; time?: number },
): Promise<Response> {
  const body = request.body === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(request.body));
  const headers = await signGatewayRequest(account, {
    chainId: request.chainId,
    method: request.method,
    path: request.path,
    agencyId: request.agencyId,
    idempotencyKey: request.idempotencyKey,
    time: request.time ?? Math.floor(Date.now() / 1000),
    body,
  });
  return fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: { ...headers, ...(request.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(request.method === "POST" ? { body } : {}),
  });
}
