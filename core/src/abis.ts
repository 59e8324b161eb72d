/**
 * The contracts' ABIs, generated from the Hardhat build by `core/scripts/generate.ts` (`npm run generate -w
 * @government-dao/core`; `npm start`, `npm test` and each app's build run it). Never copied by hand.
 */
export * from "../generated/abis.ts";
