// The HTTP surface: GraphQL (Ponder's, same entities as the subgraph) and the REST API under /api/v1.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { graphql } from "ponder";

import { errorResponse } from "./errors.js";
import { openapi } from "./openapi.js";
import { audit } from "./routes/audit.js";
import { budget } from "./routes/budget.js";
import { documents } from "./routes/documents.js";
import { extract } from "./routes/extract.js";
import { feeds } from "./routes/feeds.js";
import { people } from "./routes/people.js";
import { proposals } from "./routes/proposals.js";
import { verify } from "./routes/verify.js";

const v1 = new Hono()
  .get("/openapi.json", (c) => c.json(openapi))
  .route("/", extract)
  .route("/", documents)
  .route("/", verify)
  .route("/", proposals)
  .route("/", budget)
  .route("/", people)
  .route("/", audit)
  .route("/", feeds)
  // Ponder mounts this app inside its own server, whose not-found answer is plain text: answer JSON here.
  .all("*", (c) => c.json({ error: { code: "not_found", message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404))
  .onError(errorResponse);

const app = new Hono();
app.use("/graphql", graphql({ db, schema }));
app.route("/api/v1", v1);
app.onError(errorResponse);

export default app;
