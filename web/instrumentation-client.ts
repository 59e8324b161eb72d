/**
 * Runs in the browser before the app. zod compiles fast object parsers with `new Function` and, to know whether it
 * may, probes for eval once; the Content-Security-Policy (proxy.ts) forbids eval, so the probe is reported as a
 * violation. jitless: zod parses without generated code and never probes.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
