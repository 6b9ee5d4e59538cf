// Answers of the reform-record routes (routes/reform-records*.ts, docs/reform-records.md): plans with their
// tasks and completion, the registers of the other records, the 01b figures and appendices they yield, what
// lacks proof, and the import/export document. Each schema is tied to the repository's type below it, so a
// field renamed on either side fails to compile.
import { z } from "zod";
import type { ImportSummary } from "../../db/repos/reform/interchange.ts";
import type { StoredPlan, StoredRecord, StoredTask } from "../../db/repos/reform/common.ts";
import type { Pl1Row, Pl3Row, Pl5Row } from "../../reform/records/appendices.ts";
import type { Completion } from "../../reform/records/completion.ts";
import type { Gap } from "../../reform/records/gaps.ts";
import {
  OUTPUT_KINDS,
  PLAN_KINDS,
  RECORD_KINDS,
  REFORM_AREAS,
  TASK_KINDS,
  TASK_SOURCES,
} from "../../reform/records/model.ts";
import { DateText, Instant, type Json } from "./common.ts";

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const int = z.number().int();
const maybeText = z.string().nullable().optional();

/** A file of the file store cited as proof, with the pages that prove the point. */
export const ReformEvidence = z.object({ fileId: z.string(), pages: maybeText, note: maybeText });
export type ReformEvidence = z.infer<typeof ReformEvidence>;

/** Bookkeeping every stored plan, task and record carries (version: for PUT, against lost updates). */
const stored = { id: int, version: int, updatedAt: Instant, updatedBy: int.nullable() };

const planFields = {
  unit: z.string(),
  kind: z.enum(keys(PLAN_KINDS)),
  number: z.string().describe("Số, ký hiệu: 62/KH-UBND"),
  title: z.string(),
  issuedOn: DateText,
  issuer: z.string(),
  year: int,
  periodFrom: DateText,
  periodTo: DateText,
  fileId: maybeText,
  evidence: z.array(ReformEvidence),
  note: maybeText,
};

/** A plan as stored (kế hoạch CCHC). */
export const ReformPlan = z.object({ ...stored, ...planFields });
export type ReformPlan = z.infer<typeof ReformPlan>;

const taskFields = {
  ordinal: int.describe("STT trong kế hoạch"),
  area: z.enum(keys(REFORM_AREAS)),
  content: z.string(),
  outputKind: z.enum(keys(OUTPUT_KINDS)),
  lead: z.string(),
  supporting: z.array(z.string()),
  deadline: DateText.nullable().optional(),
  kind: z.enum(keys(TASK_KINDS)),
  source: z.enum(keys(TASK_SOURCES)),
  progress: int.describe("Tiến độ 0–100"),
  completedOn: DateText.nullable().optional(),
  output: z
    .object({ number: z.string(), date: DateText, title: maybeText, fileId: maybeText })
    .nullable()
    .optional()
    .describe("Văn bản, sản phẩm đầu ra"),
  evidence: z.array(ReformEvidence),
  note: maybeText,
};

/** A task of a plan (nhiệm vụ). */
export const ReformTask = z.object({ ...stored, planId: int, ...taskFields });
export type ReformTask = z.infer<typeof ReformTask>;

/** Completion of a plan as of a day (src/reform/records/completion.ts). */
export const ReformCompletion = z.object({
  planned: int,
  done: int,
  onTime: int,
  late: int,
  overdue: int,
  pending: int.describe("Chưa xong, chưa quá hạn"),
  recurringAwaiting: int.describe("Nhiệm vụ thường xuyên chưa đến lúc đánh giá"),
  percent: z.number().nullable().describe("done ÷ planned (%), null khi không có nhiệm vụ"),
});
export type ReformCompletion = z.infer<typeof ReformCompletion>;

/** GET /api/reform/plans. */
export const ReformPlanList = z.object({
  asOf: DateText,
  items: z.array(ReformPlan.extend({ completion: ReformCompletion })),
});
export type ReformPlanList = z.infer<typeof ReformPlanList>;
export type ReformPlanRow = ReformPlanList["items"][number];

/** GET /api/reform/plans/:id: the plan, its tasks and completion as of a day. */
export const ReformPlanDetail = ReformPlan.extend({
  asOf: DateText,
  completion: ReformCompletion,
  tasks: z.array(ReformTask),
});
export type ReformPlanDetail = z.infer<typeof ReformPlanDetail>;

/** GET /api/reform/tasks/overdue: longest overdue first, each with the date it was due and its plan. */
export const OverdueReformTasks = z.object({
  asOf: DateText,
  items: z.array(
    ReformTask.extend({
      dueOn: DateText,
      plan: z.object({ id: int, unit: z.string(), number: z.string(), title: z.string() }),
    }),
  ),
});
export type OverdueReformTasks = z.infer<typeof OverdueReformTasks>;
export type OverdueReformTask = OverdueReformTasks["items"][number];

/** GET /api/reform/history/:what/:id: every audited change, oldest first (detail: before and after). */
export const ReformHistory = z.object({
  items: z.array(
    z.object({
      at: Instant,
      action: z.string(),
      userId: int.nullable(),
      username: z.string().nullable(),
      detail: z.unknown(),
    }),
  ),
});

/** A dated record of another kind (directive, inspection, outreach, …); `data` as the kind's schema says. */
export const ReformRecord = z.object({
  ...stored,
  unit: z.string(),
  kind: z.enum(keys(RECORD_KINDS)),
  on: DateText,
  ref: z.string().describe("Khóa tự nhiên khi nhập lại (số văn bản, …)"),
  data: z.record(z.string(), z.unknown()).describe("Theo loại: src/reform/records/schemas.ts"),
  evidence: z.array(ReformEvidence),
  note: maybeText,
});
export type ReformRecord = z.infer<typeof ReformRecord>;

export const ReformRecordList = z.object({ items: z.array(ReformRecord) });
export type ReformRecordList = z.infer<typeof ReformRecordList>;

/** GET /api/reform/figures: the 01b codes something is recorded for (absent: nothing recorded). */
export const ReformRecordFigures = z.object({
  unit: z.string(),
  from: DateText,
  to: DateText,
  figures: z.record(z.string(), z.number()),
});
export type ReformRecordFigures = z.infer<typeof ReformRecordFigures>;

/** GET /api/reform/appendices: Phụ lục 1, 3 and 5 of the periodic report. */
export const ReformAppendices = z.object({
  unit: z.string(),
  from: DateText,
  to: DateText,
  appendix1: z.array(
    z.object({
      stt: int,
      kind: z.string(),
      plan: z.string(),
      number: z.string(),
      unit: z.string(),
      issuedOn: DateText,
      planned: int,
      done: int,
    }),
  ),
  appendix3: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      previousYear: int,
      quarters: z.array(int.nullable()).describe("Quý I–IV của năm báo cáo; null sau kỳ"),
      total: int,
    }),
  ),
  appendix5: z.array(
    z.object({ key: z.string(), label: z.string(), previousYear: int.nullable(), reportYear: int.nullable() }),
  ),
});
export type ReformAppendices = z.infer<typeof ReformAppendices>;

/** GET /api/reform/gaps: what an appraiser would mark down for want of proof. */
export const ReformEvidenceGaps = z.object({
  items: z.array(
    z.object({
      code: z.enum(["plan-without-file", "plans-share-file", "task-without-proof", "record-without-evidence"]),
      subject: z.object({ what: z.enum(["plan", "task", "record"]), id: int }),
      message: z.string(),
    }),
  ),
});
export type ReformEvidenceGaps = z.infer<typeof ReformEvidenceGaps>;
export type ReformEvidenceGap = ReformEvidenceGaps["items"][number];

const Counts = z.object({ created: int, updated: int, unchanged: int });
export type ImportCounts = z.infer<typeof Counts>;

/** POST /api/reform/import: what was (or, dry run, would be) created, updated, left unchanged. */
export const ReformImportSummary = z.object({
  imported: z.boolean(),
  dryRun: z.boolean(),
  plans: Counts,
  tasks: Counts,
  records: Counts,
});
export type ReformImportSummary = z.infer<typeof ReformImportSummary>;

/** GET /api/reform/export?format=json: the interchange document (without unit: an empty template). */
export const ReformRecordsDocument = z.object({
  format: z.string().optional(),
  version: int.optional(),
  unit: z.string().optional(),
  from: DateText.optional(),
  to: DateText.optional(),
  plans: z.array(z.object({ ...planFields, tasks: z.array(z.object(taskFields)) })),
  records: z.array(ReformRecord.omit({ id: true, version: true, updatedAt: true, updatedBy: true })),
});

// the schemas state the repositories' shapes (as serialized): a field renamed on either side fails to compile
export const sameShapes = {
  plan: (v: Json<StoredPlan>): z.input<typeof ReformPlan> => v,
  task: (v: Json<StoredTask>): z.input<typeof ReformTask> => v,
  record: (v: Json<StoredRecord>): Omit<z.input<typeof ReformRecord>, "data"> => v,
  completion: (v: Completion): z.input<typeof ReformCompletion> => v,
  appendix1: (v: Pl1Row): z.input<typeof ReformAppendices>["appendix1"][number] => v,
  appendix3: (v: Pl3Row): z.input<typeof ReformAppendices>["appendix3"][number] => v,
  appendix5: (v: Pl5Row): z.input<typeof ReformAppendices>["appendix5"][number] => v,
  gap: (v: Gap): z.input<typeof ReformEvidenceGaps>["items"][number] => v,
  imported: (v: ImportSummary): Omit<z.input<typeof ReformImportSummary>, "imported" | "dryRun"> => v,
};
