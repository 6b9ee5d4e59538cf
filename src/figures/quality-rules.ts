// The rules of the Decision 766 description that need more than a filter (docs/figures.md, "Quality indicators"):
// the end of processing and the on-time test of 2.1, and the scoring note ("Đạt từ X% trở lên sẽ đạt điểm tối
// đa; dưới X%: tỷ lệ × Điểm tối đa / X%"). Pure: instants only, no calendar (2.1 compares instants).
import type { DossierRecord } from "../dossier/record.ts";
import { endEventOf } from "./dossier-clock.ts";
import type { ScoringRule } from "./quality-catalog.ts";

export type End766Kind =
  | "resolved"
  | "declined"
  | "returned"
  | "withdrawn"
  | "stopped"
  /** a single supplement request not answered: processing ends at the request */
  | "awaiting-supplement"
  /** no end before the period's end: processing ends at the period's end */
  | "open";

export interface End766 {
  /** Thời gian kết thúc xử lý, before the supplement wait is subtracted. */
  at: Date;
  kind: End766Kind;
  /** Supplement requests before the end (more than one: late). */
  requests: number;
  /** Thời gian bổ sung hồ sơ: from the (single) request to the supplement, in ms; 0 without one. */
  waitMs: number;
}

/**
 * 2.1's end of processing as the dossier stood at `periodEnd` (events from then on are ignored); undefined for a
 * dossier not received before it. Resolved or declined ("Đã xử lý xong") before returned ("Đã trả kết quả")
 * before stopped or withdrawn (endEventOf's order); an unanswered single supplement request ends processing at
 * the request unless the dossier was resolved or returned; with no end, the period's end.
 */
export function processingEnd766(d: DossierRecord, periodEnd: Date): End766 | undefined {
  if (d.receivedAt === null || d.receivedAt >= periodEnd) return undefined;
  const events = d.events.filter((e) => e.at < periodEnd);
  const ending = endEventOf({ ...d, events });
  const bound = ending?.at ?? periodEnd;
  let requests = 0;
  let requestAt: Date | undefined;
  let answeredAt: Date | undefined;
  for (const e of events) {
    if (e.at >= bound) break;
    if (e.type === "supplement_requested" && ++requests === 1) requestAt = e.at;
    else if (e.type === "supplement_received" && requestAt && !answeredAt) answeredAt = e.at;
  }
  const waitMs = requests === 1 && requestAt && answeredAt ? answeredAt.getTime() - requestAt.getTime() : 0;
  const endType = ending?.event.type;
  if (requests === 1 && requestAt && !answeredAt && endType !== "resolved" && endType !== "returned")
    return { at: requestAt, kind: "awaiting-supplement", requests, waitMs };
  if (ending) return { at: ending.at, kind: ending.event.type as End766Kind, requests, waitMs };
  return { at: periodEnd, kind: "open", requests, waitMs };
}

/** "Được tiếp nhận, xử lý trong kỳ": received before the period's end and processing not ended before its start. */
export function inPeriod766(end: End766 | undefined, periodStart: Date): end is End766 {
  return end !== undefined && end.at >= periodStart;
}

/**
 * Đúng hạn, trong hạn: at most one supplement request, and the end minus the supplement wait not after the
 * appointment of receipt (the wait is subtracted instead of the new appointment given with the supplement, which
 * would count it twice). Without an appointment: on time (no deadline to miss).
 */
export function onTime766(d: DossierRecord, end: End766): boolean {
  if (end.requests > 1) return false;
  if (d.dueAt === null) return true;
  return end.at.getTime() - end.waitMs <= d.dueAt.getTime();
}

export interface Score {
  threshold: number;
  maxPoints: number | null;
  /** Share of the maximum points earned, 0..1; null without a rate. */
  share: number | null;
  /** share × maxPoints; null when either is unknown. */
  points: number | null;
}

/** The description's scoring: full points from the threshold up, below it proportional (rate / threshold). */
export function scoreOf(value: number | null, rule: ScoringRule): Score {
  const share = value === null ? null : Math.min(1, Math.max(0, value) / rule.threshold);
  return {
    threshold: rule.threshold,
    maxPoints: rule.maxPoints,
    share,
    points: share === null || rule.maxPoints === null ? null : share * rule.maxPoints,
  };
}
