// The figures of Phụ lục 01b the reform records hold, for a unit's whole subtree and a period: the interface
// the 01b sheet and the periodic report read (src/reform/sheet). Keys are the sheet's codes; only codes for
// which something is recorded appear (absent = nothing recorded). The mapping is the pure recordFigures.
import type { Kysely } from "kysely";
import { recordFigures } from "../../../reform/records/sheet-mapping.ts";
import type { Database } from "../../schema.ts";
import { unitSubtree, unknownUnit } from "./common.ts";
import { listPlans, tasksOfPlans } from "./plans.ts";
import { listRecords } from "./records.ts";

/**
 * `unit`: a unit code whose whole subtree counts; `from`/`to`: local dates, both inclusive. Records dated up
 * to `to` are read (a legal document issued earlier may be reviewed in the period; a yes/no fact holds from
 * its date on). 404 `unknown-unit` for a unit that does not exist.
 */
export async function loadRecordFigures(
  db: Kysely<Database>,
  q: { unit: string; from: string; to: string },
): Promise<Record<string, number>> {
  const scope = await unitSubtree(db, q.unit);
  if (!scope) throw unknownUnit(q.unit);
  const plans = await listPlans(db, { units: scope.codes, from: q.from, to: q.to });
  const tasks = await tasksOfPlans(db, plans);
  const records = await listRecords(db, { units: scope.codes, to: q.to });
  return recordFigures({ plans, tasks, records }, q);
}
