/**
 * A read-only JSON-RPC server over a recorded chain (the subgraph scenario's `scenario.json`: every block with its
 * transactions, and every log, fetched from a real anvil run), so that Ponder can index exactly the chain the
 * subgraph's mapping tests index. Answers what Ponder asks while indexing: eth_chainId, eth_blockNumber,
 * eth_getBlockByNumber/ByHash, eth_getLogs (address, topics, block range or hash); anything else is an error.
 */
import http from "node:http";

import { freePort } from "@government-dao/devchain/anvil";

interface Block {
  number: string;
  hash: string;
  transactions: ({ hash: string } | string)[];
  [key: string]: unknown;
}
interface Log {
  address: string;
  topics: string[];
  blockNumber: string;
  blockHash: string;
  [key: string]: unknown;
}
export interface Recording {
  chainId: number;
  blocks: Block[];
  logs: Log[];
}
interface LogFilter {
  fromBlock?: string;
  toBlock?: string;
  blockHash?: string;
  address?: string | string[];
  topics?: (string | string[] | null)[];
}

export async function serveRecording(recording: Recording): Promise<{ url: string; close(): Promise<void> }> {
  const blocks = [...recording.blocks].sort((a, b) => Number(a.number) - Number(b.number));
  const latest = blocks.at(-1);
  if (!latest) throw new Error("empty recording");
  const byHash = new Map(blocks.map((b) => [b.hash.toLowerCase(), b]));
  const byNumber = new Map(blocks.map((b) => [Number(b.number), b]));
  const number = (tag: string): number => (/^0x/.test(tag) ? Number(tag) : tag === "earliest" ? 0 : Number(latest.number));
  const shape = (block: Block | undefined, full: boolean) =>
    block === undefined ? null : full ? block : { ...block, transactions: block.transactions.map((t) => (typeof t === "string" ? t : t.hash)) };
  const matches = (log: Log, f: LogFilter): boolean => {
    if (f.blockHash !== undefined) {
      if (log.blockHash.toLowerCase() !== f.blockHash.toLowerCase()) return false;
    } else {
      const n = Number(log.blockNumber);
      if (n < number(f.fromBlock ?? "earliest") || n > number(f.toBlock ?? "latest")) return false;
    }
    if (f.address !== undefined) {
      const wanted = (Array.isArray(f.address) ? f.address : [f.address]).map((a) => a.toLowerCase());
      if (!wanted.includes(log.address.toLowerCase())) return false;
    }
    return (f.topics ?? []).every((t, i) => t === null || (Array.isArray(t) ? t : [t]).some((x) => x.toLowerCase() === log.topics[i]?.toLowerCase()));
  };
  const answer = (method: string, params: unknown[]): unknown => {
    switch (method) {
      case "eth_chainId":
        return `0x${recording.chainId.toString(16)}`;
      case "eth_blockNumber":
        return latest.number;
      case "eth_getBlockByNumber":
        return shape(byNumber.get(number(String(params[0]))), params[1] === true);
      case "eth_getBlockByHash":
        return shape(byHash.get(String(params[0]).toLowerCase()), params[1] === true);
      case "eth_getLogs":
        return recording.logs.filter((log) => matches(log, params[0] as LogFilter));
      default:
        throw new Error(`method ${method} is not served by the recorded chain`);
    }
  };
  const handle = (request: { id?: unknown; method: string; params?: unknown[] }) => {
    try {
      return { jsonrpc: "2.0", id: request.id ?? null, result: answer(request.method, request.params ?? []) };
    } catch (error) {
      return { jsonrpc: "2.0", id: request.id ?? null, error: { code: -32601, message: error instanceof Error ? error.message : String(error) } };
    }
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const parsed: unknown = JSON.parse(body);
      const reply = Array.isArray(parsed) ? parsed.map(handle) : handle(parsed as { method: string });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
