// Intake: counter/postal receipt (or refusal at the counter) and online submission. One transaction allocates
// the code <unit>-YYMMDD-XXXX from dossier_sequences (a row lock per unit and day: no gaps, no duplicates under
// concurrent intake), decides the first event, stores the dossier with its terms, checklist and files.
import { randomInt } from "node:crypto";
import type { Transaction } from "kysely";
import { localDate, type TimeLimit } from "../../../calendar/index.ts";
import type { DossierCommand } from "../../../dossier/commands.ts";
import { decide } from "../../../dossier/decide.ts";
import { missingRequired } from "../../../dossier/completeness.ts";
import { INITIAL_STATE, project } from "../../../dossier/evolve.ts";
import type { Channel } from "../../../dossier/record.ts";
import type { Actor, Attachment } from "../../../dossier/status.ts";
import type { Database } from "../../schema.ts";
import {
  type AuditInsert,
  type DossierHeader,
  insertWithNextCode,
  loadDossier,
  withReceiptNo,
} from "../dossier-store.ts";
import { claimFiles, linkFiles, type NewFile, storeFile } from "../files.ts";
import { type Applicant, checkApplicant } from "./applicant.ts";
import { DossierRefusal, isUniqueViolation, ServiceError } from "./errors.ts";
import type { StoredProcedure } from "../catalog.ts";
import {
  type DossierRow,
  EVENT_OF_ACTION,
  findKeyedEvent,
  keyReused,
  type Outcome,
  type ServiceContext,
} from "./service.ts";
import { calendarOf, dossierDeps, fixedFees, procedureInForce, termsOf } from "./terms.ts";

/** Unambiguous letters and digits (no 0/O, 1/I/L): read aloud at a counter, typed from a receipt. */
export const SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LOOKUP_SECRET_LENGTH = 8;

export function newLookupSecret(): string {
  let secret = "";
  for (let i = 0; i < LOOKUP_SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return secret;
}

export type IntakeMode = "receive" | "refuse" | "submit_online";

export interface IntakeInput {
  mode: IntakeMode;
  unitCode: string;
  procedureCode: string;
  channel: Channel;
  applicant: Applicant;
  /** Names of the procedure's components handed in (the checklist). */
  components: string[];
  /** Files already uploaded (POST /api/files), each optionally for a component. */
  attachments?: { id: string; component?: string }[];
  /** Files sent with an online submission. */
  newFiles?: (Omit<NewFile, "provinceCode" | "uploadedBy" | "dossierCode"> & { component?: string })[];
  /** The fee collected; default the procedure's fixed fees. */
  fee?: { amount: number; paidOnline: boolean };
  digitized?: boolean;
  reason?: string;
}

/** Where a dossier starts: the unit (known, its province) and the procedure in force with its terms. */
async function intakeTerms(ctx: ServiceContext, input: Pick<IntakeInput, "unitCode" | "procedureCode">) {
  const units = await ctx.units.fresh();
  const unit = units.find(input.unitCode);
  if (!unit) {
    throw new ServiceError(422, "unknown-unit", `Không có đơn vị ${input.unitCode}`, [
      { name: "unitCode", reason: "Đơn vị không tồn tại" },
    ]);
  }
  if (unit.effectiveTo !== null && unit.effectiveTo < localDate(ctx.now())) {
    throw new ServiceError(422, "unit-ended", `Đơn vị ${unit.name} đã chấm dứt hoạt động từ ${unit.effectiveTo}`, [
      { name: "unitCode", reason: "Đơn vị đã chấm dứt hoạt động" },
    ]);
  }
  const provinceCode = units.provinceOf(unit.code) ?? unit.provinceCode;
  const now = ctx.now();
  const procedure = await procedureInForce(ctx.db, input.procedureCode, now, provinceCode);
  const calendar = await calendarOf(ctx.db, units, unit.code);
  return { unit, provinceCode, now, procedure, terms: termsOf(procedure), calendar };
}

/** The appointment a receipt now would get, shown before the officer confirms (nothing is stored). */
export async function previewAppointment(ctx: ServiceContext, input: Pick<IntakeInput, "unitCode" | "procedureCode">) {
  const { unit, now, procedure, terms, calendar } = await intakeTerms(ctx, input);
  return {
    unitCode: unit.code,
    procedure: { code: procedure.code, version: procedure.version, name: procedure.name, field: procedure.field },
    limit: terms.limit,
    receivedAt: now,
    dueAt: calendar.appointment(now, terms.limit),
    fee: fixedFees(procedure),
    components: procedure.components,
  };
}

function checkComponents(names: readonly string[], known: readonly { name: string }[]): void {
  const allowed = new Set(known.map((c) => c.name));
  const unknown = names.map((name, i) => ({ name, i })).filter(({ name }) => !allowed.has(name));
  if (unknown.length) {
    throw new ServiceError(
      400,
      "validation-failed",
      "Thành phần hồ sơ không có trong danh mục của thủ tục",
      unknown.map(({ name, i }) => ({
        name: `components.${i}`,
        reason: `"${name}" không phải thành phần hồ sơ của thủ tục`,
      })),
    );
  }
}

function firstCommand(
  input: IntakeInput,
  code: string,
  limit: TimeLimit,
  missing: readonly string[],
): DossierCommand<TimeLimit> {
  const common = { ...(input.reason ? { reason: input.reason } : {}) };
  switch (input.mode) {
    case "receive":
      // the required components not handed in refuse the receipt (src/dossier/completeness.ts)
      return {
        action: "receive",
        channel: input.channel,
        unit: input.unitCode,
        receiptNo: code,
        limit,
        missing,
        ...common,
      };
    case "refuse":
      return { action: "refuse", channel: input.channel, unit: input.unitCode, ...common };
    case "submit_online":
      return {
        action: "submit_online",
        channel: input.channel as "online_full",
        unit: input.unitCode,
        missing,
        ...common,
      };
  }
}

/** The components an online submission carries a file for (new uploads, or earlier uploads claimed by id). */
function filedComponents(input: IntakeInput): string[] {
  return [...(input.newFiles ?? []), ...(input.attachments ?? [])].flatMap((f) => (f.component ? [f.component] : []));
}

/** The code a new dossier's first command names before the database allocates the real one. */
const CODE_PENDING = "(cấp khi lưu)";

/**
 * Takes a dossier in; the same idempotency key returns the dossier it created (and creates nothing). Without
 * files this is one statement (`insertWithNextCode`); with files, one transaction that stores or claims them,
 * inserts, and links them to the new code. `audit`: the request's audit row, stored with the dossier (by the
 * same statement) when a new dossier is stored, not on a replay or a refusal.
 */
export async function intake(
  ctx: ServiceContext,
  actor: Actor,
  input: IntakeInput,
  idempotencyKey?: string,
  audit?: AuditInsert,
): Promise<Outcome & { lookupSecret: string; procedure: StoredProcedure }> {
  const applicant = checkApplicant(input.applicant, { now: ctx.now(), phoneRequired: input.mode === "submit_online" });
  const { provinceCode, now, procedure, terms, calendar } = await intakeTerms(ctx, input);
  checkComponents(input.components, procedure.components);
  const components = input.newFiles?.length
    ? [...new Set([...input.components, ...input.newFiles.flatMap((f) => (f.component ? [f.component] : []))])]
    : input.components;
  checkComponents(components, procedure.components);
  // online, a component is handed in only with a file; at the counter, the clerk's checklist
  const handedIn = input.mode === "submit_online" ? filedComponents(input) : components;
  const action = input.mode === "submit_online" ? "submit_online" : input.mode;
  const lookupSecret = newLookupSecret();
  const header: Omit<DossierHeader, "code"> = {
    provinceCode,
    unitCode: input.unitCode,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    procedureName: procedure.name,
    field: procedure.field,
    level: procedure.level,
    applicant: { ...applicant },
    digitized: input.digitized ?? (input.mode === "submit_online" && (input.newFiles?.length ?? 0) > 0),
    eResult: false,
    feeAmount: input.fee?.amount ?? fixedFees(procedure),
    feePaidOnline: input.fee?.paidOnline ?? false,
    lookupSecret,
    source: "live",
    contentHash: null,
  };
  const extra = {
    time_limit: input.mode === "submit_online" ? null : JSON.stringify(terms.limit),
    restart_on_supplement: terms.restartOnSupplement,
    components: JSON.stringify(components.map((name) => ({ name, received: true }))),
  };
  const store = async (db: ServiceContext["db"] | Transaction<Database>) => {
    // files first, so the first event names them (id + sha-256); they are linked once the code exists
    const attachments: Attachment[] = [];
    const newFiles: { id: string }[] = [];
    for (const file of input.newFiles ?? []) {
      const stored = await storeFile(db, { ...file, provinceCode, uploadedBy: null });
      attachments.push({ id: stored.id, sha256: stored.sha256, name: stored.name });
      newFiles.push({ id: stored.id });
    }
    attachments.push(...(await claimFiles(db, provinceCode, input.attachments ?? [])));
    const command = firstCommand(input, CODE_PENDING, terms.limit, missingRequired(procedure.components, handedIn));
    const decision = decide(INITIAL_STATE, { ...command, attachments }, actor, now, dossierDeps(calendar, terms));
    if ("error" in decision) throw new DossierRefusal(decision.error);
    let row: DossierRow | undefined;
    try {
      // undefined: an import took the code without bumping the sequence, which has now moved past it
      while (!row) row = await insertWithNextCode(db, header, now, decision.events, idempotencyKey, extra, audit);
    } catch (error) {
      if ((error as { code?: string }).code === "23514") {
        throw new ServiceError(
          409,
          "daily-sequence-exhausted",
          `Đơn vị ${input.unitCode} đã cấp đủ 9999 mã hồ sơ trong ngày ${localDate(now)}`,
        );
      }
      throw error;
    }
    await linkFiles(db, provinceCode, row.code, [...newFiles, ...(input.attachments ?? [])]);
    const log = withReceiptNo(decision.events, row.code);
    return { row, log, state: project(log), replayed: false, lookupSecret, procedure };
  };
  try {
    const withFiles = (input.newFiles?.length ?? 0) + (input.attachments?.length ?? 0) > 0;
    return withFiles ? await ctx.db.transaction().execute(store) : await store(ctx.db);
  } catch (error) {
    if (idempotencyKey && isUniqueViolation(error, "dossier_events_idempotency")) {
      const replay = await intakeReplay(ctx.db, provinceCode, action, idempotencyKey);
      if (replay) return { ...replay, procedure };
    }
    throw error;
  }
}

async function intakeReplay(
  db: ServiceContext["db"] | Transaction<Database>,
  provinceCode: string,
  action: "receive" | "refuse" | "submit_online",
  key: string,
): Promise<(Outcome & { lookupSecret: string }) | undefined> {
  const prior = await findKeyedEvent(db, provinceCode, key);
  if (!prior) return undefined;
  if (prior.seq !== 1 || prior.type !== EVENT_OF_ACTION[action]) throw keyReused();
  const loaded = await loadDossier(db, provinceCode, prior.dossier_code);
  if (!loaded) throw keyReused();
  const state = project(loaded.log);
  return { row: loaded.row, log: loaded.log, state, replayed: true, lookupSecret: loaded.row.lookup_secret ?? "" };
}
