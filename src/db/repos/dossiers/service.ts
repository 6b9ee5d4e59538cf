// executeCommand: one lifecycle command on a stored dossier, in one transaction —
// lock the row → authorize on what is stored → replay a retried command → check the revision the caller saw →
// decide() with the unit's calendar and the procedure's limit → append the events and rewrite the projection.
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { TimeLimit } from "../../../calendar/index.ts";
import type { Action, DossierCommand } from "../../../dossier/commands.ts";
import { decide } from "../../../dossier/decide.ts";
import type { LifecycleEvent, LifecycleEventType } from "../../../dossier/events.ts";
import { type DossierState, project } from "../../../dossier/evolve.ts";
import type { Actor } from "../../../dossier/status.ts";
import type { Database, DossiersTable } from "../../schema.ts";
import { appendEvents, ConcurrentUpdateError, headerOf, loadDossier } from "../dossier-store.ts";
import type { UnitDirectory } from "../units.ts";
import { calendarRegistryOf } from "../calendar.ts";
import { type DossierView, dossierByCode, loadDossierView, type ViewParts } from "./detail.ts";
import { DossierRefusal, dossierNotFound, isUniqueViolation, ServiceError } from "./errors.ts";
import { dossierDeps, dossierProcedure, needsApproval, procedureInForce, type Terms, termsOf } from "./terms.ts";

export interface ServiceContext {
  db: Kysely<Database>;
  units: UnitDirectory;
  now(): Date;
}

export type DossierRow = Selectable<DossiersTable>;

export interface Outcome {
  row: DossierRow;
  log: LifecycleEvent[];
  state: DossierState;
  /** The same idempotency key was seen before: nothing was done, this is the stored outcome. */
  replayed: boolean;
}

/** The event each action appends: a retried key is a replay only for the same dossier and the same action. */
export const EVENT_OF_ACTION: Readonly<Record<Action, LifecycleEventType>> = {
  submit_online: "submitted",
  receive: "received",
  accept: "accepted",
  refuse: "refused",
  request_supplement: "supplement_requested",
  receive_supplement: "supplement_received",
  assign: "assigned",
  start_processing: "processing_started",
  transfer: "transferred",
  propose_result: "result_proposed",
  approve: "result_approved",
  request_payment: "payment_requested",
  record_payment: "payment_recorded",
  resolve: "resolved",
  decline: "declined",
  return: "returned",
  withdraw: "withdrawn",
  stop: "stopped",
  extend: "extended",
  rate: "rated",
};

/** The province named by a dossier code: the province of its receiving unit, when the code names a known unit. */
export async function provinceNamedByCode(ctx: ServiceContext, code: string): Promise<string | undefined> {
  const unit = /^(.+)-\d{6}-\d{4}$/.exec(code)?.[1];
  if (!unit) return undefined;
  const units = await ctx.units.fresh();
  return units.find(unit) ? units.provinceOf(unit) : undefined;
}

/**
 * The province a dossier code belongs to: the one its unit names, else (an imported or unknown code) whichever
 * province holds it, found by the primary key (dossierByCode).
 */
export async function provinceOfCode(ctx: ServiceContext, code: string): Promise<string | undefined> {
  const named = await provinceNamedByCode(ctx, code);
  if (named) return named;
  const { rows } = await dossierByCode(sql`d.province_code`, undefined, code)
    .$castTo<{ province_code: string }>()
    .execute(ctx.db);
  return rows[0]?.province_code;
}

/** The stored dossier (row + log, in one statement), or 404; `parts` adds the detail's names and files. */
export async function getDossierView(ctx: ServiceContext, code: string, parts: ViewParts = {}): Promise<DossierView> {
  const view = await loadDossierView(ctx.db, await provinceNamedByCode(ctx, code), code, parts);
  if (!view) throw dossierNotFound(code);
  return view;
}

/** The stored dossier (row + log), or 404. */
export async function getDossier(
  ctx: ServiceContext,
  code: string,
): Promise<{ row: DossierRow; log: LifecycleEvent[] }> {
  const { row, log } = await getDossierView(ctx, code);
  return { row, log };
}

/** The event stored under an idempotency key, if any. */
export async function findKeyedEvent(db: Kysely<Database> | Transaction<Database>, provinceCode: string, key: string) {
  return db
    .selectFrom("dossier_events")
    .select(["dossier_code", "type", "seq"])
    .where("province_code", "=", provinceCode)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
}

export const keyReused = () =>
  new ServiceError(
    422,
    "idempotency-key-reused",
    "Khóa Idempotency-Key này đã được dùng cho một thao tác khác; mỗi thao tác mới cần một khóa mới.",
  );

/** The terms stored at receipt, or (imported or not yet received) the procedure's in force at `at`. */
async function termsFor(trx: Transaction<Database>, row: DossierRow, at: Date): Promise<Terms | null> {
  if (row.time_limit) return { limit: row.time_limit as TimeLimit, restartOnSupplement: row.restart_on_supplement };
  try {
    return termsOf(await procedureInForce(trx, row.procedure_code, at, row.province_code));
  } catch (error) {
    if (error instanceof ServiceError) return null;
    throw error;
  }
}

export interface CommandOptions {
  /**
   * The revision (number of events) the caller saw; a different stored revision is a concurrent update.
   * Null only for commands whose outcome cannot depend on what the caller saw (a citizen's rating).
   */
  revision: number | null;
  idempotencyKey?: string;
  /** Decides who acts, from the locked row (its current and receiving unit); throws when the caller may not. */
  authorize(row: DossierRow): Actor;
  /** More writes in the same transaction, after the events (e.g. the ratings row); `log` includes the new events. */
  afterAppend?(trx: Transaction<Database>, row: DossierRow, log: readonly LifecycleEvent[]): Promise<void>;
  /**
   * Completes the command inside the transaction, on the locked row, before decide() (e.g. files stored with it,
   * so a refused command stores none of them).
   */
  prepare?(
    trx: Transaction<Database>,
    row: DossierRow,
    command: DossierCommand<TimeLimit>,
  ): Promise<DossierCommand<TimeLimit>>;
}

/** A command on an existing dossier; the command's appointment limit (accept) is filled in from the terms. */
export async function executeCommand(
  ctx: ServiceContext,
  code: string,
  command: DossierCommand<TimeLimit>,
  options: CommandOptions,
): Promise<Outcome> {
  const province = await provinceOfCode(ctx, code);
  if (!province) throw dossierNotFound(code);
  // Load (or refresh) the calendars BEFORE the transaction: a refresh reads through the pool, and on the
  // embedded engine the pool is the one connection this transaction holds — reading inside would deadlock.
  const calendars = await calendarRegistryOf(ctx.db).fresh();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const loaded = await loadDossier(trx, province, code, true);
      if (!loaded) throw dossierNotFound(code);
      const actor = options.authorize(loaded.row);
      if (options.idempotencyKey) {
        const replay = await replayOf(trx, province, code, command.action, options.idempotencyKey);
        if (replay) return replay;
      }
      if (options.revision !== null && loaded.row.revision !== options.revision) {
        throw new ConcurrentUpdateError(
          `Hồ sơ ${code} vừa được người khác cập nhật (phiên bản ${loaded.row.revision}, bạn đang xem phiên bản ${options.revision}). Vui lòng tải lại hồ sơ rồi thao tác lại.`,
        );
      }
      const now = ctx.now();
      const header = headerOf(loaded.row);
      const state = project(loaded.log);
      let terms = await termsFor(trx, loaded.row, now);
      let cmd = options.prepare ? await options.prepare(trx, loaded.row, command) : command;
      if (cmd.action === "accept") {
        // the version in force when the online submission is accepted (received) is the dossier's
        const procedure = await procedureInForce(trx, header.procedureCode, now, province);
        terms = termsOf(procedure);
        header.procedureVersion = procedure.version;
        header.procedureName = procedure.name;
        cmd = { ...cmd, limit: terms.limit, receiptNo: cmd.receiptNo || code };
      }
      const calendar = calendars.calendarForUnit(ctx.units, loaded.row.unit_code);
      // the leader-approval rule is the procedure's (its process steps); only resolve reads it
      const approvalRequired = command.action === "resolve" && needsApproval(await dossierProcedure(trx, loaded.row));
      const decision = decide(state, cmd, actor, now, dossierDeps(calendar, terms, { approvalRequired }));
      if ("error" in decision) throw new DossierRefusal(decision.error);
      await appendEvents(trx, header, loaded.log, loaded.row.revision, decision.events, options.idempotencyKey);
      if (command.action === "accept" && terms) {
        await trx
          .updateTable("dossiers")
          .set({ time_limit: JSON.stringify(terms.limit), restart_on_supplement: terms.restartOnSupplement })
          .where("province_code", "=", province)
          .where("code", "=", code)
          .execute();
      }
      const log = [...loaded.log, ...decision.events];
      if (options.afterAppend) await options.afterAppend(trx, loaded.row, log);
      const row = await trx
        .selectFrom("dossiers")
        .selectAll()
        .where("province_code", "=", province)
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
      return { row, log, state: project(log), replayed: false };
    });
  } catch (error) {
    // a twin request with the same key committed first (it held no row lock when it checked): replay it
    if (options.idempotencyKey && isUniqueViolation(error, "dossier_events_idempotency")) {
      const replay = await replayOf(ctx.db, province, code, command.action, options.idempotencyKey);
      if (replay) return replay;
    }
    throw error;
  }
}

/** The stored outcome of a command already done under `key`, or undefined when the key is new. */
export async function replayOf(
  db: Kysely<Database> | Transaction<Database>,
  province: string,
  code: string,
  action: Action,
  key: string,
): Promise<Outcome | undefined> {
  const prior = await findKeyedEvent(db, province, key);
  if (!prior) return undefined;
  if (prior.dossier_code !== code || prior.type !== EVENT_OF_ACTION[action]) throw keyReused();
  const loaded = await loadDossier(db, province, code);
  if (!loaded) throw dossierNotFound(code);
  return { row: loaded.row, log: loaded.log, state: project(loaded.log), replayed: true };
}
