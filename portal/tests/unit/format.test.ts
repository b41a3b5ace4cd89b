// Dates in DD-MM-YYYY, times in IST; durations from block counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { date, dateTime, duration, parseDate } from "../../src/i18n/format.ts";

test("DD-MM-YYYY in IST, whatever the machine's zone", () => {
  // 2026-12-31 20:00 UTC is 01-01-2027 01:30 IST.
  const ms = Date.UTC(2026, 11, 31, 20, 0);
  assert.equal(date(ms), "01-01-2027");
  assert.equal(dateTime(ms), "01-01-2027 01:30 IST");
});

test("a typed date is the end of that day in IST", () => {
  const ms = parseDate("15-08-2027")!;
  assert.equal(dateTime(ms), "15-08-2027 23:59 IST");
  assert.equal(parseDate("2027-08-15"), null);
  assert.equal(parseDate("31-02-2027"), null);
  assert.equal(parseDate("00-01-2027"), null);
});

test("durations: days from a day on, else hours and minutes", () => {
  const day = 28_800;
  assert.equal(duration(30 * day, day, 3000), "30 days");
  assert.equal(duration(day * 1.5, day, 3000), "1.5 days");
  assert.equal(duration(1200, day, 3000), "1 h 0 min");
  assert.equal(duration(20, day, 3000), "1 min");
  assert.equal(duration(10, day, 3000), "30 s");
  assert.equal(duration(-5, day, 3000), "0 s");
});
