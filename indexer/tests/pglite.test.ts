import { describeIndexer } from "./support/suite.js";

describeIndexer("PGlite", () => undefined);
