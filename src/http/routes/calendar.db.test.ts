import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { formatLocal, parseInstant } from "../../calendar/index.ts";
import { calendarRegistryOf } from "../../db/repos/calendar.ts";
import { createUser } from "../../db/repos/people.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../testing.ts";

// The server's clock: 1 March 2026, so March 2026 is the future and 2025 is the past.
const NOW = new Date("2026-03-01T10:00:00+07:00");
let t: TestApp;
const cookies: Record<string, string> = {};

before(async () => {
  t = await startTestApp({ now: () => NOW });
  await t.addStaff("admin.p1", "P1", ["admin"]);
  await t.addStaff("admin.p2", "P2", ["admin"]);
  await t.addStaff("admin.xa", "P1.02", ["admin"]);
  await t.addStaff("officer.p1", "P1", ["officer"]);
  await createUser(
    t.database.db,
    { username: "root", fullName: "Quản trị hệ thống", password: TEST_PASSWORD, kind: "staff", isSuperuser: true },
    (code) => t.ctx.units.provinceOf(code),
  );
  for (const name of ["admin.p1", "admin.p2", "admin.xa", "officer.p1", "root"]) cookies[name] = await t.login(name);
});
after(async () => t.close());

const at = (text: string) => parseInstant(text)!;
const due = (unit: string, received: string, limit: Parameters<ReturnType<typeof calendarOf>["appointment"]>[1]) =>
  formatLocal(calendarOf(unit).appointment(at(received), limit));
function calendarOf(unit: string) {
  return calendarRegistryOf(t.database.db).calendarForUnit(t.ctx.units, unit);
}

const putOverrides = (who: string, payload: unknown) =>
  t.request({ method: "PUT", url: "/api/calendar/overrides", cookie: cookies[who], payload: payload as object });
const putHours = (who: string, unit: string, payload: unknown) =>
  t.request({
    method: "PUT",
    url: `/api/units/${unit}/office-hours`,
    cookie: cookies[who],
    payload: payload as object,
  });

test("a province's extra day off moves appointments of its units only", async () => {
  await calendarRegistryOf(t.database.db).load();
  const threeDays = { value: 3, unit: "working_days" } as const;
  assert.equal(due("P1.01", "2026-03-09T09:00:00+07:00", threeDays), "2026-03-12T09:00:00+07:00");
  const response = await putOverrides("admin.p1", {
    scope: "P1",
    add: [
      { date: "2026-03-10", kind: "day_off", note: "Lễ hội truyền thống của tỉnh", source: "Quyết định 12/QĐ-UBND" },
    ],
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(
    response.json().added.map((d: { date: string }) => d.date),
    ["2026-03-10"],
  );
  assert.equal(due("P1.01", "2026-03-09T09:00:00+07:00", threeDays), "2026-03-13T09:00:00+07:00");
  assert.equal(due("P1.02", "2026-03-09T09:00:00+07:00", threeDays), "2026-03-13T09:00:00+07:00");
  assert.equal(due("P2.01", "2026-03-09T09:00:00+07:00", threeDays), "2026-03-12T09:00:00+07:00");

  const p1 = (await t.request({ method: "GET", url: "/api/calendar/2026?unit=P1.01" })).json();
  const day = p1.days.find((d: { date: string }) => d.date === "2026-03-10");
  assert.deepEqual(day.source, {
    type: "override",
    scope: "P1",
    note: "Lễ hội truyền thống của tỉnh",
    source: "Quyết định 12/QĐ-UBND",
  });
  const p2 = (await t.request({ method: "GET", url: "/api/calendar/2026?unit=P2.01" })).json();
  assert.ok(!p2.daysOff.includes("2026-03-10"));
});

test("GET /api/calendar/:year gives each day's source: official notice with citation, or the law", async () => {
  const y2025 = (await t.request({ method: "GET", url: "/api/calendar/2025" })).json();
  const friday = y2025.days.find((d: { date: string }) => d.date === "2025-05-02");
  assert.equal(friday.source.type, "official");
  assert.ok(friday.source.citations.length > 0 && friday.source.citations[0].url.startsWith("http"));
  assert.ok(y2025.workingSaturdays.includes("2025-04-26"));
  const y2027 = (await t.request({ method: "GET", url: "/api/calendar/2027" })).json();
  assert.equal(y2027.base.type, "law");
  const newYear = y2027.days.find((d: { date: string }) => d.date === "2027-01-01");
  assert.deepEqual(newYear.source, { type: "law", law: "labour-code-2019" });
  assert.equal(newYear.name, "Tết Dương lịch");
  assert.equal(y2027.officeHours.isDefault, true);
  assert.equal(y2027.officeHours.workingDayMinutes, 450);
  const bad = await t.request({ method: "GET", url: "/api/calendar/1800" });
  assert.equal(bad.statusCode, 400);
  assert.equal((await t.request({ method: "GET", url: "/api/calendar/2026?unit=NOPE" })).statusCode, 404);
});

test("office hours with Saturday service that counts change that unit's calendar", async () => {
  const twoHours = { value: 2, unit: "working_hours" } as const;
  const friday = "2026-03-06T16:00:00+07:00";
  assert.equal(due("P1.02", friday, twoHours), "2026-03-09T08:30:00+07:00");
  const response = await putHours("admin.xa", "P1.02", {
    windows: {
      monday: [
        { start: "07:00", end: "11:30" },
        { start: "13:00", end: "17:00" },
      ],
      tuesday: [
        { start: "07:00", end: "11:30" },
        { start: "13:00", end: "17:00" },
      ],
      wednesday: [
        { start: "07:00", end: "11:30" },
        { start: "13:00", end: "17:00" },
      ],
      thursday: [
        { start: "07:00", end: "11:30" },
        { start: "13:00", end: "17:00" },
      ],
      friday: [
        { start: "07:00", end: "11:30" },
        { start: "13:00", end: "16:30" },
      ],
      saturday: [{ start: "07:30", end: "11:30" }],
    },
    saturdayService: true,
    saturdayCounts: true,
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.json().officeHours.workingDayMinutes, 510);
  // Friday ends 16:30: 16:00 → 16:30 is half an hour, then Saturday 07:30 + 1.5 h
  assert.equal(due("P1.02", friday, twoHours), "2026-03-07T09:00:00+07:00");
  assert.equal(due("P1.01", friday, twoHours), "2026-03-09T08:30:00+07:00");
  const view = (await t.request({ method: "GET", url: "/api/calendar/2026?unit=P1.02" })).json();
  assert.equal(view.officeHours.saturdayService, true);
  assert.deepEqual(view.officeHours.windows.saturday, [{ start: "07:30", end: "11:30" }]);
  assert.deepEqual(view.officeHours.windows.friday[1], { start: "13:00", end: "16:30" });

  const stored = await t.database.db
    .selectFrom("units")
    .select("office_hours")
    .where("code", "=", "P1.02")
    .executeTakeFirstOrThrow();
  assert.deepEqual((stored.office_hours as { days: object }).days, {
    friday: [
      { start: "07:00", end: "11:30" },
      { start: "13:00", end: "16:30" },
    ],
  });
  const audit = await t.database.db.selectFrom("audit_log").selectAll().where("subject", "=", "unit:P1.02").execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, "unit.office-hours.set");

  // back to the defaults: the unit shares the province's calendar again
  const reset = await putHours("admin.xa", "P1.02", { windows: null, saturdayService: false, saturdayCounts: false });
  assert.equal(reset.statusCode, 200, reset.body);
  assert.equal(calendarOf("P1.02"), calendarOf("P1.01"));
});

test("office hours are validated with Vietnamese messages and stable codes", async () => {
  const cases: [unknown, string][] = [
    [
      {
        windows: {
          monday: [
            { start: "13:30", end: "17:00" },
            { start: "07:30", end: "11:30" },
          ],
        },
        saturdayService: false,
      },
      "windows-unordered",
    ],
    [
      {
        windows: {
          monday: [
            { start: "07:30", end: "12:00" },
            { start: "11:30", end: "17:00" },
          ],
        },
        saturdayService: false,
      },
      "windows-overlap",
    ],
    [{ windows: { monday: [{ start: "07:30", end: "24:30" }] }, saturdayService: false }, "clock-format"],
    [{ windows: { monday: [{ start: "11:30", end: "07:30" }] }, saturdayService: false }, "window-empty"],
    [{ windows: { saturday: [{ start: "07:30", end: "11:30" }] }, saturdayService: true }, "no-weekday-hours"],
    [{ windows: null, saturdayService: false, saturdayCounts: true }, "saturday-counts-without-service"],
    [
      {
        windows: { monday: [{ start: "07:30", end: "11:30" }], saturday: [{ start: "07:30", end: "11:30" }] },
        saturdayService: false,
      },
      "saturday-windows-without-service",
    ],
  ];
  for (const [payload, code] of cases) {
    const response = await putHours("admin.p1", "P1.01", payload);
    assert.equal(response.statusCode, 400, `${code}: ${response.body}`);
    const problem = response.json();
    assert.equal(problem.code, "invalid-office-hours");
    assert.equal(problem.invalidParams[0].code, code);
    assert.match(problem.detail, /[àáảãạăâđêôơư]/i, "a Vietnamese message");
  }
  const late = await putHours("admin.p1", "P1.01", {
    windows: { monday: [{ start: "18:00", end: "24:00" }] },
    saturdayService: false,
  });
  assert.equal(late.statusCode, 200, "a window may end at 24:00");
  await putHours("admin.p1", "P1.01", { windows: null, saturdayService: false });
});

test("policy: a province admin edits only its province; an officer edits nothing; national needs a superuser", async () => {
  const dayOff = (scope: string) => ({ scope, add: [{ date: "2026-06-15", kind: "day_off", note: "Thử" }] });
  assert.equal((await putOverrides("admin.p1", dayOff("P2"))).statusCode, 403);
  assert.equal((await putOverrides("admin.p2", dayOff("P1"))).statusCode, 403);
  assert.equal((await putOverrides("officer.p1", dayOff("P1"))).statusCode, 403);
  assert.equal(
    (await putOverrides("admin.xa", dayOff("P1"))).statusCode,
    403,
    "a commune admin cannot edit its province",
  );
  assert.equal((await putOverrides("admin.p1", dayOff("*"))).statusCode, 403);
  assert.equal((await putOverrides("admin.p1", dayOff("P1.01"))).statusCode, 400, "scope must be a province");
  const anonymous = await t.request({ method: "PUT", url: "/api/calendar/overrides", payload: dayOff("P1") });
  assert.equal(anonymous.statusCode, 401);
  assert.equal((await putHours("admin.p2", "P1.01", { windows: null, saturdayService: true })).statusCode, 403);
  assert.equal((await putHours("officer.p1", "P1.01", { windows: null, saturdayService: true })).statusCode, 403);
  assert.equal((await putHours("admin.xa", "P1.01", { windows: null, saturdayService: true })).statusCode, 403);

  const national = await putOverrides("root", {
    scope: "*",
    add: [
      {
        date: "2026-11-24",
        kind: "day_off",
        note: "Ngày Văn hóa Việt Nam",
        source: "https://example.gov.vn/nghi-quyet",
      },
    ],
  });
  assert.equal(national.statusCode, 200, national.body);
  for (const unit of ["P1.01", "P2.01"]) assert.equal(calendarOf(unit).isWorkingDay("2026-11-24"), false);
  const removed = await putOverrides("root", { scope: "*", remove: ["2026-11-24"] });
  assert.equal(removed.statusCode, 200, removed.body);
  assert.equal(calendarOf("P2.01").isWorkingDay("2026-11-24"), true);
  const again = await putOverrides("root", { scope: "*", remove: ["2026-11-24"] });
  assert.equal(again.json().code, "override-not-found");
});

test("a past date is refused without force; a forced correction needs a reason and is audited", async () => {
  const edit = { scope: "P1", add: [{ date: "2025-12-31", kind: "day_off", note: "Đính chính" }] };
  const refused = await putOverrides("admin.p1", edit);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().code, "past-date-locked");
  assert.equal(calendarOf("P1.01").isWorkingDay("2025-12-31"), true);
  const noReason = await putOverrides("admin.p1", { ...edit, force: true });
  assert.equal(noReason.json().code, "reason-required");
  const forced = await putOverrides("admin.p1", {
    ...edit,
    force: true,
    reason: "Tỉnh đã cho nghỉ theo Công văn 5/UBND",
  });
  assert.equal(forced.statusCode, 200, forced.body);
  assert.equal(calendarOf("P1.01").isWorkingDay("2025-12-31"), false);
  const audit = await t.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject", "=", "calendar:P1")
    .orderBy("id")
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ["calendar.override.edit", "calendar.override.correct"],
  );
  const detail = audit[1]!.detail as { reason: string; past: string[]; force: boolean };
  assert.deepEqual(
    [detail.reason, detail.past, detail.force],
    ["Tỉnh đã cho nghỉ theo Công văn 5/UBND", ["2025-12-31"], true],
  );
  const rows = await t.database.db.selectFrom("calendar_overrides").selectAll().where("scope", "=", "P1").execute();
  assert.ok(rows.every((r) => r.created_by !== null));
});

test("the database refuses an override outside the rules it can hold", async () => {
  await assert.rejects(
    t.database.db
      .insertInto("calendar_overrides")
      .values({ scope: "bad scope!", day: "2026-01-05", kind: "day_off", note: null, source: null })
      .execute(),
  );
  await assert.rejects(
    t.database.db
      .insertInto("calendar_overrides")
      .values({ scope: "P1", day: "2026-01-05", kind: "holiday" as "day_off", note: null, source: null })
      .execute(),
  );
});
