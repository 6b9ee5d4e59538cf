// Shapes of the reform records as the API, the JSON import and the spreadsheet import accept them (zod).
// The rules across fields (a task done needs its output, parts within totals, …) are in rules.ts.
import { z } from "zod";
import {
  FACTS,
  LEGAL_PROPOSALS,
  OUTPUT_KINDS,
  OUTREACH_FORMS,
  PLAN_KINDS,
  REFORM_AREAS,
  TASK_KINDS,
  TASK_SOURCES,
} from "./model.ts";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "Ngày không có thật",
    },
  );
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const count = z.number().int("Phải là số nguyên").min(0, "Không được âm").max(10_000_000);
const FileId = z.string().trim().min(1).max(100);

export const EvidenceSchema = z.object({
  fileId: FileId,
  pages: optionalText(100),
  note: optionalText(500),
});
const evidence = z.array(EvidenceSchema).max(100).default([]);

export const PlanSchema = z.object({
  unit: text(32, "Chọn đơn vị"),
  kind: z.enum(keys(PLAN_KINDS), "Loại kế hoạch không hợp lệ"),
  number: text(100, "Nhập số, ký hiệu kế hoạch"),
  title: text(500, "Nhập trích yếu kế hoạch"),
  issuedOn: LocalDate,
  issuer: text(200, "Nhập cơ quan ban hành"),
  year: z.number().int().min(2000).max(2100),
  periodFrom: LocalDate.optional(),
  periodTo: LocalDate.optional(),
  fileId: FileId.nullish(),
  evidence,
  note: optionalText(2000),
});
export type PlanInput = z.input<typeof PlanSchema>;

export const OutputSchema = z.object({
  number: text(100, "Nhập số, ký hiệu văn bản đầu ra"),
  date: LocalDate,
  title: optionalText(500),
  fileId: FileId.nullish(),
});

export const TaskSchema = z.object({
  ordinal: z.number().int().min(1).max(10_000).optional(),
  area: z.enum(keys(REFORM_AREAS), "Lĩnh vực không hợp lệ"),
  content: text(2000, "Nhập nội dung nhiệm vụ"),
  outputKind: z.enum(keys(OUTPUT_KINDS), "Loại sản phẩm đầu ra không hợp lệ"),
  lead: text(200, "Nhập đơn vị, người chủ trì"),
  supporting: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  deadline: LocalDate.nullish(),
  kind: z.enum(keys(TASK_KINDS)).default("one_off"),
  source: z.enum(keys(TASK_SOURCES)).default("own"),
  progress: z.number().int().min(0, "Tiến độ từ 0 đến 100").max(100, "Tiến độ từ 0 đến 100").default(0),
  completedOn: LocalDate.nullish(),
  output: OutputSchema.nullish(),
  evidence,
  note: optionalText(2000),
});
export type TaskInput = z.input<typeof TaskSchema>;

const DataSchemas = {
  directive: z.object({
    number: text(100, "Nhập số, ký hiệu"),
    title: text(500, "Nhập trích yếu"),
    issuer: optionalText(200),
  }),
  inspection: z.object({
    subject: text(500, "Nhập nội dung kiểm tra"),
    inspected: count,
    issuesFound: count,
    issuesResolved: count,
  }),
  outreach: z.object({
    form: z.enum(keys(OUTREACH_FORMS), "Hình thức tuyên truyền không hợp lệ"),
    title: text(500, "Nhập nội dung tuyên truyền"),
    count: count.min(1, "Ít nhất 1"),
    participants: count.nullish(),
  }),
  initiative: z.object({
    title: text(500, "Nhập tên sáng kiến, mô hình"),
    decision: text(200, "Nhập quyết định công nhận"),
    level: optionalText(200),
  }),
  survey: z.object({
    forms: count,
    method: z.union([z.literal(0), z.literal(1), z.literal(2)], "Hình thức khảo sát: 0, 1 hoặc 2"),
    title: optionalText(500),
  }),
  dialogue: z.object({ title: text(500, "Nhập nội dung đối thoại"), participants: count.nullish() }),
  legal_document: z.object({
    number: text(100, "Nhập số, ký hiệu văn bản"),
    title: text(500, "Nhập trích yếu"),
    status: z.enum(["issued", "drafted"]).default("issued"),
    checks: z.array(LocalDate).max(50).default([]),
    reviews: z.array(LocalDate).max(50).default([]),
    proposal: z.object({ kind: z.enum(keys(LEGAL_PROPOSALS)), on: LocalDate }).nullish(),
    handledOn: LocalDate.nullish(),
  }),
  procedure_review: z.object({
    reviewed: count,
    selfRepealed: count.default(0),
    selfAmended: count.default(0),
    proposedToHigher: count.default(0),
  }),
  staffing: z.object({ quota: count, present: count }),
  staff_cut: z.object({ people: count.min(1, "Ít nhất 1 người"), decision: optionalText(200) }),
  qualification: z.object({
    group: z.enum(["cadre", "civil_servant"]),
    total: count,
    meetingStandard: count,
    postgraduate: count.default(0),
    university: count.default(0),
    college: count.default(0),
    intermediate: count.default(0),
    elementary: count.default(0),
    untrained: count.default(0),
    politicalAdvanced: count.nullish(),
    politicalIntermediate: count.nullish(),
    politicalElementary: count.nullish(),
  }),
  discipline: z.object({
    level: z.enum(["leader", "civil_servant"]),
    people: count.min(1, "Ít nhất 1 người"),
    form: optionalText(200),
  }),
  training: z.object({ title: text(500, "Nhập tên lớp, nội dung"), participants: count }),
  outgoing_documents: z.object({ total: count, electronic: count, withPaper: count.default(0) }),
  fact: z.object({
    fact: z.enum(keys(FACTS), "Chỉ tiêu không hợp lệ"),
    value: z.number().min(0).nullish(),
    numerator: count.nullish(),
    denominator: count.nullish(),
  }),
} as const;

const recordOf = <K extends keyof typeof DataSchemas>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    unit: text(32, "Chọn đơn vị"),
    on: LocalDate,
    data: DataSchemas[kind],
    evidence,
    note: optionalText(2000),
    /** A natural key for re-imports (the document number, …); computed when absent. */
    ref: z.string().trim().min(1).max(200).optional(),
  });

export const RecordSchema = z.discriminatedUnion(
  "kind",
  [
    recordOf("directive"),
    recordOf("inspection"),
    recordOf("outreach"),
    recordOf("initiative"),
    recordOf("survey"),
    recordOf("dialogue"),
    recordOf("legal_document"),
    recordOf("procedure_review"),
    recordOf("staffing"),
    recordOf("staff_cut"),
    recordOf("qualification"),
    recordOf("discipline"),
    recordOf("training"),
    recordOf("outgoing_documents"),
    recordOf("fact"),
  ],
  { error: "Loại hồ sơ CCHC không hợp lệ" },
);
export type RecordInput = z.input<typeof RecordSchema>;
export type RecordParsed = z.output<typeof RecordSchema>;
