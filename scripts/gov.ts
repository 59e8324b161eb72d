/**
 * `npm run gov -- <command>`: the operations CLI of the Government DAO (see scripts/lib/gov/program.ts and the
 * README's "Operations CLI" section). `npm run gov -- --help` lists the commands; `<command> --help` explains one.
 */
import { requireBuild } from "./lib/require-build.js";

requireBuild();
const { runGov } = await import("./lib/gov/program.js");
process.exitCode = await runGov(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
