// A unit's stored assessments as the card shows them: each cited evidence file with its stored name (a file
// gone from the store keeps its id as name). Used by the card route and the CLI's scorecard export.
import { sql } from "kysely";
import type { Evidence } from "../../../reform/records/model.ts";
import type { Db } from "../reform/common.ts";
import { provinceSet } from "../unit-scope.ts";
import { listAssessments, type StoredAssessment } from "./assessments.ts";

export type NamedEvidence = Evidence & { name: string };
export type CardAssessment = Omit<StoredAssessment, "evidence" | "explanationEvidence"> & {
  evidence: NamedEvidence[];
  explanationEvidence: NamedEvidence[];
};

/** The stored names of the files the assessments cite. */
async function fileNames(db: Db, unit: string, assessments: Iterable<StoredAssessment>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const a of assessments) for (const e of [...a.evidence, ...a.explanationEvidence]) ids.add(e.fileId);
  if (!ids.size) return new Map();
  const rows = await db
    .selectFrom("files")
    .select(["id", "name"])
    .where(sql<boolean>`province_code = ${provinceSet([unit])}`)
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The unit's assessments of the year by node code, evidence named. */
export async function cardAssessments(db: Db, unit: string, year: number): Promise<Record<string, CardAssessment>> {
  const stored = await listAssessments(db, unit, year);
  const names = await fileNames(db, unit, stored.values());
  const named = (list: Evidence[]): NamedEvidence[] =>
    list.map((e) => ({ ...e, name: names.get(e.fileId) ?? e.fileId }));
  const assessments: Record<string, CardAssessment> = {};
  for (const [code, a] of stored)
    assessments[code] = { ...a, evidence: named(a.evidence), explanationEvidence: named(a.explanationEvidence) };
  return assessments;
}
