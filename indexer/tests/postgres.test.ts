import { after, before } from "node:test";

import { type Postgres, startPostgres } from "./support/postgres.js";
import { describeIndexer } from "./support/suite.js";

let postgres: Postgres | undefined;
before(async () => {
  postgres = await startPostgres();
});
after(async () => {
  await postgres?.stop();
});

describeIndexer("PostgreSQL", () => postgres?.url);
