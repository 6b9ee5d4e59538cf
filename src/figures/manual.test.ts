import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type ManualDocument, withManual } from "./manual.ts";
import { nextDate } from "./period.ts";
import type { ResultsDocument, ResultsRow } from "./results.ts";
import { checkIdentity, RESULT_FIELDS, zeroCounts } from "./results-fields.ts";

/** A row holding the identity: `carried` + `received` = `finished` (on time) + `open` (within deadline). */
function row(key: string, carried: number, received: number, finished: number): ResultsRow {
  return {
    key,
    ...zeroCounts(),
    carriedOver: carried,
    received,
    receivedDirect: received,
    finishedOnTime: finished,
    openWithinDeadline: carried + received - finished,
  };
}

const computed = (rows: ResultsRow[]): ResultsDocument => {
  const total = row("total", 0, 0, 0);
  for (const r of rows) for (const f of RESULT_FIELDS) total[f] += r[f];
  return { report: "results", unit: "P1", from: "2026-01-01", to: "2026-12-31", by: "field", rows, total };
};

const manual = (unit: string, from: string, to: string, rows: ResultsRow[], by: ManualDocument["by"] = "field") => {
  const total = row("total", 0, 0, 0);
  for (const r of rows) for (const f of RESULT_FIELDS) total[f] += r[f];
  return { report: "results" as const, unit, from, to, by, rows, total };
};

test("a manual document's rows add to the computed rows of the same key, marked manual", () => {
  const report = withManual(
    computed([row("Chứng thực", 1, 4, 3)]),
    [manual("P1.09", "2026-02-01", "2026-02-28", [row("Chứng thực", 0, 2, 2), row("Hộ tịch", 1, 1, 1)])],
    "field",
  );
  assert.deepEqual(
    report.rows.map((r) => [r.key, r.carriedOver, r.received, r.finishedOnTime, r.manual]),
    [
      ["Chứng thực", 1, 6, 5, true],
      ["Hộ tịch", 1, 1, 1, true],
    ],
  );
  assert.equal(report.total.received, 7);
  assert.equal(report.total.manual, true);
  assert.deepEqual(report.manual, [{ unit: "P1.09", from: "2026-02-01", to: "2026-02-28" }]);
});

test("by unit a document lands in its unit's row; grouped otherwise, in one row named after its unit", () => {
  const doc = manual("P1.09", "2026-02-01", "2026-02-28", [row("Chứng thực", 0, 2, 2)]);
  const byUnit = withManual({ ...computed([]), by: "unit" }, [doc], "unit");
  assert.deepEqual(
    byUnit.rows.map((r) => [r.key, r.received]),
    [["P1.09", 2]],
  );
  const byProcedure = withManual({ ...computed([]), by: "procedure" }, [doc], "procedure");
  assert.deepEqual(
    byProcedure.rows.map((r) => [r.key, r.received]),
    [["P1.09 (số liệu nhập tay)", 2]],
  );
});

test("consecutive documents are one stock: carried over from the first, open from the last", () => {
  const report = withManual(
    computed([]),
    [
      // given out of order: the run is found by dates
      manual("P1.09", "2026-03-01", "2026-03-31", [row("Chứng thực", 3, 2, 4)]),
      manual("P1.09", "2026-02-01", "2026-02-28", [row("Chứng thực", 5, 1, 3)]),
    ],
    "field",
  );
  const [only] = report.rows;
  assert.deepEqual([only!.carriedOver, only!.received, only!.finishedOnTime, only!.openWithinDeadline], [5, 3, 7, 1]);
  assert.ok(checkIdentity(only!).holds);
});

test("a gap between documents starts another run: both stocks count", () => {
  const report = withManual(
    computed([]),
    [
      manual("P1.09", "2026-02-01", "2026-02-28", [row("Chứng thực", 5, 1, 3)]),
      manual("P1.09", "2026-04-01", "2026-04-30", [row("Chứng thực", 2, 2, 1)]),
    ],
    "field",
  );
  const [only] = report.rows;
  assert.deepEqual([only!.carriedOver, only!.openWithinDeadline], [7, 6]);
});

test("property: any run of chained documents keeps the identity in every row and the total", () => {
  // a chain: each month's carried-over stock is the previous month's open stock
  const month = fc.record({ received: fc.nat(20), finishedShare: fc.double({ min: 0, max: 1, noNaN: true }) });
  fc.assert(
    fc.property(fc.nat(10), fc.array(month, { minLength: 1, maxLength: 6 }), (start, months) => {
      let open = start;
      let from = "2026-01-01";
      const docs: ManualDocument[] = months.map((m) => {
        const finished = Math.floor((open + m.received) * m.finishedShare);
        const to = endOfMonth(from);
        const doc = manual("P1.09", from, to, [row("Chứng thực", open, m.received, finished)]);
        open = open + m.received - finished;
        from = nextDate(to);
        return doc;
      });
      const report = withManual(computed([row("Hộ tịch", 2, 3, 4)]), docs, "field");
      for (const r of [...report.rows, report.total]) assert.ok(checkIdentity(r).holds, r.key);
      // a row of all zeros is omitted from a report (CONTRACTS §3): it then stands for zero stock and flow
      const merged = report.rows.find((r) => r.key === "Chứng thực") ?? { carriedOver: 0, openWithinDeadline: 0 };
      assert.equal(merged.carriedOver, start);
      assert.equal(merged.openWithinDeadline, open);
    }),
  );
});

function endOfMonth(first: string): string {
  let day = first;
  while (nextDate(day).slice(0, 7) === first.slice(0, 7)) day = nextDate(day);
  return day;
}
