// Province overrides (tenant rows) of a national procedure: time limit, fees or steps a province sets for
// itself, versioned like national versions (later date, next number). Reading them: catalog-versions.ts
// findEffectiveProcedure.
import { type Kysely, sql, type Transaction } from "kysely";
import type { ProcedureOverride } from "../../catalog/procedure.ts";
import type { Database } from "../schema.ts";
import { CatalogError, changing } from "./catalog-rows.ts";

type Db = Kysely<Database>;

/** Adds a version of a province's override (same rule as national versions: later date, next number). */
export async function createOverrideVersion(
  db: Db,
  input: ProcedureOverride,
  /** Written in the same transaction as the override (the audit trail). */
  audit?: (trx: Transaction<Database>, created: ProcedureOverride) => Promise<void>,
): Promise<ProcedureOverride> {
  return changing(
    db.transaction().execute(async (trx) => {
      await sql`lock table procedure_overrides in share row exclusive mode`.execute(trx);
      const national = await trx
        .selectFrom("procedures")
        .select("code")
        .where("code", "=", input.procedureCode)
        .executeTakeFirst();
      if (!national) throw new CatalogError("not-found", `Không có thủ tục ${input.procedureCode} trong danh mục`);
      const latest = await trx
        .selectFrom("procedure_overrides")
        .select(["version", "effective_from"])
        .where("province_code", "=", input.provinceCode)
        .where("procedure_code", "=", input.procedureCode)
        .orderBy("version", "desc")
        .executeTakeFirst();
      if (latest && latest.effective_from >= input.effectiveFrom) {
        throw new CatalogError(
          "version-order",
          `Phiên bản mới của quy định riêng phải có ngày hiệu lực sau ${latest.effective_from}`,
        );
      }
      const created: ProcedureOverride = { ...input, version: (latest?.version ?? 0) + 1 };
      await trx
        .insertInto("procedure_overrides")
        .values({
          province_code: created.provinceCode,
          procedure_code: created.procedureCode,
          version: created.version,
          effective_from: created.effectiveFrom,
          time_limit: created.timeLimit === null ? null : JSON.stringify(created.timeLimit),
          fees: created.fees === null ? null : JSON.stringify(created.fees),
          steps: created.steps === null ? null : JSON.stringify(created.steps),
        })
        .execute();
      await audit?.(trx, created);
      return created;
    }),
  );
}
