// From the reform records to the rows of Phụ lục 01b (seed 001; codes as src/reform/sheet/rows.ts prints
// them). The result holds only codes for which something is recorded: an absent code means "nothing
// recorded", never 0. docs/reform-records.md "The 01b mapping" explains each row.
import { completionOf, isDoneAsOf, isOnTime, type PlanRef, plansInRange, round2, type TaskRef } from "./completion.ts";
import {
  type DateRange,
  FACTS,
  type FactName,
  type PlanKind,
  type RecordData,
  type RecordKind,
  within,
} from "./model.ts";

export interface PlanLike extends PlanRef {
  unit: string;
  kind: PlanKind;
  issuedOn: string;
}

export interface RecordLike<K extends RecordKind = RecordKind> {
  unit: string;
  kind: K;
  on: string;
  data: RecordData[K];
}

export interface RecordSet {
  plans: readonly PlanLike[];
  tasks: readonly TaskRef[];
  records: readonly RecordLike[];
}

type Figures = Record<string, number>;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const ofKind = <K extends RecordKind>(records: readonly RecordLike[], kind: K) =>
  records.filter((r): r is RecordLike<K> => r.kind === kind);

/** The latest record on or before `to` of each unit (snapshots: staffing, state facts). */
function latestPerUnit<R extends { unit: string; on: string }>(records: readonly R[], to: string, from?: string): R[] {
  const latest = new Map<string, R>();
  for (const r of records) {
    if (r.on > to || (from && r.on < from)) continue;
    const seen = latest.get(r.unit);
    if (!seen || r.on > seen.on) latest.set(r.unit, r);
  }
  return [...latest.values()];
}

function planFigures(set: RecordSet, range: DateRange, out: Figures): void {
  const plans = plansInRange(set.plans, range.from, range.to);
  const byId = new Map(plans.map((p) => [p.id, p]));
  const planOf = (id: number) => byId.get(id);
  const annual = new Set(plans.filter((p) => p.kind === "annual").map((p) => p.id));
  if (annual.size) {
    const c = completionOf(
      set.tasks.filter((t) => annual.has(t.planId)),
      planOf,
      range.to,
    );
    out["1.1.1"] = c.planned;
    out["1.1.2"] = c.done;
  }
  const tasks = set.tasks.filter((t) => byId.has(t.planId));
  if (tasks.length) {
    const above = tasks.filter((t) => t.source === "above");
    const done = above.filter((t) => isDoneAsOf(t, byId.get(t.planId)!, range.to));
    out["1.3.1"] = above.length;
    out["1.3.2"] = done.filter((t) => isOnTime(t, byId.get(t.planId)!)).length;
    out["1.3.3"] = done.length - out["1.3.2"];
  }
  if (plans.length) out["5.4.1"] = plans.some((p) => p.kind === "discipline") ? 1 : 0;
}

function directionFigures(records: readonly RecordLike[], range: DateRange, out: Figures): void {
  const inRange = records.filter((r) => within(r.on, range));
  const directives = ofKind(inRange, "directive");
  if (directives.length) out["1.1.3"] = directives.length;
  const inspections = ofKind(inRange, "inspection");
  if (inspections.length) {
    out["1.2.1"] = sum(inspections.map((r) => r.data.inspected));
    out["1.2.2"] = sum(inspections.map((r) => r.data.issuesFound));
    out["1.2.3"] = sum(inspections.map((r) => r.data.issuesResolved));
  }
  const surveys = ofKind(inRange, "survey");
  if (surveys.length) {
    out["1.4.1"] = sum(surveys.map((r) => r.data.forms));
    const methods = new Set(surveys.map((r) => r.data.method));
    out["1.4.2"] = methods.size === 1 ? [...methods][0]! : 2;
  }
  if (ofKind(inRange, "dialogue").length) out["1.5"] = 1;
}

function legalFigures(records: readonly RecordLike[], range: DateRange, out: Figures): void {
  const docs = ofKind(records, "legal_document");
  const counts = {
    "2.1": docs.filter((r) => within(r.on, range)).length,
    "2.2": docs.filter((r) => r.data.checks.some((d) => within(d, range))).length,
    "2.3": docs.filter((r) => r.data.reviews.some((d) => within(d, range))).length,
    "2.4": docs.filter((r) => within(r.data.proposal?.on, range)).length,
    "2.5": docs.filter((r) => within(r.data.handledOn, range)).length,
  };
  if (sum(Object.values(counts)) > 0) Object.assign(out, counts);
}

function staffFigures(records: readonly RecordLike[], range: DateRange, out: Figures): void {
  const staffing = latestPerUnit(ofKind(records, "staffing"), range.to);
  const cuts = ofKind(records, "staff_cut").filter((r) => within(r.on, range));
  if (staffing.length) {
    out["4.1.1"] = sum(staffing.map((r) => r.data.quota));
    out["4.1.2"] = sum(staffing.map((r) => r.data.present));
  }
  if (staffing.length || cuts.length) out["4.1.3"] = sum(cuts.map((r) => r.data.people));
  // discipline cases are kept with the staff records: a unit keeping them this period and recording no case had none
  const discipline = ofKind(records, "discipline").filter((r) => within(r.on, range));
  const staffKept = ofKind(records, "staffing").some((r) => within(r.on, range));
  if (discipline.length || staffKept) {
    out["5.4.5"] = sum(discipline.filter((r) => r.data.level === "leader").map((r) => r.data.people));
    out["5.4.6"] = sum(discipline.filter((r) => r.data.level === "civil_servant").map((r) => r.data.people));
  }
}

function factFigures(records: readonly RecordLike[], range: DateRange, out: Figures): void {
  const facts = ofKind(records, "fact");
  for (const name of Object.keys(FACTS) as FactName[]) {
    const def = FACTS[name];
    const mine = facts.filter((r) => r.data.fact === name);
    if (!mine.length) continue;
    if (def.type === "count") {
      const values = def.scope === "period" ? mine.filter((r) => within(r.on, range)) : latestPerUnit(mine, range.to);
      if (values.length) out[def.code] = sum(values.map((r) => r.data.value ?? 0));
      continue;
    }
    const latest = latestPerUnit(mine, range.to, def.scope === "period" ? range.from : undefined);
    if (!latest.length) continue;
    if (def.type === "choice") {
      // over several units, the level every one of them has reached
      out[def.code] = Math.min(...latest.map((r) => r.data.value ?? 0));
    } else {
      const denominator = sum(latest.map((r) => r.data.denominator ?? 0));
      if (denominator > 0) out[def.code] = round2((sum(latest.map((r) => r.data.numerator ?? 0)) / denominator) * 100);
    }
  }
  const outgoing = ofKind(records, "outgoing_documents").filter((r) => within(r.on, range));
  if (outgoing.length) {
    const total = sum(outgoing.map((r) => r.data.total));
    out["7.2.3"] = total;
    if (total > 0) {
      out["7.2.3.electronic"] = round2((sum(outgoing.map((r) => r.data.electronic)) / total) * 100);
      out["7.2.3.withPaper"] = round2((sum(outgoing.map((r) => r.data.withPaper)) / total) * 100);
    }
  }
}

/** The 01b figures the records of some units yield for a period (local dates, both ends inclusive). */
export function recordFigures(set: RecordSet, range: DateRange): Figures {
  const out: Figures = {};
  planFigures(set, range, out);
  directionFigures(set.records, range, out);
  legalFigures(set.records, range, out);
  staffFigures(set.records, range, out);
  factFigures(set.records, range, out);
  return out;
}

/** Every code recordFigures may return (the sheet's rows kept by the records). */
export const RECORD_FIGURE_CODES: readonly string[] = [
  ...["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.3.3", "1.4.1", "1.4.2", "1.5"],
  ...["2.1", "2.2", "2.3", "2.4", "2.5", "4.1.1", "4.1.2", "4.1.3", "5.4.1", "5.4.5", "5.4.6"],
  ...Object.values(FACTS).map((f) => f.code),
  ...["7.2.3", "7.2.3.electronic", "7.2.3.withPaper"],
];
