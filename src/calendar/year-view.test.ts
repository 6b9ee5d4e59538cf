import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_OFFICE_HOURS } from "./office-hours.ts";
import { checkOfficeHours, DEFAULT_SATURDAY, resolveOfficeHours } from "./office-hours-rules.ts";
import { describeYear } from "./year-view.ts";

test("a year's days carry their source: law, official notice, or the last override layer", () => {
  const view = describeYear(2025, [
    { scope: "*", days: [{ date: "2025-11-24", kind: "day_off", note: "Ngày Văn hóa", source: null }] },
    {
      scope: "46",
      days: [
        { date: "2025-11-24", kind: "working_day", note: "Tỉnh vẫn làm việc", source: null },
        { date: "2025-12-31", kind: "day_off", note: "Tỉnh nghỉ", source: "CV 5" },
      ],
    },
  ]);
  assert.equal(view.base.type, "official");
  assert.ok(!view.daysOff.includes("2025-11-24"), "the province layer wins over the national one");
  const dec31 = view.days.find((d) => d.date === "2025-12-31")!;
  assert.deepEqual(dec31.source, { type: "override", scope: "46", note: "Tỉnh nghỉ", source: "CV 5" });
  const may2 = view.days.find((d) => d.date === "2025-05-02")!;
  assert.equal(may2.source.type, "official");
  assert.equal(view.days.find((d) => d.date === "2025-04-26")!.kind, "working_day");
  assert.deepEqual(
    view.overrides.map((o) => `${o.scope}:${o.date}`),
    ["*:2025-11-24", "46:2025-11-24", "46:2025-12-31"],
  );
  const y2030 = describeYear(2030);
  assert.deepEqual(y2030.base, { type: "law", law: "labour-code-2019" });
  assert.equal(y2030.days[0]!.name, "Tết Dương lịch");
});

test("office-hours rules: ordered, non-overlapping, 00:00–24:00; Saturday only with Saturday service", () => {
  const ok = { windows: { monday: [{ start: "00:00", end: "24:00" }] }, saturdayService: false, saturdayCounts: false };
  assert.deepEqual(checkOfficeHours(ok), []);
  const touching = { start: "11:30", end: "12:00" };
  const adjacent = {
    windows: { monday: [{ start: "07:30", end: "11:30" }, touching] },
    saturdayService: false,
    saturdayCounts: false,
  };
  assert.deepEqual(checkOfficeHours(adjacent), [], "windows that touch do not overlap");
  const codes = checkOfficeHours({
    windows: { tuesday: [{ start: "7:30", end: "11:30" }], saturday: [{ start: "08:00", end: "11:00" }] },
    saturdayService: false,
    saturdayCounts: true,
  }).map((i) => `${i.path}:${i.code}`);
  assert.deepEqual(codes, [
    "windows.tuesday.0.start:clock-format",
    "windows.saturday:saturday-windows-without-service",
    "saturdayCounts:saturday-counts-without-service",
  ]);
  const hours = resolveOfficeHours(
    { windows: null, saturdayService: true, saturdayCounts: false },
    DEFAULT_OFFICE_HOURS,
  );
  assert.deepEqual(hours.windows.saturday, DEFAULT_SATURDAY);
  assert.deepEqual(hours.windows.monday, DEFAULT_OFFICE_HOURS.windows.monday);
  assert.equal(hours.saturdayCounts, false);
});
