// Import rules besides a line's content: lines a period of manual figures already counts, and lines the caller
// may not import (the API's authorize hook).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestDatabase } from "../testing.ts";
import { importDossierLines, type Rejection } from "./dossier-import.ts";
import { importTestDatabase, line, PROC, runImport } from "./dossier-import.testing.ts";
import type { UnitDirectory } from "./units.ts";

let t: TestDatabase;
let units: UnitDirectory;
before(async () => {
  ({ t, units } = await importTestDatabase());
});
after(async () => t.drop());

const run = (input: string[], createMissing: boolean) => runImport(t, units, input, { createMissing });

test("a line inside a period of results typed in by hand is rejected (it would be counted twice)", async () => {
  // manual figures of P1 (and so of P1.02 below it) for Q1 2025
  await t.db
    .insertInto("manual_results")
    .values({ province_code: "P1", unit_code: "P1", from: "2025-01-01", to: "2025-03-31", document: "{}" })
    .execute();
  const refusedIn = JSON.stringify({
    code: "P1.02-250304-0009",
    unit: { code: "P1.02" },
    procedure: PROC,
    channel: "direct",
    events: [{ type: "refused", at: "2025-03-04T09:00:00+07:00", reason: "Không thuộc thẩm quyền" }],
  });
  const input = [
    line("P1.02-250210-0001", "2025-02-10T09:00:00+07:00", { unit: { code: "P1.02" } }), // received inside
    line("P1.02-241201-0001", "2024-12-01T09:00:00+07:00", {
      unit: { code: "P1.02" },
      events: [{ type: "resolved", at: "2024-12-02T09:00:00+07:00" }],
    }), // ended before: not counted
    line("P1.02-241220-0001", "2024-12-20T09:00:00+07:00", {
      unit: { code: "P1.02" },
      dueAt: "2025-01-10T17:00:00+07:00",
      events: [{ type: "resolved", at: "2025-01-05T09:00:00+07:00" }],
    }), // carried over into the period
    refusedIn, // refused at intake inside
    line("P1.02-250401-0001", "2025-04-01T00:00:00+07:00", { unit: { code: "P1.02" } }), // the day after
    line("P2.01-250210-0001", "2025-02-10T09:00:00+07:00", { unit: { code: "P2.01" } }), // another province
  ];
  const { summary, rejected } = await run(input, false);
  assert.deepEqual(
    rejected.map((r) => [r.line, r.reason]),
    [
      [1, "manual-figures-cover-period"],
      [3, "manual-figures-cover-period"],
      [4, "manual-figures-cover-period"],
    ],
  );
  assert.match(rejected[0]!.message, /số liệu nhập tay.*2025-01-01\.\.2025-03-31/);
  assert.deepEqual(summary, { read: 6, imported: 3, unchanged: 0, rejected: 3 });
  const stored = await t.db
    .selectFrom("dossiers")
    .select("code")
    .where("code", "in", ["P1.02-250210-0001", "P1.02-241220-0001", "P1.02-250304-0009"])
    .execute();
  assert.deepEqual(stored, []);
});

test("authorize: a line the caller may not import is rejected as forbidden, the others imported", async () => {
  const rejected: Rejection[] = [];
  const summary = await importDossierLines(
    t,
    units,
    [
      line("P1.01-260320-0001", "2026-03-20T09:00:00+07:00"),
      line("P2.01-260320-0001", "2026-03-20T09:00:00+07:00", { unit: { code: "P2.01" } }),
    ],
    {
      createMissing: false,
      authorize: (scope) => (scope.provinceCode === "P1" ? undefined : `không quản trị ${scope.provinceCode}`),
      onReject: (r) => rejected.push(r),
    },
  );
  assert.deepEqual(summary, { read: 2, imported: 1, unchanged: 0, rejected: 1 });
  assert.deepEqual(
    rejected.map((r) => [r.line, r.reason, r.message]),
    [[2, "forbidden", "không quản trị P2"]],
  );
});
