/**
 * Every custom error any system contract can revert with has a plain sentence for the CLI and the agents
 * (scripts/lib/explain-error.ts): a contract change that adds an error without words fails here.
 */
import { expect } from "chai";
import type { Interface } from "ethers";

import { sentenceFor } from "../../scripts/lib/explain-error.js";
import {
  AgencyRegistry__factory,
  BudgetEscrow__factory,
  DigitalTenge__factory,
  DocumentRegistry__factory,
  GovernmentGovernor__factory,
  GovernmentTimelock__factory,
  OfficialSeats__factory,
} from "../../types/ethers-contracts/index.js";

const CONTRACTS: Record<string, Interface> = {
  GovernmentGovernor: GovernmentGovernor__factory.createInterface(),
  GovernmentTimelock: GovernmentTimelock__factory.createInterface(),
  AgencyRegistry: AgencyRegistry__factory.createInterface(),
  OfficialSeats: OfficialSeats__factory.createInterface(),
  DocumentRegistry: DocumentRegistry__factory.createInterface(),
  BudgetEscrow: BudgetEscrow__factory.createInterface(),
  DigitalTenge: DigitalTenge__factory.createInterface(),
};

describe("plain error messages", function () {
  for (const [contract, iface] of Object.entries(CONTRACTS)) {
    it(`has a sentence for every custom error of ${contract}`, function () {
      const missing: string[] = [];
      iface.forEachError((error) => {
        const args = error.inputs.map((input) => (input.baseType === "address" ? `0x${"ab".repeat(20)}` : input.baseType === "bool" ? true : 1n));
        const sentence = sentenceFor({ name: error.name, args: args as never });
        if (sentence === undefined || sentence.length < 10 || /undefined|\[object/.test(sentence)) missing.push(error.format("sighash"));
      });
      expect(missing, `errors of ${contract} without a plain sentence`).to.deep.equal([]);
    });
  }
});
