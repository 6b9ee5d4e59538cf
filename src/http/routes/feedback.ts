// Phản ánh, kiến nghị (PAKN): anyone sends one (about a dossier, a procedure or a unit); the unit's staff answer
// it once; answered items are published without the sender's name or contact.
import { z } from "zod";
import {
  answerFeedback,
  type FeedbackRow,
  findFeedback,
  listPublishedFeedback,
  listUnitFeedback,
  submitFeedback,
} from "../../db/repos/feedback.ts";
import { can } from "../../people/policy.ts";
import { forbidden, notFound } from "../errors.ts";
import { defineRoute, Paging } from "../route.ts";
import { readableUnits } from "./dossiers-access.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { serviceOf } from "./dossiers.ts";
import { FeedbackReceipt, PublicFeedbackList, StaffFeedbackItem, StaffFeedbackList } from "../schemas/feedback.ts";

/** The public face of an item: no sender name, phone or e-mail. */
function presentPublic(row: FeedbackRow, unitName: (code: string) => string) {
  return withLocalInstants({
    id: row.id,
    unit: { code: row.unit_code, name: unitName(row.unit_code) },
    procedureCode: row.procedure_code,
    subject: row.subject,
    content: row.content,
    createdAt: row.received_at,
    dueAt: row.due_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  });
}

function presentStaff(row: FeedbackRow, unitName: (code: string) => string) {
  return withLocalInstants({
    ...presentPublic(row, unitName),
    dossierCode: row.dossier_code,
    sender: { name: row.sender_name, phone: row.sender_phone, email: row.sender_email },
    published: row.published,
    answeredBy: row.answered_by,
  });
}

export const sendFeedback = defineRoute({
  method: "POST",
  url: "/api/public/feedback",
  summary: "Gửi phản ánh, kiến nghị (hạn trả lời: 10 ngày làm việc theo lịch của đơn vị)",
  tags: ["public"],
  access: "public",
  response: FeedbackReceipt,
  body: z.object({
    name: z.string().trim().min(1, "Nhập họ và tên").max(200),
    contact: z.string().trim().max(200).optional(),
    subject: z.string().trim().min(1, "Nhập tiêu đề").max(300),
    content: z.string().trim().min(1, "Nhập nội dung").max(5000),
    dossierCode: z.string().trim().max(80).optional(),
    unitCode: z.string().trim().max(32).optional(),
    procedureCode: z.string().trim().max(40).optional(),
  }),
  async handler({ ctx, body, reply }) {
    const input = { ...body, dossierCode: body.dossierCode || undefined, unitCode: body.unitCode || undefined };
    const row = await submitFeedback(serviceOf(ctx), input).catch(dossierProblem);
    reply.status(201);
    return withLocalInstants({ id: row.id, dueAt: row.due_at });
  },
});

export const publishedFeedback = defineRoute({
  method: "GET",
  url: "/api/public/feedback",
  summary: "Phản ánh, kiến nghị đã được trả lời (công khai)",
  tags: ["public"],
  access: "public",
  response: PublicFeedbackList,
  query: z.object(Paging),
  async handler({ ctx, query }) {
    const { items, total } = await listPublishedFeedback(ctx.database.db, query.page, query.pageSize);
    const name = (code: string) => ctx.units.find(code)?.name ?? code;
    return { items: items.map((row) => presentPublic(row, name)), total };
  },
});

export const unitFeedback = defineRoute({
  method: "GET",
  url: "/api/feedback",
  summary: "Phản ánh, kiến nghị gửi các đơn vị trong phạm vi (chưa trả lời trước)",
  tags: ["feedback"],
  access: "staff",
  response: StaffFeedbackList,
  query: z.object({
    unit: z.string().max(32).optional(),
    open: z.enum(["true", "false"]).optional(),
    ...Paging,
  }),
  async handler({ ctx, actor, query }) {
    const units = await ctx.units.fresh();
    let scope = readableUnits(actor!, units);
    if (query.unit) {
      if (!can(actor, "dossier.read", query.unit, units.parentOf)) throw forbidden();
      scope = units.subtree(query.unit);
    }
    const open = query.open === undefined ? undefined : query.open === "true";
    const { items, total } = await listUnitFeedback(ctx.database.db, scope, open, query.page, query.pageSize);
    const name = (code: string) => units.find(code)?.name ?? code;
    return { items: items.map((row) => presentStaff(row, name)), total };
  },
});

export const answerFeedbackItem = defineRoute({
  method: "POST",
  url: "/api/feedback/:id/answer",
  summary: "Trả lời phản ánh, kiến nghị (một lần; được công khai khi đã trả lời)",
  tags: ["feedback"],
  access: "staff",
  response: StaffFeedbackItem,
  params: z.object({ id: z.coerce.number().int().positive() }),
  body: z.object({ answer: z.string().trim().min(1, "Nhập nội dung trả lời").max(10000) }),
  async handler({ ctx, actor, params, body }) {
    const row = await findFeedback(ctx.database.db, params.id);
    if (!row) throw notFound(`phản ánh, kiến nghị số ${params.id}`);
    // the unit's processing officers or leaders answer (the same roles that process its dossiers)
    if (!can(actor, "dossier.process", row.unit_code, ctx.units.parentOf)) throw forbidden();
    const answered = await answerFeedback(serviceOf(ctx), row, body.answer, actor!.userId).catch(dossierProblem);
    return presentStaff(answered, (code) => ctx.units.find(code)?.name ?? code);
  },
});
