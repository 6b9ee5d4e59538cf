// Bulk import and export of the catalogue (JSON/CSV rows a pure importer accepted, all or nothing per row) and
// the shipped reference data (units of Huế and Đà Nẵng, the starter catalogue).
import { readFileSync } from "node:fs";
import { type Kysely, sql, type Transaction } from "kysely";
import { canonicalJson } from "../../catalog/canonical.ts";
import type { ImportError, ImportResult } from "../../catalog/import-error.ts";
import type { Procedure } from "../../catalog/procedure.ts";
import { importProceduresJson } from "../../catalog/procedure-json.ts";
import { STARTER_CATALOG_URL } from "../../catalog/starter.ts";
import { STARTER_UNIT_URLS } from "../../units/starter.ts";
import type { Database } from "../schema.ts";
import {
  changing,
  procedureFromRow,
  procedureToRow,
  type StoredProcedure,
  withoutPlaceholder,
} from "./catalog-rows.ts";
import { importUnits } from "./units.ts";

type Db = Kysely<Database>;

export interface ProcedureImportReport {
  /** Data rows read (accepted or not). */
  read: number;
  imported: number;
  unchanged: number;
  /** Rows rejected, each with its row number; every other row was stored (or already was). */
  errors: ImportError[];
}

/**
 * Stores the rows a pure importer accepted (importProceduresJson / importProceduresCsv) and reports the rest.
 * Per row, all or nothing: a row whose (code, version) is stored with the same content is unchanged; with
 * different content, or clashing with a stored version's date or order, it is rejected (`version-exists`,
 * `version-order`); a stored placeholder version is completed by the real one. Good rows are stored together
 * in one transaction.
 */
export async function importProcedures(
  db: Db,
  parsed: ImportResult<Procedure>,
  /** Written in the same transaction as the stored versions (the audit trail). */
  audit?: ImportAudit,
): Promise<ProcedureImportReport> {
  return changing(storeProcedures(db, parsed, audit));
}

type ImportAudit = (trx: Transaction<Database>, stored: Procedure[]) => Promise<void>;

async function storeProcedures(
  db: Db,
  parsed: ImportResult<Procedure>,
  audit?: ImportAudit,
): Promise<ProcedureImportReport> {
  const errors = [...parsed.errors];
  const rowErrorRows = new Set(errors.filter((e) => e.row > 0).map((e) => e.row));
  const read = parsed.ok.length + rowErrorRows.size;
  if (parsed.ok.length === 0) return { read, imported: 0, unchanged: 0, errors: sortErrors(errors) };
  const rows = parsed.rows ?? parsed.ok.map((_, i) => i + 1);
  return db.transaction().execute(async (trx) => {
    // Writers one at a time, so the checks below hold when the rows land (readers are not blocked).
    await sql`lock table procedures in share row exclusive mode`.execute(trx);
    const codes = [...new Set(parsed.ok.map((p) => p.code))];
    const stored = (await trx.selectFrom("procedures").selectAll().where("code", "in", codes).execute()).map(
      procedureFromRow,
    );
    const versionsOf = new Map<string, StoredProcedure[]>();
    for (const p of stored) versionsOf.set(p.code, [...(versionsOf.get(p.code) ?? []), p]);
    const fresh: Procedure[] = [];
    // A placeholder (made up by a dossier import for an unknown code) is a stand-in, not catalogue data:
    // the real version with its number completes it in place.
    const completed: Procedure[] = [];
    let unchanged = 0;
    parsed.ok.forEach((p, i) => {
      const row = rows[i]!;
      let versions = versionsOf.get(p.code) ?? [];
      const same = versions.find((v) => v.version === p.version);
      if (same && !same.placeholder) {
        if (canonicalJson(withoutPlaceholder(same)) === canonicalJson(p)) unchanged++;
        else errors.push(versionExists(row, p, same));
        return;
      }
      if (same) versions = versions.filter((v) => v !== same);
      const problem = versionOrderProblem(versions, p);
      if (problem) {
        errors.push({ row, field: problem.field, code: problem.code, message: problem.message });
        return;
      }
      versionsOf.set(p.code, [...versions, { ...p, placeholder: false }]);
      (same ? completed : fresh).push(p);
    });
    for (let i = 0; i < fresh.length; i += 200) {
      await trx
        .insertInto("procedures")
        .values(fresh.slice(i, i + 200).map(procedureToRow))
        .execute();
    }
    for (const p of completed) {
      await trx
        .updateTable("procedures")
        .set({ ...procedureToRow(p), placeholder: false })
        .where("code", "=", p.code)
        .where("version", "=", p.version)
        .where("placeholder", "=", true)
        .execute();
    }
    if (fresh.length + completed.length) await audit?.(trx, [...fresh, ...completed]);
    return { read, imported: fresh.length + completed.length, unchanged, errors: sortErrors(errors) };
  });
}

const sortErrors = (errors: ImportError[]) => errors.sort((a, b) => a.row - b.row);

function versionExists(row: number, p: Procedure, stored: StoredProcedure): ImportError {
  return {
    row,
    field: "version",
    code: "version-exists",
    message:
      `Thủ tục ${p.code} đã có phiên bản ${p.version} (hiệu lực từ ${stored.effectiveFrom}) với nội dung khác. ` +
      "Không sửa phiên bản cũ: hãy tạo phiên bản mới với số phiên bản và ngày hiệu lực sau.",
  };
}

/** A new version must not share a stored version's date, and later versions must start later. */
function versionOrderProblem(
  versions: readonly Procedure[],
  p: Procedure,
): { field: string; code: string; message: string } | undefined {
  const sameDate = versions.find((v) => v.effectiveFrom === p.effectiveFrom);
  if (sameDate) {
    return {
      field: "effectiveFrom",
      code: "version-exists",
      message: `Thủ tục ${p.code} đã có phiên bản ${sameDate.version} hiệu lực từ ${p.effectiveFrom}`,
    };
  }
  const outOfOrder = versions.find(
    (v) =>
      (v.version < p.version && v.effectiveFrom > p.effectiveFrom) ||
      (v.version > p.version && v.effectiveFrom < p.effectiveFrom),
  );
  if (outOfOrder) {
    return {
      field: "effectiveFrom",
      code: "version-order",
      message: `Phiên bản ${p.version} của thủ tục ${p.code} phải có hiệu lực ${outOfOrder.version < p.version ? "sau" : "trước"} phiên bản ${outOfOrder.version} (${outOfOrder.effectiveFrom})`,
    };
  }
  return undefined;
}

/** Every version (placeholders left out: they hold no catalogue data), by code and version. */
export async function exportProcedures(db: Db): Promise<Procedure[]> {
  const rows = await db
    .selectFrom("procedures")
    .selectAll()
    .where("placeholder", "=", false)
    .orderBy("code")
    .orderBy("version")
    .execute();
  return rows.map((row) => withoutPlaceholder(procedureFromRow(row)));
}

// ——— Reference data ———

export interface SeedReport {
  units: { created: number; unchanged: number };
  procedures: { imported: number; unchanged: number };
}

/**
 * Loads the shipped reference data: the units of Huế and Đà Nẵng and the starter catalogue. Idempotent: a
 * second run finds everything unchanged. Throws if the shipped data does not fit the database (for instance a
 * unit already stored with other content).
 */
export async function seedReferenceData(db: Db): Promise<SeedReport> {
  const report: SeedReport = { units: { created: 0, unchanged: 0 }, procedures: { imported: 0, unchanged: 0 } };
  for (const url of STARTER_UNIT_URLS) {
    const result = await importUnits(db, JSON.parse(readFileSync(url, "utf8")));
    if (result.errors.length) throw new Error(`${url.pathname}: ${JSON.stringify(result.errors.slice(0, 3))}`);
    report.units.created += result.created;
    report.units.unchanged += result.unchanged;
  }
  const parsed = importProceduresJson(readFileSync(STARTER_CATALOG_URL, "utf8"));
  const result = await importProcedures(db, parsed);
  if (result.errors.length) throw new Error(`procedures.json: ${JSON.stringify(result.errors.slice(0, 3))}`);
  report.procedures = { imported: result.imported, unchanged: result.unchanged };
  return report;
}
