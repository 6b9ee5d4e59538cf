// The assessment of each node for a unit and year: self-score and note with evidence (files with page pointers),
// appraisal rounds, explanation, final score. A change is allowed only in its phase (phases.ts) and only on a
// node of the year's set, within the node's range; every change is audited with the state before and after.
import { findNode, ruleOf } from "../../../reform/index/criteria.ts";
import { DEFAULT_COMMUNE_SET } from "../../../reform/index/default-commune-set.ts";
import { type Phase, PHASES, phaseOn, refusedFields } from "../../../reform/index/phases.ts";
import type { Assessment } from "../../../reform/index/score.ts";
import type { Evidence } from "../../../reform/records/model.ts";
import { checkEvidence } from "../../../reform/records/rules.ts";
import { ServiceError } from "../dossiers/errors.ts";
import { assertFilesExist, assertVersion, type ChangedBy, type Db, inTx, unknownUnit } from "../reform/common.ts";
import { writeAudit } from "../audit.ts";
import { inUnits } from "../unit-scope.ts";
import { findIndexYear, loadCriteriaSet } from "./sets.ts";

export interface StoredAssessment extends Assessment {
  code: string;
  explanationEvidence: Evidence[];
  version: number;
  updatedAt: Date;
}

export type AssessmentChange = Partial<{
  selfScore: number | null;
  selfNote: string | null;
  evidence: Evidence[];
  appraisal1: number | null;
  appraisal2: number | null;
  final: number | null;
  appraiserNote: string | null;
  explanation: string | null;
  explanationEvidence: Evidence[];
}>;

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

export async function listAssessments(db: Db, unit: string, year: number): Promise<Map<string, StoredAssessment>> {
  const rows = await db
    .selectFrom("reform_index_assessments")
    .selectAll()
    .where(inUnits({ unitCodes: [unit] }))
    .where("year", "=", year)
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        selfScore: num(r.self_score),
        selfNote: r.self_note,
        evidence: json<Evidence[]>(r.evidence),
        appraisal1: num(r.appraisal1),
        appraisal2: num(r.appraisal2),
        final: num(r.final),
        appraiserNote: r.appraiser_note,
        explanation: r.explanation,
        explanationEvidence: json<Evidence[]>(r.explanation_evidence),
        version: r.version,
        updatedAt: r.updated_at,
      },
    ]),
  );
}

/** The local date (UTC+7) of an instant. */
export const localDate = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The set and open phase of a province's index year (the default set, self-assessment open, when not set up). */
export async function yearState(db: Db, provinceCode: string, year: number, now: Date) {
  const y = await findIndexYear(db, provinceCode, year);
  const set = y ? await loadCriteriaSet(db, y.setId, y.setVersion) : DEFAULT_COMMUNE_SET;
  const phase: Phase = y ? phaseOn(y, localDate(now)) : "self";
  return { set, phase, year: y };
}

function checkScores(code: string, max: number | null, signed: boolean, change: AssessmentChange) {
  for (const key of ["selfScore", "appraisal1", "appraisal2", "final"] as const) {
    const v = change[key];
    if (v === undefined || v === null) continue;
    if (max === null)
      throw new ServiceError(422, "criteria-max-missing", `${code}: chưa có điểm tối đa, chưa chấm được`);
    if (!Number.isFinite(v) || v > max || v < (signed ? -max : 0))
      throw new ServiceError(422, "score-out-of-range", `${code}: điểm ${v} ngoài khoảng cho phép (tối đa ${max})`, [
        { name: key, reason: `0..${max}` },
      ]);
  }
}

export async function saveAssessment(
  db: Db,
  q: { unit: string; year: number; code: string; change: AssessmentChange; expectedVersion?: number },
  by: ChangedBy,
): Promise<StoredAssessment> {
  const unit = await db.selectFrom("units").select("province_code").where("code", "=", q.unit).executeTakeFirst();
  if (!unit) throw unknownUnit(q.unit);
  const { set, phase } = await yearState(db, unit.province_code, q.year, by.now);
  const node = findNode(set, q.code);
  if (!node || node.children.length)
    throw new ServiceError(404, "unknown-criterion", `Không có tiêu chí thành phần ${q.code} trong bộ ${set.id}`);
  const changed = Object.keys(q.change).filter((k) => q.change[k as keyof AssessmentChange] !== undefined);
  const refused = refusedFields(phase, changed);
  if (refused.length)
    throw new ServiceError(
      409,
      "phase-closed",
      `Giai đoạn hiện tại là "${PHASES[phase]}": không sửa được ${refused.join(", ")}`,
    );
  const kind = ruleOf(node).kind;
  checkScores(q.code, node.max, kind === "penalty" || kind === "signed", q.change);
  const evidence = [...(q.change.evidence ?? []), ...(q.change.explanationEvidence ?? [])];
  const bad = checkEvidence(evidence, "evidence");
  if (bad.length)
    throw new ServiceError(422, bad[0]?.code ?? "evidence-pages-invalid", "Số trang tài liệu kiểm chứng không hợp lệ");
  await assertFilesExist(
    db,
    unit.province_code,
    evidence.map((e) => e.fileId),
  );
  return inTx(db, async (trx) => {
    const before = (await listAssessments(trx, q.unit, q.year)).get(q.code);
    if (before) assertVersion(before, q.expectedVersion, `Tiêu chí ${q.code}`);
    const c = q.change;
    const values = {
      ...(c.selfScore !== undefined && { self_score: c.selfScore }),
      ...(c.selfNote !== undefined && { self_note: c.selfNote }),
      ...(c.evidence !== undefined && { evidence: JSON.stringify(c.evidence) }),
      ...(c.appraisal1 !== undefined && { appraisal1: c.appraisal1 }),
      ...(c.appraisal2 !== undefined && { appraisal2: c.appraisal2 }),
      ...(c.final !== undefined && { final: c.final }),
      ...(c.appraiserNote !== undefined && { appraiser_note: c.appraiserNote }),
      ...(c.explanation !== undefined && { explanation: c.explanation }),
      ...(c.explanationEvidence !== undefined && { explanation_evidence: JSON.stringify(c.explanationEvidence) }),
      updated_at: by.now,
      updated_by: by.userId,
    };
    if (before)
      await trx
        .updateTable("reform_index_assessments")
        .set({ ...values, version: before.version + 1 })
        .where("unit_code", "=", q.unit)
        .where("year", "=", q.year)
        .where("code", "=", q.code)
        .execute();
    else
      await trx
        .insertInto("reform_index_assessments")
        .values({ province_code: unit.province_code, unit_code: q.unit, year: q.year, code: q.code, ...values })
        .execute();
    const after = (await listAssessments(trx, q.unit, q.year)).get(q.code) as StoredAssessment;
    await writeAudit(trx, by, {
      action: before ? "reform.index.assessment.update" : "reform.index.assessment.create",
      subject: `reform.index.assessment:${q.unit}:${q.year}:${q.code}`,
      detail: { phase, before: before ?? null, after },
    });
    return after;
  });
}
