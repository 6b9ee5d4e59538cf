// Which cells of the results report one dossier counts in, for one period (CONTRACTS.md §3).
// The fold, the drill-down and the property tests all go through this one function.
import { localDate, localWeekday } from "../calendar/local-time.ts";
import type { DossierRecord } from "../dossier/record.ts";
import { deadlineInForce, endEventOf, isPausedAndCounting } from "./dossier-clock.ts";
import type { PeriodBounds } from "./period.ts";
import { CHANNEL_FIELD, type ResultField } from "./results-fields.ts";

const SATURDAY = 6;

/** The result columns a dossier counts in for the period; empty when it plays no part. */
export function classifyDossier(dossier: DossierRecord, bounds: PeriodBounds): ResultField[] {
  const { start, end } = bounds;
  const receivedAt = dossier.receivedAt;
  if (receivedAt === null) return refusedInPeriod(dossier, bounds) ? ["refusedAtIntake"] : [];
  if (receivedAt >= end) return [];
  const ending = endEventOf(dossier);
  if (ending && ending.at < start) return [];
  const fields: ResultField[] = [];
  if (receivedAt < start) fields.push("carriedOver");
  else fields.push(...receivedFields(dossier, receivedAt));
  if (ending && ending.at < end) {
    fields.push(endField(dossier, ending.kind, ending.at));
    // trả lại hồ sơ: finished by its timeliness, and also counted apart (not a term of the identity)
    if (ending.event.type === "declined") fields.push("declined");
  } else fields.push(openField(dossier, end));
  return fields;
}

function refusedInPeriod(dossier: DossierRecord, { start, end }: PeriodBounds): boolean {
  return dossier.events.some((e) => e.type === "refused" && e.at >= start && e.at < end);
}

function receivedFields(dossier: DossierRecord, receivedAt: Date): ResultField[] {
  const fields: ResultField[] = ["received", CHANNEL_FIELD[dossier.channel]];
  if (localWeekday(receivedAt) === SATURDAY) fields.push("receivedSaturday");
  return fields;
}

function endField(dossier: DossierRecord, kind: "finished" | "withdrawn" | "stopped", at: Date): ResultField {
  if (kind !== "finished") return kind;
  return timeliness(at, deadlineInForce(dossier, at));
}

/**
 * Trước hạn: finished on a local date before the deadline's; đúng hạn: not early, at or before the
 * deadline; trễ hạn: after it. A dossier without any appointment is never late (it counts as on time).
 */
export function timeliness(finishedAt: Date, deadline: Date | null): ResultField {
  if (deadline === null) return "finishedOnTime";
  if (localDate(finishedAt) < localDate(deadline)) return "finishedEarly";
  return finishedAt <= deadline ? "finishedOnTime" : "finishedLate";
}

/** Open at `at`: within the deadline if paused (a pause that counts) or `at` ≤ the deadline in force. */
export function openField(dossier: DossierRecord, at: Date): ResultField {
  return isOverdueAt(dossier, at) ? "openOverdue" : "openWithinDeadline";
}

/** An open dossier is overdue (quá hạn) at `at` unless paused-and-counting or `at` ≤ its deadline in force. */
export function isOverdueAt(dossier: DossierRecord, at: Date): boolean {
  if (isPausedAndCounting(dossier, at)) return false;
  const deadline = deadlineInForce(dossier, at);
  return deadline !== null && at > deadline;
}
