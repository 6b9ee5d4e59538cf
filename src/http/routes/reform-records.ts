// Reform plans and their tasks (kế hoạch CCHC, nhiệm vụ): thin routes over src/db/repos/reform. A unit's reform
// officer keeps them; leaders read them with their completion (done ÷ planned, on time, overdue).
import { z } from "zod";
import { historyOf, ownerOf, provinceOfRow, subjectOf } from "../../db/repos/reform/common.ts";
import {
  createPlan,
  deletePlan,
  findPlan,
  plansWithCompletion,
  tasksOfPlans,
  updatePlan,
} from "../../db/repos/reform/plans.ts";
import { createTask, deleteTask, findTask, overdueTasksOf, updateTask } from "../../db/repos/reform/tasks.ts";
import { completionOf } from "../../reform/records/completion.ts";
import { PLAN_KINDS } from "../../reform/records/model.ts";
import { normalizePlan } from "../../reform/records/rules.ts";
import { LocalDate, PlanSchema, TaskSchema } from "../../reform/records/schemas.ts";
import { conflict, notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { dossierProblem, withLocalInstants } from "./dossiers-present.ts";
import { asOfOr, changedBy, manageUnit, mayRead, readScope } from "./reform-records-access.ts";
import { NoContent } from "../schemas/common.ts";
import {
  OverdueReformTasks,
  ReformHistory,
  ReformPlan,
  ReformPlanDetail,
  ReformPlanList,
  ReformTask,
} from "../schemas/reform-records.ts";

const Id = z.object({ id: z.coerce.number().int().positive() });
const Version = { version: z.number().int().min(1).optional() };
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

async function locatePlan(db: Parameters<typeof findPlan>[0], id: number) {
  const province = await provinceOfRow(db, "reform_plans", id);
  const plan = province ? await findPlan(db, province, id) : undefined;
  if (!plan || !province) throw notFound(`kế hoạch số ${id}`);
  return { plan, province };
}

async function locateTask(db: Parameters<typeof findTask>[0], id: number) {
  const province = await provinceOfRow(db, "reform_tasks", id);
  const task = province ? await findTask(db, province, id) : undefined;
  if (!task || !province) throw notFound(`nhiệm vụ số ${id}`);
  const { plan } = await locatePlan(db, task.planId);
  return { task, plan, province };
}

export const listReformPlans = defineRoute({
  method: "GET",
  url: "/api/reform/plans",
  summary: "Kế hoạch CCHC của đơn vị và cấp dưới, kèm mức độ hoàn thành đến ngày asOf (mặc định hôm nay)",
  tags: ["reform"],
  access: "staff",
  response: ReformPlanList,
  query: z.object({
    unit: z.string().max(32).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    kind: z.enum(Object.keys(PLAN_KINDS) as [keyof typeof PLAN_KINDS]).optional(),
    asOf: LocalDate.optional(),
  }),
  async handler({ ctx, actor, query }) {
    const units = await readScope(ctx, actor, query.unit);
    const asOf = asOfOr(ctx, query.asOf);
    const range = query.year ? { from: `${query.year}-01-01`, to: `${query.year}-12-31` } : {};
    const rows = await plansWithCompletion(ctx.database.db, { units, ...range, kind: query.kind }, asOf);
    return withLocalInstants({ asOf, items: rows.map(({ plan, completion }) => ({ ...plan, completion })) });
  },
});

export const createReformPlan = defineRoute({
  method: "POST",
  url: "/api/reform/plans",
  summary: "Ban hành (ghi nhận) một kế hoạch CCHC: số, ký hiệu, ngày ban hành, cơ quan ban hành, kỳ, tệp",
  tags: ["reform"],
  access: "staff",
  response: ReformPlan,
  body: PlanSchema,
  async handler({ ctx, actor, body, reply }) {
    const province = await manageUnit(ctx, actor, body.unit);
    const plan = await createPlan(ctx.database.db, province, normalizePlan(body), changedBy(ctx, actor)).catch(
      dossierProblem,
    );
    reply.status(201);
    return withLocalInstants(plan);
  },
});

export const getReformPlan = defineRoute({
  method: "GET",
  url: "/api/reform/plans/:id",
  summary: "Một kế hoạch CCHC với các nhiệm vụ và mức độ hoàn thành đến ngày asOf",
  tags: ["reform"],
  access: "staff",
  response: ReformPlanDetail,
  params: Id,
  query: z.object({ asOf: LocalDate.optional() }),
  async handler({ ctx, actor, params, query }) {
    const { plan } = await locatePlan(ctx.database.db, params.id);
    await mayRead(ctx, actor, plan.unit);
    const asOf = asOfOr(ctx, query.asOf);
    const tasks = await tasksOfPlans(ctx.database.db, [plan]);
    const completion = completionOf(tasks, () => plan, asOf);
    return withLocalInstants({ ...plan, asOf, completion, tasks });
  },
});

export const updateReformPlan = defineRoute({
  method: "PUT",
  url: "/api/reform/plans/:id",
  summary: "Sửa kế hoạch CCHC (version: phiên bản đang sửa, chống ghi đè)",
  tags: ["reform"],
  access: "staff",
  response: ReformPlan,
  params: Id,
  body: PlanSchema.extend(Version),
  async handler({ ctx, actor, params, body }) {
    const { plan, province } = await locatePlan(ctx.database.db, params.id);
    await manageUnit(ctx, actor, plan.unit);
    const { version, ...fields } = body;
    return withLocalInstants(
      await updatePlan(ctx.database.db, plan, province, normalizePlan(fields), changedBy(ctx, actor), version).catch(
        dossierProblem,
      ),
    );
  },
});

export const deleteReformPlan = defineRoute({
  method: "DELETE",
  url: "/api/reform/plans/:id",
  summary: "Xóa kế hoạch CCHC và các nhiệm vụ (giữ lịch sử)",
  tags: ["reform"],
  access: "staff",
  response: NoContent,
  params: Id,
  query: VersionQuery,
  async handler({ ctx, actor, params, query, reply }) {
    const { plan, province } = await locatePlan(ctx.database.db, params.id);
    await manageUnit(ctx, actor, plan.unit);
    if (query.version !== undefined && query.version !== plan.version)
      throw conflict("version-conflict", "Kế hoạch vừa được người khác cập nhật; tải lại rồi thao tác lại");
    await deletePlan(ctx.database.db, plan, province, changedBy(ctx, actor));
    reply.status(204);
    return null;
  },
});

export const createReformTask = defineRoute({
  method: "POST",
  url: "/api/reform/plans/:id/tasks",
  summary: "Thêm nhiệm vụ vào kế hoạch: lĩnh vực, nội dung, sản phẩm đầu ra, chủ trì, phối hợp, thời hạn, loại",
  tags: ["reform"],
  access: "staff",
  response: ReformTask,
  params: Id,
  body: TaskSchema,
  async handler({ ctx, actor, params, body, reply }) {
    const { plan, province } = await locatePlan(ctx.database.db, params.id);
    await manageUnit(ctx, actor, plan.unit);
    const task = await createTask(ctx.database.db, plan, province, body, changedBy(ctx, actor)).catch(dossierProblem);
    reply.status(201);
    return withLocalInstants(task);
  },
});

export const updateReformTask = defineRoute({
  method: "PUT",
  url: "/api/reform/tasks/:id",
  summary: "Cập nhật nhiệm vụ: tiến độ, hoàn thành (cần văn bản đầu ra), tài liệu kiểm chứng",
  tags: ["reform"],
  access: "staff",
  response: ReformTask,
  params: Id,
  body: TaskSchema.extend(Version),
  async handler({ ctx, actor, params, body }) {
    const { task, plan, province } = await locateTask(ctx.database.db, params.id);
    await manageUnit(ctx, actor, plan.unit);
    const { version, ...fields } = body;
    return withLocalInstants(
      await updateTask(ctx.database.db, task, province, fields, changedBy(ctx, actor), version).catch(dossierProblem),
    );
  },
});

export const deleteReformTask = defineRoute({
  method: "DELETE",
  url: "/api/reform/tasks/:id",
  summary: "Xóa nhiệm vụ khỏi kế hoạch (giữ lịch sử)",
  tags: ["reform"],
  access: "staff",
  response: NoContent,
  params: Id,
  async handler({ ctx, actor, params, reply }) {
    const { task, plan, province } = await locateTask(ctx.database.db, params.id);
    await manageUnit(ctx, actor, plan.unit);
    await deleteTask(ctx.database.db, task, province, changedBy(ctx, actor));
    reply.status(204);
    return null;
  },
});

export const overdueReformTasks = defineRoute({
  method: "GET",
  url: "/api/reform/tasks/overdue",
  summary: "Nhiệm vụ CCHC quá hạn của đơn vị và cấp dưới đến ngày asOf, quá hạn lâu nhất trước",
  tags: ["reform"],
  access: "staff",
  response: OverdueReformTasks,
  query: z.object({ unit: z.string().max(32).optional(), asOf: LocalDate.optional() }),
  async handler({ ctx, actor, query }) {
    const units = await readScope(ctx, actor, query.unit);
    const asOf = asOfOr(ctx, query.asOf);
    const items = await overdueTasksOf(ctx.database.db, units, asOf);
    return withLocalInstants({
      asOf,
      items: items.map(({ task, plan }) => ({
        ...task,
        plan: { id: plan.id, unit: plan.unit, number: plan.number, title: plan.title },
      })),
    });
  },
});

export const reformHistory = defineRoute({
  method: "GET",
  url: "/api/reform/history/:what/:id",
  summary: "Lịch sử thay đổi của một kế hoạch, nhiệm vụ hoặc hồ sơ CCHC (trước và sau mỗi lần sửa)",
  tags: ["reform"],
  access: "staff",
  response: ReformHistory,
  params: z.object({ what: z.enum(["plan", "task", "record"]), id: z.coerce.number().int().positive() }),
  async handler({ ctx, actor, params }) {
    const owner = await ownerOf(ctx.database.db, params.what, params.id);
    if (!owner) throw notFound(`mục số ${params.id}`);
    await mayRead(ctx, actor, owner.unit);
    const items = await historyOf(ctx.database.db, subjectOf(params.what, owner.provinceCode, params.id));
    return withLocalInstants({ items });
  },
});
