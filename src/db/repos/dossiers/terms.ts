// The terms a dossier runs under: the procedure version in force (with the province override), its time limit,
// and the unit's working calendar. decide() gets them as DossierDeps, so the pure core never sees the database.
import type { Kysely, Transaction } from "kysely";
import { localDate, type TimeLimit, type WorkingCalendar } from "../../../calendar/index.ts";
import type { DossierDeps } from "../../../dossier/decide.ts";
import type { Database } from "../../schema.ts";
import { calendarRegistryOf } from "../calendar.ts";
import { catalogueGeneration, findEffectiveProcedure, findProcedureVersion, type StoredProcedure } from "../catalog.ts";
import type { UnitDirectory } from "../units.ts";
import { ServiceError } from "./errors.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface Terms {
  limit: TimeLimit;
  /** After a supplement the clock restarts from zero (configurable per procedure; default: it resumes). */
  restartOnSupplement: boolean;
}

/**
 * The calendar-bound arithmetic decide() needs. A restart-on-supplement procedure resumes with a fresh limit.
 * `approvalRequired`: the procedure's process has a leader-approval step (needsApproval).
 */
export function dossierDeps(
  calendar: WorkingCalendar,
  terms: Terms | null,
  rules: { approvalRequired?: boolean } = {},
): DossierDeps<TimeLimit> {
  return {
    ...(rules.approvalRequired ? { approvalRequired: true } : {}),
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

// Catalogue reads, per database handle, for every intake, acceptance and dossier view: an entry lives
// PROCEDURE_TTL_MS (another process may edit the catalogue or complete a placeholder version) and goes at once
// when this process writes the catalogue (catalogueGeneration). A transaction reads without the cache.
const PROCEDURE_TTL_MS = 10_000;
const PROCEDURE_CACHE_LIMIT = 10_000;
type Cached = { procedure: StoredProcedure; loadedAt: number; generation: number };
const procedureCache = new WeakMap<object, Map<string, Cached>>();

async function cachedProcedure(
  db: Db,
  key: string,
  load: () => Promise<StoredProcedure | undefined>,
): Promise<StoredProcedure | undefined> {
  const owner = (db as { isTransaction?: boolean }).isTransaction ? undefined : db;
  const cache = owner && (procedureCache.get(owner) ?? procedureCache.set(owner, new Map()).get(owner)!);
  const hit = cache?.get(key);
  if (hit && hit.generation === catalogueGeneration() && Date.now() - hit.loadedAt < PROCEDURE_TTL_MS) {
    return hit.procedure;
  }
  const generation = catalogueGeneration();
  const procedure = await load();
  if (cache && procedure) {
    if (cache.size >= PROCEDURE_CACHE_LIMIT) cache.clear();
    cache.set(key, { procedure, loadedAt: Date.now(), generation });
  }
  return procedure;
}

const effectiveProcedure = (db: Db, code: string, date: string, provinceCode: string) =>
  cachedProcedure(db, `${provinceCode}|${code}|${date}`, () =>
    findEffectiveProcedure(db as Kysely<Database>, code, date, provinceCode),
  );

/** The procedure version in force at `at` (local date) in the province; 422 when there is none. */
export async function procedureInForce(db: Db, code: string, at: Date, provinceCode: string): Promise<StoredProcedure> {
  const procedure = await effectiveProcedure(db, code, localDate(at), provinceCode);
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

/**
 * The procedure version a dossier was received under (the steps its control sheet is judged on); undefined for
 * an imported dossier without a version. `known`, when it is that version, saves reading it again; otherwise
 * it is read once per PROCEDURE_TTL_MS (outside a transaction).
 */
export async function dossierProcedure(
  db: Db,
  row: { procedure_code: string; procedure_version: number | null },
  known?: StoredProcedure,
): Promise<StoredProcedure | undefined> {
  if (row.procedure_version === null) return undefined;
  if (known?.code === row.procedure_code && known.version === row.procedure_version) return known;
  const { procedure_code: code, procedure_version: version } = row;
  return cachedProcedure(db, `${code}#${version}`, () => findProcedureVersion(db as Kysely<Database>, code, version));
}

/** The process has a leader-approval step (phê duyệt): resolve then needs an approval after the latest proposal. */
export function needsApproval(procedure: Pick<StoredProcedure, "steps"> | undefined): boolean {
  return procedure?.steps.some((step) => step.role === "leader") ?? false;
}
