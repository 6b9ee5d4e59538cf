// The Decision 766 indicators motcua computes from its dossier log (quality-catalog.ts lists the whole set and
// why the rest cannot be computed here), each by the national portal's description "Mô tả công thức tính chỉ số
// 766" (section in `code`), with its formula, the codes behind numerator and denominator, and its score where the
// description gives a threshold. The on-time measure is 2.1's own rule (quality-rules.ts), never the results
// report's finishedLate. The SQL version (src/db/repos/reports-quality.ts) is proven equal to this fold.
import type { DossierRecord } from "../dossier/record.ts";
import { endEventOf } from "./dossier-clock.ts";
import { isOnline } from "./channels.ts";
import { type Period, periodBounds } from "./period.ts";
import { type ComputedId, computedEntry, SOURCE_DESCRIPTION } from "./quality-catalog.ts";
import { type End766, inPeriod766, onTime766, processingEnd766, type Score, scoreOf } from "./quality-rules.ts";
import { ratio, type Ratio } from "./ratio.ts";
import { inScope, type UnitScope } from "./results.ts";

/** Working minutes between two instants on the unit's calendar (injected: figures stay pure). */
export type WorkingMinutes = (from: Date, to: Date) => number;

export interface QualityQuery extends Period {
  scope?: UnitScope;
  workingMinutes: WorkingMinutes;
  /** Minutes in one working day (default 450 = 7.5 h, CONTRACTS.md §5). */
  minutesPerDay?: number;
  /** Dossiers with a PAKN or a "không hài lòng" rating in the period (5.4). */
  complaintCodes?: Iterable<string>;
}

interface Described {
  id: ComputedId;
  /** Section of the description ("2.1"). */
  code: string;
  name: string;
  formula: string;
  /** "Mô tả công thức tính chỉ số 766, mục 2.1". */
  source: string;
}

export interface RateIndicator extends Ratio, Described {
  kind: "rate";
  numeratorCodes: string[];
  denominatorCodes: string[];
  /** Points by the description's threshold rule, where it gives one. */
  score?: Score;
}

/** 2.2 for one procedure (the description shows 2.2 per procedure: "chỉ hiển thị khi chọn 1 TTHC cụ thể"). */
export interface ProcedureAverage {
  procedure: string;
  count: number;
  totalDays: number;
  value: number;
}

export interface AverageIndicator extends Described {
  kind: "average";
  unit: "working days";
  /** Average in working days; null without any finished dossier. */
  value: number | null;
  count: number;
  totalDays: number;
  codes: string[];
  /** Per procedure code, in code order. */
  byProcedure: ProcedureAverage[];
}

/** Sums of 2.2 over the scope and per procedure (shared with the SQL version, which streams its rows). */
export class ProcessingTotals {
  count = 0;
  totalDays = 0;
  private readonly procedures = new Map<string, { count: number; totalDays: number }>();

  add(procedure: string, days: number): void {
    this.addSum(procedure, 1, days);
  }

  /** `count` dossiers of one procedure taking `days` together (the counted version sums them in SQL). */
  addSum(procedure: string, count: number, days: number): void {
    this.count += count;
    this.totalDays += days;
    const p = this.procedures.get(procedure) ?? { count: 0, totalDays: 0 };
    p.count += count;
    p.totalDays += days;
    this.procedures.set(procedure, p);
  }

  indicator(codes: string[]): AverageIndicator {
    const byProcedure = [...this.procedures]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([procedure, p]) => ({ procedure, ...p, value: p.totalDays / p.count }));
    return {
      kind: "average",
      ...describe("average-processing-days"),
      unit: "working days",
      value: this.count === 0 ? null : this.totalDays / this.count,
      count: this.count,
      totalDays: this.totalDays,
      codes,
      byProcedure,
    };
  }
}

export type QualityIndicator = RateIndicator | AverageIndicator;

/** Id, section, name, formula and source of a computed indicator (shared with the SQL version). */
export function describe(id: ComputedId): Described {
  const e = computedEntry(id);
  return { id, code: e.code, name: e.title, formula: e.formula, source: `${SOURCE_DESCRIPTION}, mục ${e.code}` };
}

/** A rate indicator from its counts and codes, scored by its catalogue rule. */
export function rateIndicator(
  id: ComputedId,
  counts: { numerator: number; denominator: number },
  numeratorCodes: string[],
  denominatorCodes: string[],
): RateIndicator {
  const r = ratio(counts.numerator, counts.denominator);
  const rule = computedEntry(id).scoring;
  return {
    kind: "rate",
    ...describe(id),
    ...r,
    numeratorCodes,
    denominatorCodes,
    ...(rule ? { score: scoreOf(r.value, rule) } : {}),
  };
}

function rate(id: ComputedId, num: string[], den: string[]): RateIndicator {
  return rateIndicator(id, { numerator: num.length, denominator: den.length }, num, den);
}

/** Working time from receipt to the end, minus the working time spent awaiting supplements. */
export function processingMinutes(d: DossierRecord, finishedAt: Date, workingMinutes: WorkingMinutes): number {
  let total = workingMinutes(d.receivedAt!, finishedAt);
  let pausedSince: Date | undefined;
  for (const e of d.events) {
    if (e.at >= finishedAt) break;
    if (e.type === "supplement_requested" && !pausedSince) pausedSince = e.at;
    else if (e.type === "supplement_received" && pausedSince) {
      total -= workingMinutes(pausedSince, e.at);
      pausedSince = undefined;
    }
  }
  if (pausedSince) total -= workingMinutes(pausedSince, finishedAt);
  return total;
}

/** 2.2's completed dossier: "Đã xử lý xong" or "Đã trả kết quả" (not declined), at any time. */
export function completedAt(d: DossierRecord): Date | undefined {
  const ending = endEventOf(d);
  return ending && (ending.event.type === "resolved" || ending.event.type === "returned") ? ending.at : undefined;
}

export function qualityIndicators(dossiers: Iterable<DossierRecord>, query: QualityQuery): QualityIndicator[] {
  const { start, end } = periodBounds(query);
  const received: DossierRecord[] = [];
  const handled: { dossier: DossierRecord; end: End766 }[] = [];
  const completed: { dossier: DossierRecord; at: Date }[] = [];
  for (const d of dossiers) {
    if (d.receivedAt === null || !inScope(query.scope, d.unit.code)) continue;
    const ending = processingEnd766(d, end);
    if (inPeriod766(ending, start)) handled.push({ dossier: d, end: ending });
    if (d.receivedAt < start || d.receivedAt >= end) continue;
    received.push(d);
    const at = completedAt(d);
    if (at) completed.push({ dossier: d, at });
  }
  const codes = (list: DossierRecord[]) => list.map((d) => d.code);
  const handledCodes = handled.map((h) => h.dossier.code);
  const onTime = handled.filter((h) => onTime766(h.dossier, h.end)).map((h) => h.dossier.code);
  const complaints = new Set(query.complaintCodes ?? []);
  const withFee = received.filter((d) => (d.fee?.amount ?? 0) > 0);
  return [
    rate("on-time-766", onTime, handledCodes),
    averageProcessing(completed, query),
    rate("online-rate", codes(received.filter((d) => isOnline(d.channel))), codes(received)),
    rate("online-payment-rate", codes(withFee.filter((d) => d.fee?.paidOnline === true)), codes(withFee)),
    rate("e-result-rate", codes(received.filter((d) => d.eResult === true)), codes(received)),
    rate("digitization-rate", codes(received.filter((d) => d.digitized === true)), codes(received)),
    rate(
      "satisfaction-rate",
      onTime.filter((c) => !complaints.has(c)),
      handledCodes,
    ),
  ];
}

function averageProcessing(completed: { dossier: DossierRecord; at: Date }[], query: QualityQuery): AverageIndicator {
  const perDay = query.minutesPerDay ?? 450;
  const totals = new ProcessingTotals();
  for (const f of completed)
    totals.add(f.dossier.procedure.code, processingMinutes(f.dossier, f.at, query.workingMinutes) / perDay);
  return totals.indicator(completed.map((f) => f.dossier.code));
}
