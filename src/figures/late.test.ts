import { test } from "node:test";
import assert from "node:assert/strict";
import { hasTimelyApology, lateByUnit, overdueAt } from "./late.ts";
import { computeResults } from "./results.ts";
import { dossier, vn } from "./test-dossiers.ts";

const h1 = { from: "2021-01-01", to: "2021-07-28" };

function late(unit: string, apologyAt?: string, apology = true) {
  return dossier({
    unit,
    received: "2021-03-01 09:00",
    due: "2021-03-10 09:00",
    events: [
      ...(apologyAt ? [["extended", apologyAt, { dueAt: vn("2021-03-15 09:00"), apology }] as const] : []),
      ["resolved", "2021-03-12 09:00"],
    ] as never,
  });
}

test("seed 002: the land registry branch finished 21 dossiers late with only 14 apology letters", () => {
  const branch = "VPĐKĐĐ";
  const dossiers = [
    ...Array.from({ length: 14 }, () => late(branch, "2021-03-09 10:00")),
    ...Array.from({ length: 5 }, () => late(branch)),
    late(branch, "2021-03-10 07:30"), // letter on the due date itself, before the hour: too late (one day before)
    late(branch, "2021-03-09 10:00", false), // extension without apology
    ...Array.from({ length: 7 }, () => late("Phòng Tư pháp", "2021-03-09 23:59")),
    dossier({
      unit: branch,
      received: "2021-03-01 09:00",
      due: "2021-03-10 09:00",
      events: [["resolved", "2021-03-10 08:00"]],
    }),
  ];
  const report = lateByUnit(dossiers, h1);
  assert.deepEqual(
    report.rows.map((r) => [r.unit, r.late, r.withApology, r.withoutApology, r.lateApology]),
    [
      ["Phòng Tư pháp", 7, 7, 0, 0],
      [branch, 21, 14, 7, 1],
    ],
  );
  assert.equal(report.rows[1]!.lateApologyCodes.length, 1);
  assert.ok(report.rows[1]!.withoutApologyCodes.includes(report.rows[1]!.lateApologyCodes[0]!), "still without");
  assert.equal(report.total.late, 28);
  assert.equal(report.rows[1]!.withoutApologyCodes.length, 7);
  const results = computeResults(dossiers, h1);
  assert.deepEqual([...report.total.lateCodes].sort(), results.dossiersIn("total", "finishedLate").sort());
});

test("the apology deadline is the appointment in force when the letter is written, not the extended one", () => {
  const afterSupplement = dossier({
    received: "2021-03-01 09:00",
    due: "2021-03-05 09:00",
    events: [
      ["supplement_requested", "2021-03-02 09:00"],
      ["supplement_received", "2021-03-04 09:00", { dueAt: vn("2021-03-09 09:00") }],
      ["extended", "2021-03-08 09:00", { dueAt: vn("2021-03-12 09:00"), apology: true }],
    ],
  });
  assert.equal(hasTimelyApology(afterSupplement), true);
});

test("late dossiers can be charged to the unit they were transferred to", () => {
  const d = dossier({
    unit: "H57",
    received: "2021-03-01 09:00",
    due: "2021-03-02 09:00",
    events: [
      ["transferred", "2021-03-01 10:00", { toUnit: "H57.PTNMT" }],
      ["resolved", "2021-03-05 09:00"],
    ],
  });
  assert.equal(lateByUnit([d], h1).rows[0]!.unit, "H57");
  assert.equal(lateByUnit([d], { ...h1, basis: "handling" }).rows[0]!.unit, "H57.PTNMT");
});

test("the overdue list at an instant, most overdue first; paused dossiers are not on it", () => {
  const a = dossier({ code: "A", received: "2021-03-01 09:00", due: "2021-03-03 09:00" });
  const b = dossier({ code: "B", received: "2021-03-01 09:00", due: "2021-03-02 09:00" });
  const paused = dossier({
    code: "C",
    received: "2021-03-01 09:00",
    due: "2021-03-03 09:00",
    events: [["supplement_requested", "2021-03-02 09:00"]],
  });
  const done = dossier({
    code: "D",
    received: "2021-03-01 09:00",
    due: "2021-03-02 09:00",
    events: [["resolved", "2021-03-04 09:00"]],
  });
  const list = overdueAt([a, b, paused, done], vn("2021-03-05 09:00"));
  assert.deepEqual(
    list.map((e) => e.code),
    ["B", "A"],
  );
  assert.equal(list[0]!.overdueMs, 3 * 86_400_000);
  assert.deepEqual(
    overdueAt([a, b], vn("2021-03-02 09:00")).map((e) => e.code),
    [],
  );
});

test("apology timing: timely only on a local date at least one calendar day before the due date, both decrees", () => {
  // Decree 61/2018 art. 19(2)(d) before 1 July 2025, Decree 118/2025 from it: the same one-day rule
  for (const [month, due] of [
    ["2025-06", "2025-06-20 09:00"],
    ["2025-07", "2025-07-18 09:00"],
  ] as const) {
    const d = (apologyAt: string) =>
      dossier({
        received: `${month}-02 09:00`,
        due,
        events: [["extended", apologyAt, { dueAt: vn(`${month}-25 09:00`), apology: true }]],
      });
    const day = due.slice(0, 10);
    const before = `${month}-${String(Number(day.slice(8)) - 1).padStart(2, "0")}`;
    assert.equal(hasTimelyApology(d(`${before} 23:59`)), true, `${before} 23:59`);
    assert.equal(hasTimelyApology(d(`${before} 00:00`)), true);
    assert.equal(hasTimelyApology(d(`${day} 00:00`)), false, "on the due date, hours before the due time");
    assert.equal(hasTimelyApology(d(`${day} 08:59`)), false);
    assert.equal(hasTimelyApology(d(`${day} 10:00`)), false, "after the deadline: recorded, late");
  }
  // local dates, not UTC: 06:30 +07:00 on the day before is the UTC day before that — still timely; 23:30 +07:00
  // the day before is the same UTC date as nothing in particular — timely; 06:30 on the due date is late
  const utc = dossier({
    received: "2025-07-01 09:00",
    due: "2025-07-10 07:00",
    events: [["extended", "2025-07-10 06:30", { dueAt: vn("2025-07-15 09:00"), apology: true }]],
  });
  assert.equal(hasTimelyApology(utc), false);
});

test("late report: a late apology is its own column and stays without apology", () => {
  const d = late("UBND xã", "2021-03-10 08:00");
  const report = lateByUnit([d], h1);
  assert.deepEqual(
    [report.total.late, report.total.withApology, report.total.withoutApology, report.total.lateApology],
    [1, 0, 1, 1],
  );
  assert.deepEqual(report.total.lateApologyCodes, [d.code]);
  assert.deepEqual(report.total.withoutApologyCodes, [d.code]);
});
