// The clock of one dossier read from its event log (CONTRACTS.md §3 "Definitions"): its end event, the
// deadline in force at an instant, and whether it is paused at an instant. Pure; no calendar needed,
// because every new appointment is carried by the events themselves.
import type { DossierEvent, DossierRecord } from "../dossier/record.ts";

/** How a dossier left the count of open dossiers. */
export type EndKind = "finished" | "withdrawn" | "stopped";

export interface EndEvent {
  kind: EndKind;
  at: Date;
  event: DossierEvent;
}

/**
 * The first of `resolved`, `declined` (or `returned` when the dossier has neither), `withdrawn`, `stopped`.
 * A `declined` end is `finished` (timed like `resolved`); its event type tells it apart.
 * Undefined while the dossier is open, and for a dossier refused at intake.
 */
export function endEventOf(dossier: DossierRecord): EndEvent | undefined {
  if (dossier.receivedAt === null) return undefined;
  const hasResolved = dossier.events.some((e) => e.type === "resolved" || e.type === "declined");
  for (const event of dossier.events) {
    const kind = endKindOf(event, hasResolved);
    if (kind) return { kind, at: event.at, event };
  }
  return undefined;
}

function endKindOf(event: DossierEvent, hasResolved: boolean): EndKind | undefined {
  switch (event.type) {
    case "resolved":
    case "declined":
      return "finished";
    case "returned":
      return hasResolved ? undefined : "finished";
    case "withdrawn":
      return "withdrawn";
    case "stopped":
      return "stopped";
    default:
      return undefined;
  }
}

/**
 * The appointment of receipt, replaced by the `dueAt` of each `supplement_received` strictly before `at`
 * (hạn trả kết quả đang có hiệu lực). `extended` never replaces it. Null when the dossier has no appointment.
 */
export function deadlineInForce(dossier: DossierRecord, at: Date): Date | null {
  let deadline = dossier.dueAt;
  for (const event of dossier.events) {
    if (event.at >= at) break;
    if (event.type === "supplement_received" && event.dueAt) deadline = event.dueAt;
  }
  return deadline;
}

/**
 * True if the dossier is awaiting a supplement at `at` (its last `supplement_requested` before `at` has no
 * `supplement_received` after it and before `at`) and that pause counts: the request was made at or before
 * the deadline in force when it was made (a request after the deadline does not stop an overdue clock).
 */
export function isPausedAndCounting(dossier: DossierRecord, at: Date): boolean {
  let request: DossierEvent | undefined;
  for (const event of dossier.events) {
    if (event.at >= at) break;
    if (event.type === "supplement_requested") request = event;
    else if (event.type === "supplement_received") request = undefined;
  }
  if (!request) return false;
  const deadline = deadlineInForce(dossier, request.at);
  return deadline === null || request.at <= deadline;
}

/** Counts the supplement requests (yêu cầu bổ sung) made strictly before `at`. */
export function supplementRequestsBefore(dossier: DossierRecord, at: Date): number {
  return dossier.events.filter((e) => e.type === "supplement_requested" && e.at < at).length;
}
