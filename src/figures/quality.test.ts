import { test } from "node:test";
import assert from "node:assert/strict";
import { getCalendar } from "../calendar/index.ts";
import { processingMinutes, qualityIndicators, type QualityIndicator } from "./quality.ts";
import { dossier, vn } from "./test-dossiers.ts";

const calendar = getCalendar();
const workingMinutes = (from: Date, to: Date) => calendar.workingMinutesBetween(from, to);
const march = { from: "2026-03-01", to: "2026-03-31", workingMinutes };

function byId(list: QualityIndicator[], id: string) {
  const found = list.find((i) => i.id === id);
  assert.ok(found, id);
  return found;
}

test("the index's on-time rate counts a second supplement request as late; finishedLate does not", () => {
  const onTime = dossier({
    code: "A",
    received: "2026-03-02 09:00",
    due: "2026-03-05 09:00",
    events: [["resolved", "2026-03-04 09:00"]],
  });
  const twoSupplements = dossier({
    code: "B",
    received: "2026-03-02 09:00",
    due: "2026-03-05 09:00",
    events: [
      ["supplement_requested", "2026-03-02 10:00"],
      ["supplement_received", "2026-03-03 10:00", { dueAt: vn("2026-03-06 09:00") }],
      ["supplement_requested", "2026-03-04 10:00"],
      ["supplement_received", "2026-03-05 10:00", { dueAt: vn("2026-03-09 09:00") }],
      ["resolved", "2026-03-06 09:00"],
    ],
  });
  const late = dossier({
    code: "C",
    received: "2026-03-02 09:00",
    due: "2026-03-05 09:00",
    events: [["resolved", "2026-03-05 10:00"]],
  });
  const rate = byId(qualityIndicators([onTime, twoSupplements, late], march), "on-time-766");
  assert.equal(rate.kind, "rate");
  if (rate.kind !== "rate") return;
  assert.deepEqual([rate.numerator, rate.denominator], [1, 3]);
  assert.deepEqual(rate.numeratorCodes, ["A"]);
  assert.match(rate.formula, /bổ sung quá 01 lần tính là trễ hạn/);
});

test("average processing time in working days excludes the time awaiting a supplement", () => {
  // Monday 09:00 → Thursday 09:00 is 3 working days; one working day was spent awaiting a supplement.
  const d = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-06 09:00",
    events: [
      ["supplement_requested", "2026-03-03 09:00"],
      ["supplement_received", "2026-03-04 09:00", { dueAt: vn("2026-03-06 09:00") }],
      ["resolved", "2026-03-05 09:00"],
    ],
  });
  assert.equal(processingMinutes(d, vn("2026-03-05 09:00"), workingMinutes), 2 * 450);
  const quick = dossier({
    received: "2026-03-02 09:00",
    due: "2026-03-06 09:00",
    events: [["resolved", "2026-03-02 14:45"]],
  });
  const avg = byId(qualityIndicators([d, quick], march), "average-processing-days");
  assert.equal(avg.kind, "average");
  assert.equal(avg.value, (2 + 0.5) / 2);
});

test("online, online payment, digitization and e-result rates with the dossiers behind them", () => {
  const dossiers = [
    dossier({
      code: "A",
      channel: "online_full",
      received: "2026-03-02 09:00",
      fee: { amount: 20000, paidOnline: true },
      digitized: true,
      eResult: true,
      events: [["resolved", "2026-03-02 10:00"]],
    }),
    dossier({
      code: "B",
      channel: "direct",
      received: "2026-03-02 09:00",
      fee: { amount: 2000, paidOnline: false },
      digitized: true,
      events: [["resolved", "2026-03-02 10:00"]],
    }),
    dossier({ code: "C", channel: "online_partial", received: "2026-03-02 09:00", fee: { amount: 0 } }),
    dossier({ code: "D", channel: "postal", received: "2026-03-02 09:00" }),
  ];
  const list = qualityIndicators(dossiers, march);
  const rates = Object.fromEntries(
    list.filter((i) => i.kind === "rate").map((i) => [i.id, i.kind === "rate" ? [i.numerator, i.denominator] : []]),
  );
  assert.deepEqual(rates, {
    "on-time-766": [2, 2],
    "online-rate": [2, 4],
    "online-payment-rate": [1, 2],
    "digitization-rate": [2, 2],
    "e-result-rate": [1, 2],
  });
  const online = byId(list, "online-rate");
  assert.ok(online.kind === "rate" && online.numeratorCodes.join() === "A,C");
  for (const indicator of list) assert.ok(indicator.formula.length > 20, indicator.id);
});

test("the satisfaction rate comes from ratings", () => {
  const ratings = [
    { field: "Đất đai", rating: "simple" as const, dossierCode: "A" },
    { field: "Đất đai", rating: "complicated" as const },
  ];
  const s = byId(qualityIndicators([], { ...march, ratings }), "satisfaction-rate");
  assert.ok(s.kind === "rate");
  assert.deepEqual([s.numerator, s.denominator, s.numeratorCodes], [1, 2, ["A"]]);
});
