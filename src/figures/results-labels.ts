// Vietnamese labels of the results report's fields (results-fields.ts) as the screen shows them
// (web/src/components/ResultsTable.tsx: columns grouped under "Tiếp nhận", "Đã giải quyết", "Khác",
// "Đang giải quyết", groups in the order their first field appears). The CSV export's header uses them, in the
// screen's order; results-labels.test.ts checks both against the web table. A field without a label here
// still appears, under its JSON name, and fails that test.
import type { Grouping } from "./grouping.ts";
import { RESULT_FIELDS, type ResultField } from "./results-fields.ts";

export interface FieldLabel {
  label: string;
  group: "Tiếp nhận" | "Đã giải quyết" | "Khác" | "Đang giải quyết";
}

export const RESULT_FIELD_LABELS: Partial<Record<ResultField, FieldLabel>> & Record<string, FieldLabel | undefined> = {
  carriedOver: { label: "Kỳ trước chuyển qua", group: "Tiếp nhận" },
  received: { label: "Mới tiếp nhận", group: "Tiếp nhận" },
  receivedSaturday: { label: "Trong đó ngày thứ Bảy", group: "Tiếp nhận" },
  receivedDirect: { label: "Trực tiếp", group: "Tiếp nhận" },
  receivedPostal: { label: "Bưu chính", group: "Tiếp nhận" },
  receivedOnlinePartial: { label: "Trực tuyến một phần", group: "Tiếp nhận" },
  receivedOnlineFull: { label: "Trực tuyến toàn trình", group: "Tiếp nhận" },
  finishedEarly: { label: "Trước hạn", group: "Đã giải quyết" },
  finishedOnTime: { label: "Đúng hạn", group: "Đã giải quyết" },
  finishedLate: { label: "Trễ hạn", group: "Đã giải quyết" },
  withdrawn: { label: "Rút hồ sơ", group: "Khác" },
  stopped: { label: "Dừng xử lý", group: "Khác" },
  openWithinDeadline: { label: "Trong hạn", group: "Đang giải quyết" },
  openOverdue: { label: "Quá hạn", group: "Đang giải quyết" },
  refusedAtIntake: { label: "Từ chối tiếp nhận", group: "Khác" },
  declined: { label: "Trong đó trả lại hồ sơ (không đủ điều kiện)", group: "Đã giải quyết" },
};

/** The label of a field (its JSON name when it has none yet). */
export function labelOf(field: ResultField): string {
  return RESULT_FIELD_LABELS[field]?.label ?? field;
}

/** The report's fields in the screen's order: grouped, groups by their first field, fields in list order. */
export function screenOrder(fields: readonly ResultField[] = RESULT_FIELDS): ResultField[] {
  const groupOf = (f: ResultField) => RESULT_FIELD_LABELS[f]?.group ?? "Khác";
  const groups = [...new Set(fields.map(groupOf))];
  return [...fields].sort((a, b) => groups.indexOf(groupOf(a)) - groups.indexOf(groupOf(b)));
}

/** The label of the row-name column for each grouping (as the Excel export names it). */
export const KEY_COLUMN_LABELS: Record<Grouping, string> = {
  field: "Lĩnh vực",
  unit: "Đơn vị tiếp nhận",
  procedure: "Thủ tục hành chính",
  "field-level": "Lĩnh vực, cấp thẩm quyền",
};

export const TOTAL_LABEL = "Tổng cộng";
export const MANUAL_LABEL = "Có số liệu nhập tay";
