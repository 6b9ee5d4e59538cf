// The satisfaction survey result of each unit and year (SIPAS-like: a percentage of satisfied respondents,
// weighted into the index total by the set's survey rule, score.ts surveyScore): entered one unit at a time or
// imported for a province's year in one transaction (every row checked first, nothing written on a problem).
// Refused once the index year is locked or past its last deadline; every change audited.
import type { SurveyInput } from "../../../reform/index/score.ts";
import { ServiceError } from "../dossiers/errors.ts";
import { type ChangedBy, type Db, inTx } from "../reform/common.ts";
import { writeAudit } from "../audit.ts";
import { provinceOfUnits } from "../unit-province.ts";
import { yearState } from "./assessments.ts";

export interface SurveyRow {
  unit: string;
  percent: number;
  respondents?: number | null;
  source?: string | null;
  note?: string | null;
}

export interface StoredSurvey extends Required<SurveyRow> {
  year: number;
  version: number;
  updatedAt: Date;
}

/** The stored results of these units for the year (their province read from the units when not given). */
export async function listSurveys(
  db: Db,
  q: { units: readonly string[]; year: number; provinceCode?: string },
): Promise<StoredSurvey[]> {
  if (!q.units.length) return [];
  const rows = await db
    .selectFrom("reform_index_surveys")
    .selectAll()
    .where("province_code", "=", provinceOfUnits(q.units, q.provinceCode))
    .where("unit_code", "in", [...q.units])
    .where("year", "=", q.year)
    .orderBy("unit_code")
    .execute();
  return rows.map((r) => ({
    unit: r.unit_code,
    year: r.year,
    percent: Number(r.percent),
    respondents: r.respondents,
    source: r.source,
    note: r.note,
    version: r.version,
    updatedAt: r.updated_at,
  }));
}

export async function surveyOf(db: Db, unit: string, year: number, provinceCode?: string): Promise<SurveyInput | null> {
  const [s] = await listSurveys(db, { units: [unit], year, ...(provinceCode ? { provinceCode } : {}) });
  return s ? { percent: s.percent, respondents: s.respondents, source: s.source } : null;
}

function rowProblems(r: SurveyRow, at: string): { name: string; reason: string }[] {
  const out: { name: string; reason: string }[] = [];
  if (!Number.isFinite(r.percent) || r.percent < 0 || r.percent > 100)
    out.push({ name: `${at}.percent`, reason: `Tỷ lệ hài lòng ${r.percent} phải trong 0–100` });
  if (r.respondents != null && (!Number.isInteger(r.respondents) || r.respondents < 0))
    out.push({ name: `${at}.respondents`, reason: "Số phiếu phải là số nguyên không âm" });
  return out;
}

/**
 * Stores the survey results of units of one province for a year, all or nothing: 422 `survey-invalid` with
 * every bad row (unknown unit, another province, percent outside 0–100), 409 `phase-closed` once closed.
 */
export async function saveSurveys(
  db: Db,
  q: { provinceCode: string; year: number; rows: readonly SurveyRow[] },
  by: ChangedBy,
): Promise<StoredSurvey[]> {
  const { phase } = await yearState(db, q.provinceCode, q.year, by.now);
  if (phase === "closed")
    throw new ServiceError(409, "phase-closed", `Năm đánh giá ${q.year} đã khóa: không sửa được kết quả khảo sát`);
  const codes = [...new Set(q.rows.map((r) => r.unit))];
  const units = codes.length
    ? await db.selectFrom("units").select(["code", "province_code"]).where("code", "in", codes).execute()
    : [];
  const provinceOf = new Map(units.map((u) => [u.code, u.province_code]));
  const problems = q.rows.flatMap((r, i) => {
    const at = `rows[${i}]`;
    const p = rowProblems(r, at);
    if (provinceOf.get(r.unit) !== q.provinceCode)
      p.push({ name: `${at}.unit`, reason: `Không có đơn vị ${r.unit} thuộc tỉnh ${q.provinceCode}` });
    if (q.rows.findIndex((o) => o.unit === r.unit) !== i)
      p.push({ name: `${at}.unit`, reason: `Đơn vị ${r.unit} lặp lại` });
    return p;
  });
  if (!q.rows.length) problems.push({ name: "rows", reason: "Không có dòng nào" });
  if (problems.length)
    throw new ServiceError(422, "survey-invalid", `Kết quả khảo sát có ${problems.length} lỗi; không ghi gì`, problems);
  return inTx(db, async (trx) => {
    const keys = { units: codes, year: q.year, provinceCode: q.provinceCode };
    const before = new Map((await listSurveys(trx, keys)).map((s) => [s.unit, s]));
    for (const r of q.rows) {
      const values = {
        percent: r.percent,
        respondents: r.respondents ?? null,
        source: r.source ?? null,
        note: r.note ?? null,
        updated_at: by.now,
        updated_by: by.userId,
      };
      const old = before.get(r.unit);
      if (old)
        await trx
          .updateTable("reform_index_surveys")
          .set({ ...values, version: old.version + 1 })
          .where("province_code", "=", q.provinceCode)
          .where("unit_code", "=", r.unit)
          .where("year", "=", q.year)
          .execute();
      else
        await trx
          .insertInto("reform_index_surveys")
          .values({ province_code: q.provinceCode, unit_code: r.unit, year: q.year, ...values })
          .execute();
    }
    const after = await listSurveys(trx, keys);
    for (const s of after)
      await writeAudit(trx, by, {
        action: before.has(s.unit) ? "reform.index.survey.update" : "reform.index.survey.create",
        subject: `reform.index.survey:${s.unit}:${q.year}`,
        detail: { before: before.get(s.unit) ?? null, after: s },
      });
    return after;
  });
}
