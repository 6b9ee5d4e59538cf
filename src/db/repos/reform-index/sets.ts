// Criteria sets stored as versioned JSON (a set id and version are never overwritten: a changed set is a new
// version), and the index year of a province: which set it uses and the phase deadlines. Audited.
import { type CriteriaSet, CriteriaSetError, parseCriteriaSet } from "../../../reform/index/criteria.ts";
import { DEFAULT_COMMUNE_SET } from "../../../reform/index/default-commune-set.ts";
import { deadlineProblems, type PhaseDeadlines } from "../../../reform/index/phases.ts";
import { ServiceError } from "../dossiers/errors.ts";
import { type ChangedBy, type Db, inTx, isUnique } from "../reform/common.ts";
import { writeAudit } from "../audit.ts";
import { sheetsToSet } from "../../../reform/index/set-workbook.ts";
import { readWorkbook } from "../../../reform/records/workbook.ts";

function invalid(error: unknown): never {
  if (error instanceof CriteriaSetError)
    throw new ServiceError(
      422,
      error.code,
      error.message,
      error.problems.map((p) => ({ name: p.split(":")[0] ?? "set", reason: p })),
    );
  throw error;
}

/** Stores a new set version (parsed and validated first); 409 `set-version-exists` for a taken id+version. */
export async function saveCriteriaSet(db: Db, input: unknown, by: ChangedBy): Promise<CriteriaSet> {
  let set: CriteriaSet;
  try {
    set = parseCriteriaSet(input);
  } catch (error) {
    invalid(error);
  }
  return inTx(db, async (trx) => {
    try {
      await trx
        .insertInto("reform_index_sets")
        .values({
          set_id: set.id,
          version: set.version,
          province_code: set.province,
          year: set.year,
          title: set.title,
          definition: JSON.stringify(set),
          created_by: by.userId,
        })
        .execute();
    } catch (error) {
      if (isUnique(error))
        throw new ServiceError(409, "set-version-exists", `Bộ tiêu chí ${set.id} phiên bản ${set.version} đã có`);
      throw error;
    }
    await writeAudit(trx, by, {
      action: "reform.index.set.create",
      subject: `reform.index.set:${set.id}:${set.version}`,
      detail: { after: { id: set.id, version: set.version, title: set.title } },
    });
    return set;
  });
}

/** Reads a set from an .xlsx in the documented layout (set-workbook.ts) and stores it as saveCriteriaSet. */
export async function saveCriteriaSetFromWorkbook(db: Db, content: Buffer, by: ChangedBy): Promise<CriteriaSet> {
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    sheets = await readWorkbook(content);
  } catch {
    throw new ServiceError(422, "set-workbook-unreadable", "Tệp không phải bảng tính .xlsx đọc được");
  }
  let set: CriteriaSet;
  try {
    set = sheetsToSet(sheets);
  } catch (error) {
    invalid(error);
  }
  return saveCriteriaSet(db, set, by);
}

/** A stored set (the latest version when none is given); the shipped default for "xa-default" if not stored. */
export async function loadCriteriaSet(db: Db, setId: string, version?: number): Promise<CriteriaSet> {
  let q = db.selectFrom("reform_index_sets").select("definition").where("set_id", "=", setId);
  if (version !== undefined) q = q.where("version", "=", version);
  const row = await q.orderBy("version", "desc").limit(1).executeTakeFirst();
  if (row) return parseCriteriaSet(typeof row.definition === "string" ? JSON.parse(row.definition) : row.definition);
  if (setId === DEFAULT_COMMUNE_SET.id && (version === undefined || version === DEFAULT_COMMUNE_SET.version))
    return DEFAULT_COMMUNE_SET;
  throw new ServiceError(404, "unknown-set", `Không có bộ tiêu chí ${setId}${version ? ` phiên bản ${version}` : ""}`);
}

/** The stored versions of every set (newest first within a set), and the shipped default. */
export async function listCriteriaSets(db: Db, setId?: string) {
  let q = db
    .selectFrom("reform_index_sets")
    .select(["set_id", "version", "province_code", "year", "title", "definition", "created_at"]);
  if (setId) q = q.where("set_id", "=", setId);
  const rows = await q.orderBy("set_id").orderBy("version", "desc").execute();
  const stored = rows.map((r) => {
    const d = (typeof r.definition === "string" ? JSON.parse(r.definition) : r.definition) as CriteriaSet;
    return {
      setId: r.set_id,
      version: r.version,
      title: r.title,
      province: r.province_code,
      year: r.year,
      decision: d.decision,
      createdAt: r.created_at,
      shipped: false,
    };
  });
  const d = DEFAULT_COMMUNE_SET;
  const shipped = stored.some((s) => s.setId === d.id && s.version === d.version);
  if (shipped || (setId && setId !== d.id)) return stored;
  return [
    ...stored,
    {
      setId: d.id,
      version: d.version,
      title: d.title,
      province: d.province,
      year: d.year,
      decision: d.decision,
      createdAt: null,
      shipped: true,
    },
  ];
}

export interface IndexYear extends PhaseDeadlines {
  provinceCode: string;
  year: number;
  setId: string;
  setVersion: number;
  /** The communes taking part; null = every commune, ward and special zone of the province. */
  units: string[] | null;
  version: number;
}

export async function findIndexYear(db: Db, provinceCode: string, year: number): Promise<IndexYear | undefined> {
  const r = await db
    .selectFrom("reform_index_years")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    provinceCode: r.province_code,
    year: r.year,
    setId: r.set_id,
    setVersion: r.set_version,
    self: r.self_until,
    appraisal1: r.appraisal1_until,
    explanation: r.explanation_until,
    appraisal2: r.appraisal2_until,
    final: r.final_until,
    units: r.units === null ? null : ((typeof r.units === "string" ? JSON.parse(r.units) : r.units) as string[]),
    locked: r.locked,
    version: r.version,
  };
}

/** The taking-part units that are not communes, wards or special zones of the province (422 when any). */
async function checkYearUnits(db: Db, provinceCode: string, units: readonly string[]) {
  if (!units.length) throw new ServiceError(422, "index-units-empty", "Chọn ít nhất một xã, phường tham gia");
  const rows = await db
    .selectFrom("units")
    .select(["code", "kind", "province_code"])
    .where("code", "in", [...units])
    .execute();
  const ok = new Set(
    rows
      .filter((r) => r.province_code === provinceCode && ["commune", "ward", "special_zone"].includes(r.kind))
      .map((r) => r.code),
  );
  const bad = units.filter((u) => !ok.has(u));
  if (bad.length)
    throw new ServiceError(
      422,
      "index-unit-invalid",
      `Không phải xã, phường của tỉnh ${provinceCode}: ${bad.join(", ")}`,
      bad.map((u) => ({ name: "units", reason: u })),
    );
}

/** Creates or updates the index year of a province (its set, units and deadlines); the set must exist. */
export async function saveIndexYear(
  db: Db,
  input: Omit<IndexYear, "version" | "units"> & { units?: string[] | null },
  by: ChangedBy,
): Promise<IndexYear> {
  const y = { ...input, units: input.units ? [...new Set(input.units)] : null };
  const problems = deadlineProblems(y);
  if (problems.length)
    throw new ServiceError(
      422,
      "deadlines-out-of-order",
      problems.join("; "),
      problems.map((p) => ({ name: "deadlines", reason: p })),
    );
  await loadCriteriaSet(db, y.setId, y.setVersion);
  if (y.units) await checkYearUnits(db, y.provinceCode, y.units);
  return inTx(db, async (trx) => {
    const before = await findIndexYear(trx, y.provinceCode, y.year);
    const values = {
      set_id: y.setId,
      set_version: y.setVersion,
      self_until: y.self,
      appraisal1_until: y.appraisal1,
      explanation_until: y.explanation,
      appraisal2_until: y.appraisal2,
      final_until: y.final,
      units: y.units ? JSON.stringify(y.units) : null,
      locked: y.locked,
      updated_at: by.now,
      updated_by: by.userId,
    };
    if (before)
      await trx
        .updateTable("reform_index_years")
        .set({ ...values, version: before.version + 1 })
        .where("province_code", "=", y.provinceCode)
        .where("year", "=", y.year)
        .execute();
    else
      await trx
        .insertInto("reform_index_years")
        .values({ province_code: y.provinceCode, year: y.year, ...values })
        .execute();
    const after = (await findIndexYear(trx, y.provinceCode, y.year)) as IndexYear;
    await writeAudit(trx, by, {
      action: before ? "reform.index.year.update" : "reform.index.year.create",
      subject: `reform.index.year:${y.provinceCode}:${y.year}`,
      detail: { before: before ?? null, after },
    });
    return after;
  });
}
