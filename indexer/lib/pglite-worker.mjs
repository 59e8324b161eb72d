// A PGlite session in a worker thread (lib/database.ts): the parent sends { sql, values } messages and gets
// { rows } or { error } back, in order; "close" closes the database and ends the worker. Why a worker: PGlite's
// WebAssembly memory (≈ 300 MB) stays in a process once loaded, even after close; a worker's goes with the worker,
// so `npm start` does not carry it for the rest of its life.
import { parentPort, workerData } from "node:worker_threads";

import { PGlite } from "@electric-sql/pglite";

const db = new PGlite(workerData.directory);
parentPort.on("message", async (message) => {
  if (message === "close") {
    await db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ rows: (await db.query(message.sql, message.values)).rows });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
