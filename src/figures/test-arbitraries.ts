// Random dossier logs for the figures' property tests (not used by production code). Every log is legal by
// the interchange rules (CONTRACTS.md §2: events in order, none before receipt, supplements alternate,
// nothing after the end but a return after `resolved`), so it imports; instants crowd around local
// midnights (the period boundaries), 00:00–07:00 local, Saturdays and the appointment itself.
import fc from "fast-check";
import { localDate, localInstant } from "../calendar/local-time.ts";
import type { Channel, CompetentLevel, DossierEvent, DossierRecord } from "../dossier/record.ts";
import type { Period } from "./period.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A window of local days the instants fall in: `days` days from `from`. */
export interface DayRange {
  from: string;
  days: number;
}

/** A period whose bounds are midnights inside the range (where the instants crowd). */
export function periodInRangeArb(range: DayRange): fc.Arbitrary<Period> {
  return fc
    .tuple(fc.integer({ min: 0, max: range.days - 1 }), fc.integer({ min: 0, max: range.days - 1 }))
    .map(([a, b]) => ({ from: dayOf(range, Math.min(a, b)), to: dayOf(range, Math.max(a, b)) }));
}

function dayOf(range: DayRange, n: number): string {
  return localDate(localInstant(range.from, 12 * 60).getTime() + n * DAY);
}

/** Instants near midnights (exactly, ±1 ms), at 00:00–07:00 local, in office hours, or anywhere. */
export function rangeInstantArb(range: DayRange): fc.Arbitrary<number> {
  const day = fc.integer({ min: -3, max: range.days + 3 });
  const midnight = (d: number) => localInstant(range.from, 0).getTime() + d * DAY;
  return fc.oneof(
    fc.tuple(day, fc.constantFrom(-1, 0, 0, 1)).map(([d, off]) => midnight(d) + off),
    fc.tuple(day, fc.integer({ min: 0, max: 7 * 60 - 1 })).map(([d, m]) => midnight(d) + m * MINUTE),
    fc.tuple(day, fc.integer({ min: 7 * 60 + 30, max: 17 * 60 })).map(([d, m]) => midnight(d) + m * MINUTE),
    fc.tuple(day, fc.integer({ min: 0, max: DAY - 1 })).map(([d, ms]) => midnight(d) + ms),
  );
}

/** A later appointment: exactly at the instant, minutes or days after, a midnight, or a local 17:00. */
function appointmentAfterArb(range: DayRange): fc.Arbitrary<(at: number) => number> {
  return appointmentArb(range).map((f) => (at: number) => Math.max(at, f(at)));
}

function appointmentArb(range: DayRange): fc.Arbitrary<(at: number) => number> {
  return fc.oneof(
    fc.constant((at: number) => at),
    fc.integer({ min: 1, max: 10 * DAY }).map((x) => (at: number) => at + x),
    fc
      .integer({ min: 0, max: 12 })
      .map((d) => (at: number) => localInstant(localDate(at), 17 * 60).getTime() + d * DAY),
    fc.integer({ min: 1, max: 12 }).map((d) => (at: number) => localInstant(localDate(at), 0).getTime() + d * DAY),
    rangeInstantArb(range).map((x) => (at: number) => Math.max(at, x)),
  );
}

/** When the next event happens after the cursor, given the deadline in force. */
function nextAtArb(range: DayRange): fc.Arbitrary<(cursor: number, deadline: number) => number> {
  return fc.oneof(
    rangeInstantArb(range).map((x) => (cursor: number) => Math.max(cursor, x)),
    fc.integer({ min: 0, max: 3 * DAY }).map((x) => (cursor: number) => cursor + x),
    // around the deadline: exactly, just before, or later the same day (finishing after the appointment hour)
    fc
      .integer({ min: -2 * HOUR, max: 5 * HOUR })
      .map((x) => (cursor: number, deadline: number) => Math.max(cursor, deadline + x)),
    fc.constant((cursor: number, deadline: number) => Math.max(cursor, deadline)),
  );
}

type Step = "supplement" | "extended" | "transferred" | "end";
export const END_TYPES = [
  "resolved",
  "resolved_returned",
  "declined",
  "declined_returned",
  "returned",
  "withdrawn",
  "stopped",
] as const;

export interface ProcedureSpec {
  code: string;
  field?: string;
  level?: CompetentLevel;
}

export interface DossierArbOptions {
  range: DayRange;
  units: readonly string[];
  procedures: readonly ProcedureSpec[];
}

/** One random legal dossier log; `index` makes the code unique (`<unit>-YYMMDD-NNNN`). */
export function legalDossierArb(options: DossierArbOptions, index: number): fc.Arbitrary<DossierRecord> {
  const { range } = options;
  return fc
    .record({
      refused: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
      receivedAt: rangeInstantArb(range),
      due: appointmentAfterArb(range),
      steps: fc.array(
        fc.record({
          step: fc.constantFrom<Step>("supplement", "supplement", "extended", "transferred", "end", "end", "end"),
          at: nextAtArb(range),
          due: appointmentAfterArb(range),
          apology: fc.boolean(),
          unit: fc.constantFrom(...options.units),
        }),
        { maxLength: 7 },
      ),
      endType: fc.constantFrom(...END_TYPES),
      channel: fc.constantFrom<Channel>("direct", "postal", "online_partial", "online_full"),
      procedure: fc.constantFrom(...options.procedures),
      unit: fc.constantFrom(...options.units),
      digitized: fc.boolean(),
      eResult: fc.boolean(),
      paidOnline: fc.boolean(),
    })
    .map((r) => {
      const at0 = r.receivedAt;
      const code = `${r.unit}-${localDate(at0).slice(2).replaceAll("-", "")}-${String((index % 9_999) + 1).padStart(4, "0")}`;
      const base = {
        code,
        unit: { code: r.unit },
        procedure: {
          code: r.procedure.code,
          ...(r.procedure.field === undefined ? {} : { field: r.procedure.field }),
          ...(r.procedure.level === undefined ? {} : { level: r.procedure.level }),
        },
        channel: r.channel,
        digitized: r.digitized,
        eResult: r.eResult,
        fee: { amount: 0, paidOnline: r.paidOnline },
      };
      if (r.refused) {
        return {
          ...base,
          receivedAt: null,
          dueAt: null,
          events: [{ type: "refused", at: new Date(at0), reason: "thiếu giấy tờ" }],
        };
      }
      const dueAt = r.due(at0);
      return {
        ...base,
        receivedAt: new Date(at0),
        dueAt: new Date(dueAt),
        events: buildEvents(r.steps, r.endType, at0, dueAt),
      };
    });
}

function buildEvents(
  steps: {
    step: Step;
    at: (cursor: number, deadline: number) => number;
    due: (at: number) => number;
    apology: boolean;
    unit: string;
  }[],
  endType: (typeof END_TYPES)[number],
  receivedAt: number,
  dueAt: number,
): DossierEvent[] {
  const events: DossierEvent[] = [];
  let cursor = receivedAt;
  let deadline = dueAt;
  let paused = false;
  for (const s of steps) {
    cursor = s.at(cursor, deadline);
    const at = new Date(cursor);
    if (s.step === "end") {
      if (endType === "resolved_returned") {
        events.push({ type: "resolved", at });
        events.push({ type: "returned", at: new Date(cursor + (cursor % 3) * HOUR), via: "direct" });
      } else if (endType === "declined" || endType === "declined_returned") {
        events.push({ type: "declined", at, reason: "không đủ điều kiện giải quyết" });
        if (endType === "declined_returned")
          events.push({ type: "returned", at: new Date(cursor + (cursor % 2) * HOUR), via: "direct" });
      } else if (endType === "returned") events.push({ type: "returned", at, via: "postal" });
      else events.push({ type: endType, at });
      return events;
    }
    if (s.step === "supplement" && paused) {
      deadline = s.due(cursor);
      events.push({ type: "supplement_received", at, dueAt: new Date(deadline) });
      paused = false;
    } else if (s.step === "supplement") {
      events.push({ type: "supplement_requested", at, reason: "bổ sung giấy tờ" });
      paused = true;
    } else if (s.step === "extended") {
      events.push({ type: "extended", at, dueAt: new Date(s.due(cursor)), apology: s.apology });
    } else {
      events.push({ type: "transferred", at, toUnit: s.unit });
    }
  }
  return events;
}

/** `count` legal dossiers, deterministic for a seed. */
export function sampleDossiers(options: DossierArbOptions, count: number, seed: number): DossierRecord[] {
  return Array.from(
    { length: count },
    (_, i) => fc.sample(legalDossierArb(options, i), { seed: seed + i, numRuns: 1 })[0]!,
  );
}
