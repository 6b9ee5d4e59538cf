// The inputs of the automatic index nodes, read from the current data on every request (nothing cached, so a
// new record changes the score at once): the reform records of the unit's subtree for the year, and the dossier
// ratios of the year (e-results, online payment, fully online, digitised — the 766 definitions of
// src/figures/quality-catalog.ts, over dossiers received in the year; the catalogue does not record which
// procedures accept online payment, so 3.12.1 stays a manual score); the periodic reports of the register
// (timeliness), the dossiers finished late in the year (apology compliance, figures/late.ts) and the
// commune-level catalogue at the year end (published procedures).
import { sql } from "kysely";
import { localDate } from "../../../calendar/local-time.ts";
import { lateByUnit } from "../../../figures/late.ts";
import type { IndexInputs } from "../../../reform/index/auto.ts";
import type { ProcedureCatalogue, ReportFiling } from "../../../reform/index/auto-sources.ts";
import { loadPeriodRecords } from "../reports-records.ts";
import { type Db, unitSubtree, unknownUnit } from "../reform/common.ts";
import { listPlans, tasksOfPlans } from "../reform/plans.ts";
import { listRecords } from "../reform/records.ts";
import { inUnits, type UnitScope } from "../unit-scope.ts";

/** Local (Asia/Ho_Chi_Minh, UTC+7, no DST) start of a local date. */
const localStart = (date: string) => new Date(`${date}T00:00:00+07:00`);

export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

interface DossierRow {
  received: number | string;
  e_result: number | string;
  digitized: number | string;
  fully_online: number | string;
  with_fee: number | string;
  paid_online: number | string;
  procedures_with_fee: number | string;
  procedures_paid_online: number | string;
}

/** The dossier ratios of the year over some units (a subtree) and their provinces. */
export async function loadDossierFigures(db: Db, scope: UnitScope, year: number) {
  const s = localStart(`${year}-01-01`);
  const e = localStart(`${year + 1}-01-01`);
  const { rows } = await sql<DossierRow>`select
      count(*) as received,
      count(*) filter (where d.e_result) as e_result,
      count(*) filter (where d.digitized and coalesce(d.result_digitized, d.source = 'import')) as digitized,
      count(*) filter (where d.channel = 'online_full') as fully_online,
      count(*) filter (where d.fee_amount > 0) as with_fee,
      count(*) filter (where d.fee_amount > 0 and d.fee_paid_online) as paid_online,
      count(distinct d.procedure_code) filter (where d.fee_amount > 0) as procedures_with_fee,
      count(distinct d.procedure_code) filter (where d.fee_amount > 0 and d.fee_paid_online) as procedures_paid_online
    from dossiers d
    where ${inUnits(scope, "d")} and d.received_at >= ${s} and d.received_at < ${e}`.execute(db);
  const r = rows[0];
  const n = (v: number | string | undefined) => Number(v ?? 0);
  const finished = await sql<{ finished: number | string; timely: number | string }>`select
      count(*) as finished, count(*) filter (where d.finish_class in ('early', 'on_time')) as timely
    from dossiers d
    where ${inUnits(scope, "d")} and d.finish_class is not null
      and d.end_at >= ${s} and d.end_at < ${e}`.execute(db);
  const f = finished.rows[0];
  const onTime = n(f?.finished) ? { onTime: { numerator: n(f?.timely), denominator: n(f?.finished) } } : {};
  const received = n(r?.received);
  if (!received) return onTime;
  const withFee = n(r?.with_fee);
  return {
    ...onTime,
    eResult: { numerator: n(r?.e_result), denominator: received },
    digitization: { numerator: n(r?.digitized), denominator: received },
    fullyOnline: { numerator: n(r?.fully_online), denominator: received },
    ...(withFee
      ? {
          onlinePayment: { numerator: n(r?.paid_online), denominator: withFee },
          onlinePaymentUsedProcedures: {
            numerator: n(r?.procedures_paid_online),
            denominator: n(r?.procedures_with_fee),
          },
        }
      : {}),
  };
}

/** The unit's own periodic reports whose period ends in the year: due date and first submission per period. */
export async function loadReportFilings(
  db: Db,
  provinceCode: string,
  unit: string,
  year: number,
): Promise<ReportFiling[]> {
  const rows = await db
    .selectFrom("reform_reports")
    .select(["from", "to", "version", "due_on", "submitted_at"])
    .where("province_code", "=", provinceCode)
    .where("unit_code", "=", unit)
    .where("to", ">=", `${year}-01-01`)
    .where("to", "<=", `${year}-12-31`)
    .orderBy("from")
    .orderBy("to")
    .orderBy("version")
    .execute();
  const byPeriod = new Map<string, ReportFiling>();
  for (const r of rows) {
    const key = `${String(r.from)}..${String(r.to)}`;
    const submittedOn = r.submitted_at === null ? null : localDate(new Date(r.submitted_at));
    const f = byPeriod.get(key) ?? { from: String(r.from), to: String(r.to), dueOn: null, submittedOn: null };
    f.dueOn = r.due_on === null ? f.dueOn : String(r.due_on);
    if (submittedOn && (f.submittedOn === null || submittedOn < f.submittedOn)) f.submittedOn = submittedOn;
    byPeriod.set(key, f);
  }
  return [...byPeriod.values()];
}

/** Dossiers of the units finished late in the year, and those with a timely apology (figures/late.ts). */
export async function loadLateApologies(db: Db, scope: UnitScope, year: number) {
  const period = yearRange(year);
  const records = await loadPeriodRecords(db, { ...period, ...scope });
  if (!records.length) return undefined;
  const { total } = lateByUnit(records, period);
  return { late: total.late, withApology: total.withApology, withoutApologyCodes: total.withoutApologyCodes };
}

/**
 * The commune-level procedures in force on the year's last day (latest version by effective date), and those
 * published in full: not a placeholder, with components and steps (what the public portal shows).
 */
export async function loadProcedureCatalogue(db: Db, year: number): Promise<ProcedureCatalogue> {
  const { rows } = await sql<{ code: string; placeholder: boolean; components: unknown; steps: unknown }>`
    select distinct on (code) code, placeholder, components, steps from procedures
    where effective_from <= ${`${year}-12-31`} and level = 'commune'
    order by code, effective_from desc`.execute(db);
  const count = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === "string" ? JSON.parse(v).length : 0);
  const incomplete = rows.filter((r) => r.placeholder || !count(r.components) || !count(r.steps)).map((r) => r.code);
  return { inForce: rows.length, published: rows.length - incomplete.length, incomplete };
}

export async function loadIndexInputs(
  db: Db,
  unit: string,
  year: number,
  now: Date = new Date(),
): Promise<{ provinceCode: string; inputs: IndexInputs }> {
  const tree = await unitSubtree(db, unit);
  if (!tree) throw unknownUnit(unit);
  const period = yearRange(year);
  const scope = { unitCodes: tree.codes, provinces: [tree.provinceCode] };
  const plans = await listPlans(db, { units: tree.codes, provinces: scope.provinces, ...period });
  const tasks = await tasksOfPlans(db, plans);
  const records = await listRecords(db, { units: tree.codes, provinces: scope.provinces, ...period });
  const figures = await loadDossierFigures(db, scope, year);
  const inputs: IndexInputs = {
    period,
    plans,
    tasks,
    records,
    figures,
    reports: await loadReportFilings(db, tree.provinceCode, unit, year),
    today: localDate(now),
    late: await loadLateApologies(db, scope, year),
    procedures: await loadProcedureCatalogue(db, year),
  };
  return { provinceCode: tree.provinceCode, inputs };
}
