/** Chain dates (core/src/dates.ts): one spelling per language, in Kazakhstan's time, whatever runtime draws them. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { chainCalendarDate, formatChainDate } from "@government-dao/core/dates";

// 2026-12-11 20:30 UTC is 12 December 2026, 01:30 in Kazakhstan (UTC+5).
const LATE_EVENING_UTC = Date.UTC(2026, 11, 11, 20, 30) / 1000;

describe("chain dates (core/src/dates.ts)", () => {
  it("writes a date as official texts do in kk, ru and en", () => {
    assert.equal(formatChainDate(LATE_EVENING_UTC, "kk"), "2026 жылғы 12 желтоқсан");
    assert.equal(formatChainDate(LATE_EVENING_UTC, "ru"), "12 декабря 2026 г.");
    assert.equal(formatChainDate(LATE_EVENING_UTC, "en"), "12 December 2026");
  });

  it("counts the day in Kazakhstan's time, not the machine's or UTC, and adds the time when asked", () => {
    assert.equal(formatChainDate(LATE_EVENING_UTC, "en", { time: true }), "12 December 2026, 01:30");
    assert.equal(formatChainDate(BigInt(LATE_EVENING_UTC - 3 * 3600), "ru", { time: true }), "11 декабря 2026 г., 22:30");
    assert.equal(formatChainDate(String(Date.UTC(2027, 0, 1, 0, 0) / 1000), "kk", { time: true }), "2027 жылғы 1 қаңтар, 05:00");
  });

  it("gives data the same day as ISO 8601 (YYYY-MM-DD)", () => {
    assert.equal(chainCalendarDate(LATE_EVENING_UTC), "2026-12-12");
    assert.equal(chainCalendarDate(0), "1970-01-01");
  });

  it("gives the same text in any time zone the process runs in", () => {
    const before = process.env.TZ;
    try {
      const texts = ["UTC", "America/Los_Angeles", "Asia/Tokyo"].map((tz) => {
        process.env.TZ = tz;
        return formatChainDate(LATE_EVENING_UTC, "kk", { time: true });
      });
      assert.deepEqual(new Set(texts).size, 1);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
