// When an apology for a late dossier is timely (thư/văn bản xin lỗi, gia hạn), by the decree in force on its date.
// Pure: local dates only (Asia/Ho_Chi_Minh), no calendar of working days — the rule counts calendar days.
import { localDate } from "../calendar/local-time.ts";

/** The day Decree 118/2025/NĐ-CP replaced Decree 61/2018/NĐ-CP (and its amendment, Decree 107/2021/NĐ-CP). */
export const DECREE_118_FROM = "2025-07-01";

export interface ApologyRule {
  /** The legal source, for documents and the screens. */
  source: string;
  /** Calendar days the apology's local date must precede the deadline's local date by. */
  daysBefore: number;
}

/**
 * The rule in force on a local date. Decree 61/2018/NĐ-CP, art. 19(2)(d) (late dossiers): the competent body
 * notifies the one-stop office and sends the applicant the apology with the new appointment "at the latest one
 * day before the due date", and the appointment is renewed at most once. From 1 July 2025 Decree 118/2025/NĐ-CP
 * governs; its article on resolving procedures is taken to keep the same one-day rule: its official text could
 * not be retrieved here to quote (docs/lifecycle.md says so), so both sides carry the same numbers and the tests
 * pin them on both sides of the date.
 */
export function apologyRuleOn(date: string): ApologyRule {
  return date < DECREE_118_FROM
    ? { source: "Nghị định 61/2018/NĐ-CP, Điều 19 khoản 2 điểm d", daysBefore: 1 }
    : { source: "Nghị định 118/2025/NĐ-CP (điều về giải quyết hồ sơ TTHC)", daysBefore: 1 };
}

const DAY_MS = 86_400_000;

/** The local date `days` calendar days before the local date of `at`. */
function localDateBefore(at: Date, days: number): string {
  const [y, m, d] = localDate(at).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The apology dated `at` is timely for the deadline in force `deadline`: its local date is at least the rule's
 * number of calendar days before the deadline's local date (so an apology on the due date itself, even before the
 * due hour, is late). A dossier without an appointment is never late, so any apology is timely.
 */
export function apologyTimely(at: Date, deadline: Date | null): boolean {
  if (deadline === null) return true;
  const rule = apologyRuleOn(localDate(at));
  return localDate(at) <= localDateBefore(deadline, rule.daysBefore);
}
