// Property-based tests of the results fold on random dossier logs crowded around the period boundaries.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { localInstant } from "../calendar/local-time.ts";
import type { Channel, CompetentLevel, DossierEvent, DossierRecord } from "../dossier/record.ts";
import { checkResultsDocument } from "./check.ts";
import { type Period, periodBounds, splitPeriod } from "./period.ts";
import { overdueAt } from "./late.ts";
import { computeResults, type ResultsDocument, type ResultsRow } from "./results.ts";
import { RESULT_FIELDS, checkIdentity } from "./results-fields.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A period of 2–40 days in 2024 and a day to split it after. */
const periodArb = fc
  .record({ startDay: fc.integer({ min: 0, max: 330 }), length: fc.integer({ min: 2, max: 40 }) })
  .chain(({ startDay, length }) => {
    const from = new Date(Date.UTC(2024, 0, 1) + startDay * DAY).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(2024, 0, 1) + (startDay + length - 1) * DAY).toISOString().slice(0, 10);
    return fc.integer({ min: 0, max: length - 2 }).map((cut) => {
      const lastOfFirst = new Date(Date.UTC(2024, 0, 1) + (startDay + cut) * DAY).toISOString().slice(0, 10);
      return { period: { from, to } as Period, lastOfFirst };
    });
  });

/** Instants near the boundaries: exact midnights, ±1 ms, 00:00–07:00 local, Saturdays, and anywhere. */
function instantArb(period: Period, lastOfFirst: string): fc.Arbitrary<number> {
  const { start, end } = periodBounds(period);
  const mid = periodBounds({ from: period.from, to: lastOfFirst }).end;
  const edges = [start, mid, end].flatMap((d) => [d.getTime() - 1, d.getTime(), d.getTime() + 1]);
  const lo = start.getTime() - 15 * DAY;
  const hi = end.getTime() + 15 * DAY;
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.integer({ min: lo, max: hi }),
    // a local day and a minute in 00:00–07:00 or office hours, so local and UTC dates differ sometimes
    fc
      .record({ day: fc.integer({ min: -15, max: 55 }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) })
      .map(({ day, minute }) => localInstant(period.from, minute).getTime() + day * DAY),
  );
}

type Step = "supplement_requested" | "supplement_received" | "extended" | "transferred" | "end";
const END_TYPES = ["resolved", "declined", "returned", "withdrawn", "stopped"] as const;

function dossierArb(period: Period, lastOfFirst: string, index: number): fc.Arbitrary<DossierRecord> {
  const instant = instantArb(period, lastOfFirst);
  return fc
    .record({
      refused: fc.boolean().map((b) => b && index % 5 === 0),
      times: fc.array(instant, { minLength: 1, maxLength: 7 }),
      steps: fc.array(
        fc.constantFrom<Step>("supplement_requested", "supplement_received", "extended", "transferred", "end", "end"),
        {
          minLength: 7,
          maxLength: 7,
        },
      ),
      endType: fc.constantFrom(...END_TYPES),
      dues: fc.array(
        fc.oneof(
          instant,
          fc.integer({ min: 0, max: 10 * DAY }).map((x) => -x),
        ),
        { minLength: 8, maxLength: 8 },
      ),
      channel: fc.constantFrom<Channel>("direct", "postal", "online_partial", "online_full"),
      field: fc.constantFrom("Chứng thực", "Hộ tịch", "Đất đai", "Bảo trợ xã hội"),
      level: fc.constantFrom<CompetentLevel | undefined>("commune", "district", undefined),
      unit: fc.constantFrom("H57.12", "H57.13", "H57"),
    })
    .map((r) => buildDossier(r, index));
}

interface Raw {
  refused: boolean;
  times: number[];
  steps: Step[];
  endType: (typeof END_TYPES)[number];
  dues: number[];
  channel: Channel;
  field: string;
  level: CompetentLevel | undefined;
  unit: string;
}

/** A due value ≤ 0 means "that many ms after the event"; otherwise an absolute instant. */
function dueFrom(value: number, at: number): Date {
  return new Date(value <= 0 ? at - value : value);
}

function buildDossier(r: Raw, index: number): DossierRecord {
  const times = [...r.times].sort((a, b) => a - b);
  const base = {
    code: `P-${String(index).padStart(4, "0")}`,
    unit: { code: r.unit },
    procedure: { code: `1.00${index % 7}`, field: r.field, level: r.level },
    channel: r.channel,
  };
  if (r.refused) {
    return { ...base, receivedAt: null, dueAt: null, events: [{ type: "refused", at: new Date(times[0]!) }] };
  }
  const receivedAt = times[0]!;
  const events: DossierEvent[] = [];
  let paused = false;
  let ended = false;
  times.slice(1).forEach((at, i) => {
    const step = r.steps[i]!;
    const when = new Date(at);
    if (ended) {
      events.push({ type: "returned", at: when, via: "direct" });
      return;
    }
    if (step === "end") {
      events.push({ type: r.endType, at: when, ...(r.endType === "declined" ? { reason: "không đủ điều kiện" } : {}) });
      ended = true;
    } else if (step === "supplement_received" && paused) {
      events.push({ type: "supplement_received", at: when, dueAt: dueFrom(r.dues[i + 1]!, at) });
      paused = false;
    } else if (step === "supplement_requested" || step === "supplement_received") {
      events.push({ type: "supplement_requested", at: when });
      paused = true;
    } else if (step === "extended") {
      events.push({ type: "extended", at: when, dueAt: dueFrom(r.dues[i + 1]!, at), apology: i % 2 === 0 });
    } else {
      events.push({ type: "transferred", at: when, toUnit: "H57.99" });
    }
  });
  return { ...base, receivedAt: new Date(receivedAt), dueAt: dueFrom(r.dues[0]!, receivedAt), events };
}

const scenarioArb = periodArb.chain(({ period, lastOfFirst }) =>
  fc
    .integer({ min: 1, max: 40 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dossierArb(period, lastOfFirst, i))))
    .map((dossiers) => ({ period, lastOfFirst, dossiers })),
);

function rowMap(doc: ResultsDocument): Map<string, ResultsRow> {
  return new Map(doc.rows.map((row) => [row.key, row]));
}

function open(row: ResultsRow | undefined): number {
  return row ? row.openWithinDeadline + row.openOverdue : 0;
}

const RUNS = 400;

test("the identity holds on every row and the total; the total is the sum of the rows", () => {
  fc.assert(
    fc.property(
      scenarioArb,
      fc.constantFrom("field", "unit", "procedure", "field-level" as const),
      ({ period, dossiers }, by) => {
        const { document, dossiersIn } = computeResults(dossiers, { ...period, by });
        for (const row of [...document.rows, document.total]) {
          const identity = checkIdentity(row);
          assert.ok(identity.holds, `${row.key}: ${identity.left} ≠ ${identity.right}`);
          // declined is a part of finished, never a term of the identity
          const declined = dossiersIn(row.key, "declined");
          const finished = new Set(
            (["finishedEarly", "finishedOnTime", "finishedLate"] as const).flatMap((f) => dossiersIn(row.key, f)),
          );
          for (const code of declined) assert.ok(finished.has(code), `${row.key}: declined ${code} is not finished`);
          for (const field of RESULT_FIELDS) assert.equal(dossiersIn(row.key, field).length, row[field]);
        }
        for (const field of RESULT_FIELDS) {
          assert.equal(
            document.rows.reduce((s, r) => s + r[field], 0),
            document.total[field],
            field,
          );
        }
        assert.deepEqual(checkResultsDocument(document), []);
      },
    ),
    { numRuns: RUNS },
  );
});

test("two adjacent periods chain: open at the end of the first = carried over into the second", () => {
  fc.assert(
    fc.property(scenarioArb, ({ period, lastOfFirst, dossiers }) => {
      const [first, second] = splitPeriod(period, lastOfFirst);
      const whole = computeResults(dossiers, period).document;
      const a = computeResults(dossiers, first).document;
      const b = computeResults(dossiers, second).document;
      const rowsA = rowMap(a);
      const rowsB = rowMap(b);
      for (const key of new Set([...rowsA.keys(), ...rowsB.keys()])) {
        assert.equal(open(rowsA.get(key)), rowsB.get(key)?.carriedOver ?? 0, key);
      }
      assert.equal(open(a.total), b.total.carriedOver);
      assert.equal(whole.total.carriedOver, a.total.carriedOver);
      assert.equal(whole.total.openOverdue, b.total.openOverdue);
      assert.equal(whole.total.openWithinDeadline, b.total.openWithinDeadline);
      for (const field of RESULT_FIELDS) {
        if (field === "carriedOver" || field === "openOverdue" || field === "openWithinDeadline") continue;
        assert.equal(whole.total[field], a.total[field] + b.total[field], field);
      }
    }),
    { numRuns: RUNS },
  );
});

test("a past period does not change when later events arrive", () => {
  fc.assert(
    fc.property(scenarioArb, ({ period, dossiers }) => {
      const { end } = periodBounds(period);
      const before = computeResults(dossiers, period).document;
      const later = dossiers.map((d) => ({
        ...d,
        events: [
          ...d.events,
          { type: "stopped" as const, at: new Date(Math.max(end.getTime(), ...d.events.map((e) => +e.at)) + HOUR) },
        ],
      }));
      assert.deepEqual(computeResults(later, period).document, before);
    }),
    { numRuns: RUNS / 2 },
  );
});

test("the overdue list at the period end is exactly the openOverdue cell", () => {
  fc.assert(
    fc.property(scenarioArb, ({ period, dossiers }) => {
      const { dossiersIn } = computeResults(dossiers, period);
      const listed = overdueAt(dossiers, periodBounds(period).end).map((e) => e.code);
      assert.deepEqual(listed.sort(), dossiersIn("total", "openOverdue").sort());
    }),
    { numRuns: RUNS / 2 },
  );
});
