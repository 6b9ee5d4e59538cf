import { test } from "node:test";
import assert from "node:assert/strict";
import { computeResults, resultsReport } from "./results.ts";
import { assertIdentity, checkIdentity } from "./results-fields.ts";
import { dossier, vn } from "./test-dossiers.ts";

const march = { from: "2024-03-01", to: "2024-03-31" };

function totalOf(dossiers: ReturnType<typeof dossier>[], period = march) {
  return resultsReport(dossiers, period).total;
}

test("an event exactly at 00:00 of the period start belongs to the period", () => {
  const atStart = dossier({
    received: "2024-02-28 09:00",
    due: "2024-03-04 09:00",
    events: [["resolved", "2024-03-01 00:00"]],
  });
  const total = totalOf([atStart]);
  assert.equal(total.carriedOver, 1);
  assert.equal(total.finishedEarly, 1);
  const receivedAtStart = dossier({ received: "2024-03-01 00:00", due: "2024-03-04 09:00" });
  assert.equal(totalOf([receivedAtStart]).received, 1);
  assert.equal(totalOf([receivedAtStart]).carriedOver, 0);
  assert.equal(totalOf([receivedAtStart], { from: "2024-02-01", to: "2024-02-29" }).received, 0);
});

test("local dates between 00:00 and 07:00 are not UTC dates", () => {
  // 2024-04-01 06:00 +07:00 is 2024-03-31 23:00 UTC: April locally, so not in March.
  const earlyApril = dossier({ received: "2024-04-01 06:00", due: "2024-04-02 09:00" });
  assert.equal(totalOf([earlyApril]).received, 0);
  assert.equal(totalOf([earlyApril], { from: "2024-04-01", to: "2024-04-30" }).received, 1);
  // finished 06:30 local on the appointment's local date (UTC date the day before): on time, not early.
  const d = dossier({
    received: "2024-03-04 09:00",
    due: "2024-03-06 09:00",
    events: [["resolved", "2024-03-06 06:30"]],
  });
  assert.equal(totalOf([d]).finishedOnTime, 1);
});

test("finishing on the appointment day after the appointment hour is late", () => {
  const d = dossier({
    received: "2024-03-04 09:00",
    due: "2024-03-06 09:00",
    events: [["resolved", "2024-03-06 15:00"]],
  });
  const total = totalOf([d]);
  assert.equal(total.finishedLate, 1);
  assert.equal(total.finishedOnTime, 0);
  const exactly = dossier({
    received: "2024-03-04 09:00",
    due: "2024-03-06 09:00",
    events: [["resolved", "2024-03-06 09:00"]],
  });
  assert.equal(totalOf([exactly]).finishedOnTime, 1);
});

test("Saturday receipts count once in received and once in receivedSaturday, by local date", () => {
  const saturday = dossier({ received: "2024-03-09 07:30", due: "2024-03-11 17:00", channel: "postal" });
  // Friday 23:30 UTC is Saturday 06:30 local.
  const saturdayMorning = dossier({ received: "2024-03-16 06:30", due: "2024-03-18 17:00", channel: "online_full" });
  const friday = dossier({ received: "2024-03-08 16:00", due: "2024-03-11 17:00" });
  const total = totalOf([saturday, saturdayMorning, friday]);
  assert.equal(total.received, 3);
  assert.equal(total.receivedSaturday, 2);
  assert.equal(total.receivedPostal, 1);
  assert.equal(total.receivedOnlineFull, 1);
  assert.equal(total.receivedDirect, 1);
});

test("a supplement spanning the period end keeps the dossier within its deadline", () => {
  const d = dossier({
    received: "2024-03-25 09:00",
    due: "2024-03-28 09:00",
    events: [
      ["supplement_requested", "2024-03-27 10:00"],
      ["supplement_received", "2024-04-03 10:00", { dueAt: vn("2024-04-04 09:00") }],
    ],
  });
  const total = totalOf([d]);
  assert.equal(total.openWithinDeadline, 1);
  const april = totalOf([d], { from: "2024-04-01", to: "2024-04-30" });
  assert.equal(april.carriedOver, 1);
  assert.equal(april.openOverdue, 1, "due 4 April, never finished");
});

test("a supplement requested after the deadline does not stop an overdue clock", () => {
  const d = dossier({
    received: "2024-03-04 09:00",
    due: "2024-03-06 09:00",
    events: [["supplement_requested", "2024-03-20 10:00"]],
  });
  assert.equal(totalOf([d]).openOverdue, 1);
});

test("refused at intake is counted outside the identity", () => {
  const refused = dossier({ received: null, events: [["refused", "2024-03-05 10:00", { reason: "thiếu giấy tờ" }]] });
  const total = totalOf([refused]);
  assert.equal(total.refusedAtIntake, 1);
  assert.equal(total.received, 0);
  assert.ok(checkIdentity(total).holds);
});

test("withdrawn and stopped end the dossier; dossiers ended before the period are not counted", () => {
  const withdrawn = dossier({
    received: "2024-03-04 09:00",
    due: "2024-03-06 09:00",
    events: [["withdrawn", "2024-03-05 09:00"]],
  });
  const stopped = dossier({
    received: "2024-02-04 09:00",
    due: "2024-02-06 09:00",
    events: [["stopped", "2024-03-05 09:00"]],
  });
  const old = dossier({
    received: "2024-02-04 09:00",
    due: "2024-02-06 09:00",
    events: [["resolved", "2024-02-05 09:00"]],
  });
  const total = totalOf([withdrawn, stopped, old]);
  assert.deepEqual([total.withdrawn, total.stopped, total.carriedOver, total.received], [1, 1, 1, 1]);
});

test("rows by field-level are keyed like seed 000, sorted in Vietnamese order, zero rows omitted", () => {
  const dossiers = [
    dossier({ field: "Hộ tịch", level: "commune", received: "2024-03-04 09:00", due: "2024-03-04 17:00" }),
    dossier({ field: "Đất đai", level: "district", received: "2024-03-04 09:00", due: "2024-03-14 17:00" }),
    dossier({ field: "Bảo trợ xã hội", level: "district", received: "2024-03-04 09:00", due: "2024-03-14 17:00" }),
    dossier({ field: "Bảo trợ xã hội", received: "2024-03-04 09:00", due: "2024-03-14 17:00" }),
    dossier({ field: "Chứng thực", received: "2024-01-04 09:00", events: [["resolved", "2024-01-04 10:00"]] }),
  ];
  const doc = resultsReport(dossiers, { ...march, by: "field-level", unit: "H57" });
  assert.deepEqual(
    doc.rows.map((r) => r.key),
    ["Bảo trợ xã hội", "Bảo trợ xã hội (Cấp huyện)", "Đất đai (Cấp huyện)", "Hộ tịch (Cấp xã)"],
  );
  assert.equal(doc.unit, "H57");
  assert.equal(doc.total.key, "total");
  assert.equal(doc.total.received, 4);
});

test("the document has exactly the fields of CONTRACTS.md §3 in order", () => {
  const doc = resultsReport([dossier({ received: "2024-03-04 09:00", due: "2024-03-04 17:00" })], march);
  assert.deepEqual(Object.keys(doc), ["report", "unit", "from", "to", "by", "rows", "total"]);
  assert.deepEqual(Object.keys(doc.rows[0]!), [
    "key",
    "carriedOver",
    "received",
    "receivedSaturday",
    "receivedDirect",
    "receivedPostal",
    "receivedOnlinePartial",
    "receivedOnlineFull",
    "finishedEarly",
    "finishedOnTime",
    "finishedLate",
    "withdrawn",
    "stopped",
    "openWithinDeadline",
    "openOverdue",
    "refusedAtIntake",
    "declined",
  ]);
  assert.equal(doc.unit, null);
  assert.equal(doc.by, "field");
});

test("the unit scope keeps only dossiers received by units in it; drill-down lists their codes", () => {
  const inside = dossier({ code: "A-1", unit: "H57.12", received: "2024-03-04 09:00", due: "2024-03-04 17:00" });
  const outside = dossier({ code: "B-1", unit: "H58.01", received: "2024-03-04 09:00", due: "2024-03-04 17:00" });
  const lateOne = dossier({
    code: "A-2",
    unit: "H57",
    received: "2024-03-04 09:00",
    due: "2024-03-04 17:00",
    events: [["resolved", "2024-03-05 09:00"]],
  });
  const scope = (code: string) => code === "H57" || code.startsWith("H57.");
  const result = computeResults([inside, outside, lateOne], { ...march, by: "unit", scope });
  assert.deepEqual(
    result.document.rows.map((r) => r.key),
    ["H57", "H57.12"],
  );
  assert.deepEqual(result.dossiersIn("total", "received"), ["A-1", "A-2"]);
  assert.deepEqual(result.dossiersIn("H57", "finishedLate"), ["A-2"]);
  assert.deepEqual(result.dossiersIn("H57.12", "finishedLate"), []);
  const bySet = computeResults([inside, outside], { ...march, scope: new Set(["H58.01"]) });
  assert.deepEqual(bySet.dossiersIn("total", "received"), ["B-1"]);
});

test("a document whose row breaks the identity is refused, not published", () => {
  const total = totalOf([dossier({ received: "2024-03-04 09:00", due: "2024-03-05 09:00" })]);
  assert.doesNotThrow(() => assertIdentity([total]));
  assert.throws(() => assertIdentity([{ ...total, key: "Hộ tịch", finishedLate: total.finishedLate + 1 }]), /Hộ tịch/);
});
