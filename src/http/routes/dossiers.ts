// Staff dossier routes: intake at the counter (and its appointment preview), the paged lists and queues, one
// dossier with its timeline, allowed actions and control sheet. Lifecycle actions: dossiers-actions.ts.
import { z } from "zod";
import { Applicant } from "../../db/repos/dossiers/applicant.ts";
import { intake, previewAppointment } from "../../db/repos/dossiers/intake.ts";
import { listDossiers, QUEUES } from "../../db/repos/dossiers/list.ts";
import { type DossierFile, detailParts } from "../../db/repos/dossiers/detail.ts";
import { type DossierRow, getDossier, getDossierView, type ServiceContext } from "../../db/repos/dossiers/service.ts";
import { controlSheetOf } from "../../db/repos/dossiers/sheet.ts";
import type { StoredProcedure } from "../../db/repos/catalog.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import { calendarOf, dossierProcedure, needsApproval } from "../../db/repos/dossiers/terms.ts";
import { supplementChoices } from "../../dossier/completeness.ts";
import { project } from "../../dossier/evolve.ts";
import { STATUSES } from "../../dossier/status.ts";
import { type Actor, can } from "../../people/policy.ts";
import type { AppContext } from "../context.ts";
import { forbidden, validationFailed } from "../errors.ts";
import { auditWritten, plannedAudit } from "../request-audit.ts";
import { defineRoute, Paging } from "../route.ts";
import {
  actionAvailability,
  canReadDossier,
  coreActor,
  outOfScope,
  readableUnits,
  type StaffAction,
  unavailableActions,
} from "./dossiers-access.ts";
import { dossierProblem, presentDetail, presentSummary, withLocalInstants } from "./dossiers-present.ts";
import { AppointmentPreview, ControlSheetAnswer, Dossier, DossierPage, IntakeAnswer } from "../schemas/dossiers.ts";

export const serviceOf = (ctx: AppContext): ServiceContext => ({ db: ctx.database.db, units: ctx.units, now: ctx.now });

export const DossierCodeParam = z.object({ code: z.string().min(8).max(80) });

/** The Idempotency-Key header, when sent: 8–200 visible ASCII characters. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string | undefined {
  const raw = headers["idempotency-key"];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const key = raw.trim();
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw validationFailed([{ name: "Idempotency-Key", reason: "Khóa phải gồm 8–200 ký tự ASCII nhìn thấy được" }]);
  }
  return key;
}

const FileRef = z.object({ id: z.string().uuid("Mã tệp không hợp lệ"), component: z.string().max(300).optional() });

const IntakeBody = z.object({
  unitCode: z.string().min(1).max(32),
  procedureCode: z.string().min(1).max(40),
  channel: z.enum(["direct", "postal"], { message: "Kênh tiếp nhận tại quầy phải là direct hoặc postal" }),
  applicant: Applicant,
  components: z.array(z.string().min(1).max(300)).max(100).default([]),
  attachments: z.array(FileRef).max(100).default([]),
  fee: z.object({ amount: z.number().int().min(0), paidOnline: z.boolean().default(false) }).optional(),
  digitized: z.boolean().optional(),
  reason: z.string().max(2000).optional(),
  /** Refuse at the counter (form 03) instead of receiving: needs a reason. */
  refuse: z.boolean().default(false),
  /** Only compute the appointment (what preview-appointment does); nothing is stored. */
  dryRun: z.boolean().default(false),
});

export const createDossier = defineRoute({
  method: "POST",
  url: "/api/dossiers",
  summary: "Tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính (cấp mã hồ sơ, phiếu hẹn, mã tra cứu)",
  tags: ["dossiers"],
  access: "staff",
  response: IntakeAnswer,
  body: IntakeBody,
  async handler({ ctx, actor, body, request, reply }) {
    if (!can(actor, "dossier.receive", body.unitCode, ctx.units.parentOf)) {
      throw forbidden("Chỉ cán bộ Bộ phận Một cửa của đơn vị được tiếp nhận hồ sơ tại đơn vị này.");
    }
    const service = serviceOf(ctx);
    if (body.dryRun) return withLocalInstants(await previewAppointment(service, body).catch(dossierProblem));
    const key = idempotencyKeyOf(request.headers);
    // the request's audit row goes in with the dossier, in the same statement (one round trip, issue 20)
    const audit = plannedAudit(ctx, createDossier, request, actor!, 201);
    const outcome = await intake(
      service,
      coreActor(actor!, { role: "front_desk", unit: body.unitCode }),
      { ...body, mode: body.refuse ? "refuse" : "receive" },
      key,
      audit,
    ).catch(dossierProblem);
    if (!outcome.replayed) auditWritten(request, audit);
    reply.status(outcome.replayed ? 200 : 201);
    // a new dossier: its only actor is the caller, its procedure is the one intake used, its files are in its log
    const known = outcome.replayed
      ? undefined
      : {
          procedure: outcome.procedure,
          names: new Map([[String(actor!.userId), actor!.fullName]]),
          noFiles: outcome.log.every((e) => !e.attachments?.length),
        };
    return {
      ...(await detailOf(ctx, actor!, outcome.row, outcome.log, known)),
      lookupSecret: outcome.lookupSecret,
      replayed: outcome.replayed,
    };
  },
});

export const previewDossierAppointment = defineRoute({
  method: "POST",
  url: "/api/dossiers/preview-appointment",
  summary: "Ngày hẹn trả nếu tiếp nhận ngay bây giờ (hiển thị trước khi xác nhận tiếp nhận)",
  tags: ["dossiers"],
  access: "staff",
  response: AppointmentPreview,
  body: z.object({ unitCode: z.string().min(1).max(32), procedureCode: z.string().min(1).max(40) }),
  async handler({ ctx, actor, body }) {
    if (!can(actor, "dossier.receive", body.unitCode, ctx.units.parentOf)) throw forbidden();
    return withLocalInstants(await previewAppointment(serviceOf(ctx), body).catch(dossierProblem));
  },
});

export const listDossierQueue = defineRoute({
  method: "GET",
  url: "/api/dossiers",
  summary:
    "Danh sách hồ sơ trong phạm vi đơn vị: lọc theo đơn vị, trạng thái, hàng đợi, tìm không dấu; phân trang bằng con trỏ (cursor, nextCursor)",
  tags: ["dossiers"],
  access: "staff",
  response: DossierPage,
  query: z.object({
    unit: z.string().min(1).max(32).optional(),
    state: z.enum(STATUSES as [string, ...string[]]).optional(),
    queue: z.enum(QUEUES).optional(),
    q: z.string().max(200).optional(),
    cursor: z.string().max(600).optional().describe("nextCursor của trang trước; không gửi = trang đầu"),
    ...Paging,
  }),
  async handler({ ctx, actor, query }) {
    const units = await ctx.units.fresh();
    let scope = readableUnits(actor!, units);
    if (query.unit) {
      if (!can(actor, "dossier.read", query.unit, units.parentOf)) throw forbidden();
      scope = units.subtree(query.unit);
    }
    const service = serviceOf(ctx);
    const page = await listDossiers(service, { ...query, units: scope, userId: actor!.userId }).catch(dossierProblem);
    return {
      items: await presentSummaries(ctx, units, page.items),
      total: page.total,
      totalExact: page.totalExact,
      nextCursor: page.nextCursor,
      page: query.page,
      pageSize: query.pageSize,
    };
  },
});

/** A list's rows as summaries, each with its working time left on its unit's calendar. */
export async function presentSummaries(ctx: AppContext, units: UnitDirectory, rows: readonly DossierRow[]) {
  const now = ctx.now();
  const db = serviceOf(ctx).db;
  const presented = [];
  for (const row of rows) presented.push(presentSummary(row, units, now, await calendarOf(db, units, row.unit_code)));
  return presented;
}

/** What the caller already knows of a dossier it has just written, so the view does not read it again. */
export interface KnownDetail {
  procedure?: StoredProcedure;
  /** The full names of every actor in the log. */
  names?: Map<string, string>;
  /** No file is linked to the dossier. */
  noFiles?: boolean;
  /** The files linked to the dossier, read with it (getDossierView). */
  files?: DossierFile[];
}

/** The full view of a dossier for this actor. */
export async function detailOf(
  ctx: AppContext,
  actor: Actor,
  row: Awaited<ReturnType<typeof getDossier>>["row"],
  log: Awaited<ReturnType<typeof getDossier>>["log"],
  known: KnownDetail = {},
) {
  const service = serviceOf(ctx);
  const state = project(log);
  // one wave, one statement at most: the calendar and the procedure version are cached
  const [calendar, procedure, { names, files: stored }] = await Promise.all([
    calendarOf(service.db, ctx.units, row.unit_code),
    dossierProcedure(service.db, row, known.procedure),
    detailParts(service.db, row, log, known),
  ]);
  const sheet = await controlSheetOf(service, row, log, calendar, procedure);
  const files = stored.map(({ created_at, ...file }) => ({ ...file, createdAt: created_at }));
  const availability = actionAvailability(actor, row, state, ctx.units, { approvalRequired: needsApproval(procedure) });
  const detail = presentDetail(row, ctx.units, ctx.now(), {
    log,
    state,
    names,
    allowedActions: availability.flatMap((a) => (a.allowed ? [a.action as StaffAction] : [])),
    controlSheet: sheet,
    files,
    calendar,
  });
  // what a supplement request offers: the procedure's components not handed in (src/dossier/completeness.ts)
  const handed = (Array.isArray(row.components) ? (row.components as { name?: unknown; received?: unknown }[]) : [])
    .filter((c) => typeof c.name === "string" && c.received !== false)
    .map((c) => c.name as string);
  return {
    ...detail,
    unavailableActions: unavailableActions(availability),
    supplementChoices: supplementChoices(procedure?.components ?? [], handed),
  };
}

export const getDossierDetail = defineRoute({
  method: "GET",
  url: "/api/dossiers/:code",
  summary: "Hồ sơ: thông tin, diễn biến, thao tác được phép với người dùng, phiếu kiểm soát",
  tags: ["dossiers"],
  access: "staff",
  response: Dossier,
  params: DossierCodeParam,
  async handler({ ctx, actor, params }) {
    // one statement: the row, its log, the staff it names and its files (issue 20)
    const view = await getDossierView(serviceOf(ctx), params.code, { names: true, files: true }).catch(dossierProblem);
    if (!canReadDossier(actor, view.row, ctx.units)) throw outOfScope(view.row.code);
    return detailOf(ctx, actor!, view.row, view.log, { names: view.names, files: view.files });
  },
});

export const getControlSheet = defineRoute({
  method: "GET",
  url: "/api/dossiers/:code/control-sheet",
  summary: "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)",
  tags: ["dossiers"],
  access: "staff",
  response: ControlSheetAnswer,
  params: DossierCodeParam,
  async handler({ ctx, actor, params }) {
    const service = serviceOf(ctx);
    const { row, log } = await getDossier(service, params.code).catch(dossierProblem);
    if (!canReadDossier(actor, row, ctx.units)) throw outOfScope(row.code);
    const [calendar, procedure] = await Promise.all([
      calendarOf(service.db, ctx.units, row.unit_code),
      dossierProcedure(service.db, row),
    ]);
    return withLocalInstants({ code: row.code, ...(await controlSheetOf(service, row, log, calendar, procedure)) });
  },
});
