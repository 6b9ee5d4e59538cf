// The one object every number of a periodic CCHC report comes from: the 01b sheet and the results report by
// field, both computed for the same unit subtree and period. The text's figures are named values of it
// (reportFigures), the appendices are drawn from the same sheet and results: a number stated twice is one
// computation (CONTRACTS.md §6).
import { countText } from "../../documents/vn-format.ts";
import type { ResultCounts } from "../../figures/results-fields.ts";
import type { SheetDocument } from "../sheet/sheet.ts";
import type { ProceduresByLevel, RecordAppendices } from "./appendix-specs.ts";

export interface ReportInputs {
  sheet: SheetDocument;
  results: { rows: readonly ({ key: string } & ResultCounts)[]; total: { key: string } & ResultCounts };
  /** Procedures in force by competent level (Phụ lục 2), from the same catalogue read as the sheet. */
  procedures?: ProceduresByLevel;
  /** Phụ lục 1, 3 and 5 as the reform records compute them. */
  records?: RecordAppendices;
}

/** Named figures of the report text; null where nothing is recorded. */
export type ReportFigures = Record<string, number | null>;

/** Sheet codes under the names the template uses (the 01b code itself is also a name: {1.1.1}). */
const SHEET_NAMES: Record<string, string> = {
  tasksPlanned: "1.1.1",
  tasksDone: "1.1.2",
  directives: "1.1.3",
  inspected: "1.2.1",
  issuesFound: "1.2.2",
  issuesResolved: "1.2.3",
  tasksAssigned: "1.3.1",
  tasksAssignedOnTime: "1.3.2",
  tasksAssignedLate: "1.3.3",
  surveyForms: "1.4.1",
  legalIssued: "2.1",
  legalChecked: "2.2",
  legalReviewed: "2.3",
  legalProposed: "2.4",
  legalHandled: "2.5",
  proceduresPublished: "3.1.1",
  proceduresRepealed: "3.1.2",
  proceduresInForce: "3.1.3",
  proceduresOneStop: "3.2.1",
  proceduresSameLevel: "3.2.2",
  proceduresAcrossLevels: "3.2.3",
  proceduresBoundaryFree: "3.2.6",
  received: "3.3.1",
  direct: "3.3.1.direct",
  postal: "3.3.1.postal",
  onlinePartial: "3.3.1.onlinePartial",
  onlineFull: "3.3.1.onlineFull",
  onTimeOrEarly: "3.3.2",
  landOnTime: "3.3.3",
  constructionOnTime: "3.3.4",
  onlinePayment: "3.4.3",
  apologies: "3.5",
  staffQuota: "4.1.1",
  staffPresent: "4.1.2",
  staffCut: "4.1.3",
  leadersDisciplined: "5.4.5",
  officialsDisciplined: "5.4.6",
  documentsSent: "7.2.3",
  documentsElectronic: "7.2.3.electronic",
  servicesPartial: "7.5.1",
  servicesFull: "7.5.2",
};

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

/** Every named figure of the report: the sheet's rows by code and by name, and the results' totals. */
export function reportFigures(inputs: ReportInputs): ReportFigures {
  const figures: ReportFigures = {};
  for (const row of inputs.sheet.rows) figures[row.code] = row.value;
  for (const [name, code] of Object.entries(SHEET_NAMES)) figures[name] = figures[code] ?? null;
  const t = inputs.results.total;
  const finished = t.finishedEarly + t.finishedOnTime + t.finishedLate;
  Object.assign(figures, {
    carriedOver: t.carriedOver,
    receivedSaturday: t.receivedSaturday,
    online: t.receivedOnlinePartial + t.receivedOnlineFull,
    onlineRate: rate(t.receivedOnlinePartial + t.receivedOnlineFull, t.received),
    onlineFullRate: rate(t.receivedOnlineFull, t.received),
    finished,
    finishedEarly: t.finishedEarly,
    finishedOnTime: t.finishedOnTime,
    finishedLate: t.finishedLate,
    onTimeRate: rate(t.finishedEarly + t.finishedOnTime, finished),
    withdrawnOrStopped: t.withdrawn + t.stopped,
    open: t.openWithinDeadline + t.openOverdue,
    openWithinDeadline: t.openWithinDeadline,
    openOverdue: t.openOverdue,
    refusedAtIntake: t.refusedAtIntake,
    fields: inputs.results.rows.length,
  });
  return figures;
}

/** A figure as the text prints it: "1.234" for counts, "96,43" for rates, "chưa có số liệu" for null. */
export function figureText(value: number | null | undefined): string {
  if (value === null || value === undefined) return "(chưa có số liệu)";
  return Number.isInteger(value) ? countText(value) : String(value).replace(".", ",");
}

export class UnknownFigureError extends Error {
  override name = "UnknownFigureError";
  readonly code = "unknown-figure";
}

const PLACEHOLDER = /\{([A-Za-z0-9.]+)\}/g;

/** Replaces each {name} by its figure; an unknown name is an error (a template cannot print a figure nobody computed). */
export function fillText(text: string, figures: ReportFigures): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in figures)) throw new UnknownFigureError(`Mẫu báo cáo dùng số liệu không có: {${name}}`);
    return figureText(figures[name]);
  });
}

/** The figure names a text uses, in order. */
export function figuresUsed(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
