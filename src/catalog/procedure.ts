// A version of an administrative procedure (thủ tục hành chính, TTHC) in the catalogue, and a province's
// override of it. Field names follow the `procedures` / `procedure_overrides` tables (src/db).
import { z } from "zod";
import { TimeLimit } from "./time-limit.ts";

/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDate = z
  .string({ error: "Ngày phải có dạng YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Ngày phải có dạng YYYY-MM-DD" })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: "Ngày không tồn tại",
    },
  );

const text = (label: string, max = 500) =>
  z
    .string({ error: `${label} phải là chuỗi ký tự` })
    .trim()
    .min(1, { error: `${label} không được để trống` })
    .max(max, { error: `${label} dài quá ${max} ký tự` });

/** A national code looks like `1.001193` (Cổng Dịch vụ công quốc gia). */
export const NATIONAL_CODE = /^[12]\.\d{6}$/;
export function isNationalCode(code: string): boolean {
  return NATIONAL_CODE.test(code);
}

/** Catalogue key: the national code, or a local code (no spaces) where the national one is unknown. */
export const ProcedureCode = z
  .string({ error: "Mã thủ tục phải là chuỗi ký tự" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
    error: "Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự), ví dụ 1.001193",
  });

/** Cấp có thẩm quyền. `district` exists only before 1 July 2025. */
export const CompetentLevel = z.enum(["province", "district", "commune"], {
  error: "Cấp thực hiện phải là province, district hoặc commune",
});
export type CompetentLevel = z.infer<typeof CompetentLevel>;

/** Mức độ dịch vụ công trực tuyến: toàn trình, một phần, không. Old levels 4/3/2 map to full/partial/none. */
export const OnlineLevel = z.enum(["full", "partial", "none"], {
  error: "Mức độ trực tuyến phải là full, partial hoặc none",
});
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/** Bản chính, bản sao, or either. */
export const DocumentForm = z.enum(["original", "copy", "original_or_copy"], {
  error: "Loại giấy tờ phải là original (bản chính), copy (bản sao) hoặc original_or_copy",
});
export type DocumentForm = z.infer<typeof DocumentForm>;

/** Thành phần hồ sơ. */
export const DocumentComponent = z
  .object({
    name: text("Tên thành phần hồ sơ"),
    form: DocumentForm,
    count: z
      .number({ error: "Số lượng phải là số" })
      .int({ error: "Số lượng phải là số nguyên" })
      .min(1, { error: "Số lượng phải từ 1 trở lên" }),
    /** Nộp khi nào, if not always (e.g. "Trường hợp ủy quyền"). */
    condition: text("Điều kiện nộp").optional(),
  })
  .strict();
export type DocumentComponent = z.infer<typeof DocumentComponent>;

/** Phí, lệ phí. `amount` null = set elsewhere (usually by the provincial People's Council). */
export const Fee = z
  .object({
    name: text("Tên phí, lệ phí"),
    amount: z
      .number({ error: "Mức thu phải là số (đồng)" })
      .int({ error: "Mức thu phải là số nguyên (đồng)" })
      .nonnegative({ error: "Mức thu không được âm" })
      .nullable(),
    /** What the amount is charged per, e.g. "trang", "bản", "trường hợp". */
    per: text("Đơn vị tính").optional(),
    /** Legal basis, e.g. "Thông tư 226/2016/TT-BTC". */
    basis: text("Căn cứ thu").optional(),
    note: text("Ghi chú", 1000).optional(),
  })
  .strict();
export type Fee = z.infer<typeof Fee>;

/** Who handles a process step. */
export const StepRole = z.enum(["front_desk", "officer", "leader"], {
  error: "Vai trò phải là front_desk (một cửa), officer (chuyên viên) hoặc leader (lãnh đạo)",
});
export type StepRole = z.infer<typeof StepRole>;

/** Bước xử lý: role, optional unit (phòng/bộ phận), share of the time limit in percent. */
export const ProcessStep = z
  .object({
    name: text("Tên bước"),
    role: StepRole,
    unit: text("Đơn vị xử lý").optional(),
    share: z
      .number({ error: "Tỷ lệ thời gian phải là số (%)" })
      .positive({ error: "Tỷ lệ thời gian phải lớn hơn 0" })
      .max(100, { error: "Tỷ lệ thời gian không quá 100%" }),
  })
  .strict();
export type ProcessStep = z.infer<typeof ProcessStep>;

/** Liên thông: another agency involved, at the same level or between levels. */
export const InterAgencyLink = z
  .object({
    agency: text("Cơ quan liên thông"),
    kind: z.enum(["same_level", "between_levels"], { error: "Loại liên thông phải là same_level hoặc between_levels" }),
  })
  .strict();
export type InterAgencyLink = z.infer<typeof InterAgencyLink>;

const stepsSumTo100 = (steps: ProcessStep[], ctx: z.RefinementCtx, path: (string | number)[]) => {
  if (steps.length === 0) return;
  const total = steps.reduce((sum, s) => sum + s.share, 0);
  if (Math.abs(total - 100) > 1e-6) {
    ctx.addIssue({
      code: "custom",
      path,
      params: { code: "steps_share_sum" },
      message: `Tổng tỷ lệ thời gian các bước phải bằng 100% (hiện là ${Math.round(total * 100) / 100}%)`,
    });
  }
};

/** One version of a procedure. An edit creates a new version with a later `effectiveFrom`. */
export const Procedure = z
  .object({
    code: ProcedureCode,
    version: z.number().int({ error: "Phiên bản phải là số nguyên" }).min(1, { error: "Phiên bản từ 1" }).default(1),
    name: text("Tên thủ tục"),
    field: text("Lĩnh vực", 200),
    level: CompetentLevel,
    agency: text("Cơ quan thực hiện", 300),
    components: z.array(DocumentComponent, { error: "Thành phần hồ sơ phải là danh sách" }).default([]),
    timeLimit: TimeLimit,
    fees: z.array(Fee, { error: "Phí, lệ phí phải là danh sách" }).default([]),
    onlineLevel: OnlineLevel,
    /** Tiếp nhận không phụ thuộc địa giới hành chính. */
    boundaryFree: z.boolean({ error: "Không phụ thuộc địa giới phải là true/false" }).default(false),
    steps: z.array(ProcessStep, { error: "Quy trình phải là danh sách" }).default([]),
    /** After a supplement the clock restarts from zero instead of resuming. */
    restartOnSupplement: z.boolean({ error: "Tính lại thời hạn phải là true/false" }).default(false),
    links: z.array(InterAgencyLink).default([]),
    effectiveFrom: IsoDate,
    legalBasis: z.array(text("Căn cứ pháp lý")).default([]),
    /** Fields whose value could not be confirmed against a public source. */
    unconfirmed: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((p, ctx) => stepsSumTo100(p.steps, ctx, ["steps"]));
export type Procedure = z.infer<typeof Procedure>;
/** The input shape (defaults not yet applied). */
export type ProcedureInput = z.input<typeof Procedure>;

/** A province's own limit, fees and steps for a national procedure (tenant data). Null = keep national. */
export const ProcedureOverride = z
  .object({
    provinceCode: text("Mã tỉnh", 32),
    procedureCode: ProcedureCode,
    version: z.number().int().min(1).default(1),
    effectiveFrom: IsoDate,
    timeLimit: TimeLimit.nullable().default(null),
    fees: z.array(Fee).nullable().default(null),
    steps: z.array(ProcessStep).nullable().default(null),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.steps) stepsSumTo100(o.steps, ctx, ["steps"]);
  });
export type ProcedureOverride = z.infer<typeof ProcedureOverride>;
