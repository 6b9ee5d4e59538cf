// Timeliness of a dossier against its deadline in force (DOMAIN.md §4, CONTRACTS.md §3).
import { localDate } from "./local-time.ts";

/**
 * early (trước hạn): finished on an earlier local calendar day than the deadline; on_time (đúng hạn): not early
 * and at or before the deadline instant; late (trễ hạn): after it.
 */
export function classifyFinished(finishedAt: Date, deadline: Date): "early" | "on_time" | "late" {
  if (localDate(finishedAt) < localDate(deadline)) return "early";
  return finishedAt.getTime() <= deadline.getTime() ? "on_time" : "late";
}

/** An open dossier at instant `at`: within the deadline (trong hạn) while at ≤ deadline, else overdue (quá hạn). */
export function classifyOpen(at: Date, deadline: Date): "within" | "overdue" {
  return at.getTime() <= deadline.getTime() ? "within" : "overdue";
}
