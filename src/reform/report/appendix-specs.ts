// Seed 000's appendix system ("HỆ THỐNG PHỤ LỤC BÁO CÁO CCHC"): Phụ lục 1 plans and tasks done, 2 procedures
// by level, 3 legal documents and procedures reviewed by quarter, 5 officials' qualifications — as table specs
// drawn by src/documents. Phụ lục 1, 3 and 5 are computed by the reform records (src/reform/records/
// appendices.ts), Phụ lục 2 from the catalogue in force; Phụ lục 4 (results) is src/documents' own spec.
import type { TableSpec, Value } from "../../documents/grid.ts";
import { isoDateText } from "../../documents/vn-format.ts";
import type { Pl1Row, Pl3Row, Pl5Row } from "../records/appendices.ts";

export interface RecordAppendices {
  appendix1: Pl1Row[];
  appendix3: Pl3Row[];
  appendix5: Pl5Row[];
}

export type ProceduresByLevel = Record<"province" | "district" | "commune", number>;

const cell = (v: number | null): Value => (v === null ? "" : v);

export function plansSpec(rows: readonly Pl1Row[], period: string, note?: string): TableSpec {
  return {
    caption: ["Phụ lục 1", "KẾT QUẢ THỰC HIỆN CÁC KẾ HOẠCH"],
    note,
    header: [
      [
        { text: "TT" },
        { text: "Kế hoạch" },
        { text: "Thời gian ban hành" },
        { text: "Số nhiệm vụ trong kế hoạch" },
        { text: `Số nhiệm vụ hoàn thành theo kế hoạch đến ${period}` },
        { text: "Ghi chú" },
      ],
    ],
    columns: [{ width: 6 }, { width: 44, align: "left" }, { width: 14 }, { width: 12 }, { width: 16 }, { width: 10 }],
    body: rows.map((r) => [r.stt, r.plan, isoDateText(r.issuedOn), r.planned, r.done, ""]),
  };
}

/**
 * Phụ lục 2: procedures published on the unit's site and handled through the one-stop, by level. Every
 * procedure of the catalogue in force is published on motcua's public pages and received at the one-stop
 * desk, so both lines count the procedures in force (seed 000: 153 and 153, 100%).
 */
export function proceduresSpec(byLevel: ProceduresByLevel, note?: string): TableSpec {
  const total = byLevel.province + byLevel.district + byLevel.commune;
  const line = (n: number, label: string): Value[] => [
    n,
    label,
    total,
    cell(byLevel.province || null),
    cell(byLevel.district || null),
    cell(byLevel.commune || null),
    total === 0 ? "" : "100%",
    "",
  ];
  return {
    caption: ["Phụ lục 2", "SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH"],
    note,
    header: [
      [
        { text: "TT", rowSpan: 2 },
        { text: "Tiêu chí", rowSpan: 2 },
        { text: "Tổng số", rowSpan: 2 },
        { text: "Chia ra theo cấp hành chính", colSpan: 3 },
        { text: "Tỷ lệ % (so với tổng số TTHC trong bộ TTHC)", rowSpan: 2 },
        { text: "Ghi chú", rowSpan: 2 },
      ],
      [{ text: "Cơ quan, đơn vị cấp tỉnh" }, { text: "UBND cấp huyện" }, { text: "UBND cấp xã" }],
    ],
    columns: [
      { width: 5 },
      { width: 40, align: "left" },
      { width: 9 },
      { width: 10 },
      { width: 10 },
      { width: 10 },
      { width: 12 },
      { width: 8 },
    ],
    body: [
      line(1, "Số TTHC được công khai đầy đủ, đúng quy định trên trang thông tin điện tử của đơn vị"),
      line(2, "Số TTHC ở cơ quan, đơn vị được giải quyết theo cơ chế một cửa, một cửa liên thông"),
    ],
  };
}

export function legalSpec(rows: readonly Pl3Row[], note?: string): TableSpec {
  return {
    caption: ["Phụ lục 3", "SỐ LƯỢNG VỀ CẢI CÁCH THỂ CHẾ"],
    note,
    header: [
      [
        { text: "Nội dung", rowSpan: 2 },
        { text: "Năm trước", rowSpan: 2 },
        { text: "Năm báo cáo", colSpan: 5 },
      ],
      [{ text: "Quý I" }, { text: "Quý II" }, { text: "Quý III" }, { text: "Quý IV" }, { text: "Tổng" }],
    ],
    columns: [
      { width: 40, align: "left" },
      { width: 10 },
      { width: 8 },
      { width: 8 },
      { width: 8 },
      { width: 8 },
      { width: 8 },
    ],
    body: rows.map((r) => [r.label, r.previousYear, ...r.quarters.map(cell), r.total]),
  };
}

export function staffSpec(rows: readonly Pl5Row[], note?: string): TableSpec {
  return {
    caption: ["Phụ lục 5", "TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ VÀ CHUYÊN MÔN CỦA CÁN BỘ, CÔNG CHỨC"],
    note,
    header: [[{ text: "Nội dung" }, { text: "Năm trước" }, { text: "Năm báo cáo" }]],
    columns: [{ width: 50, align: "left" }, { width: 14 }, { width: 14 }],
    body: rows.map((r) => [r.label, cell(r.previousYear), cell(r.reportYear)]),
  };
}
