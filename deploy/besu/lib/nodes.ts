/**
 * Besu node identities: a secp256k1 node key per node, its public key (the enode id) and its address (a QBFT
 * validator is named by that address). Keys are generated at run time and are secrets: they are written only to
 * the generated network directory, which git ignores.
 */
import { SigningKey, Wallet, computeAddress, getAddress } from "ethers";

/** What a node does in the network. */
export type NodeRole = "validator" | "rpc";

/** One node of the generated network (no secret in it). */
export interface NodePlan {
  name: string;
  role: NodeRole;
  /** Address of the node key; for a validator, its QBFT validator address. */
  address: string;
  /** Uncompressed public key without the 0x04 prefix: 128 hex characters (the enode id). */
  publicKey: string;
  /** Fixed IPv4 address in the compose network. */
  ip: string;
  p2pPort: number;
  enode: string;
}

/** A node plus its private key (written to `nodes/<name>/key`, mode 0600). */
export interface NodeWithKey extends NodePlan {
  privateKey: string;
}

/** The enode URL of a node: `enode://<public key>@<ip>:<port>`. */
export const enodeUrl = (publicKey: string, ip: string, port: number): string => `enode://${publicKey}@${ip}:${port}`;

/** Parses an enode URL into its public key, host and port; throws if it is not one. */
export function parseEnode(url: string): { publicKey: string; host: string; port: number } {
  const match = /^enode:\/\/([0-9a-f]{128})@([^:/?]+):(\d{1,5})(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not an enode URL (enode://<128 hex>@host:port): ${url}`);
  const port = Number(match[3]);
  if (port < 1 || port > 65_535) throw new Error(`enode port out of range: ${url}`);
  return { publicKey: match[1] ?? "", host: match[2] ?? "", port };
}

/** The address of the node whose enode id is `publicKey` (128 hex characters). */
export const addressOfEnodeKey = (publicKey: string): string => getAddress(computeAddress(`0x04${publicKey}`));

/** A node with a new random key (or `privateKey`, for tests). */
export function makeNode(name: string, role: NodeRole, ip: string, p2pPort: number, privateKey?: string): NodeWithKey {
  const key = privateKey ?? Wallet.createRandom().privateKey;
  const publicKey = new SigningKey(key).publicKey.slice(4); // drop "0x04"
  return {
    name,
    role,
    address: computeAddress(key),
    publicKey,
    ip,
    p2pPort,
    enode: enodeUrl(publicKey, ip, p2pPort),
    privateKey: key,
  };
}

/** The plan of a node without its key. */
export function publicPart(node: NodeWithKey): NodePlan {
  const { name, role, address, publicKey, ip, p2pPort, enode } = node;
  return { name, role, address, publicKey, ip, p2pPort, enode };
}
