// The Decision 766 indicators computed in SQL (reports-quality.ts) equal the pure fold of src/figures/quality.ts
// (2.1's end of processing and on-time rule, 2.2, 3.3, 3.6, 4.1, 4.2, 5.4 with complaints) over the records the
// route used to load (loadPeriodRecords), on generated demo dossiers (supplements,
// transfers, extensions, late, withdrawn, online, fees, digitized and electronic results) imported as a
// province would: every count, every code list, the average processing time — for several periods and scopes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getCalendar } from "../../calendar/index.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { generateDemo } from "../../demo/generate.ts";
import { periodBounds } from "../../figures/period.ts";
import { qualityIndicators } from "../../figures/quality.ts";
import { processingEnd766 } from "../../figures/quality-rules.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { exportProcedures, seedReferenceData } from "./catalog.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { type Cursor, cursorAfter, decodeCursor, scopeOf as listScopeOf } from "./dossiers/list-sql.ts";
import type { DossierRow } from "./dossiers/service.ts";
import { CODES_LIMIT, complaintCodes, type SqlQualityQuery, sqlQualityIndicators } from "./reports-quality.ts";
import { INDICATOR_PARTS, type IndicatorPageQuery, indicatorPageSql } from "./reports-quality-dossiers.ts";
import { loadPeriodRecords } from "./reports-records.ts";
import { UnitDirectory, unitFromRow } from "./units.ts";

let database: TestDatabase;
let directory: UnitDirectory;
const calendar = getCalendar();
const workingMinutes = (from: Date, to: Date) => calendar.workingMinutesBetween(from, to);

before(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  const units = (await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute()).map(
    unitFromRow,
  );
  const procedures = await exportProcedures(database.db);
  const demo = generateDemo({
    seed: 7,
    today: new Date("2026-03-02T17:00:00+07:00"),
    units,
    procedures,
    dossiers: 1200,
  });
  // two supplement requests (late by 2.1) and a stop after receipt, which the demo does not generate
  const hour = 3_600_000;
  const templates = demo.records
    .filter((r) => r.receivedAt && r.dueAt && r.receivedAt >= new Date("2025-01-01T00:00:00+07:00"))
    .slice(0, 6);
  for (const [n, r] of templates.entries()) {
    const t = r.receivedAt!.getTime();
    const events: DossierRecord["events"] =
      n % 3 === 2
        ? [{ type: "stopped", at: new Date(t + hour), reason: "Người nộp không bổ sung" }]
        : [
            { type: "supplement_requested", at: new Date(t + hour), reason: "Thiếu giấy tờ" },
            { type: "supplement_received", at: new Date(t + 2 * hour), dueAt: r.dueAt! },
            { type: "supplement_requested", at: new Date(t + 3 * hour), reason: "Thiếu giấy tờ" },
            ...(n % 3 === 0
              ? [
                  { type: "supplement_received" as const, at: new Date(t + 4 * hour), dueAt: r.dueAt! },
                  { type: "resolved" as const, at: new Date(t + 5 * hour) },
                ]
              : []),
          ];
    // a free sequence number on the same unit and day (<unit>-YYMMDD-XXXX)
    demo.records.push({ ...r, code: `${r.code.slice(0, -4)}${9990 + n}`, events });
  }
  directory = new UnitDirectory(database.db);
  await directory.refresh();
  const summary = await importDossierRecords(database, directory, demo.records, {
    createMissing: false,
    batchSize: 500,
    onReject: (r) => {
      throw new Error(`${r.reason}: ${r.message}`);
    },
  });
  assert.equal(summary.imported, demo.records.length);
});
after(async () => database.drop());

const periods = [
  { from: "2025-01-01", to: "2025-12-31" },
  { from: "2025-10-01", to: "2025-12-31" },
  { from: "2024-03-01", to: "2026-03-02" },
];

test("SQL indicators = the pure fold, for every period and scope", async () => {
  const busiest = (
    await database.pool.query("select unit_code from dossiers group by 1 order by count(*) desc limit 1")
  ).rows[0].unit_code as string;
  const scopes: (string[] | undefined)[] = [undefined, directory.subtree(directory.provinceOf(busiest)!), [busiest]];
  let compared = 0;
  for (const period of periods) {
    for (const unitCodes of scopes) {
      const records = await loadPeriodRecords(database.db, { ...period, ...(unitCodes ? { unitCodes } : {}) });
      // 5.4: the stored complaints of the period plus every 7th loaded dossier, so the exclusion is exercised
      const stored = await complaintCodes(database.db, { ...period, ...(unitCodes ? { unitCodes } : {}) });
      const complaints = [...stored, ...records.filter((_, i) => i % 7 === 0).map((r) => r.code)];
      const pure = qualityIndicators(records, { ...period, workingMinutes, complaintCodes: complaints });
      const fromSql = await sqlQualityIndicators(database.db, {
        ...period,
        ...(unitCodes ? { unitCodes } : {}),
        workingMinutes,
        complaintCodes: complaints,
      });
      const label = `${period.from}..${period.to} ${unitCodes ? unitCodes.length : "all"} units`;
      assert.deepEqual(
        fromSql.map((i) => i.id),
        pure.map((i) => i.id),
        label,
      );
      for (const [i, expected] of pure.entries()) {
        const actual = fromSql[i]!;
        if (expected.kind === "rate" && actual.kind === "rate") {
          assert.deepEqual(
            [actual.numerator, actual.denominator, actual.value],
            [expected.numerator, expected.denominator, expected.value],
            `${label} ${expected.id}`,
          );
          // the codes: the first CODES_LIMIT in code order
          const first = (codes: string[]) => [...codes].sort().slice(0, CODES_LIMIT);
          assert.deepEqual(actual.numeratorCodes, first(expected.numeratorCodes), `${label} ${expected.id}`);
          assert.deepEqual(actual.denominatorCodes, first(expected.denominatorCodes), `${label} ${expected.id}`);
          if (expected.denominator > 0) compared++;
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
          if (expected.count <= CODES_LIMIT) assert.deepEqual(actual.codes, [...expected.codes].sort(), label);
          else {
            assert.equal(actual.codes.length, CODES_LIMIT);
            assert.ok(actual.codes.every((c) => expected.codes.includes(c)));
          }
        } else assert.fail(`${label}: ${expected.id} kinds differ`);
      }
    }
  }
  assert.ok(compared > 20, `only ${compared} non-empty rates compared`);
  // the data exercises 2.1's ends: open at the period's end, an unanswered request, more than one request
  const all = await loadPeriodRecords(database.db, periods[2]!);
  const { end } = periodBounds(periods[2]!);
  const kinds = new Map<string, number>();
  for (const r of all) {
    const e = processingEnd766(r, end);
    if (!e) continue;
    const key = e.requests > 1 ? "requests>1" : e.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  for (const kind of ["open", "awaiting-supplement", "requests>1", "resolved", "declined", "stopped", "withdrawn"])
    assert.ok((kinds.get(kind) ?? 0) > 0, `no ${kind} dossier: ${JSON.stringify([...kinds])}`);
});

test("each part of each indicator, walked a page at a time, holds exactly the pure fold's dossiers", async () => {
  const busiest = (
    await database.pool.query("select unit_code from dossiers group by 1 order by count(*) desc limit 1")
  ).rows[0].unit_code as string;
  const province = directory.provinceOf(busiest)!;
  const scopes: (string[] | undefined)[] = [undefined, directory.subtree(province), [busiest]];
  let walked = 0;
  for (const period of periods.slice(0, 2)) {
    for (const unitCodes of scopes) {
      const records = await loadPeriodRecords(database.db, { ...period, ...(unitCodes ? { unitCodes } : {}) });
      const complaints = records.filter((_, i) => i % 5 === 0).map((r) => r.code);
      const pure = qualityIndicators(records, { ...period, workingMinutes, complaintCodes: complaints });
      const query = { ...period, ...(unitCodes ? { unitCodes } : {}), workingMinutes, complaintCodes: complaints };
      const listed = listScopeOf(unitCodes, directory);
      const scope = listed.mode === "units" ? { ...listed, receiving: true } : listed;
      for (const expected of pure) {
        for (const part of INDICATOR_PARTS) {
          const want =
            expected.kind === "average"
              ? part === "denominator"
                ? expected.codes
                : undefined
              : part === "numerator"
                ? expected.numeratorCodes
                : expected.denominatorCodes;
          const got = await walk(query, { id: expected.id, part, scope, limit: 13 });
          const label = `${period.from}..${period.to} ${unitCodes?.length ?? "all"} ${expected.id} ${part}`;
          if (!want) assert.equal(got, undefined, label);
          else {
            assert.deepEqual([...got!].sort(), [...want].sort(), label);
            walked += want.length;
          }
        }
      }
    }
  }
  assert.ok(walked > 2000, `only ${walked} dossiers walked`);
});

/** Every code of a part, page after page by cursor, checked to come recent first without repeats. */
async function walk(query: SqlQualityQuery, page: IndicatorPageQuery): Promise<string[] | undefined> {
  const codes: string[] = [];
  let after: Cursor | undefined;
  let last: [number, string] | undefined;
  for (;;) {
    const statement = indicatorPageSql(query, { ...page, after });
    if (!statement) return undefined;
    const rows = (await statement.execute(database.db)).rows as unknown as DossierRow[];
    for (const row of rows) {
      const key: [number, string] = [(row.received_at ?? row.submitted_at ?? row.created_at).getTime(), row.code];
      if (last) assert.ok(key[0] < last[0] || (key[0] === last[0] && key[1] < last[1]), `order at ${row.code}`);
      last = key;
      codes.push(row.code);
    }
    if (rows.length < page.limit) return codes;
    after = decodeCursor(cursorAfter(rows.at(-1)!, "recent"), "recent");
  }
}
