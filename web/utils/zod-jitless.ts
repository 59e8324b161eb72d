/**
 * Imported for its effect (`import "@/utils/zod-jitless";`) by every module whose zod schemas also run in the browser
 * (forms, ballots, proposal content): a module a client component reaches must import it beside "zod".
 *
 * zod compiles fast object parsers with `new Function` and, to know whether it may, probes for eval the first time an
 * object schema parses; the Content-Security-Policy (proxy.ts) forbids eval, so chromium reports the probe as a
 * violation. jitless: zod parses without generated code and never probes. It is set here, as the importing module
 * loads and so before any of its schemas can parse, rather than in instrumentation-client.ts: that ran on every page
 * and put zod's core (~7 KiB gzip) into the public pages, which validate nothing in the browser. A side-effect module,
 * not a re-export of `z`: re-exporting the namespace would make the bundler keep all of zod (~60 KiB gzip more on
 * the pages with forms) instead of the parts the schemas use. Only in the browser: the setting is global to zod, and
 * the server (no CSP) keeps its faster compiled parsers.
 */
import { config } from "zod";

if (typeof window !== "undefined") config({ jitless: true });
