// The body of POST /api/dossiers/:code/actions/:action, one schema per action, joined in a discriminated union
// keyed by `action` (the action comes from the URL; `parseActionBody` puts it in before parsing). The parsed
// body's type is inferred, so the command built from it (routes/dossiers-actions.ts) needs no cast.
// Each object is loose on purpose: the web may send fields another action uses; they are dropped.
import { z } from "zod";
import type { StaffAction } from "../routes/dossiers-access.ts";

const FileId = z.object({ id: z.string().uuid("Mã tệp không hợp lệ") });
/** A document (an uploaded file) or its record ("ký nhận sổ số 12", a tracking number). */
export const EvidenceBody = z.object({ document: FileId.optional(), record: z.string().max(1000).optional() });
export type EvidenceBody = z.infer<typeof EvidenceBody>;

const Common = {
  revision: z
    .number({
      error: (issue) => (issue.code === "invalid_type" ? "Thiếu phiên bản hồ sơ (revision) đang xem" : undefined),
    })
    .int("Phiên bản hồ sơ (revision) phải là số nguyên")
    .min(0, "Phiên bản hồ sơ (revision) không được âm"),
  reason: z.string().max(4000).optional(),
  attachments: z.array(FileId).max(50).default([]),
};

const plain = <A extends StaffAction>(action: A) => z.object({ action: z.literal(action), ...Common });

export const ActionBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), ...Common, receiptNo: z.string().max(80).optional() }),
  plain("refuse"),
  z.object({
    action: z.literal("request_supplement"),
    ...Common,
    missing: z.array(z.string().max(500)).max(100).default([]),
  }),
  plain("receive_supplement"),
  z.object({
    action: z.literal("assign"),
    ...Common,
    assignee: z
      .union([z.string(), z.number()], { message: "Thiếu cán bộ được phân công (assignee)" })
      .transform(String),
  }),
  plain("start_processing"),
  z.object({
    action: z.literal("transfer"),
    ...Common,
    toUnit: z.string().max(32).default(""),
    toUser: z.string().max(64).optional(),
    link: z.enum(["same_level", "across_levels"]).default("same_level"),
  }),
  z.object({ action: z.literal("propose_result"), ...Common, draft: EvidenceBody.optional() }),
  plain("approve"),
  z.object({
    action: z.literal("request_payment"),
    ...Common,
    amount: z.number({ message: "Thiếu số tiền (amount)" }).int("Số tiền phải là số nguyên (đồng)"),
  }),
  z.object({
    action: z.literal("record_payment"),
    ...Common,
    amount: z.number({ message: "Thiếu số tiền (amount)" }).int("Số tiền phải là số nguyên (đồng)"),
    paidOnline: z.boolean().default(false),
  }),
  z.object({
    action: z.literal("resolve"),
    ...Common,
    result: EvidenceBody.default({}),
    /** Kết quả điện tử: the result is issued as an electronic document. */
    eResult: z.boolean({ message: "Kết quả điện tử (eResult) phải là true hoặc false" }).optional(),
    /** Kết quả đã số hóa: the paper result was scanned into the system. */
    resultDigitized: z.boolean({ message: "Số hóa kết quả (resultDigitized) phải là true hoặc false" }).optional(),
  }),
  /** Trả lại hồ sơ: the reason (required by decide) and the written notice, a file or its record. */
  z.object({ action: z.literal("decline"), ...Common, notice: EvidenceBody.optional() }),
  z.object({
    action: z.literal("return"),
    ...Common,
    via: z.enum(["direct", "postal", "online"], {
      message: "Hình thức trả kết quả (via) phải là direct, postal hoặc online",
    }),
    handover: EvidenceBody.default({}),
  }),
  plain("withdraw"),
  plain("stop"),
  z.object({
    action: z.literal("extend"),
    ...Common,
    dueAt: z.iso.datetime({ offset: true, message: "Ngày hẹn trả mới phải là thời điểm ISO 8601 có múi giờ" }),
    apology: EvidenceBody.default({}),
  }),
]);

/** A parsed action body: narrow on `action` to read the fields that action carries. */
export type ActionBody = z.infer<typeof ActionBody>;
/** What a client sends for an action (without `action`, which is in the URL). */
export type ActionBodyInput<A extends StaffAction = StaffAction> = Omit<
  Extract<z.input<typeof ActionBody>, { action: A }>,
  "action"
>;

// every staff action has a body schema, and no schema names an action staff cannot do here
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const covers: Exact<ActionBody["action"], StaffAction> = true;
void covers;

/**
 * The route's body as the OpenAPI document shows it: any of the actions' bodies, each titled by its action (the
 * action itself is in the URL). The route reads it as a plain object and `parseActionBody` parses it.
 */
export const ActionBodyDocument = z.record(z.string(), z.unknown()).meta({
  description: "Thân yêu cầu theo thao tác (:action) — schemas/action-bodies.ts",
  anyOf: ActionBody.options.map((option) => {
    const { action, ...fields } = option.shape;
    const { $schema: _, ...schema } = z.toJSONSchema(z.object(fields), { io: "input" });
    return { title: action.value, ...schema };
  }),
});

export type ActionBodyResult =
  | { success: true; data: ActionBody }
  | { success: false; issues: { name: string; reason: string }[] };

/** Parses a request body for `action`; issues are named by their path in the body, worded in Vietnamese. */
export function parseActionBody(action: StaffAction, raw: unknown): ActionBodyResult {
  const object = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
  const parsed = ActionBody.safeParse({ ...object, action });
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    issues: parsed.error.issues.map((issue) => ({ name: issue.path.map(String).join("."), reason: issue.message })),
  };
}
