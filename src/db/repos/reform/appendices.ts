// Phụ lục 1, 3 and 5 of the periodic CCHC report for a unit's subtree and a period, from the stored records
// (src/reform/records/appendices.ts computes them). For the report and the reform pages.
import type { Kysely } from "kysely";
import { appendix1, appendix3, appendix5 } from "../../../reform/records/appendices.ts";
import { evidenceGaps } from "../../../reform/records/gaps.ts";
import type { Database } from "../../schema.ts";
import { unitSubtree, unknownUnit } from "./common.ts";
import { listPlans, tasksOfPlans } from "./plans.ts";
import { listRecords } from "./records.ts";

export async function loadRecordAppendices(db: Kysely<Database>, q: { unit: string; from: string; to: string }) {
  const scope = await unitSubtree(db, q.unit);
  if (!scope) throw unknownUnit(q.unit);
  const plans = await listPlans(db, { units: scope.codes, from: q.from, to: q.to });
  const tasks = await tasksOfPlans(db, plans);
  const records = await listRecords(db, { units: scope.codes, to: q.to });
  return {
    unit: q.unit,
    from: q.from,
    to: q.to,
    appendix1: appendix1(plans, tasks, q),
    appendix3: appendix3(records, q.to),
    appendix5: appendix5(records, q.to),
  };
}

/** What lacks proof among a unit subtree's plans, tasks and records of a period (src/reform/records/gaps.ts). */
export async function loadEvidenceGaps(db: Kysely<Database>, q: { unit: string; from: string; to: string }) {
  const scope = await unitSubtree(db, q.unit);
  if (!scope) throw unknownUnit(q.unit);
  const plans = await listPlans(db, { units: scope.codes, from: q.from, to: q.to });
  const tasks = await tasksOfPlans(db, plans);
  const records = await listRecords(db, { units: scope.codes, from: q.from, to: q.to });
  return evidenceGaps(plans, tasks, records);
}
