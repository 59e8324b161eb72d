/**
 * The reliability table's "data lost" figures are counted from the data (test/helpers/figures.ts countLoss): a loss
 * shows as a number, it is not a constant 0.
 *
 *   npx hardhat test mocha test/scripts/figures.test.ts
 */
import { expect } from "chai";

import { countLoss } from "../helpers/figures.js";

describe("reliability figures: data lost is counted (test/helpers/figures.ts)", function () {
  it("counts missing, doubled and unexpected keys (case-insensitive ids)", function () {
    expect(countLoss({ expected: ["0xA", "0xb", "0xc"], found: ["0xa", "0xB", "0xc"] })).to.deep.equal({ lost: 0, text: "0 (3 expected, 3 found)" });
    expect(countLoss({ expected: ["a", "b", "c"], found: ["a", "a", "d"] })).to.deep.equal({ lost: 4, text: "4 (3 expected, 3 found, 2 missing, 1 twice, 1 unexpected)" });
  });

  it("counts a shortfall or a surplus of plain counts", function () {
    expect(countLoss({ expected: 23, found: 22 })).to.deep.equal({ lost: 1, text: "1 (23 expected, 22 found, 1 missing)" });
    expect(countLoss({ expected: 1, found: 2 })).to.deep.equal({ lost: 1, text: "1 (1 expected, 2 found, 1 unexpected)" });
    expect(countLoss({ expected: 0, found: 0 }).lost).to.equal(0);
  });
});
