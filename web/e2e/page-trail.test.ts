/** Next/previous links over keyset pages carry the trail of cursors, so "previous" goes back exactly one page. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { hrefWith, pageLinks, pagePosition } from "../lib/page-trail";

describe("page trail", () => {
  it("walks forward and back one page at a time", () => {
    const first = pagePosition(undefined, undefined);
    assert.deepEqual(pageLinks(first, null), { next: null, previous: null });
    const toSecond = pageLinks(first, "c1");
    assert.deepEqual(toSecond, { next: { cursor: "c1" }, previous: null });
    const second = pagePosition("c1", undefined);
    const fromSecond = pageLinks(second, "c2");
    assert.deepEqual(fromSecond.previous, {}, "back to the first page");
    assert.deepEqual(fromSecond.next, { cursor: "c2", trail: "c1" });
    const third = pagePosition("c2", "c1");
    assert.deepEqual(pageLinks(third, null), { next: null, previous: { cursor: "c1" } });
    const fourth = pagePosition("c3", "c1.c2");
    assert.deepEqual(pageLinks(fourth, "c4").previous, { cursor: "c2", trail: "c1" });
    assert.equal(hrefWith("/documents", { q: "law", type: "" }, { cursor: "c2", trail: "c1" }), "/documents?q=law&cursor=c2&trail=c1");
  });

  it("ignores malformed cursors and trails", () => {
    assert.deepEqual(pagePosition("not a cursor!", "x"), { cursor: undefined, trail: [] });
    assert.deepEqual(pagePosition("ok", "a.b!.c"), { cursor: "ok", trail: ["a", "c"] });
    assert.equal(pagePosition("ok", Array.from({ length: 50 }, (_, i) => `c${i}`).join(".")).trail.length, 20);
  });
});
