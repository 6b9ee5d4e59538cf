// Versions of the national catalogue: a version is never rewritten — an edit adds the next version with a later
// effectiveFrom, and a dossier keeps the one it was received under. The version in force on a date is read with
// the province's override laid over it.
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Procedure } from "../../catalog/procedure.ts";
import { findEffectiveProcedure as applyOverride } from "../../catalog/versions.ts";
import type { Database, ProcedureOverridesTable } from "../schema.ts";
import {
  CatalogError,
  changing,
  overrideFromRow,
  procedureFromRow,
  procedureToRow,
  type StoredProcedure,
} from "./catalog-rows.ts";

type Db = Kysely<Database>;

/**
 * Adds a version of a procedure (an edit; the first version if the code is new). Its number is the next one
 * and its effectiveFrom must be after every stored version's: old versions, and the dossiers that keep them,
 * are never touched.
 */
export async function createProcedureVersion(
  db: Db,
  input: Procedure,
  /** Written in the same transaction as the version (the audit trail). */
  audit?: (trx: Transaction<Database>, created: Procedure) => Promise<void>,
): Promise<Procedure> {
  return changing(
    db.transaction().execute(async (trx) => {
      await sql`lock table procedures in share row exclusive mode`.execute(trx);
      const latest = await trx
        .selectFrom("procedures")
        .select(["version", "effective_from"])
        .where("code", "=", input.code)
        .orderBy("version", "desc")
        .executeTakeFirst();
      if (latest && latest.effective_from >= input.effectiveFrom) {
        throw new CatalogError(
          "version-order",
          `Phiên bản mới của thủ tục ${input.code} phải có ngày hiệu lực sau ${latest.effective_from} (ngày hiệu lực của phiên bản ${latest.version})`,
        );
      }
      const created: Procedure = { ...input, version: (latest?.version ?? 0) + 1 };
      await trx.insertInto("procedures").values(procedureToRow(created)).execute();
      await audit?.(trx, created);
      return created;
    }),
  );
}

/** Every version of a procedure, oldest first. */
export async function listProcedureVersions(db: Db, code: string): Promise<StoredProcedure[]> {
  const rows = await db.selectFrom("procedures").selectAll().where("code", "=", code).orderBy("version").execute();
  return rows.map(procedureFromRow);
}

/** One version by number (the one a dossier was received under). */
export async function findProcedureVersion(db: Db, code: string, version: number) {
  const row = await db
    .selectFrom("procedures")
    .selectAll()
    .where("code", "=", code)
    .where("version", "=", version)
    .executeTakeFirst();
  return row && procedureFromRow(row);
}

/**
 * The version of `code` in force on `date` (local YYYY-MM-DD), with the province's latest override in force
 * on that date laid over it when `provinceCode` is given. Undefined if no version is in force then.
 */
export async function findEffectiveProcedure(
  db: Db,
  code: string,
  date: string,
  provinceCode?: string,
): Promise<StoredProcedure | undefined> {
  // one round trip: the version in force, and the province's latest override in force beside it as JSON
  const row = await db
    .selectFrom("procedures")
    .selectAll()
    .select((eb) =>
      jsonObjectFrom(
        eb
          .selectFrom("procedure_overrides as o")
          .select([
            "o.province_code",
            "o.procedure_code",
            "o.version",
            "o.effective_from",
            "o.time_limit",
            "o.fees",
            "o.steps",
          ])
          .where("o.province_code", "=", provinceCode ?? null)
          .whereRef("o.procedure_code", "=", "procedures.code")
          .where("o.effective_from", "<=", date)
          .orderBy("o.effective_from", "desc")
          .limit(1),
      ).as("override"),
    )
    .where("code", "=", code)
    .where("effective_from", "<=", date)
    .orderBy("effective_from", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { override, ...version } = row;
  const national = procedureFromRow(version);
  if (!provinceCode || !override) return national;
  // to_json writes a date as YYYY-MM-DD, as the date parser returns it
  const overrideRow = override as unknown as Selectable<ProcedureOverridesTable>;
  const merged = applyOverride([national], [overrideFromRow(overrideRow)], code, provinceCode, date)!;
  return { ...merged, placeholder: national.placeholder };
}
