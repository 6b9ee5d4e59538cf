import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { getCalendar } from "../calendar/index.ts";
import { processingMinutes, qualityIndicators, type QualityIndicator } from "./quality.ts";
import { COMPUTED_766, NOT_COMPUTED_766 } from "./quality-catalog.ts";
import { dossier, vn } from "./test-dossiers.ts";

const calendar = getCalendar();
const workingMinutes = (from: Date, to: Date) => calendar.workingMinutesBetween(from, to);
const march = { from: "2026-03-01", to: "2026-03-31", workingMinutes };

function byId(list: QualityIndicator[], id: string) {
  const found = list.find((i) => i.id === id);
  assert.ok(found, id);
  return found;
}

function counts(list: QualityIndicator[], id: string) {
  const i = byId(list, id);
  assert.ok(i.kind === "rate");
  return [i.numerator, i.denominator, i.numeratorCodes];
}

test("2.1 counts open, awaiting, declined, stopped and withdrawn dossiers; a second supplement request is late", () => {
  const dossiers = [
    dossier({
      code: "A",
      received: "2026-03-02 09:00",
      due: "2026-03-05 09:00",
      events: [["resolved", "2026-03-04 09:00"]],
    }),
    dossier({
      code: "B",
      received: "2026-03-02 09:00",
      due: "2026-03-20 09:00",
      events: [
        ["supplement_requested", "2026-03-02 10:00"],
        ["supplement_received", "2026-03-03 10:00"],
        ["supplement_requested", "2026-03-04 10:00"],
        ["supplement_received", "2026-03-05 10:00"],
        ["resolved", "2026-03-06 09:00"],
      ],
    }),
    dossier({
      code: "C",
      received: "2026-03-02 09:00",
      due: "2026-03-05 09:00",
      events: [["declined", "2026-03-05 10:00"]],
    }),
    dossier({ code: "D", received: "2026-03-20 09:00", due: "2026-04-10 17:00" }), // open, within
    dossier({ code: "E", received: "2026-03-02 09:00", due: "2026-03-10 17:00" }), // open, overdue
    dossier({
      code: "F",
      received: "2026-03-02 09:00",
      due: "2026-03-10 17:00",
      events: [["withdrawn", "2026-03-03 09:00"]],
    }),
    dossier({
      code: "G",
      received: "2026-03-02 09:00",
      due: "2026-03-10 17:00",
      events: [["supplement_requested", "2026-03-03 09:00"]],
    }),
    // ended in February: not handled in March
    dossier({
      code: "H",
      received: "2026-02-02 09:00",
      due: "2026-02-10 17:00",
      events: [["resolved", "2026-02-05 09:00"]],
    }),
    // received before March, resolved in March: handled in March
    dossier({
      code: "I",
      received: "2026-02-25 09:00",
      due: "2026-03-10 17:00",
      events: [["resolved", "2026-03-02 09:00"]],
    }),
  ];
  const list = qualityIndicators(dossiers, march);
  assert.deepEqual(counts(list, "on-time-766"), [5, 8, ["A", "D", "F", "G", "I"]]);
  const onTime = byId(list, "on-time-766");
  assert.equal(onTime.code, "2.1");
  assert.match(onTime.source, /Mô tả công thức tính chỉ số 766.*mục 2\.1/);
  assert.match(onTime.formula, /hơn 01 lần: quá hạn/);
});

test("5.4: 2.1's on-time dossiers without a PAKN or a dissatisfied rating, scored from 90% (6 points)", () => {
  const dossiers = ["A", "B", "C", "D"].map((code) =>
    dossier({
      code,
      received: "2026-03-02 09:00",
      due: "2026-03-05 09:00",
      events: [["resolved", "2026-03-04 09:00"]],
    }),
  );
  dossiers.push(
    dossier({
      code: "E",
      received: "2026-03-02 09:00",
      due: "2026-03-03 09:00",
      events: [["resolved", "2026-03-04 09:00"]],
    }),
  );
  const list = qualityIndicators(dossiers, { ...march, complaintCodes: ["B", "E", "Z"] });
  // E is late and complained about: subtracted once
  assert.deepEqual(counts(list, "satisfaction-rate"), [3, 5, ["A", "C", "D"]]);
  const s = byId(list, "satisfaction-rate");
  assert.ok(s.kind === "rate" && s.score);
  assert.deepEqual([s.score.threshold, s.score.maxPoints], [0.9, 6]);
  assert.ok(Math.abs(s.score.points! - (0.6 * 6) / 0.9) < 1e-9);
});

test("2.2: completed dossiers received in the period, ended at any time, without the supplement wait", () => {
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
    received: "2026-03-30 09:00",
    due: "2026-04-06 09:00",
    events: [["returned", "2026-04-01 09:00"]],
  });
  const declined = dossier({ received: "2026-03-02 09:00", events: [["declined", "2026-03-03 09:00"]] });
  const before = dossier({ received: "2026-02-27 09:00", events: [["resolved", "2026-03-02 09:00"]] });
  const avg = byId(qualityIndicators([d, quick, declined, before], march), "average-processing-days");
  assert.ok(avg.kind === "average");
  assert.deepEqual([avg.count, avg.value, avg.code], [2, (2 + 2) / 2, "2.2"]);
  // per procedure, as the description shows it
  const other = dossier({
    procedure: "2.000001",
    received: "2026-03-02 09:00",
    events: [["resolved", "2026-03-03 09:00"]],
  });
  const per = byId(qualityIndicators([d, quick, other], march), "average-processing-days");
  assert.ok(per.kind === "average");
  assert.deepEqual(per.byProcedure, [
    { procedure: "1.001009", count: 2, totalDays: 4, value: 2 },
    { procedure: "2.000001", count: 1, totalDays: 1, value: 1 },
  ]);
});

test("3.3, 3.6, 4.1, 4.2 over the dossiers received in the period, with their scores", () => {
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
    }),
    dossier({ code: "C", channel: "online_partial", received: "2026-03-02 09:00", fee: { amount: 0 } }),
    dossier({ code: "D", channel: "postal", received: "2026-03-02 09:00" }),
    dossier({ code: "E", channel: "online_full", received: "2026-02-02 09:00", eResult: true, digitized: true }),
  ];
  const list = qualityIndicators(dossiers, march);
  assert.deepEqual(counts(list, "online-rate"), [2, 4, ["A", "C"]]);
  assert.deepEqual(counts(list, "online-payment-rate"), [1, 2, ["A"]]);
  assert.deepEqual(counts(list, "e-result-rate"), [1, 4, ["A"]]);
  assert.deepEqual(counts(list, "digitization-rate"), [2, 4, ["A", "B"]]);
  const online = byId(list, "online-rate");
  assert.ok(online.kind === "rate" && online.score);
  assert.deepEqual([online.code, online.score.share, online.score.points], ["3.3", 1, null]);
  const digit = byId(list, "digitization-rate");
  assert.ok(digit.kind === "rate" && digit.score);
  assert.equal(digit.score.share, 0.5 / 0.8);
});

test("the catalogue covers the set once: every computed id is produced, and the rest say why and from where", () => {
  const list = qualityIndicators([], march);
  assert.deepEqual(
    list.map((i) => i.id),
    COMPUTED_766.map((e) => e.id),
  );
  const codes = [...COMPUTED_766, ...NOT_COMPUTED_766].map((e) => e.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of ["1.1", "1.2", "1.3", "1.4", "3.1", "3.2", "3.5", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3"])
    assert.ok(
      NOT_COMPUTED_766.some((e) => e.code === code && e.reason.length > 20 && e.dataSources.length),
      code,
    );
  for (const i of list) if (i.kind === "rate") assert.equal(i.value, null, `${i.id}: no dossier, no rate`);
});

test("property: every rate lies in [0, 1], its numerator within its denominator, scores within their maximum", () => {
  const spec = fc.record({
    receivedDay: fc.integer({ min: 1, max: 60 }),
    dueDays: fc.integer({ min: 0, max: 20 }),
    endDays: fc.option(fc.integer({ min: 0, max: 40 })),
    end: fc.constantFrom("resolved", "returned", "declined", "stopped", "withdrawn" as const),
    supplements: fc.integer({ min: 0, max: 2 }),
    channel: fc.constantFrom("direct", "postal", "online_partial", "online_full" as const),
    flags: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(spec, { maxLength: 12 }), (specs) => {
      const base = vn("2026-02-01 09:00").getTime();
      const day = 86_400_000;
      const dossiers = specs.map((s, n) => {
        const received = base + s.receivedDay * day;
        const d = dossier({
          code: `P${n}`,
          received: "2026-03-01 09:00",
          channel: s.channel,
          digitized: s.flags,
          eResult: s.flags,
        });
        d.receivedAt = new Date(received);
        d.dueAt = new Date(received + s.dueDays * day);
        for (let k = 0; k < s.supplements; k++) {
          d.events.push({ type: "supplement_requested", at: new Date(received + (2 * k + 1) * 3_600_000) });
          d.events.push({ type: "supplement_received", at: new Date(received + (2 * k + 2) * 3_600_000) });
        }
        if (s.endDays !== null)
          d.events.push({ type: s.end, at: new Date(received + s.endDays * day + 5 * 3_600_000) });
        return d;
      });
      for (const i of qualityIndicators(dossiers, { ...march, complaintCodes: ["P0"] })) {
        if (i.kind !== "rate") continue;
        assert.ok(i.numerator <= i.denominator, i.id);
        if (i.value !== null) assert.ok(i.value >= 0 && i.value <= 1, i.id);
        if (i.score?.share != null) assert.ok(i.score.share >= 0 && i.score.share <= 1, i.id);
        if (i.score?.points != null) assert.ok(i.score.points <= i.score.maxPoints!, i.id);
      }
    }),
  );
});
