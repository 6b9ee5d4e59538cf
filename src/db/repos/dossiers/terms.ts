// The terms a dossier runs under: the procedure version in force (with the province override), its time limit,
// and the unit's working calendar. decide() gets them as DossierDeps, so the pure core never sees the database.
import type { Kysely, Transaction } from "kysely";
import { localDate, type TimeLimit, type WorkingCalendar } from "../../../calendar/index.ts";
import type { DossierDeps } from "../../../dossier/decide.ts";
import type { Database } from "../../schema.ts";
import { calendarRegistryOf } from "../calendar.ts";
import { findEffectiveProcedure, type StoredProcedure } from "../catalog.ts";
import type { UnitDirectory } from "../units.ts";
import { ServiceError } from "./errors.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface Terms {
  limit: TimeLimit;
  /** After a supplement the clock restarts from zero (configurable per procedure; default: it resumes). */
  restartOnSupplement: boolean;
}

/** The calendar-bound arithmetic decide() needs. A restart-on-supplement procedure resumes with a fresh limit. */
export function dossierDeps(calendar: WorkingCalendar, terms: Terms | null): DossierDeps<TimeLimit> {
  return {
    appointment: (receivedAt, limit) => calendar.appointment(receivedAt, limit),
    resume: (dueAt, pausedAt, resumedAt) =>
      terms?.restartOnSupplement
        ? calendar.appointment(resumedAt, terms.limit)
        : calendar.resume(dueAt, pausedAt, resumedAt),
  };
}

/** The unit's working calendar (national + province overrides + the unit's office hours). */
export async function calendarOf(
  db: Kysely<Database>,
  units: UnitDirectory,
  unitCode: string,
): Promise<WorkingCalendar> {
  const registry = await calendarRegistryOf(db).fresh();
  return registry.calendarForUnit(units, unitCode);
}

/** The procedure version in force at `at` (local date) in the province; 422 when there is none. */
export async function procedureInForce(db: Db, code: string, at: Date, provinceCode: string): Promise<StoredProcedure> {
  const procedure = await findEffectiveProcedure(db as Kysely<Database>, code, localDate(at), provinceCode);
  if (!procedure) {
    throw new ServiceError(
      422,
      "procedure-not-in-force",
      `Thủ tục ${code} không có phiên bản nào có hiệu lực vào ngày ${localDate(at)}`,
      [{ name: "procedureCode", reason: "Thủ tục không tồn tại hoặc chưa có hiệu lực" }],
    );
  }
  if (procedure.placeholder) {
    throw new ServiceError(
      422,
      "procedure-placeholder",
      `Thủ tục ${code} chưa có dữ liệu danh mục: không tiếp nhận được`,
    );
  }
  return procedure;
}

export function termsOf(procedure: StoredProcedure): Terms {
  return { limit: procedure.timeLimit as TimeLimit, restartOnSupplement: procedure.restartOnSupplement };
}

/** The fee at intake: the sum of the procedure's fixed fees (a fee set elsewhere, amount null, counts 0). */
export function fixedFees(procedure: StoredProcedure): number {
  return procedure.fees.reduce((sum, fee) => sum + (fee.amount ?? 0), 0);
}
