// Quality indicators of the national real-time index (Decision 766/QĐ-TTg) that the dossier log supports.
// Each carries its formula in Vietnamese and the codes of the dossiers behind its numbers. Timeliness here is
// the index's own rule (more than one supplement request counts as late), never the report's finishedLate.
import type { DossierRecord } from "../dossier/record.ts";
import { timeliness } from "./classify.ts";
import { deadlineInForce, endEventOf, supplementRequestsBefore } from "./dossier-clock.ts";
import { isOnline } from "./channels.ts";
import { type Period, periodBounds } from "./period.ts";
import { ratio, type Ratio } from "./ratio.ts";
import { inScope, type UnitScope } from "./results.ts";
import { POSITIVE_RATINGS, type RatingRecord } from "./satisfaction.ts";

/** Working minutes between two instants on the unit's calendar (injected: figures stay pure). */
export type WorkingMinutes = (from: Date, to: Date) => number;

export interface QualityQuery extends Period {
  scope?: UnitScope;
  workingMinutes: WorkingMinutes;
  /** Minutes in one working day (default 450 = 7.5 h, CONTRACTS.md §5). */
  minutesPerDay?: number;
  ratings?: Iterable<RatingRecord>;
}

export interface RateIndicator extends Ratio {
  kind: "rate";
  id: string;
  name: string;
  formula: string;
  numeratorCodes: string[];
  denominatorCodes: string[];
}

export interface AverageIndicator {
  kind: "average";
  id: string;
  name: string;
  formula: string;
  unit: "working days";
  /** Average in working days; null without any finished dossier. */
  value: number | null;
  count: number;
  totalDays: number;
  codes: string[];
}

export type QualityIndicator = RateIndicator | AverageIndicator;

/** Name and formula of each indicator (shared with the SQL version, src/db/repos/reports-quality.ts). */
export const INDICATOR_TEXT = {
  "on-time-766": {
    name: "Tỷ lệ hồ sơ giải quyết đúng hạn (theo Chỉ số 766)",
    formula:
      "Số hồ sơ giải quyết trước hạn và đúng hạn trong kỳ (không tính thời gian chờ bổ sung; hồ sơ yêu cầu bổ sung quá 01 lần tính là trễ hạn) / Tổng số hồ sơ đã giải quyết trong kỳ × 100%",
  },
  "average-processing-days": {
    name: "Thời gian giải quyết trung bình",
    formula:
      "Tổng thời gian giải quyết (ngày làm việc, từ khi tiếp nhận đến khi giải quyết xong, không tính thời gian chờ bổ sung) / Số hồ sơ đã giải quyết trong kỳ",
  },
  "online-rate": {
    name: "Tỷ lệ hồ sơ trực tuyến",
    formula:
      "Số hồ sơ tiếp nhận trực tuyến (một phần và toàn trình) trong kỳ / Tổng số hồ sơ tiếp nhận trong kỳ × 100%",
  },
  "online-payment-rate": {
    name: "Tỷ lệ hồ sơ thanh toán trực tuyến",
    formula:
      "Số hồ sơ có phí, lệ phí đã thanh toán trực tuyến / Tổng số hồ sơ tiếp nhận trong kỳ có phí, lệ phí × 100%",
  },
  "digitization-rate": {
    name: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết",
    formula:
      "Số hồ sơ đã giải quyết trong kỳ được số hóa thành phần hồ sơ và kết quả / Tổng số hồ sơ đã giải quyết trong kỳ × 100%",
  },
  "e-result-rate": {
    name: "Tỷ lệ hồ sơ có cấp kết quả điện tử",
    formula: "Số hồ sơ đã giải quyết trong kỳ có kết quả điện tử / Tổng số hồ sơ đã giải quyết trong kỳ × 100%",
  },
  "satisfaction-rate": {
    name: "Tỷ lệ hài lòng",
    formula: 'Số lượt đánh giá hài lòng (hoặc "đơn giản") / Tổng số lượt đánh giá × 100%',
  },
} as const satisfies Record<string, { name: string; formula: string }>;

interface Finished {
  dossier: DossierRecord;
  at: Date;
}

function rate(id: string, name: string, formula: string, num: string[], den: string[]): RateIndicator {
  return {
    kind: "rate",
    id,
    name,
    formula,
    ...ratio(num.length, den.length),
    numeratorCodes: num,
    denominatorCodes: den,
  };
}

/** On time by the index's rule: not late against the deadline in force, and at most one supplement request. */
export function onTimeBy766(d: DossierRecord, finishedAt: Date): boolean {
  if (supplementRequestsBefore(d, finishedAt) > 1) return false;
  return timeliness(finishedAt, deadlineInForce(d, finishedAt)) !== "finishedLate";
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

export function qualityIndicators(dossiers: Iterable<DossierRecord>, query: QualityQuery): QualityIndicator[] {
  const { start, end } = periodBounds(query);
  const received: DossierRecord[] = [];
  const finished: Finished[] = [];
  for (const d of dossiers) {
    if (d.receivedAt === null || !inScope(query.scope, d.unit.code)) continue;
    if (d.receivedAt >= start && d.receivedAt < end) received.push(d);
    const ending = endEventOf(d);
    if (ending?.kind === "finished" && ending.at >= start && ending.at < end)
      finished.push({ dossier: d, at: ending.at });
  }
  const codes = (list: DossierRecord[]) => list.map((d) => d.code);
  const finishedCodes = finished.map((f) => f.dossier.code);
  const withFee = received.filter((d) => (d.fee?.amount ?? 0) > 0);
  const indicators: QualityIndicator[] = [
    rate(
      "on-time-766",
      INDICATOR_TEXT["on-time-766"].name,
      INDICATOR_TEXT["on-time-766"].formula,
      finished.filter((f) => onTimeBy766(f.dossier, f.at)).map((f) => f.dossier.code),
      finishedCodes,
    ),
    averageProcessing(finished, query),
    rate(
      "online-rate",
      INDICATOR_TEXT["online-rate"].name,
      INDICATOR_TEXT["online-rate"].formula,
      codes(received.filter((d) => isOnline(d.channel))),
      codes(received),
    ),
    rate(
      "online-payment-rate",
      INDICATOR_TEXT["online-payment-rate"].name,
      INDICATOR_TEXT["online-payment-rate"].formula,
      codes(withFee.filter((d) => d.fee?.paidOnline === true)),
      codes(withFee),
    ),
    rate(
      "digitization-rate",
      INDICATOR_TEXT["digitization-rate"].name,
      INDICATOR_TEXT["digitization-rate"].formula,
      finished.filter((f) => f.dossier.digitized === true).map((f) => f.dossier.code),
      finishedCodes,
    ),
    rate(
      "e-result-rate",
      INDICATOR_TEXT["e-result-rate"].name,
      INDICATOR_TEXT["e-result-rate"].formula,
      finished.filter((f) => f.dossier.eResult === true).map((f) => f.dossier.code),
      finishedCodes,
    ),
  ];
  if (query.ratings) indicators.push(satisfactionIndicator([...query.ratings]));
  return indicators;
}

function averageProcessing(finished: Finished[], query: QualityQuery): AverageIndicator {
  const perDay = query.minutesPerDay ?? 450;
  const totalDays = finished.reduce(
    (sum, f) => sum + processingMinutes(f.dossier, f.at, query.workingMinutes) / perDay,
    0,
  );
  return {
    kind: "average",
    id: "average-processing-days",
    ...INDICATOR_TEXT["average-processing-days"],
    unit: "working days",
    value: finished.length === 0 ? null : totalDays / finished.length,
    count: finished.length,
    totalDays,
    codes: finished.map((f) => f.dossier.code),
  };
}

export function satisfactionIndicator(ratings: RatingRecord[]): RateIndicator {
  const codes = ratings.map((r, i) => r.dossierCode ?? `#${i + 1}`);
  return rate(
    "satisfaction-rate",
    INDICATOR_TEXT["satisfaction-rate"].name,
    INDICATOR_TEXT["satisfaction-rate"].formula,
    codes.filter((_, i) => POSITIVE_RATINGS.has(ratings[i]!.rating)),
    codes,
  );
}
