// The reform records (hồ sơ công tác CCHC) as plain data: plans and their tasks, and the dated records of the
// other kinds (directives, inspections, outreach, initiatives, surveys, dialogues, legal documents, staff,
// discipline, training, yes/no and count facts). Lists carry their Vietnamese labels; dates are local dates
// (YYYY-MM-DD), compared as strings.

/** Kế hoạch: the annual CCHC plan and its companions (seed 000 Phụ lục 1, seed 001 §I). */
export const PLAN_KINDS = {
  annual: "Kế hoạch CCHC năm",
  self_inspection: "Kế hoạch tự kiểm tra CCHC",
  propaganda: "Kế hoạch tuyên truyền CCHC",
  procedure_review: "Kế hoạch rà soát, đánh giá TTHC",
  procedure_control: "Kế hoạch kiểm soát TTHC",
  legal_check: "Kế hoạch tự kiểm tra và kiểm tra văn bản QPPL",
  legal_review: "Kế hoạch rà soát, hệ thống hóa văn bản QPPL",
  iso: "Kế hoạch duy trì, áp dụng ISO 9001 (mục tiêu chất lượng, đánh giá nội bộ)",
  discipline: "Kế hoạch tự kiểm tra kỷ luật, kỷ cương hành chính",
  index_improvement: "Kế hoạch nâng cao Chỉ số CCHC",
  digital_transformation: "Kế hoạch ứng dụng CNTT, chuyển đổi số",
  satisfaction: "Kế hoạch đo lường sự hài lòng",
  law_enforcement: "Kế hoạch theo dõi thi hành pháp luật",
  other: "Kế hoạch khác",
} as const;
export type PlanKind = keyof typeof PLAN_KINDS;

/** Lĩnh vực CCHC of a task: chỉ đạo điều hành and the six areas of Nghị quyết 76/NQ-CP. */
export const REFORM_AREAS = {
  direction: "Công tác chỉ đạo, điều hành",
  institution: "Cải cách thể chế",
  procedure: "Cải cách thủ tục hành chính",
  apparatus: "Cải cách tổ chức bộ máy",
  civil_service: "Cải cách chế độ công vụ",
  public_finance: "Cải cách tài chính công",
  digital: "Xây dựng chính quyền điện tử, chính quyền số",
} as const;
export type ReformArea = keyof typeof REFORM_AREAS;

/** Sản phẩm đầu ra: the kind of document that proves a task done. */
export const OUTPUT_KINDS = {
  plan: "Kế hoạch",
  report: "Báo cáo",
  decision: "Quyết định",
  dispatch: "Công văn",
  notice: "Thông báo",
  directive: "Chỉ thị",
  minutes: "Biên bản",
  regulation: "Quy chế, quy định",
  other: "Sản phẩm khác",
} as const;
export type OutputKind = keyof typeof OUTPUT_KINDS;

export const TASK_KINDS = { one_off: "Có thời hạn", recurring: "Thường xuyên" } as const;
export type TaskKind = keyof typeof TASK_KINDS;
export const TASK_SOURCES = { above: "Cấp trên giao", own: "Đơn vị tự đề ra" } as const;
export type TaskSource = keyof typeof TASK_SOURCES;

/** Hình thức tuyên truyền (index 1.4.2 scores the variety: seed 003 lost a point for no contest or seminar). */
export const OUTREACH_FORMS = {
  meeting: "Lồng ghép hội nghị",
  loudspeaker: "Đài truyền thanh",
  website: "Trang thông tin điện tử",
  social: "Zalo, mạng xã hội",
  contest: "Cuộc thi",
  seminar: "Tọa đàm, hội thảo",
  stage: "Sân khấu hóa",
  poster: "Pa nô, áp phích, tờ rơi",
  other: "Hình thức khác",
} as const;
export type OutreachForm = keyof typeof OUTREACH_FORMS;

/** Hình thức khảo sát, as 01b 1.4.2 codes it. */
export const SURVEY_METHODS = { 0: "Trực tuyến", 1: "Phát phiếu", 2: "Kết hợp" } as const;
export type SurveyMethod = 0 | 1 | 2;

export const RECORD_KINDS = {
  directive: "Văn bản chỉ đạo CCHC",
  inspection: "Kiểm tra CCHC",
  outreach: "Tuyên truyền CCHC",
  initiative: "Sáng kiến, mô hình được công nhận",
  survey: "Khảo sát sự hài lòng",
  dialogue: "Đối thoại với người dân, doanh nghiệp",
  legal_document: "Văn bản QPPL",
  procedure_review: "Rà soát TTHC",
  staffing: "Biên chế",
  staff_cut: "Tinh giản biên chế",
  qualification: "Trình độ cán bộ, công chức",
  discipline: "Xử lý kỷ luật",
  training: "Đào tạo, bồi dưỡng",
  outgoing_documents: "Văn bản đi điện tử",
  fact: "Chỉ tiêu có/không",
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

/** A file of the file store (migration 0002 `files`) cited as evidence, with the pages that prove the point. */
export interface Evidence {
  fileId: string;
  /** Page pointer: "3", "3-5", "2, 7-9". */
  pages?: string | null;
  note?: string | null;
}

export interface Plan {
  id?: number;
  unit: string;
  kind: PlanKind;
  /** Số, ký hiệu: "62/KH-UBND". */
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  /** The plan's own file: one file per plan (seed 003 lost points for plans merged in one file). */
  fileId?: string | null;
  evidence: Evidence[];
  note?: string | null;
}

/** Văn bản, sản phẩm đầu ra of a task. */
export interface OutputDocument {
  number: string;
  date: string;
  title?: string | null;
  fileId?: string | null;
}

export interface Task {
  id?: number;
  planId: number;
  /** STT in the plan. */
  ordinal: number;
  area: ReformArea;
  content: string;
  outputKind: OutputKind;
  lead: string;
  supporting: string[];
  deadline?: string | null;
  kind: TaskKind;
  source: TaskSource;
  /** 0–100. */
  progress: number;
  completedOn?: string | null;
  output?: OutputDocument | null;
  evidence: Evidence[];
  note?: string | null;
}

/** The data of each record kind (validated by schemas.ts, checked by rules.ts). */
export interface RecordData {
  directive: { number: string; title: string; issuer?: string | null };
  inspection: { subject: string; inspected: number; issuesFound: number; issuesResolved: number };
  outreach: { form: OutreachForm; title: string; count: number; participants?: number | null };
  initiative: { title: string; decision: string; level?: string | null };
  survey: { forms: number; method: SurveyMethod; title?: string | null };
  dialogue: { title: string; participants?: number | null };
  legal_document: {
    number: string;
    title: string;
    status: "issued" | "drafted";
    checks: string[];
    reviews: string[];
    proposal?: { kind: LegalProposalKind; on: string } | null;
    handledOn?: string | null;
  };
  procedure_review: { reviewed: number; selfRepealed: number; selfAmended: number; proposedToHigher: number };
  staffing: { quota: number; present: number };
  staff_cut: { people: number; decision?: string | null };
  qualification: Qualification;
  discipline: { level: "leader" | "civil_servant"; people: number; form?: string | null };
  training: { title: string; participants: number };
  outgoing_documents: { total: number; electronic: number; withPaper: number };
  fact: { fact: FactName; value?: number | null; numerator?: number | null; denominator?: number | null };
}

export const LEGAL_PROPOSALS = {
  self_repeal: "Tự bãi bỏ",
  self_amend: "Tự sửa đổi",
  propose_higher: "Đề nghị cấp trên sửa đổi hoặc bãi bỏ",
} as const;
export type LegalProposalKind = keyof typeof LEGAL_PROPOSALS;

/** Phụ lục 5: cán bộ or công chức of a unit at a date, by training level and political theory level. */
export interface Qualification {
  group: "cadre" | "civil_servant";
  total: number;
  meetingStandard: number;
  postgraduate: number;
  university: number;
  college: number;
  intermediate: number;
  elementary: number;
  untrained: number;
  politicalAdvanced?: number | null;
  politicalIntermediate?: number | null;
  politicalElementary?: number | null;
}

/**
 * Yes/no and count facts of 01b groups 3, 5, 6 and 7 that no other record yields. `state` facts hold from
 * their date until a later record (the latest on or before the period's end counts); `period` facts count
 * only within the period. `choice` takes one of `choices`; `share` is numerator ÷ denominator in %.
 */
export const FACTS = {
  spending_rules: { code: "6.1", label: "Quy chế chi tiêu nội bộ", type: "choice", choices: [0, 1], scope: "state" },
  asset_rules: { code: "6.2", label: "Quy chế quản lý tài sản công", type: "choice", choices: [0, 1], scope: "state" },
  video_conferencing: {
    code: "7.1",
    label: "Hệ thống họp trực tuyến (0 chưa có, 1 hai cấp, 2 ba cấp)",
    type: "choice",
    choices: [0, 1, 2],
    scope: "state",
  },
  document_system_connected: {
    code: "7.2.1",
    label: "Kết nối hệ thống quản lý văn bản điều hành",
    type: "choice",
    choices: [0, 1],
    scope: "state",
  },
  one_stop_connected: {
    code: "7.4.1",
    label: "Kết nối hệ thống một cửa điện tử cấp trên",
    type: "choice",
    choices: [0, 1],
    scope: "state",
  },
  iso_maintained: { code: "7.6", label: "Duy trì, áp dụng ISO 9001", type: "choice", choices: [0, 1], scope: "state" },
  discipline_inspection: {
    code: "5.4.2",
    label: "Đơn vị được kiểm tra kỷ luật, kỷ cương (số được kiểm tra / tổng số)",
    type: "share",
    choices: [],
    scope: "period",
  },
  iso_procedures: {
    code: "3.2.4",
    label: "TTHC có quy trình nội bộ ISO được phê duyệt (số TTHC / tổng số)",
    type: "share",
    choices: [],
    scope: "state",
  },
  results_published_portal: {
    code: "3.4.1",
    label: "Hồ sơ đã giải quyết công khai kết quả trên Cổng DVC tỉnh",
    type: "count",
    choices: [],
    scope: "period",
  },
  results_published_site: {
    code: "3.4.2",
    label: "Hồ sơ đã giải quyết công khai kết quả trên trang TTĐT của đơn vị",
    type: "count",
    choices: [],
    scope: "period",
  },
} as const satisfies Record<
  string,
  {
    code: string;
    label: string;
    type: "choice" | "share" | "count";
    choices: readonly number[];
    scope: "state" | "period";
  }
>;
export type FactName = keyof typeof FACTS;

export interface ReformRecord<K extends RecordKind = RecordKind> {
  id?: number;
  unit: string;
  kind: K;
  /** The record's date: issued, held, inspected, recognised, as of (snapshots). */
  on: string;
  data: RecordData[K];
  evidence: Evidence[];
  note?: string | null;
}

/** A period of local dates, both ends inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

export const within = (date: string | null | undefined, range: DateRange): boolean =>
  !!date && date >= range.from && date <= range.to;
