// The appendices of the periodic CCHC report that the reform records hold (seed 000): Phụ lục 1 (plans and
// tasks done), Phụ lục 3 (VBQPPL issued and reviewed, TTHC reviewed, by year and quarter) and Phụ lục 5
// (officials' qualifications, previous year and report year). Every figure is computed from the records.
import { completionByPlan, plansInRange, type TaskRef } from "./completion.ts";
import { type LEGAL_PROPOSALS, PLAN_KINDS, type Qualification, type RecordData, type RecordKind } from "./model.ts";
import type { PlanLike, RecordLike } from "./sheet-mapping.ts";

export interface Pl1Row {
  stt: number;
  kind: string;
  /** Kế hoạch: its kind's name, number and date ("Kế hoạch CCHC năm (62/KH-UBND)"). */
  plan: string;
  number: string;
  unit: string;
  issuedOn: string;
  planned: number;
  done: number;
}

/** Phụ lục 1: the plans in force in the period, with their tasks and those done by the period's end. */
export function appendix1(
  plans: readonly (PlanLike & { number: string })[],
  tasks: readonly TaskRef[],
  range: { from: string; to: string },
): Pl1Row[] {
  const order = Object.keys(PLAN_KINDS);
  const inRange = plansInRange(plans, range.from, range.to).sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.issuedOn.localeCompare(b.issuedOn) || a.id - b.id,
  );
  return completionByPlan(inRange, tasks, range.to).map(({ plan, completion }, i) => ({
    stt: i + 1,
    kind: plan.kind,
    plan: `${PLAN_KINDS[plan.kind]} (${plan.number})`,
    number: plan.number,
    unit: plan.unit,
    issuedOn: plan.issuedOn,
    planned: completion.planned,
    done: completion.done,
  }));
}

/** A Phụ lục 3 line: previous year's total, the report year's quarters (null after the period) and total. */
export interface Pl3Row {
  key: string;
  label: string;
  previousYear: number;
  quarters: (number | null)[];
  total: number;
}

const ofKind = <K extends RecordKind>(records: readonly RecordLike[], kind: K) =>
  records.filter((r): r is RecordLike<K> => r.kind === kind);

/** Phụ lục 3 for the year of `to`: dated events counted in calendar quarters up to `to`. */
export function appendix3(records: readonly RecordLike[], to: string): Pl3Row[] {
  const year = Number(to.slice(0, 4));
  const quarterEnds = ["03-31", "06-30", "09-30", "12-31"].map((d) => `${year}-${d}`);
  const line = (key: string, label: string, events: { on: string; n: number }[]): Pl3Row => {
    const sumIn = (from: string, until: string) =>
      events.filter((e) => e.on >= from && e.on <= until && e.on <= to).reduce((a, e) => a + e.n, 0);
    const quarters = quarterEnds.map((end, q) => {
      const start = `${year}-${["01-01", "04-01", "07-01", "10-01"][q]}`;
      return start > to ? null : sumIn(start, end);
    });
    return {
      key,
      label,
      previousYear: sumIn(`${year - 1}-01-01`, `${year - 1}-12-31`),
      quarters,
      total: quarters.reduce<number>((a, q) => a + (q ?? 0), 0),
    };
  };
  const docs = ofKind(records, "legal_document");
  const proposals = (kind: keyof typeof LEGAL_PROPOSALS) =>
    docs.flatMap((r) => (r.data.proposal?.kind === kind ? [{ on: r.data.proposal.on, n: 1 }] : []));
  const reviews = ofKind(records, "procedure_review");
  const tthc = (field: keyof RecordData["procedure_review"]) => reviews.map((r) => ({ on: r.on, n: r.data[field] }));
  return [
    line(
      "legal.issued",
      "1. Số lượng VB QPPL đã ban hành",
      docs.map((r) => ({ on: r.on, n: 1 })),
    ),
    line(
      "legal.reviewed",
      "2. Số lượng VB QPPL đã được rà soát",
      docs.flatMap((r) => r.data.reviews.map((on) => ({ on, n: 1 }))),
    ),
    line("legal.selfRepealed", "+ Tự bãi bỏ", proposals("self_repeal")),
    line("legal.selfAmended", "+ Tự sửa đổi", proposals("self_amend")),
    line("legal.proposedToHigher", "+ Đề nghị cấp trên sửa đổi hoặc bãi bỏ", proposals("propose_higher")),
    line("procedures.reviewed", "3. Số lượng TTHC qua rà soát", tthc("reviewed")),
    line("procedures.selfRepealed", "+ Tự bãi bỏ", tthc("selfRepealed")),
    line("procedures.selfAmended", "+ Tự sửa đổi", tthc("selfAmended")),
    line("procedures.proposedToHigher", "+ Đề nghị cấp trên sửa đổi hoặc bãi bỏ", tthc("proposedToHigher")),
  ];
}

export interface Pl5Row {
  key: string;
  label: string;
  previousYear: number | null;
  reportYear: number | null;
}

const PL5_FIELDS: [keyof Qualification, string][] = [
  ["total", "Tổng số"],
  ["meetingStandard", "Số đạt chuẩn theo quy định"],
  ["postgraduate", "Sau đại học"],
  ["university", "Đại học"],
  ["college", "Cao đẳng"],
  ["intermediate", "Trung cấp"],
  ["elementary", "Sơ cấp"],
  ["untrained", "Chưa qua đào tạo"],
  ["politicalAdvanced", "Lý luận chính trị cao cấp"],
  ["politicalIntermediate", "Lý luận chính trị trung cấp"],
  ["politicalElementary", "Lý luận chính trị sơ cấp"],
];

/** Phụ lục 5: cán bộ then công chức, the latest snapshot of each unit at the end of the previous year and by `to`. */
export function appendix5(records: readonly RecordLike[], to: string): Pl5Row[] {
  const year = Number(to.slice(0, 4));
  const snapshots = ofKind(records, "qualification");
  const at = (group: Qualification["group"], until: string) => {
    const latest = new Map<string, RecordLike<"qualification">>();
    for (const r of snapshots)
      if (r.data.group === group && r.on <= until && (!latest.get(r.unit) || r.on > latest.get(r.unit)!.on))
        latest.set(r.unit, r);
    return [...latest.values()];
  };
  const rows: Pl5Row[] = [];
  for (const [group, title] of [
    ["cadre", "1. Đối với cán bộ"],
    ["civil_servant", "2. Đối với công chức"],
  ] as const) {
    const before = at(group, `${year - 1}-12-31`);
    const now = at(group, to);
    const total = (list: RecordLike<"qualification">[], field: keyof Qualification) =>
      list.length ? list.reduce((a, r) => a + (Number(r.data[field]) || 0), 0) : null;
    rows.push({ key: group, label: title, previousYear: null, reportYear: null });
    for (const [field, label] of PL5_FIELDS)
      rows.push({ key: `${group}.${field}`, label, previousYear: total(before, field), reportYear: total(now, field) });
  }
  return rows;
}
