// Properties of the appointment arithmetic over random receipts 1990–2090 and random office hours.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { getCalendar } from "./working-calendar.ts";
import { formatLocal, localDate, localInstant, localMinuteOfDay, localWeekday } from "./local-time.ts";
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from "./office-hours.ts";

const FROM = Date.parse("1990-01-01T00:00:00+07:00");
const TO = Date.parse("2090-01-01T00:00:00+07:00");
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
/** Whole minutes of working time, up to ~120 working days. */
const minutes = fc.integer({ min: 0, max: 120 * 450 });

const saturday: OfficeHours = {
  windows: { ...DEFAULT_OFFICE_HOURS.windows, saturday: [{ start: "08:00", end: "11:00" }] },
  saturdayCounts: true,
};
const split: OfficeHours = {
  windows: {
    monday: [
      { start: "07:00", end: "11:00" },
      { start: "13:00", end: "15:00" },
      { start: "15:30", end: "17:30" },
    ],
    tuesday: [
      { start: "07:00", end: "11:00" },
      { start: "13:00", end: "15:00" },
      { start: "15:30", end: "17:30" },
    ],
    wednesday: [
      { start: "07:00", end: "11:00" },
      { start: "13:00", end: "15:00" },
      { start: "15:30", end: "17:30" },
    ],
    thursday: [
      { start: "07:00", end: "11:00" },
      { start: "13:00", end: "15:00" },
      { start: "15:30", end: "17:30" },
    ],
    friday: [{ start: "07:00", end: "11:00" }],
  },
  saturdayCounts: false,
};
const profiles = {
  national: getCalendar(),
  saturday: getCalendar({ officeHours: saturday }),
  split: getCalendar({ officeHours: split }),
};
// Named so that a counterexample prints a name, not a 73,000-day index.
// Profiles are drawn by name so that a counterexample prints a name, not a 73,000-day index.
const calendars = fc.constantFrom<keyof typeof profiles>("national", "saturday", "split");
const RUNS = { numRuns: 3000 };

/** Whether `at` is in a counting window of its day, ends included when `endOk`. */
function inWorkingTime(cal: ReturnType<typeof getCalendar>, at: Date, endOk: boolean): boolean {
  const m = localMinuteOfDay(at) + (at.getTime() % 60_000) / 60_000;
  const date = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  if (!cal.isWorkingDay(date)) return false;
  // The working minutes of that day up to `at`, compared one minute around: inside a window time advances.
  const before = cal.workingMinutesBetween(localInstant(date, 0), at);
  const after = cal.workingMinutesBetween(localInstant(date, 0), new Date(at.getTime() + 60_000));
  const prior = cal.workingMinutesBetween(localInstant(date, 0), new Date(at.getTime() - 60_000));
  return m >= 0 && (after > before || (endOk && before > prior));
}

test("the appointment is never in non-working time, except exactly at the end of a window", () => {
  fc.assert(
    fc.property(calendars, instant, fc.integer({ min: 1, max: 120 * 450 }), (name, from, n) => {
      const cal = profiles[name];
      const due = cal.addWorkingMinutes(from, n);
      assert.ok(inWorkingTime(cal, due, true), `${due.toISOString()} weekday ${localWeekday(due)}`);
    }),
    RUNS,
  );
});

test("adding a then b equals adding a + b", () => {
  fc.assert(
    fc.property(calendars, instant, minutes, minutes, (name, from, a, b) => {
      const cal = profiles[name];
      assert.equal(
        cal.addWorkingMinutes(cal.addWorkingMinutes(from, a), b).getTime(),
        cal.addWorkingMinutes(from, a + b).getTime(),
      );
    }),
    RUNS,
  );
});

test("more time never gives an earlier appointment, and a later receipt never an earlier one", () => {
  fc.assert(
    fc.property(
      calendars,
      instant,
      minutes,
      minutes,
      fc.integer({ min: 0, max: 30 * 86_400_000 }),
      (name, from, a, b, d) => {
        const cal = profiles[name];
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        assert.ok(cal.addWorkingMinutes(from, lo) <= cal.addWorkingMinutes(from, hi));
        const later = new Date(from.getTime() + d);
        assert.ok(cal.addWorkingMinutes(from, lo) <= cal.addWorkingMinutes(later, lo) || lo === 0);
      },
    ),
    RUNS,
  );
});

test("pausing for zero working time changes nothing; pausing shifts by exactly the paused working time", () => {
  fc.assert(
    fc.property(calendars, instant, minutes, fc.integer({ min: 0, max: 20 * 86_400_000 }), (name, received, n, len) => {
      const cal = profiles[name];
      const due = cal.addWorkingMinutes(received, n);
      assert.equal(cal.resume(due, received, received).getTime(), due.getTime());
      const resumed = new Date(received.getTime() + len);
      const paused = cal.workingMinutesBetween(received, resumed);
      const moved = cal.resume(due, received, resumed);
      if (paused === 0) assert.equal(moved.getTime(), due.getTime());
      else
        assert.equal(
          Math.round(cal.workingMinutesBetween(received, moved) * 60_000),
          Math.round((n + paused) * 60_000),
        );
    }),
    RUNS,
  );
});

test("elapsed working time between the receipt and the appointment equals the limit", () => {
  fc.assert(
    fc.property(calendars, instant, minutes, (name, from, n) => {
      const cal = profiles[name];
      assert.equal(cal.workingMinutesBetween(from, cal.addWorkingMinutes(from, n)), n);
    }),
    RUNS,
  );
});

test("the appointment is the earliest such instant: one minute earlier, less time has elapsed", () => {
  fc.assert(
    fc.property(calendars, instant, fc.integer({ min: 1, max: 120 * 450 }), (name, from, n) => {
      const cal = profiles[name];
      const due = cal.addWorkingMinutes(from, n);
      assert.ok(cal.workingMinutesBetween(from, new Date(due.getTime() - 60_000)) < n);
    }),
    RUNS,
  );
});

// Calendar days, Civil Code 2015 (91/2015/QH13) Art. 147(2) and Art. 148(1), (5): see working-calendar.test.ts.
const days = fc.integer({ min: 1, max: 400 });
const addDays = (date: string, n: number) => localDate(localInstant(date, 12 * 60).getTime() + n * 86_400_000);

test("calendar days: always the end of a working day, on the first working day from receipt date + N", () => {
  fc.assert(
    fc.property(calendars, instant, days, (name, from, n) => {
      const cal = profiles[name];
      const due = cal.appointment(from, { value: n, unit: "calendar_days" });
      const date = localDate(due);
      assert.ok(cal.isWorkingDay(date), `${formatLocal(due)} is not on a working day`);
      // The end of the day: working time elapsed before it, none after it that day.
      assert.ok(cal.workingMinutesBetween(localInstant(date, 0), due) > 0);
      assert.equal(cal.workingMinutesBetween(due, localInstant(date, 24 * 60)), 0);
      // Never before the receipt date + N; exactly N days after the (next working instant's) date unless that
      // day is off, and then no working day in between (Art. 148(5)).
      assert.ok(date >= addDays(localDate(from), n), `${formatLocal(due)} before ${localDate(from)} + ${n}`);
      const target = addDays(localDate(cal.nextWorkingInstant(from)), n);
      assert.ok(date >= target);
      for (let d = target; d < date; d = addDays(d, 1)) assert.equal(cal.isWorkingDay(d), false, d);
    }),
    RUNS,
  );
});

test("calendar days: monotone in N and in the receipt instant", () => {
  fc.assert(
    fc.property(calendars, instant, days, days, fc.integer({ min: 0, max: 30 * 86_400_000 }), (name, from, a, b, d) => {
      const cal = profiles[name];
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const due = (at: Date, n: number) => cal.appointment(at, { value: n, unit: "calendar_days" }).getTime();
      assert.ok(due(from, lo) <= due(from, hi));
      assert.ok(due(from, lo) <= due(new Date(from.getTime() + d), lo));
    }),
    RUNS,
  );
});
