// POST /api/dossiers/:code/actions/:action — one lifecycle command: validate the body for the action →
// (in the service's transaction) authorize on the locked row → decide → append → present the new state.
// The revision the user saw makes a concurrent change fail (409 concurrent-update); the Idempotency-Key header
// makes a retry return the stored outcome instead of acting twice.
import { z } from "zod";
import type { TimeLimit } from "../../calendar/index.ts";
import { executeCommand, getDossier } from "../../db/repos/dossiers/service.ts";
import { findAssignee } from "../../db/repos/dossiers/staff.ts";
import { attachFiles, describeFiles } from "../../db/repos/files.ts";
import type { DossierCommand } from "../../dossier/commands.ts";
import type { Evidence, TransferLink } from "../../dossier/events.ts";
import type { ReturnVia } from "../../dossier/record.ts";
import type { Attachment } from "../../dossier/status.ts";
import type { Actor } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { authorizeAction, STAFF_ACTIONS, type StaffAction } from "./dossiers-access.ts";
import { DossierCodeParam, detailOf, idempotencyKeyOf, serviceOf } from "./dossiers.ts";
import { dossierProblem } from "./dossiers-present.ts";

const FileId = z.object({ id: z.string().uuid("Mã tệp không hợp lệ") });
const EvidenceBody = z.object({ document: FileId.optional(), record: z.string().max(1000).optional() });

const Common = {
  revision: z.number({ message: "Thiếu phiên bản hồ sơ (revision) đang xem" }).int().min(0),
  reason: z.string().max(4000).optional(),
  attachments: z.array(FileId).max(50).default([]),
};

/** What each action's body carries besides the common fields (loose: the UI may send more). */
const ACTION_BODIES: Record<StaffAction, z.ZodObject> = {
  accept: z.object({ ...Common, receiptNo: z.string().max(80).optional() }),
  refuse: z.object(Common),
  request_supplement: z.object({ ...Common, missing: z.array(z.string().max(500)).max(100).default([]) }),
  receive_supplement: z.object(Common),
  assign: z.object({ ...Common, assignee: z.union([z.string(), z.number()]).transform(String) }),
  start_processing: z.object(Common),
  transfer: z.object({
    ...Common,
    toUnit: z.string().max(32).default(""),
    toUser: z.string().max(64).optional(),
    link: z.enum(["same_level", "across_levels"]).default("same_level"),
  }),
  propose_result: z.object({ ...Common, draft: EvidenceBody.optional() }),
  approve: z.object(Common),
  request_payment: z.object({ ...Common, amount: z.number().int("Số tiền phải là số nguyên (đồng)") }),
  record_payment: z.object({ ...Common, amount: z.number().int(), paidOnline: z.boolean().default(false) }),
  resolve: z.object({
    ...Common,
    result: EvidenceBody.default({}),
    /** Kết quả điện tử: the result is issued as an electronic document. */
    eResult: z.boolean({ message: "Kết quả điện tử (eResult) phải là true hoặc false" }).optional(),
    /** Kết quả đã số hóa: the paper result was scanned into the system. */
    resultDigitized: z.boolean({ message: "Số hóa kết quả (resultDigitized) phải là true hoặc false" }).optional(),
  }),
  /** Trả lại hồ sơ: the reason (required by decide) and the written notice, a file or its record. */
  decline: z.object({ ...Common, notice: EvidenceBody.optional() }),
  return: z.object({ ...Common, via: z.enum(["direct", "postal", "online"]), handover: EvidenceBody.default({}) }),
  withdraw: z.object(Common),
  stop: z.object(Common),
  extend: z.object({
    ...Common,
    dueAt: z.iso.datetime({ offset: true, message: "Ngày hẹn mới phải là thời điểm ISO 8601 có múi giờ" }),
    apology: EvidenceBody.default({}),
  }),
};

/** Every action's fields; each action's schema above guarantees the ones it uses. */
interface Body {
  revision: number;
  reason?: string;
  attachments: { id: string }[];
  receiptNo?: string;
  missing: string[];
  assignee?: string;
  toUnit: string;
  toUser?: string;
  link: TransferLink;
  draft?: unknown;
  amount: number;
  paidOnline: boolean;
  result?: unknown;
  eResult?: boolean;
  resultDigitized?: boolean;
  via: ReturnVia;
  handover?: unknown;
  notice?: unknown;
  dueAt: string;
  apology?: unknown;
}

/** The file ids the command names: attachments, and the documents inside evidence. */
function fileIds(body: Body): string[] {
  const ids = body.attachments.map((a) => a.id);
  for (const value of [body.draft, body.result, body.handover, body.apology, body.notice]) {
    const doc = (value as { document?: { id: string } } | undefined)?.document;
    if (doc) ids.push(doc.id);
  }
  return [...new Set(ids)];
}

function evidence(value: unknown, files: Map<string, Attachment>): Evidence {
  const e = (value ?? {}) as { document?: { id: string }; record?: string };
  return {
    ...(e.document ? { document: files.get(e.document.id) ?? { id: e.document.id } } : {}),
    ...(e.record?.trim() ? { record: e.record.trim() } : {}),
  };
}

function commandOf(
  action: StaffAction,
  body: Body,
  files: Map<string, Attachment>,
  assignee?: string,
): DossierCommand<TimeLimit> {
  const attachments = body.attachments.map((a) => files.get(a.id)!);
  const base = { ...(body.reason ? { reason: body.reason } : {}), attachments };
  const b = body;
  switch (action) {
    case "accept":
      // the limit is filled in by the service from the procedure in force
      return { ...base, action, receiptNo: b.receiptNo ?? "", limit: { value: 0, unit: "same_day" } };
    case "request_supplement":
      return { ...base, action, missing: b.missing };
    case "assign":
      return { ...base, action, assignee: assignee ?? "" };
    case "transfer":
      return { ...base, action, toUnit: b.toUnit, link: b.link, ...(b.toUser ? { toUser: b.toUser } : {}) };
    case "propose_result": {
      const draft = evidence(b.draft, files);
      return { ...base, action, attachments: draft.document ? [...attachments, draft.document] : attachments };
    }
    case "request_payment":
      return { ...base, action, amount: b.amount };
    case "record_payment":
      return { ...base, action, amount: b.amount, paidOnline: b.paidOnline };
    case "resolve":
      return {
        ...base,
        action,
        result: evidence(b.result, files),
        ...(b.eResult === undefined ? {} : { eResult: b.eResult }),
        ...(b.resultDigitized === undefined ? {} : { resultDigitized: b.resultDigitized }),
      };
    case "return":
      return { ...base, action, via: b.via, handover: evidence(b.handover, files) };
    case "decline": {
      const notice = evidence(b.notice, files);
      return { ...base, action, ...(notice.document || notice.record ? { notice } : {}) };
    }
    case "extend":
      return { ...base, action, dueAt: new Date(b.dueAt), apology: evidence(b.apology, files) };
    case "refuse":
    case "receive_supplement":
    case "start_processing":
    case "approve":
    case "withdraw":
    case "stop":
      return { ...base, action };
  }
}

async function runAction(ctx: AppContext, actor: Actor, code: string, action: StaffAction, raw: unknown, key?: string) {
  const parsed = ACTION_BODIES[action].safeParse(raw ?? {});
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((issue) => ({ name: issue.path.map(String).join("."), reason: issue.message })),
    );
  }
  const body = parsed.data as unknown as Body;
  const service = serviceOf(ctx);
  const units = await ctx.units.fresh();
  const current = await getDossier(service, code);
  if (action === "transfer" && body.toUnit && !units.find(body.toUnit)) {
    throw validationFailed([{ name: "toUnit", reason: `Không có đơn vị ${body.toUnit}` }]);
  }
  const assignee =
    action === "assign" && body.assignee?.trim()
      ? await findAssignee(service.db, units, body.assignee!, current.row.current_unit_code)
      : undefined;
  const ids = fileIds(body);
  const files = await describeFiles(service.db, current.row.province_code, ids);
  const outcome = await executeCommand(service, code, commandOf(action, body, files, assignee), {
    revision: body.revision,
    idempotencyKey: key,
    authorize: (row) => authorizeAction(actor, action, row, units),
    async afterAppend(trx, row) {
      // the files named become the dossier's (unknown ids or another dossier's files roll the command back)
      await attachFiles(
        trx,
        row.province_code,
        row.code,
        ids.map((id) => ({ id })),
      );
    },
  });
  return outcome;
}

export const dossierAction = defineRoute({
  method: "POST",
  url: "/api/dossiers/:code/actions/:action",
  summary: "Thao tác trên hồ sơ (tiếp nhận, bổ sung, chuyển, trình, duyệt, trả kết quả, gia hạn…)",
  tags: ["dossiers"],
  access: "staff",
  params: DossierCodeParam.extend({
    action: z.enum(STAFF_ACTIONS, { message: `Thao tác phải là một trong: ${STAFF_ACTIONS.join(", ")}` }),
  }),
  body: z.record(z.string(), z.unknown()),
  async handler({ ctx, actor, params, body, request, reply }) {
    const key = idempotencyKeyOf(request.headers);
    const outcome = await runAction(ctx, actor!, params.code, params.action, body, key).catch(dossierProblem);
    reply.header("x-replayed", outcome.replayed ? "true" : "false");
    return { ...(await detailOf(ctx, actor!, outcome.row, outcome.log)), replayed: outcome.replayed };
  },
});
