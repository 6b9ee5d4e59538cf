// Shared by the tests of the counted 766 indicators (reports-quality-counts*.db.test.ts; not used by production
// code): the counters that differ from their recomputation, and the counted figures against the pure fold.
import assert from "node:assert/strict";
import { getCalendar } from "../../calendar/index.ts";
import { nextDate } from "../../figures/period.ts";
import { qualityIndicators, type WorkingMinutes } from "../../figures/quality.ts";
import type { TestDatabase } from "../testing.ts";
import { complaintCodes } from "./reports-quality.ts";
import { COLUMNS, countedQualityIndicators } from "./reports-quality-counts.ts";
import { loadPeriodRecords } from "./reports-records.ts";

const calendar = getCalendar();
export const workingMinutes: WorkingMinutes = (from, to) => calendar.workingMinutesBetween(from, to);

/** Each counter table, its key columns and its counted columns (zero rows count as absent). */
const TABLES: [string, string[], string[]][] = [
  ["quality_counts", ["span", "day", "province_code", "unit_code"], [...COLUMNS]],
  [
    "quality_processing_counts",
    ["span", "day", "province_code", "unit_code", "procedure_code"],
    ["completed", "processing_ms", "unplaced"],
  ],
  [
    "quality_request_counts",
    ["span", "day", "province_code", "unit_code"],
    ["open_on", "open_off", "ended", "ended_on_time"],
  ],
  [
    "quality_request_resumes",
    ["span", "day", "start_day", "province_code", "unit_code"],
    ["resumed", "resumed_on_time"],
  ],
  [
    "quality_request_processing",
    ["span", "day", "province_code", "unit_code", "procedure_code"],
    ["completed", "processing_ms", "unplaced"],
  ],
];

/** Rows of the counter tables that differ from their recomputation (the *_expected views), at most 5 each. */
export async function countersDiffer(database: TestDatabase): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [table, keys, columns] of TABLES) {
    const key = keys.map((k) => (k.endsWith("day") ? `${k}::text` : k)).join(", ");
    const expected = `${table}_expected`;
    const sums = columns.map((c) => `sum(${c})`).join(", ");
    const { rows } = await database.pool.query(`
      select '${table}' as t, ${key}, ${sums}
      from (select ${keys.join(", ")}, ${columns.join(", ")} from ${table}
        union all select ${keys.join(", ")}, ${columns.map((c) => `-${c}`).join(", ")} from ${expected}) q
      group by ${keys.map((_, i) => i + 2).join(", ")}
      having (${sums}) <> (${columns.map(() => "0").join(", ")})
      limit 5`);
    out.push(...rows);
  }
  return out;
}

/**
 * The counted indicators of a period and scope against qualityIndicators over the records the route used to
 * load, with the stored complaints plus every `extra`-th loaded dossier as complained (so 5.4's exclusion is
 * exercised). Returns 2.1's denominator (how many dossiers were handled).
 */
export async function compareWithFold(
  database: TestDatabase,
  period: { from: string; to: string },
  unitCodes: string[] | undefined,
  extra: number,
  minutes = workingMinutes,
  /** Also each indicator alone (the drill-down's figure) against its entry in the whole answer. */
  alone = false,
): Promise<number> {
  const scoped = unitCodes ? { unitCodes } : {};
  const records = await loadPeriodRecords(database.db, { ...period, ...scoped });
  const stored = await complaintCodes(database.db, { ...period, ...scoped });
  const complaints = [...stored, ...records.filter((_, i) => i % extra === 0).map((r) => r.code)];
  const pure = qualityIndicators(records, { ...period, workingMinutes: minutes, complaintCodes: complaints });
  const query = { ...period, ...scoped, workingMinutes: minutes, complaintCodes: complaints };
  const counted = await countedQualityIndicators(database.db, query);
  const label = `${period.from}..${period.to} ${unitCodes?.join(",") ?? "all"}`;
  assert.deepEqual(
    counted.map((i) => i.id),
    pure.map((i) => i.id),
  );
  for (const [i, expected] of pure.entries()) {
    const actual = counted[i]!;
    if (expected.kind === "rate" && actual.kind === "rate") {
      assert.deepEqual(
        [actual.numerator, actual.denominator, actual.value, actual.score],
        [expected.numerator, expected.denominator, expected.value, expected.score],
        `${label} ${expected.id}`,
      );
    } else if (expected.kind === "average" && actual.kind === "average") {
      assert.equal(actual.count, expected.count, label);
      assert.ok(Math.abs(actual.totalDays - expected.totalDays) < 1e-6, `${label} ${actual.totalDays}`);
      assert.deepEqual(
        actual.byProcedure.map((p) => [p.procedure, p.count]),
        expected.byProcedure.map((p) => [p.procedure, p.count]),
        label,
      );
      for (const [k, p] of actual.byProcedure.entries())
        assert.ok(Math.abs(p.totalDays - expected.byProcedure[k]!.totalDays) < 1e-6, `${label} ${p.procedure}`);
    } else assert.fail(`${label}: ${expected.id} kinds differ`);
  }
  // one indicator alone (a drill-down's figure), reading only what it needs, is its entry in the whole answer
  for (const indicator of alone ? counted : []) {
    const itself = await countedQualityIndicators(database.db, query, indicator.id);
    assert.deepEqual(itself, [indicator], `${label} ${indicator.id} alone`);
  }
  return pure[0]!.kind === "rate" ? pure[0]!.denominator : 0;
}

/** A local date `n` days after 2024-01-01. */
export function dayAfter2024(n: number): string {
  let d = "2024-01-01";
  for (let i = 0; i < n; i++) d = nextDate(d);
  return d;
}
