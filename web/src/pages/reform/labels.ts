// Vietnamese names of the reform records' lists (the server's src/reform/records/model.ts) and the fields of
// each register's form. Codes are the API's; labels are what officers read.

import {
  OUTPUT_KINDS as SERVER_OUTPUT_KINDS,
  PLAN_KINDS as SERVER_PLAN_KINDS,
  RECORD_KINDS as SERVER_RECORD_KINDS,
  REFORM_AREAS,
  TASK_KINDS as SERVER_TASK_KINDS,
  TASK_SOURCES as SERVER_TASK_SOURCES,
} from "../../../../src/reform/records/model.ts";

// the lists are the server's, stated once (src/reform/records/model.ts); typed loosely for lookups by API codes
export const PLAN_KINDS: Record<string, string> = SERVER_PLAN_KINDS;
export const AREAS: Record<string, string> = REFORM_AREAS;
export const OUTPUT_KINDS: Record<string, string> = SERVER_OUTPUT_KINDS;
export const TASK_KINDS: Record<string, string> = SERVER_TASK_KINDS;
export const TASK_SOURCES: Record<string, string> = SERVER_TASK_SOURCES;
export const RECORD_KINDS: Record<string, string> = SERVER_RECORD_KINDS;

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export type FieldType = "text" | "int" | "number" | "date" | { choices: Record<string, string> };
export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  optional?: boolean;
}

const f = (key: string, label: string, type: FieldType = "text", optional = false): FieldSpec => ({
  key,
  label,
  type,
  optional,
});

/** The data fields of each register (legal documents' dates are edited as one date per step). */
export const RECORD_FIELDS: Record<string, FieldSpec[]> = {
  directive: [f("number", "Số, ký hiệu"), f("title", "Trích yếu"), f("issuer", "Cơ quan ban hành", "text", true)],
  inspection: [
    f("subject", "Nội dung kiểm tra"),
    f("inspected", "Số bộ phận, công chức được kiểm tra", "int"),
    f("issuesFound", "Số vấn đề phát hiện", "int"),
    f("issuesResolved", "Số vấn đề đã xử lý xong", "int"),
  ],
  outreach: [
    f("form", "Hình thức", {
      choices: {
        meeting: "Lồng ghép hội nghị",
        loudspeaker: "Đài truyền thanh",
        website: "Trang thông tin điện tử",
        social: "Zalo, mạng xã hội",
        contest: "Cuộc thi",
        seminar: "Tọa đàm, hội thảo",
        stage: "Sân khấu hóa",
        poster: "Pa nô, áp phích, tờ rơi",
        other: "Hình thức khác",
      },
    }),
    f("title", "Nội dung"),
    f("count", "Số tin, bài, buổi", "int"),
    f("participants", "Số người tham dự", "int", true),
  ],
  initiative: [
    f("title", "Tên sáng kiến, mô hình"),
    f("decision", "Quyết định công nhận"),
    f("level", "Cấp công nhận", "text", true),
  ],
  survey: [
    f("forms", "Số phiếu khảo sát", "int"),
    f("method", "Hình thức khảo sát", { choices: { 0: "Trực tuyến", 1: "Phát phiếu", 2: "Kết hợp" } }),
    f("title", "Nội dung", "text", true),
  ],
  dialogue: [f("title", "Nội dung đối thoại"), f("participants", "Số người tham dự", "int", true)],
  legal_document: [
    f("number", "Số, ký hiệu"),
    f("title", "Trích yếu"),
    f("status", "Tình trạng", { choices: { issued: "Đã ban hành", drafted: "Tham mưu ban hành" } }),
    f("checkedOn", "Ngày tự kiểm tra", "date", true),
    f("reviewedOn", "Ngày rà soát", "date", true),
    f(
      "proposalKind",
      "Kiến nghị xử lý",
      {
        choices: {
          self_repeal: "Tự bãi bỏ",
          self_amend: "Tự sửa đổi",
          propose_higher: "Đề nghị cấp trên sửa đổi, bãi bỏ",
        },
      },
      true,
    ),
    f("proposalOn", "Ngày kiến nghị", "date", true),
    f("handledOn", "Ngày xử lý xong", "date", true),
  ],
  procedure_review: [
    f("reviewed", "Số TTHC được rà soát", "int"),
    f("selfRepealed", "Tự bãi bỏ", "int", true),
    f("selfAmended", "Tự sửa đổi", "int", true),
    f("proposedToHigher", "Đề nghị cấp trên sửa đổi, bãi bỏ", "int", true),
  ],
  staffing: [f("quota", "Biên chế được giao", "int"), f("present", "Biên chế có mặt", "int")],
  staff_cut: [f("people", "Số người tinh giản", "int"), f("decision", "Quyết định", "text", true)],
  qualification: [
    f("group", "Đối tượng", { choices: { cadre: "Cán bộ", civil_servant: "Công chức" } }),
    f("total", "Tổng số", "int"),
    f("meetingStandard", "Đạt chuẩn", "int"),
    f("postgraduate", "Sau đại học", "int", true),
    f("university", "Đại học", "int", true),
    f("college", "Cao đẳng", "int", true),
    f("intermediate", "Trung cấp", "int", true),
    f("elementary", "Sơ cấp", "int", true),
    f("untrained", "Chưa qua đào tạo", "int", true),
    f("politicalAdvanced", "Lý luận chính trị cao cấp", "int", true),
    f("politicalIntermediate", "Lý luận chính trị trung cấp", "int", true),
    f("politicalElementary", "Lý luận chính trị sơ cấp", "int", true),
  ],
  discipline: [
    f("level", "Đối tượng", { choices: { leader: "Lãnh đạo", civil_servant: "Công chức" } }),
    f("people", "Số người", "int"),
    f("form", "Hình thức kỷ luật", "text", true),
  ],
  training: [f("title", "Lớp, nội dung"), f("participants", "Số người tham gia", "int")],
  outgoing_documents: [
    f("total", "Tổng số văn bản đi", "int"),
    f("electronic", "Gửi hoàn toàn điện tử", "int"),
    f("withPaper", "Điện tử kèm bản giấy", "int", true),
  ],
  fact: [
    f("fact", "Chỉ tiêu", {
      choices: {
        spending_rules: "6.1 Quy chế chi tiêu nội bộ (0/1)",
        asset_rules: "6.2 Quy chế quản lý tài sản công (0/1)",
        video_conferencing: "7.1 Họp trực tuyến (0 chưa có, 1 hai cấp, 2 ba cấp)",
        document_system_connected: "7.2.1 Kết nối hệ thống quản lý văn bản (0/1)",
        one_stop_connected: "7.4.1 Kết nối một cửa điện tử cấp trên (0/1)",
        iso_maintained: "7.6 Duy trì ISO 9001 (0/1)",
        discipline_inspection: "5.4.2 Đơn vị được kiểm tra kỷ luật (số được kiểm tra / tổng số)",
        iso_procedures: "3.2.4 TTHC có quy trình ISO (số TTHC / tổng số)",
        results_published_portal: "3.4.1 Hồ sơ công khai kết quả trên Cổng DVC tỉnh",
        results_published_site: "3.4.2 Hồ sơ công khai kết quả trên trang của đơn vị",
      },
    }),
    f("value", "Giá trị", "number", true),
    f("numerator", "Số được tính", "int", true),
    f("denominator", "Tổng số", "int", true),
  ],
};

/** The API's data of a register's form values (legal documents: one date per step into lists). */
export function recordData(kind: string, values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS[kind] ?? []) {
    const v = values[field.key];
    if (v === undefined || v === null || v === "") continue;
    const numeric =
      field.type === "int" || field.type === "number" || (typeof field.type === "object" && /^\d+$/.test(String(v)));
    data[field.key] = numeric ? Number(v) : v;
  }
  if (kind === "legal_document") {
    const { checkedOn, reviewedOn, proposalKind, proposalOn, ...rest } = data;
    return {
      ...rest,
      checks: checkedOn ? [checkedOn] : [],
      reviews: reviewedOn ? [reviewedOn] : [],
      ...(proposalKind && proposalOn ? { proposal: { kind: proposalKind, on: proposalOn } } : {}),
    };
  }
  return data;
}

/** One line saying what a record holds. */
export function recordSummary(kind: string, data: Record<string, unknown>): string {
  const fields = RECORD_FIELDS[kind] ?? [];
  return fields
    .filter((fd) => data[fd.key] !== undefined && data[fd.key] !== null)
    .map((fd) => {
      const v = data[fd.key];
      const shown = typeof fd.type === "object" ? (fd.type.choices[String(v)] ?? String(v)) : String(v);
      return `${fd.label}: ${shown}`;
    })
    .join(" · ");
}
