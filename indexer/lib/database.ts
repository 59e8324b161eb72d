/// <reference path="./pg.d.ts" />
/**
 * Where the indexer keeps its data, and how a fresh start clears it (DESIGN.md §5, trap 3: a reset chain with the
 * same id leaves stale rows and a stale RPC cache, so a fresh start must drop both).
 *  - PGlite (default): a directory; fresh = remove it.
 *  - PostgreSQL (`DATABASE_URL`): the app schema and Ponder's `ponder_sync` cache; fresh = drop both.
 */
import { rm } from "node:fs/promises";

import pg from "pg";

/** Drops the Ponder app schema `schema` and the sync cache `ponder_sync` of the database at `url`. */
export async function dropPostgresState(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ponder_sync CASCADE`);
  } finally {
    await client.end();
  }
}

/** Removes a PGlite data directory. */
export async function dropPgliteState(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}
