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
import type { Evidence } from "../../dossier/events.ts";
import type { Attachment } from "../../dossier/status.ts";
import type { Actor } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { validationFailed } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { type ActionBody, ActionBodyDocument, type EvidenceBody, parseActionBody } from "../schemas/action-bodies.ts";
import { authorizeAction, STAFF_ACTIONS, type StaffAction } from "./dossiers-access.ts";
import { DossierCodeParam, detailOf, idempotencyKeyOf, serviceOf } from "./dossiers.ts";
import { dossierProblem } from "./dossiers-present.ts";
import { Dossier } from "../schemas/dossiers.ts";

/** The file ids the command names: attachments, and the documents inside evidence. */
function fileIds(body: ActionBody): string[] {
  const ids = body.attachments.map((a) => a.id);
  for (const value of evidenceOf(body)) if (value?.document) ids.push(value.document.id);
  return [...new Set(ids)];
}

/** The evidence an action's body carries (draft, result, handover, apology, notice). */
function evidenceOf(body: ActionBody): (EvidenceBody | undefined)[] {
  switch (body.action) {
    case "propose_result":
      return [body.draft];
    case "resolve":
      return [body.result];
    case "return":
      return [body.handover];
    case "extend":
      return [body.apology];
    case "decline":
      return [body.notice];
    default:
      return [];
  }
}

function evidence(e: EvidenceBody | undefined = {}, files: Map<string, Attachment>): Evidence {
  return {
    ...(e.document ? { document: files.get(e.document.id) ?? { id: e.document.id } } : {}),
    ...(e.record?.trim() ? { record: e.record.trim() } : {}),
  };
}

function commandOf(b: ActionBody, files: Map<string, Attachment>, assignee?: string): DossierCommand<TimeLimit> {
  const attachments = b.attachments.map((a) => files.get(a.id)!);
  const base = { ...(b.reason ? { reason: b.reason } : {}), attachments };
  switch (b.action) {
    case "accept":
      // the limit is filled in by the service from the procedure in force
      return { ...base, action: b.action, receiptNo: b.receiptNo ?? "", limit: { value: 0, unit: "same_day" } };
    case "request_supplement":
      return { ...base, action: b.action, missing: b.missing };
    case "assign":
      return { ...base, action: b.action, assignee: assignee ?? "" };
    case "transfer":
      return { ...base, action: b.action, toUnit: b.toUnit, link: b.link, ...(b.toUser ? { toUser: b.toUser } : {}) };
    case "propose_result": {
      const draft = evidence(b.draft, files);
      return {
        ...base,
        action: b.action,
        attachments: draft.document ? [...attachments, draft.document] : attachments,
      };
    }
    case "request_payment":
      return { ...base, action: b.action, amount: b.amount };
    case "record_payment":
      return { ...base, action: b.action, amount: b.amount, paidOnline: b.paidOnline };
    case "resolve":
      return {
        ...base,
        action: b.action,
        result: evidence(b.result, files),
        ...(b.eResult === undefined ? {} : { eResult: b.eResult }),
        ...(b.resultDigitized === undefined ? {} : { resultDigitized: b.resultDigitized }),
      };
    case "return":
      return { ...base, action: b.action, via: b.via, handover: evidence(b.handover, files) };
    case "decline": {
      const notice = evidence(b.notice, files);
      return { ...base, action: b.action, ...(notice.document || notice.record ? { notice } : {}) };
    }
    case "extend":
      return { ...base, action: b.action, dueAt: new Date(b.dueAt), apology: evidence(b.apology, files) };
    case "refuse":
    case "receive_supplement":
    case "start_processing":
    case "approve":
    case "withdraw":
    case "stop":
      return { ...base, action: b.action };
  }
}

async function runAction(ctx: AppContext, actor: Actor, code: string, action: StaffAction, raw: unknown, key?: string) {
  const parsed = parseActionBody(action, raw);
  if (!parsed.success) throw validationFailed(parsed.issues);
  const body = parsed.data;
  const service = serviceOf(ctx);
  const units = await ctx.units.fresh();
  const current = await getDossier(service, code);
  if (body.action === "transfer" && body.toUnit && !units.find(body.toUnit)) {
    throw validationFailed([{ name: "toUnit", reason: `Không có đơn vị ${body.toUnit}` }]);
  }
  const assignee =
    body.action === "assign" && body.assignee.trim()
      ? await findAssignee(service.db, units, body.assignee, current.row.current_unit_code)
      : undefined;
  const ids = fileIds(body);
  const files = await describeFiles(service.db, current.row.province_code, ids);
  const outcome = await executeCommand(service, code, commandOf(body, files, assignee), {
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
  response: Dossier,
  params: DossierCodeParam.extend({
    action: z.enum(STAFF_ACTIONS, { message: `Thao tác phải là một trong: ${STAFF_ACTIONS.join(", ")}` }),
  }),
  body: ActionBodyDocument,
  async handler({ ctx, actor, params, body, request, reply }) {
    const key = idempotencyKeyOf(request.headers);
    const outcome = await runAction(ctx, actor!, params.code, params.action, body, key).catch(dossierProblem);
    reply.header("x-replayed", outcome.replayed ? "true" : "false");
    return { ...(await detailOf(ctx, actor!, outcome.row, outcome.log)), replayed: outcome.replayed };
  },
});
