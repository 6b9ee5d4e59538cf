// The procedure catalogue in the database: national versions (reference data) and province overrides
// (tenant rows). A version is never rewritten: edits and imports add versions; a dossier keeps the one it
// was received under. Search is diacritic-free in SQL (unaccent + pg_trgm, index `procedures_search`).
import { readFileSync } from "node:fs";
import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import { canonicalJson } from "../../catalog/canonical.ts";
import { foldVietnamese } from "../../catalog/fold.ts";
import type { ImportError, ImportResult } from "../../catalog/import-error.ts";
import type { Procedure, ProcedureOverride } from "../../catalog/procedure.ts";
import { importProceduresJson } from "../../catalog/procedure-json.ts";
import { STARTER_CATALOG_URL } from "../../catalog/starter.ts";
import type { TimeLimit } from "../../catalog/time-limit.ts";
import { findEffectiveProcedure as applyOverride } from "../../catalog/versions.ts";
import { STARTER_UNIT_URLS } from "../../units/starter.ts";
import type { Database, ProcedureOverridesTable, ProceduresTable } from "../schema.ts";
import { importUnits } from "./units.ts";

type Db = Kysely<Database>;

/** A stored version: the schema's procedure plus whether a dossier import made it up (no catalogue data). */
export type StoredProcedure = Procedure & { placeholder: boolean };

export function procedureFromRow(row: Selectable<ProceduresTable>): StoredProcedure {
  return {
    code: row.code,
    version: row.version,
    name: row.name,
    field: row.field,
    level: row.level as Procedure["level"],
    agency: row.agency ?? "",
    components: row.components as Procedure["components"],
    timeLimit: row.time_limit as TimeLimit,
    fees: row.fees as Procedure["fees"],
    onlineLevel: row.online_level as Procedure["onlineLevel"],
    boundaryFree: row.boundary_free,
    steps: row.steps as Procedure["steps"],
    restartOnSupplement: row.restart_on_supplement,
    links: row.links as Procedure["links"],
    effectiveFrom: row.effective_from,
    legalBasis: (row.legal_basis ?? []) as string[],
    unconfirmed: (row.unconfirmed ?? []) as string[],
    placeholder: row.placeholder,
  };
}

function procedureToRow(p: Procedure): Insertable<ProceduresTable> {
  return {
    code: p.code,
    version: p.version,
    effective_from: p.effectiveFrom,
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agency,
    time_limit: JSON.stringify(p.timeLimit),
    fees: JSON.stringify(p.fees),
    online_level: p.onlineLevel,
    boundary_free: p.boundaryFree,
    restart_on_supplement: p.restartOnSupplement,
    components: JSON.stringify(p.components),
    steps: JSON.stringify(p.steps),
    links: JSON.stringify(p.links),
    legal_basis: JSON.stringify(p.legalBasis),
    unconfirmed: JSON.stringify(p.unconfirmed),
  };
}

const withoutPlaceholder = ({ placeholder: _, ...p }: StoredProcedure): Procedure => p;

// ——— Import ———

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
export async function importProcedures(db: Db, parsed: ImportResult<Procedure>): Promise<ProcedureImportReport> {
  return changing(storeProcedures(db, parsed));
}

async function storeProcedures(db: Db, parsed: ImportResult<Procedure>): Promise<ProcedureImportReport> {
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

// ——— Versions ———

export class CatalogError extends Error {
  override name = "CatalogError";
  constructor(
    readonly code: "version-order" | "not-found",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Adds a version of a procedure (an edit; the first version if the code is new). Its number is the next one
 * and its effectiveFrom must be after every stored version's: old versions, and the dossiers that keep them,
 * are never touched.
 */
export async function createProcedureVersion(db: Db, input: Procedure): Promise<Procedure> {
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

// Every catalogue write of this process bumps this; caches of the catalogue (procedureInForce) compare it.
let generation = 0;

/** A number that changes whenever this process writes the catalogue (procedures or overrides). */
export function catalogueGeneration(): number {
  return generation;
}

/** Marks the catalogue changed (the dossier importer's placeholder procedures). */
export function catalogueChanged(): void {
  generation++;
}

/** A catalogue write: the generation moves once it has committed (or failed), so no reader caches the old rows. */
async function changing<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    generation++;
  }
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

// ——— Province overrides ———

export function overrideFromRow(row: Selectable<ProcedureOverridesTable>): ProcedureOverride {
  return {
    provinceCode: row.province_code,
    procedureCode: row.procedure_code,
    version: row.version,
    effectiveFrom: row.effective_from,
    timeLimit: (row.time_limit ?? null) as ProcedureOverride["timeLimit"],
    fees: (row.fees ?? null) as ProcedureOverride["fees"],
    steps: (row.steps ?? null) as ProcedureOverride["steps"],
  };
}

/** Adds a version of a province's override (same rule as national versions: later date, next number). */
export async function createOverrideVersion(db: Db, input: ProcedureOverride): Promise<ProcedureOverride> {
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
      return created;
    }),
  );
}

// ——— Search ———

export interface ProcedureQuery {
  /** Words typed with or without diacritics, or a procedure code. */
  q?: string;
  field?: string;
  level?: Procedure["level"];
  online?: Procedure["onlineLevel"];
  /** Versions in force on this local date. */
  at: string;
  page: number;
  pageSize: number;
}

/**
 * The version of each procedure in force on `at` (placeholders left out): the public catalogue. Written as a
 * filter on `procedures p` itself (no newer version in force), so conditions on p.name reach the trigram index.
 */
function versionsInForce(db: Db, at: string) {
  return db
    .selectFrom("procedures as p")
    .selectAll("p")
    .where("p.effective_from", "<=", at)
    .where("p.placeholder", "=", false)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("procedures as newer")
            .select("newer.version")
            .whereRef("newer.code", "=", "p.code")
            .whereRef("newer.effective_from", ">", "p.effective_from")
            .where("newer.effective_from", "<=", at),
        ),
      ),
    );
}

/**
 * Searches the catalogue in force on a date. Every word of `q` must occur in the unaccented name (trigram
 * index) or `q` must equal the code; when nothing matches that way, names word-similar to `q` are returned
 * instead (a typo: "chung thuk") and `approximate` is true. Ranked: code, the query as a phrase (earlier
 * first), similarity, shorter name; without `q`, by field and unaccented name.
 */
export async function searchProcedures(db: Db, query: ProcedureQuery) {
  const exact = await runSearch(db, query, false);
  if (exact.total > 0 || !query.q?.trim() || foldVietnamese(query.q).length < 3) return exact;
  return runSearch(db, query, true);
}

async function runSearch(db: Db, query: ProcedureQuery, approximate: boolean) {
  const folded = foldVietnamese(query.q ?? "");
  const words = folded.split(/[^a-z0-9.]+/).filter(Boolean);
  const code = (query.q ?? "").trim();
  const name = sql<string>`lower(f_unaccent(p.name))`;
  let select = versionsInForce(db, query.at);
  if (query.field) select = select.where("p.field", "=", query.field);
  if (query.level) select = select.where("p.level", "=", query.level);
  if (query.online) select = select.where("p.online_level", "=", query.online);
  if (words.length) {
    // One `like` per word (not `like all (array)`, which a GIN index cannot serve): a bitmap AND on the index.
    const everyWord = sql.join(
      words.map((w) => sql`${name} like ${`%${w}%`}`),
      sql` and `,
    );
    select = select.where(
      approximate ? sql<boolean>`${folded} <% ${name}` : sql<boolean>`((${everyWord}) or p.code = ${code})`,
    );
  }
  const ordered = words.length
    ? select
        .orderBy(sql`p.code = ${code}`, "desc")
        .orderBy(sql`coalesce(nullif(strpos(${name}, ${folded}), 0), 100000)`)
        .orderBy(sql`word_similarity(${folded}, ${name})`, "desc")
        .orderBy(sql`length(p.name)`)
        .orderBy("p.code")
    : select.orderBy("p.field").orderBy(sql`lower(f_unaccent(p.name))`).orderBy("p.code");
  const rows = await ordered
    .select(sql<number>`count(*) over ()`.as("total"))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const counted = await select.select(sql<number>`count(*) over ()`.as("total")).limit(1).execute();
    total = counted[0]?.total ?? 0;
  }
  return {
    items: rows.map(({ total: _, ...row }) => withoutPlaceholder(procedureFromRow(row))),
    total,
    page: query.page,
    pageSize: query.pageSize,
    approximate,
  };
}

/** Fields (lĩnh vực) of the catalogue in force on `at`, with how many procedures each holds. */
export async function listFields(db: Db, at: string): Promise<{ name: string; count: number }[]> {
  const rows = await versionsInForce(db, at)
    .clearSelect()
    .select(["p.field as name", sql<number>`count(*)`.as("count")])
    .groupBy("p.field")
    .execute();
  // Neither engine sorts Vietnamese by dictionary order: the application does.
  return rows.sort((a, b) => a.name.localeCompare(b.name, "vi"));
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
