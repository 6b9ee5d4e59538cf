// Late dossiers by unit, with and without an apology letter (seed 002's footnote: 21 late, 14 letters),
// and the overdue list at an instant (danh sách hồ sơ quá hạn).
import { apologyTimely } from "../dossier/apology.ts";
import type { DossierRecord } from "../dossier/record.ts";
import { isOverdueAt, timeliness } from "./classify.ts";
import { deadlineInForce, endEventOf } from "./dossier-clock.ts";
import { compareVietnamese } from "./grouping.ts";
import { type Period, periodBounds } from "./period.ts";
import { inScope, type UnitScope } from "./results.ts";

/** Which unit a late dossier is charged to: the receiving unit, or the last unit it was transferred to. */
export type LateUnitBasis = "receiving" | "handling";

export interface LateQuery extends Period {
  scope?: UnitScope;
  basis?: LateUnitBasis;
}

export interface LateByUnitRow {
  unit: string;
  late: number;
  withApology: number;
  /** late − withApology: no timely apology (a late apology does not count). */
  withoutApology: number;
  /** Of withoutApology: an apology was recorded, but on or after the due date (thư xin lỗi muộn). */
  lateApology: number;
  lateCodes: string[];
  withoutApologyCodes: string[];
  lateApologyCodes: string[];
}

export interface LateByUnitReport {
  report: "late";
  from: string;
  to: string;
  rows: LateByUnitRow[];
  total: LateByUnitRow;
}

/** The unit holding the dossier at `at`: the `toUnit` of its last transfer before `at`, else the receiving unit. */
export function handlingUnitAt(dossier: DossierRecord, at: Date): string {
  let unit = dossier.unit.code;
  for (const e of dossier.events) {
    if (e.at > at) break;
    if (e.type === "transferred" && e.toUnit) unit = e.toUnit;
  }
  return unit;
}

/**
 * An apology letter in time: an `extended` event with apology:true whose local date is at least one calendar day
 * before the local date of the appointment the applicant held when it was written (the deadline in force then:
 * the receipt's appointment, or the one issued when a supplement was received; Decree 61/2018 art. 19(2)(d),
 * dossier/apology.ts). Extensions never move that original appointment.
 */
export function hasTimelyApology(dossier: DossierRecord): boolean {
  return dossier.events.some(
    (e) => e.type === "extended" && e.apology === true && apologyTimely(e.at, deadlineInForce(dossier, e.at)),
  );
}

/** An apology was recorded, but none in time (on or after the due date): a late apology. */
export function hasOnlyLateApology(dossier: DossierRecord): boolean {
  return !hasTimelyApology(dossier) && dossier.events.some((e) => e.type === "extended" && e.apology === true);
}

/** Dossiers finished late (finishedLate of CONTRACTS §3) in the period, by unit, split by apology. */
export function lateByUnit(dossiers: Iterable<DossierRecord>, query: LateQuery): LateByUnitReport {
  const { start, end } = periodBounds(query);
  const rows = new Map<string, LateByUnitRow>();
  const total = emptyRow("total");
  for (const d of dossiers) {
    if (!inScope(query.scope, d.unit.code)) continue;
    const ending = endEventOf(d);
    if (ending?.kind !== "finished" || ending.at < start || ending.at >= end) continue;
    if (timeliness(ending.at, deadlineInForce(d, ending.at)) !== "finishedLate") continue;
    const unit = query.basis === "handling" ? handlingUnitAt(d, ending.at) : d.unit.code;
    let row = rows.get(unit);
    if (!row) {
      row = emptyRow(unit);
      rows.set(unit, row);
    }
    const apology = hasTimelyApology(d) ? "timely" : hasOnlyLateApology(d) ? "late" : "none";
    for (const r of [row, total]) addLate(r, d.code, apology);
  }
  const sorted = [...rows.values()].sort((a, b) => compareVietnamese(a.unit, b.unit));
  return { report: "late", from: query.from, to: query.to, rows: sorted, total };
}

function emptyRow(unit: string): LateByUnitRow {
  return {
    unit,
    late: 0,
    withApology: 0,
    withoutApology: 0,
    lateApology: 0,
    lateCodes: [],
    withoutApologyCodes: [],
    lateApologyCodes: [],
  };
}

function addLate(row: LateByUnitRow, code: string, apology: "timely" | "late" | "none"): void {
  row.late += 1;
  row.lateCodes.push(code);
  if (apology === "timely") {
    row.withApology += 1;
    return;
  }
  row.withoutApology += 1;
  row.withoutApologyCodes.push(code);
  if (apology === "late") {
    row.lateApology += 1;
    row.lateApologyCodes.push(code);
  }
}

export interface OverdueEntry {
  code: string;
  unit: string;
  procedure: string;
  receivedAt: Date;
  /** The deadline in force at the instant. */
  dueAt: Date;
  /** Milliseconds past the deadline at the instant. */
  overdueMs: number;
}

/**
 * Dossiers open and overdue at `at` (received before it, no end event before it, not paused by a pause that
 * counts, past the deadline in force) — at a period's end, exactly the openOverdue cell. Most overdue first.
 */
export function overdueAt(dossiers: Iterable<DossierRecord>, at: Date, scope?: UnitScope): OverdueEntry[] {
  const list: OverdueEntry[] = [];
  for (const d of dossiers) {
    if (d.receivedAt === null || d.receivedAt >= at || !inScope(scope, d.unit.code)) continue;
    const ending = endEventOf(d);
    if ((ending && ending.at < at) || !isOverdueAt(d, at)) continue;
    const dueAt = deadlineInForce(d, at)!;
    list.push({
      code: d.code,
      unit: d.unit.code,
      procedure: d.procedure.code,
      receivedAt: d.receivedAt,
      dueAt,
      overdueMs: at.getTime() - dueAt.getTime(),
    });
  }
  return list.sort((a, b) => b.overdueMs - a.overdueMs || (a.code < b.code ? -1 : 1));
}
