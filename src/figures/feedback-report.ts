// Phản ánh, kiến nghị (PAKN) answered in time: for a period, the feedback carried over (open at its start),
// received, answered (in time or late against its due date), open at its end (within or past the due date)
// and published, by unit or by topic. Identity of every row:
//   carriedOver + received = answered + openWithinDue + openOverdue
// because each item open at the start or received in the period is, at the end, either answered or open.
import { compareVietnamese } from "./grouping.ts";
import { type Period, periodBounds } from "./period.ts";
import { type Ratio, ratio } from "./ratio.ts";

/** What a feedback is about: a dossier, a procedure (without a dossier), or neither. */
export type FeedbackTopic = "dossier" | "procedure" | "other";
export const FEEDBACK_TOPICS: readonly FeedbackTopic[] = ["dossier", "procedure", "other"];
export const FEEDBACK_TOPIC_LABELS: Record<FeedbackTopic, string> = {
  dossier: "Về hồ sơ cụ thể",
  procedure: "Về thủ tục hành chính",
  other: "Khác",
};

export interface FeedbackRecord {
  id: number;
  unit: string;
  topic: FeedbackTopic;
  receivedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
  published: boolean;
}

export const FEEDBACK_FIELDS = [
  "carriedOver",
  "received",
  "answered",
  "answeredInTime",
  "answeredLate",
  "openWithinDue",
  "openOverdue",
  "published",
] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

export type FeedbackCounts = Record<FeedbackField, number>;

export interface FeedbackRow extends FeedbackCounts {
  key: string;
  label?: string;
  /** answeredInTime / answered. */
  inTimeRate: Ratio;
}

export type FeedbackGrouping = "unit" | "topic";

export interface FeedbackReport {
  report: "feedback";
  unit: string | null;
  from: string;
  to: string;
  by: FeedbackGrouping;
  rows: FeedbackRow[];
  total: FeedbackRow;
  /** The ids behind the figures a reader follows up: answered late, open past due at the end. */
  ids: { answeredLate: number[]; openOverdue: number[] };
  formulas: Record<FeedbackField | "inTimeRate" | "identity", string>;
}

export const FEEDBACK_FORMULAS: FeedbackReport["formulas"] = {
  carriedOver: "Phản ánh, kiến nghị nhận trước kỳ, chưa trả lời tại thời điểm đầu kỳ",
  received: "Phản ánh, kiến nghị tiếp nhận trong kỳ",
  answered: "Đã trả lời trong kỳ = trả lời đúng hạn + trả lời quá hạn",
  answeredInTime: "Trả lời trong kỳ, không muộn hơn hạn trả lời",
  answeredLate: "Trả lời trong kỳ, sau hạn trả lời",
  openWithinDue: "Chưa trả lời tại thời điểm cuối kỳ, còn trong hạn",
  openOverdue: "Chưa trả lời tại thời điểm cuối kỳ, đã quá hạn trả lời",
  published: "Đã trả lời trong kỳ và được công khai",
  inTimeRate: "Tỷ lệ trả lời đúng hạn = trả lời đúng hạn / đã trả lời trong kỳ",
  identity: "Kỳ trước chuyển sang + tiếp nhận trong kỳ = đã trả lời + chưa trả lời trong hạn + chưa trả lời quá hạn",
};

export const TOTAL_FEEDBACK_KEY = "total";

function zero(): FeedbackCounts {
  return Object.fromEntries(FEEDBACK_FIELDS.map((f) => [f, 0])) as FeedbackCounts;
}

/** The identity of a row: carried over + received = answered + open (within and past due). */
export function feedbackIdentityHolds(row: FeedbackCounts): boolean {
  return (
    row.carriedOver + row.received === row.answered + row.openWithinDue + row.openOverdue &&
    row.answered === row.answeredInTime + row.answeredLate &&
    row.published <= row.answered
  );
}

/** The fields an item adds to in the period; none when it plays no part (answered before, received after). */
export function classifyFeedback(item: FeedbackRecord, start: Date, end: Date): FeedbackField[] {
  if (item.receivedAt >= end) return [];
  if (item.answeredAt !== null && item.answeredAt < start) return [];
  const fields: FeedbackField[] = [item.receivedAt < start ? "carriedOver" : "received"];
  if (item.answeredAt !== null && item.answeredAt < end) {
    fields.push("answered", item.answeredAt <= item.dueAt ? "answeredInTime" : "answeredLate");
    if (item.published) fields.push("published");
  } else {
    fields.push(item.dueAt < end ? "openOverdue" : "openWithinDue");
  }
  return fields;
}

function rowOf(key: string, counts: FeedbackCounts, label?: string): FeedbackRow {
  return { key, ...(label ? { label } : {}), ...counts, inTimeRate: ratio(counts.answeredInTime, counts.answered) };
}

export function feedbackReport(
  items: Iterable<FeedbackRecord>,
  query: Period & { unit?: string | null; by?: FeedbackGrouping },
): FeedbackReport {
  const by = query.by ?? "unit";
  const { start, end } = periodBounds(query);
  const rows = new Map<string, FeedbackCounts>();
  const total = zero();
  const ids: FeedbackReport["ids"] = { answeredLate: [], openOverdue: [] };
  for (const item of items) {
    const fields = classifyFeedback(item, start, end);
    if (!fields.length) continue;
    const key = by === "unit" ? item.unit : item.topic;
    const row = rows.get(key) ?? zero();
    for (const f of fields) {
      row[f] += 1;
      total[f] += 1;
    }
    rows.set(key, row);
    if (fields.includes("answeredLate")) ids.answeredLate.push(item.id);
    if (fields.includes("openOverdue")) ids.openOverdue.push(item.id);
  }
  const keys = [...rows.keys()].sort(
    by === "topic"
      ? (a, b) => FEEDBACK_TOPICS.indexOf(a as FeedbackTopic) - FEEDBACK_TOPICS.indexOf(b as FeedbackTopic)
      : compareVietnamese,
  );
  ids.answeredLate.sort((a, b) => a - b);
  ids.openOverdue.sort((a, b) => a - b);
  return {
    report: "feedback",
    unit: query.unit ?? null,
    from: query.from,
    to: query.to,
    by,
    rows: keys.map((k) =>
      rowOf(k, rows.get(k)!, by === "topic" ? FEEDBACK_TOPIC_LABELS[k as FeedbackTopic] : undefined),
    ),
    total: rowOf(TOTAL_FEEDBACK_KEY, total),
    ids,
    formulas: FEEDBACK_FORMULAS,
  };
}
