// The columns of the results report (CONTRACTS.md §3), in document order, and the aggregates a results
// document may also carry (§4). One place so the fold, the checker and the exports agree.
import type { Channel } from "../dossier/record.ts";

export const RESULT_FIELDS = [
  "carriedOver", // chưa giải quyết trước kỳ (kỳ trước chuyển qua)
  "received", // tiếp nhận trong kỳ
  "receivedSaturday", // trong đó tiếp nhận ngày thứ Bảy
  "receivedDirect", // trực tiếp
  "receivedPostal", // qua bưu chính công ích
  "receivedOnlinePartial", // trực tuyến một phần
  "receivedOnlineFull", // trực tuyến toàn trình
  "finishedEarly", // đã giải quyết trước hạn
  "finishedOnTime", // đúng hạn
  "finishedLate", // trễ hạn
  "withdrawn", // rút hồ sơ
  "stopped", // dừng xử lý
  "openWithinDeadline", // đang giải quyết trong hạn
  "openOverdue", // đang giải quyết quá hạn
  "refusedAtIntake", // từ chối tiếp nhận (ngoài đẳng thức)
  "declined", // trong số đã giải quyết: trả lại hồ sơ, không đủ điều kiện giải quyết (ngoài đẳng thức)
] as const;

export type ResultField = (typeof RESULT_FIELDS)[number];

/**
 * Fields a results document typed in by hand may leave out, standing for zero: `declined` came later (issue 13)
 * and is a part of finished, so a document without it still says everything the identity needs.
 */
export const OPTIONAL_RESULT_FIELDS: readonly ResultField[] = ["declined"];
export type ResultCounts = Record<ResultField, number>;

/** Aggregates a results document may carry (CONTRACTS.md §4). */
export const AGGREGATE_FIELDS = ["finished", "finishedOnTimeOrEarly", "open", "handled"] as const;
export type AggregateField = (typeof AGGREGATE_FIELDS)[number];

export type FigureField = ResultField | AggregateField;
export const FIGURE_FIELDS: readonly FigureField[] = [...RESULT_FIELDS, ...AGGREGATE_FIELDS];

export const CHANNEL_FIELD: Record<Channel, ResultField> = {
  direct: "receivedDirect",
  postal: "receivedPostal",
  online_partial: "receivedOnlinePartial",
  online_full: "receivedOnlineFull",
};

export function zeroCounts(): ResultCounts {
  return Object.fromEntries(RESULT_FIELDS.map((f) => [f, 0])) as ResultCounts;
}

/** carriedOver + received = finishedEarly + finishedOnTime + finishedLate + withdrawn + stopped + open. */
export const IDENTITY_LEFT: readonly ResultField[] = ["carriedOver", "received"];
export const IDENTITY_RIGHT: readonly ResultField[] = [
  "finishedEarly",
  "finishedOnTime",
  "finishedLate",
  "withdrawn",
  "stopped",
  "openWithinDeadline",
  "openOverdue",
];

export interface IdentityCheck {
  holds: boolean;
  left: number;
  right: number;
}

/** The identity of CONTRACTS.md §3 for one row of counts. */
export function checkIdentity(counts: ResultCounts): IdentityCheck {
  const left = IDENTITY_LEFT.reduce((sum, f) => sum + counts[f], 0);
  const right = IDENTITY_RIGHT.reduce((sum, f) => sum + counts[f], 0);
  return { holds: left === right, left, right };
}

/**
 * Throws when a row of a computed results document breaks the identity. The fold and the SQL both hold it by
 * construction (every dossier they count lands once on each side); a document that breaks it is a defect in
 * motcua, never figures to publish. Every report the application or the test suite computes passes here.
 */
export function assertIdentity(rows: Iterable<{ key: string } & ResultCounts>): void {
  for (const row of rows) {
    const identity = checkIdentity(row);
    if (!identity.holds) {
      throw new Error(
        `results identity broken in row ${row.key}: carriedOver + received = ${identity.left}, finished + withdrawn + stopped + open = ${identity.right}`,
      );
    }
  }
}
