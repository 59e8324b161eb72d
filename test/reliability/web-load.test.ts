/**
 * The dApp's public pages under concurrent load (reliability suite): a real anvil with the seeded system, the
 * indexer + public API, and the production build of the dApp served by `next start`; autocannon sends 25 concurrent
 * connections for 20 s over the server-rendered public pages (each page reads the API). No error, no 5xx, every
 * answer an HTML page.
 *
 * The build is the one `npm run build -w web` leaves (web/.next, or web/$NEXT_DIST_DIR); when there is none (e.g.
 * `npm test` runs this suite before the web workspace builds), the test builds it first (≈ 1–2 min).
 *
 *   npx hardhat test mocha test/reliability/web-load.test.ts
 */

import { expect } from "chai";

import { type LoadRoute, describeLoad, memory, runLoad } from "../../indexer/bench/load.js";
import { type RunningIndexer } from "../../indexer/lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "../../indexer/tests/support/chain.js";
import { freePort } from "@government-dao/devchain/anvil";
import { megabytes, rssOf } from "../../scripts/lib/processes.js";
import { type RunningWeb, buildWeb, isWebBuilt, startWeb } from "../../web/lib/server.js";
import { getJson } from "../helpers/api.js";
import { recordFigure } from "../helpers/figures.js";

const CONNECTIONS = 25;
const SECONDS = 20;

/** A public page: 200, HTML, a whole document. */
const page = (pathname: string): LoadRoute => ({
  path: pathname,
  headers: { "accept-language": "en" },
  valid: (status, body, headers) => status === 200 && /^text\/html/.test(headers["content-type"] ?? "") && body.includes("</html>"),
});

describe("dApp public pages under concurrent load (next start, real anvil + indexer)", function () {
  this.timeout(600_000);

  let chain: TestChain | undefined;
  let indexer: RunningIndexer | undefined;
  let web: RunningWeb | undefined;

  before(async function () {
    if (!isWebBuilt()) {
      const started = performance.now();
      await buildWeb();
      recordFigure("load held", "dApp production build made for this test (none found)", `${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    chain = await startTestChain({ certificates: 20 });
    indexer = await startChainIndexer(chain, { pollingMs: 500 });
    web = await startWeb({ port: await freePort(), rpcUrl: chain.anvil.rpcUrl, chainId: 31337, deploymentDir: chain.deploymentDir, contentDir: chain.contentDir, apiUrl: indexer.url });
  });

  after(async function () {
    await web?.stop();
    await indexer?.stop();
    await chain?.close();
  });

  it(`serves the public pages to ${CONNECTIONS} concurrent connections for ${SECONDS} s: no error, no 5xx, every answer a page`, async function () {
    const api = (indexer as RunningIndexer).url;
    const proposal = (await getJson<{ items: { id: string }[] }>(`${api}/api/v1/proposals?limit=1`)).items[0]?.id;
    const document = chain?.seeded?.record.documents.decreePilot?.tokenId;
    if (!proposal || !document) throw new Error("the seed left no proposal or document");
    const routes = ["/", "/documents", `/documents/${document}`, "/proposals", `/proposals/${proposal}`, "/budget", "/officials", "/verify"].map(page);
    const server = web as RunningWeb;

    const result = await runLoad({ url: server.url, routes, connections: CONNECTIONS, duration: SECONDS });
    const webPid = server.process.pid ?? 0;
    recordFigure(
      "load held",
      `dApp public pages (8 routes, server-rendered from the API), ${CONNECTIONS} connections for ${SECONDS} s, next start`,
      describeLoad(result),
    );
    recordFigure(
      "load held",
      "memory after the page load (RSS)",
      `next-server ${megabytes(rssOf(webPid))} with its children (main process peak ${memory(webPid).peakMb.toFixed(0)} MB), indexer ${megabytes(rssOf(indexer?.pid))}, anvil ${megabytes(rssOf(chain?.anvil.process.pid))}`,
    );
    expect(result.errors, `connection errors and timeouts ${JSON.stringify(result.errorKinds)}`).to.equal(0);
    expect(result.fiveXx, "5xx answers").to.equal(0);
    expect(result.non2xx, `non-2xx answers ${JSON.stringify(result.statuses)}`).to.equal(0);
    expect(result.invalid, `answers that were not a whole HTML page: ${result.invalidSamples.join("\n")}`).to.equal(0);
  });
});
