// Preloaded into `ponder start` (node --import) by lib/run.ts.
//
// Why: Ponder 0.16.10 pins graphql 16.8.2 (nested under node_modules/ponder) while graphql-yoga resolves the
// workspace's hoisted graphql (16.11.0, from the subgraph's toolchain), and Ponder's API file goes through vite-node,
// which imports graphql by file path. Several copies of graphql end up loaded, and every GraphQL request fails with
// "Cannot use GraphQLSchema from another module or realm". This synchronous resolve hook (node:module registerHooks,
// for import and require alike) sends every import of graphql — by name or by a path inside any copy — to one copy:
// the ESM build of Ponder's own graphql.
import { registerHooks } from "node:module";

const ponderEntry = import.meta.resolve("ponder");
const canonicalDir = new URL("./", import.meta.resolve("graphql/package.json", ponderEntry)).href;
const insideCopy = /\/node_modules\/graphql\/(.+?)\.m?js$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    let sub;
    if (specifier === "graphql") sub = "index";
    else if (specifier.startsWith("graphql/")) sub = specifier.slice("graphql/".length).replace(/\.m?js$/, "");
    else {
      const match = insideCopy.exec(specifier);
      if (match) sub = match[1];
    }
    if (sub !== undefined) return { url: `${canonicalDir}${sub}.mjs`, format: "module", shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
