// Phản ánh, kiến nghị (PAKN): recorded with a due date on the unit's calendar, answered once by its staff,
// published when answered (without the sender's name or contact).
import type { Kysely, Selectable } from "kysely";
import { normalizePhone } from "../../dossier/identity.ts";
import type { Database, FeedbackTable } from "../schema.ts";
import { ServiceError } from "./dossiers/errors.ts";
import { provinceOfCode, type ServiceContext } from "./dossiers/service.ts";
import { calendarOf } from "./dossiers/terms.ts";
import { inUnits } from "./unit-scope.ts";

/**
 * The answer is due 10 working days after receipt on the unit's calendar: the time Decree 20/2008/NĐ-CP gives an
 * agency to handle a feedback it has accepted. A province with a shorter rule changes this constant.
 */
export const FEEDBACK_DUE_WORKING_DAYS = 10;

export interface FeedbackInput {
  name: string;
  /** A mobile number or an e-mail address, to answer the sender. */
  contact?: string;
  subject: string;
  content: string;
  dossierCode?: string;
  unitCode?: string;
  procedureCode?: string;
}

export type FeedbackRow = Selectable<FeedbackTable>;

const invalid = (name: string, reason: string) =>
  new ServiceError(400, "validation-failed", reason, [{ name, reason }]);

export async function submitFeedback(ctx: ServiceContext, input: FeedbackInput): Promise<FeedbackRow> {
  const units = await ctx.units.fresh();
  let unitCode = input.unitCode;
  let provinceCode: string | undefined;
  let procedureCode = input.procedureCode ?? null;
  if (input.dossierCode) {
    provinceCode = await provinceOfCode(ctx, input.dossierCode);
    const dossier = provinceCode
      ? await ctx.db
          .selectFrom("dossiers")
          .select(["unit_code", "procedure_code"])
          .where("province_code", "=", provinceCode)
          .where("code", "=", input.dossierCode)
          .executeTakeFirst()
      : undefined;
    if (!dossier) throw invalid("dossierCode", `Không có hồ sơ ${input.dossierCode}`);
    unitCode = dossier.unit_code;
    procedureCode ??= dossier.procedure_code;
  }
  if (!unitCode) throw invalid("unitCode", "Chọn cơ quan nhận phản ánh hoặc nhập mã hồ sơ liên quan");
  if (!units.find(unitCode)) throw invalid("unitCode", `Không có đơn vị ${unitCode}`);
  provinceCode = units.provinceOf(unitCode) ?? provinceCode!;
  const contact = input.contact?.trim();
  let phone: string | null = null;
  let email: string | null = null;
  if (contact) {
    phone = normalizePhone(contact) ?? null;
    if (!phone) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) {
        throw invalid("contact", "Nhập số điện thoại di động hoặc thư điện tử hợp lệ");
      }
      email = contact;
    }
  }
  const now = ctx.now();
  const calendar = await calendarOf(ctx.db, units, unitCode);
  const dueAt = calendar.addWorkingMinutes(
    calendar.nextWorkingInstant(now),
    FEEDBACK_DUE_WORKING_DAYS * calendar.workingDayMinutes,
  );
  return ctx.db
    .insertInto("feedback")
    .values({
      province_code: provinceCode,
      unit_code: unitCode,
      dossier_code: input.dossierCode ?? null,
      procedure_code: procedureCode,
      received_at: now,
      sender_name: input.name.trim(),
      sender_phone: phone,
      sender_email: email,
      subject: input.subject.trim(),
      content: input.content.trim(),
      due_at: dueAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findFeedback(db: Kysely<Database>, id: number): Promise<FeedbackRow | undefined> {
  return db.selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records the answer and publishes the item; an answered item is never answered again (409). */
export async function answerFeedback(
  ctx: ServiceContext,
  row: FeedbackRow,
  answer: string,
  userId: number,
): Promise<FeedbackRow> {
  const updated = await ctx.db
    .updateTable("feedback")
    .set({ answer: answer.trim(), answered_at: ctx.now(), answered_by: userId, published: true })
    .where("province_code", "=", row.province_code)
    .where("id", "=", row.id)
    .where("answer", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new ServiceError(409, "already-answered", `Phản ánh, kiến nghị số ${row.id} đã được trả lời`);
  return updated;
}

/** Published (answered) items, newest answer first. */
export async function listPublishedFeedback(db: Kysely<Database>, page: number, pageSize: number) {
  const base = db.selectFrom("feedback").where("published", "=", true);
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("answered_at", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Items of some units for their staff: open first (earliest due), then answered. */
export async function listUnitFeedback(
  db: Kysely<Database>,
  units: readonly string[] | undefined,
  open: boolean | undefined,
  page: number,
  pageSize: number,
) {
  let base = db.selectFrom("feedback");
  if (units) base = base.where(inUnits({ unitCodes: units }));
  if (open !== undefined) base = base.where("answer", open ? "is" : "is not", null);
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("answered_at", "desc")
      .orderBy("due_at", "asc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
