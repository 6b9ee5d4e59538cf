import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, getCalendar } from "./working-calendar.ts";
import { parseLimit } from "./limits.ts";
import { formatLocal, parseInstant } from "./local-time.ts";
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from "./office-hours.ts";
import { CalendarError } from "./errors.ts";

const national = getCalendar();
const saturdayUnit: OfficeHours = {
  windows: { ...DEFAULT_OFFICE_HOURS.windows, saturday: [{ start: "07:30", end: "11:30" }] },
  saturdayCounts: true,
};
const at = (iso: string) => parseInstant(iso.includes("+") ? iso : `${iso}+07:00`)!;
const due = (received: string, limit: string, cutoff?: string, cal = national) =>
  formatLocal(cal.appointment(at(received), parseLimit(limit, cutoff)));

test("the three examples of CONTRACTS.md §5", () => {
  assert.equal(due("2026-03-02T09:00:00", "3 working days"), "2026-03-05T09:00:00+07:00");
  assert.equal(due("2026-03-02T12:00:00", "1 working day"), "2026-03-03T11:30:00+07:00");
  assert.equal(due("2026-03-02T15:30:00", "same day", "15:00"), "2026-03-03T17:00:00+07:00");
});

test("lunch break: working hours skip 11:30–13:30, and an appointment may end a window but never start one", () => {
  assert.equal(due("2026-03-02T10:30:00", "2 working hours"), "2026-03-02T14:30:00+07:00");
  assert.equal(due("2026-03-02T10:30:00", "1 working hour"), "2026-03-02T11:30:00+07:00");
  assert.equal(due("2026-03-02T12:15:00", "1 working hour"), "2026-03-02T14:30:00+07:00");
  assert.equal(due("2026-03-02T09:30:00", "0,5 working days"), "2026-03-02T15:15:00+07:00");
  assert.equal(due("2026-03-02T07:30:00", "1 working day"), "2026-03-02T17:00:00+07:00");
});

test("after-hours and weekend receipts count from the next working instant", () => {
  assert.equal(due("2026-03-02T18:00:00", "1 working hour"), "2026-03-03T08:30:00+07:00");
  assert.equal(due("2026-03-03T06:00:00", "1 working day"), "2026-03-03T17:00:00+07:00");
  assert.equal(due("2026-03-07T10:00:00", "1 working day"), "2026-03-09T17:00:00+07:00"); // Saturday
  assert.equal(due("2026-03-06T16:00:00", "2 working hours"), "2026-03-09T08:30:00+07:00"); // Friday → Monday
  assert.equal(formatLocal(national.nextWorkingInstant(at("2026-03-07T10:00:00"))), "2026-03-09T07:30:00+07:00");
  assert.equal(formatLocal(national.nextWorkingInstant(at("2026-03-02T11:30:00"))), "2026-03-02T13:30:00+07:00");
  assert.equal(formatLocal(national.nextWorkingInstant(at("2026-03-02T10:00:00"))), "2026-03-02T10:00:00+07:00");
});

test("Tết 2025 (25/1–2/2) and Tết 2026 (14/2–22/2) are skipped", () => {
  assert.equal(due("2025-01-24T10:00:00", "1 working day"), "2025-02-03T10:00:00+07:00");
  assert.equal(due("2026-02-13T16:00:00", "1 working day"), "2026-02-23T16:00:00+07:00");
  assert.equal(due("2026-02-18T09:00:00", "same day"), "2026-02-23T17:00:00+07:00");
  for (const d of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) {
    assert.equal(national.isWorkingDay(d), false, d);
  }
  assert.equal(national.isWorkingDay("2026-02-23"), true);
});

test("30/4–1/5 2025: Friday 2/5 off, Saturday 26/4 worked with normal weekday hours", () => {
  assert.equal(national.isWorkingDay("2025-04-26"), true);
  assert.equal(national.isWorkingDay("2025-05-02"), false);
  assert.equal(due("2025-04-25T16:00:00", "2 working hours"), "2025-04-26T08:30:00+07:00");
  assert.equal(due("2025-04-26T13:30:00", "same day"), "2025-04-26T17:00:00+07:00");
  assert.equal(due("2025-04-29T09:00:00", "1 working day"), "2025-05-05T09:00:00+07:00");
});

test("Giỗ Tổ 2026 falls on Sunday 26/4: Monday 27/4 is off", () => {
  assert.equal(national.isWorkingDay("2026-04-27"), false);
  assert.equal(due("2026-04-24T09:00:00", "1 working day"), "2026-04-28T09:00:00+07:00");
});

test("National Day pair: 2025 Mon 1/9–Tue 2/9, 2024 Mon 2/9–Tue 3/9", () => {
  assert.equal(due("2025-08-29T09:00:00", "1 working day"), "2025-09-03T09:00:00+07:00");
  assert.equal(due("2024-08-30T09:00:00", "1 working day"), "2024-09-04T09:00:00+07:00");
});

// Civil Code 2015 (Bộ luật Dân sự, 91/2015/QH13): Art. 147(2) "ngày đầu tiên của thời hạn không được tính";
// Art. 148(1) the limit ends at the end of its last day; Art. 148(5) a last day that is a weekend day or a
// holiday moves the end to the end of the next working day. The end of a day is the end of its last window.
test("calendar days (Civil Code 2015 Art. 147(2)): the day of receipt is not counted; the end of the last day", () => {
  assert.equal(due("2026-03-02T09:00:00", "2 calendar days"), "2026-03-04T17:00:00+07:00"); // CONTRACTS §5
  assert.equal(due("2026-03-02T07:30:00", "1 calendar day"), "2026-03-03T17:00:00+07:00");
  assert.equal(due("2026-03-02T16:59:00", "3 calendar days"), "2026-03-05T17:00:00+07:00");
  assert.equal(due("2026-03-02T12:00:00", "1 calendar day"), "2026-03-03T17:00:00+07:00"); // lunch: still Monday
  assert.equal(due("2026-03-02T09:00:00", "30 calendar days"), "2026-04-01T17:00:00+07:00");
});

test("calendar days (Civil Code 2015 Art. 148(5)): a last day off moves to the end of the next working day", () => {
  assert.equal(due("2026-03-02T09:00:00", "5 calendar days"), "2026-03-09T17:00:00+07:00"); // Saturday
  assert.equal(due("2026-03-02T09:00:00", "6 calendar days"), "2026-03-09T17:00:00+07:00"); // Sunday
  assert.equal(due("2026-02-10T10:00:00", "7 calendar days"), "2026-02-23T17:00:00+07:00"); // Tết 14–22/2
  assert.equal(due("2026-04-24T09:00:00", "3 calendar days"), "2026-04-28T17:00:00+07:00"); // Giỗ Tổ, Mon 27/4 off
  // A swapped working Saturday is a working day: 2025 Sat 26/4 was worked.
  assert.equal(due("2025-04-23T09:00:00", "3 calendar days"), "2025-04-26T17:00:00+07:00");
});

test("calendar days: a receipt outside working time takes the date of the next working instant", () => {
  assert.equal(due("2026-03-02T18:00:00", "2 calendar days"), "2026-03-05T17:00:00+07:00"); // → Tue
  assert.equal(due("2026-03-02T17:00:00", "1 calendar day"), "2026-03-04T17:00:00+07:00"); // 17:00 is closed
  assert.equal(due("2026-03-03T06:00:00", "1 calendar day"), "2026-03-04T17:00:00+07:00"); // early: still Tue
  assert.equal(due("2026-03-07T10:00:00", "1 calendar day"), "2026-03-10T17:00:00+07:00"); // Sat → Mon
  assert.equal(due("2026-02-13T18:00:00", "2 calendar days"), "2026-02-25T17:00:00+07:00"); // Fri before Tết → 23/2
});

test("calendar days with a supplement: resumed by the paused working time, or restarted from the resumption", () => {
  const dueAt = national.appointment(at("2026-03-02T09:00:00"), parseLimit("2 calendar days")); // Wed 17:00
  assert.equal(formatLocal(dueAt), "2026-03-04T17:00:00+07:00");
  // Paused Tue 10:00 → Wed 10:00, one working day: the end of Thursday.
  const moved = national.resume(dueAt, at("2026-03-03T10:00:00"), at("2026-03-04T10:00:00"));
  assert.equal(formatLocal(moved), "2026-03-05T17:00:00+07:00");
  // A procedure that restarts the clock counts the limit again from the resumption's date (Art. 147(2)).
  assert.equal(due("2026-03-04T10:00:00", "2 calendar days"), "2026-03-06T17:00:00+07:00");
});

test("calendar days on a unit whose Saturday mornings count: the end of Saturday's last window", () => {
  const cal = getCalendar({ officeHours: saturdayUnit });
  assert.equal(due("2026-03-05T09:00:00", "2 calendar days", undefined, cal), "2026-03-07T11:30:00+07:00");
  assert.equal(due("2026-03-05T09:00:00", "3 calendar days", undefined, cal), "2026-03-09T17:00:00+07:00");
});

test("same day: the cut-off defaults to the end of the last window", () => {
  assert.equal(due("2026-03-02T16:59:00", "same day"), "2026-03-02T17:00:00+07:00");
  assert.equal(due("2026-03-02T17:00:00", "same day"), "2026-03-02T17:00:00+07:00");
  assert.equal(due("2026-03-02T17:01:00", "same day"), "2026-03-03T17:00:00+07:00");
  assert.equal(due("2026-03-02T15:00:00", "same day", "15:00"), "2026-03-02T17:00:00+07:00");
  assert.equal(due("2026-03-07T09:00:00", "same day"), "2026-03-09T17:00:00+07:00"); // Saturday
});

test("pause and resume shift the appointment by the paused working time", () => {
  const dueAt = at("2026-03-05T09:00:00");
  // Paused Tuesday 10:00 → Wednesday 10:00 = one working day.
  const moved = national.resume(dueAt, at("2026-03-03T10:00:00"), at("2026-03-04T10:00:00"));
  assert.equal(formatLocal(moved), "2026-03-06T09:00:00+07:00");
  // Paused over a weekend only: nothing moves.
  assert.equal(national.resume(dueAt, at("2026-03-07T08:00:00"), at("2026-03-08T20:00:00")), dueAt);
  assert.equal(national.workingMinutesBetween(at("2026-03-02T09:00:00"), at("2026-03-05T09:00:00")), 3 * 450);
  assert.equal(national.workingMinutesBetween(at("2026-03-05T09:00:00"), at("2026-03-02T09:00:00")), -3 * 450);
});

test("a Saturday-service unit whose Saturday mornings count", () => {
  const cal = getCalendar({ officeHours: saturdayUnit });
  assert.equal(cal.workingDayMinutes, 450);
  assert.equal(due("2026-03-06T16:00:00", "2 working hours", undefined, cal), "2026-03-07T08:30:00+07:00");
  assert.equal(due("2026-03-07T09:00:00", "same day", undefined, cal), "2026-03-07T11:30:00+07:00");
  assert.equal(cal.isWorkingDay("2026-03-07"), true);
  assert.equal(cal.isWorkingDay("2026-02-14"), false); // a Saturday inside Tết
  assert.equal(cal.isWorkingDay("2026-02-21"), false);
  // A unit whose Saturday service does not count behaves like the national calendar.
  const notCounting = getCalendar({ officeHours: { ...saturdayUnit, saturdayCounts: false } });
  assert.equal(due("2026-03-06T16:00:00", "2 working hours", undefined, notCounting), "2026-03-09T08:30:00+07:00");
});

test("calendars with identical office hours share one index", () => {
  const copy: OfficeHours = JSON.parse(JSON.stringify(DEFAULT_OFFICE_HOURS));
  assert.equal(getCalendar({ officeHours: copy }), national);
  assert.notEqual(getCalendar({ officeHours: saturdayUnit }), national);
});

test("province overrides: an extra day off and an extra working Saturday", () => {
  const cal = buildCalendar({ layers: [{ daysOff: ["2026-03-04"], workingDays: ["2026-03-07"] }] });
  assert.equal(cal.isWorkingDay("2026-03-04"), false);
  assert.equal(cal.isWorkingDay("2026-03-07"), true);
  assert.equal(due("2026-03-02T09:00:00", "3 working days", undefined, cal), "2026-03-06T09:00:00+07:00");
});

test("instants outside 1900–2100 are refused", () => {
  assert.throws(() => national.appointment(at("2100-12-31T16:00:00"), parseLimit("5 working days")), CalendarError);
  assert.throws(() => national.nextWorkingInstant(at("1899-12-31T10:00:00")), CalendarError);
});
