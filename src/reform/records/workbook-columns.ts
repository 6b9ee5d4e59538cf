// The spreadsheet layout of the reform records (docs/reform-records.md "Import and export"): one sheet for
// plans, one for tasks, one per record kind; a column per field with a Vietnamese header. Lists take their
// code or their Vietnamese label (with or without diacritics). Pure: cells in, interchange items out, and back.
import { foldVietnamese } from "../../catalog/fold.ts";
import {
  FACTS,
  LEGAL_PROPOSALS,
  OUTPUT_KINDS,
  OUTREACH_FORMS,
  PLAN_KINDS,
  REFORM_AREAS,
  type RecordKind,
  SURVEY_METHODS,
  TASK_KINDS,
  TASK_SOURCES,
} from "./model.ts";

export type CellType =
  | "text"
  | "int"
  | "number"
  | "date"
  | "list"
  | "dates"
  | "evidence"
  | { choices: Record<string, string> };

export interface Column {
  /** Dotted path in the interchange item ("output.number", "data.issuesFound"). */
  key: string;
  header: string;
  type: CellType;
}

const col = (key: string, header: string, type: CellType = "text"): Column => ({ key, header, type });
const factLabels = Object.fromEntries(Object.entries(FACTS).map(([k, f]) => [k, `${f.code} ${f.label}`]));
const numericChoices = (o: Record<number, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v]));

export const PLAN_SHEET = "Kế hoạch";
export const TASK_SHEET = "Nhiệm vụ";
const EVIDENCE = col("evidence", "Tài liệu kiểm chứng (mã tệp#trang | …)", "evidence");
const NOTE = col("note", "Ghi chú");

export const PLAN_COLUMNS: Column[] = [
  col("unit", "Mã đơn vị"),
  col("kind", "Loại kế hoạch", { choices: PLAN_KINDS }),
  col("number", "Số, ký hiệu"),
  col("title", "Trích yếu"),
  col("issuedOn", "Ngày ban hành", "date"),
  col("issuer", "Cơ quan ban hành"),
  col("year", "Năm", "int"),
  col("periodFrom", "Thực hiện từ ngày", "date"),
  col("periodTo", "Thực hiện đến ngày", "date"),
  col("fileId", "Mã tệp kế hoạch"),
  EVIDENCE,
  NOTE,
];

/** Tasks name their plan by unit, number and (when the number repeats) its date. */
export const TASK_COLUMNS: Column[] = [
  col("unit", "Mã đơn vị"),
  col("planNumber", "Số kế hoạch"),
  col("planIssuedOn", "Ngày ban hành kế hoạch", "date"),
  col("ordinal", "STT", "int"),
  col("area", "Lĩnh vực", { choices: REFORM_AREAS }),
  col("content", "Nội dung nhiệm vụ"),
  col("outputKind", "Sản phẩm đầu ra", { choices: OUTPUT_KINDS }),
  col("lead", "Chủ trì"),
  col("supporting", "Phối hợp (cách nhau bởi ;)", "list"),
  col("deadline", "Thời hạn", "date"),
  col("kind", "Loại nhiệm vụ", { choices: TASK_KINDS }),
  col("source", "Nguồn nhiệm vụ", { choices: TASK_SOURCES }),
  col("progress", "Tiến độ (%)", "int"),
  col("completedOn", "Ngày hoàn thành", "date"),
  col("output.number", "Số, ký hiệu văn bản đầu ra"),
  col("output.date", "Ngày văn bản đầu ra", "date"),
  col("output.title", "Trích yếu văn bản đầu ra"),
  col("output.fileId", "Mã tệp văn bản đầu ra"),
  EVIDENCE,
  NOTE,
];

const d = (key: string, header: string, type: CellType = "text") => col(`data.${key}`, header, type);

/** Sheet name (≤ 31 characters, Excel's limit) and data columns of each record kind. */
export const RECORD_SHEETS: Record<RecordKind, { sheet: string; columns: Column[] }> = {
  directive: {
    sheet: "Văn bản chỉ đạo",
    columns: [d("number", "Số, ký hiệu"), d("title", "Trích yếu"), d("issuer", "Cơ quan ban hành")],
  },
  inspection: {
    sheet: "Kiểm tra",
    columns: [
      d("subject", "Nội dung kiểm tra"),
      d("inspected", "Số bộ phận, công chức được kiểm tra", "int"),
      d("issuesFound", "Số vấn đề phát hiện", "int"),
      d("issuesResolved", "Số vấn đề đã xử lý xong", "int"),
    ],
  },
  outreach: {
    sheet: "Tuyên truyền",
    columns: [
      d("form", "Hình thức", { choices: OUTREACH_FORMS }),
      d("title", "Nội dung"),
      d("count", "Số tin, bài, buổi", "int"),
      d("participants", "Số người tham dự", "int"),
    ],
  },
  initiative: {
    sheet: "Sáng kiến",
    columns: [d("title", "Tên sáng kiến, mô hình"), d("decision", "Quyết định công nhận"), d("level", "Cấp công nhận")],
  },
  survey: {
    sheet: "Khảo sát",
    columns: [
      d("forms", "Số phiếu khảo sát", "int"),
      d("method", "Hình thức khảo sát", { choices: numericChoices(SURVEY_METHODS) }),
      d("title", "Nội dung"),
    ],
  },
  dialogue: {
    sheet: "Đối thoại",
    columns: [d("title", "Nội dung đối thoại"), d("participants", "Số người tham dự", "int")],
  },
  legal_document: {
    sheet: "VBQPPL",
    columns: [
      d("number", "Số, ký hiệu"),
      d("title", "Trích yếu"),
      d("status", "Tình trạng", { choices: { issued: "Đã ban hành", drafted: "Tham mưu ban hành" } }),
      d("checks", "Ngày tự kiểm tra (cách nhau bởi ;)", "dates"),
      d("reviews", "Ngày rà soát (cách nhau bởi ;)", "dates"),
      d("proposal.kind", "Kiến nghị xử lý", { choices: LEGAL_PROPOSALS }),
      d("proposal.on", "Ngày kiến nghị", "date"),
      d("handledOn", "Ngày xử lý xong", "date"),
    ],
  },
  procedure_review: {
    sheet: "Rà soát TTHC",
    columns: [
      d("reviewed", "Số TTHC được rà soát", "int"),
      d("selfRepealed", "Tự bãi bỏ", "int"),
      d("selfAmended", "Tự sửa đổi", "int"),
      d("proposedToHigher", "Đề nghị cấp trên sửa đổi, bãi bỏ", "int"),
    ],
  },
  staffing: {
    sheet: "Biên chế",
    columns: [d("quota", "Biên chế được giao", "int"), d("present", "Biên chế có mặt", "int")],
  },
  staff_cut: {
    sheet: "Tinh giản",
    columns: [d("people", "Số người tinh giản", "int"), d("decision", "Quyết định")],
  },
  qualification: {
    sheet: "Trình độ",
    columns: [
      d("group", "Đối tượng", { choices: { cadre: "Cán bộ", civil_servant: "Công chức" } }),
      d("total", "Tổng số", "int"),
      d("meetingStandard", "Đạt chuẩn", "int"),
      d("postgraduate", "Sau đại học", "int"),
      d("university", "Đại học", "int"),
      d("college", "Cao đẳng", "int"),
      d("intermediate", "Trung cấp", "int"),
      d("elementary", "Sơ cấp", "int"),
      d("untrained", "Chưa qua đào tạo", "int"),
      d("politicalAdvanced", "LLCT cao cấp", "int"),
      d("politicalIntermediate", "LLCT trung cấp", "int"),
      d("politicalElementary", "LLCT sơ cấp", "int"),
    ],
  },
  discipline: {
    sheet: "Kỷ luật",
    columns: [
      d("level", "Đối tượng", { choices: { leader: "Lãnh đạo", civil_servant: "Công chức" } }),
      d("people", "Số người", "int"),
      d("form", "Hình thức kỷ luật"),
    ],
  },
  training: {
    sheet: "Đào tạo",
    columns: [d("title", "Lớp, nội dung"), d("participants", "Số người tham gia", "int")],
  },
  outgoing_documents: {
    sheet: "Văn bản đi",
    columns: [
      d("total", "Tổng số văn bản đi", "int"),
      d("electronic", "Gửi hoàn toàn điện tử", "int"),
      d("withPaper", "Điện tử kèm bản giấy", "int"),
    ],
  },
  fact: {
    sheet: "Chỉ tiêu có-không",
    columns: [
      d("fact", "Chỉ tiêu", { choices: factLabels }),
      d("value", "Giá trị", "number"),
      d("numerator", "Số được tính", "int"),
      d("denominator", "Tổng số", "int"),
    ],
  },
};

/** Columns of a record sheet: unit and date first, evidence and note last. */
export const recordColumns = (kind: RecordKind): Column[] => [
  col("unit", "Mã đơn vị"),
  col("on", "Ngày", "date"),
  ...RECORD_SHEETS[kind].columns,
  EVIDENCE,
  NOTE,
];

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the interchange value of its column; undefined for an empty cell; a string it cannot read stays. */
export function readCell(value: unknown, type: CellType): unknown {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    value = v.result ?? v.text ?? v.richText?.map((r) => r.text).join("") ?? String(value);
  }
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return undefined;
  if (type === "date") return readDate(value);
  if (type === "dates")
    return String(value)
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map(readDate);
  if (type === "list")
    return String(value)
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (type === "int" || type === "number") {
    const n = typeof value === "number" ? value : Number(String(value).trim().replace(",", "."));
    return Number.isFinite(n) ? n : String(value);
  }
  if (type === "evidence") return readEvidence(String(value));
  if (typeof type === "object") return readChoice(String(value).trim(), type.choices);
  return String(value).trim();
}

function readDate(value: unknown): unknown {
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const text = String(value).trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return vn ? `${vn[3]}-${pad(Number(vn[2]))}-${pad(Number(vn[1]))}` : text;
}

function readChoice(text: string, choices: Record<string, string>): unknown {
  if (text in choices) return /^\d+$/.test(text) ? Number(text) : text;
  const folded = foldVietnamese(text);
  const hit = Object.entries(choices).find(([, label]) => foldVietnamese(label) === folded);
  if (!hit) return text;
  return /^\d+$/.test(hit[0]) ? Number(hit[0]) : hit[0];
}

function readEvidence(text: string) {
  return text
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [fileId, pages] = part.split("#").map((s) => s.trim());
      return { fileId, ...(pages ? { pages } : {}) };
    });
}

/** The cell text of an interchange value (the inverse of readCell for what readCell accepts). */
export function writeCell(value: unknown, type: CellType): string | number | null {
  if (value === null || value === undefined) return null;
  if (type === "dates" || type === "list") return (value as string[]).join("; ") || null;
  if (type === "evidence") {
    const list = value as { fileId: string; pages?: string | null }[];
    return list.map((e) => (e.pages ? `${e.fileId}#${e.pages}` : e.fileId)).join(" | ") || null;
  }
  if (typeof type === "object") return type.choices[String(value)] ?? String(value);
  return typeof value === "number" ? value : String(value);
}

export function getPath(item: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), item);
}

export function setPath(item: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let o = item;
  for (const k of keys.slice(0, -1)) {
    o[k] ??= {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys.at(-1)!] = value;
}
