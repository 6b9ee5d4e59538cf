// presentSummary writes its instants itself (a list page is not deep-copied a second time): the answer is
// exactly what withLocalInstants made of the same summary with its Date fields, for any row.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { DossierRow } from "../../db/repos/dossiers/service.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import { presentSummary, withLocalInstants } from "./dossiers-present.ts";

const units = { find: (code: string) => (code === "P1.01" ? { name: "Xã An Hòa" } : undefined) } as UnitDirectory;
const instant = fc.option(fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }));

const row = fc
  .record({
    code: fc.constantFrom("P1.01-250303-0001", "X-250303-0002"),
    state: fc.constantFrom("submitted", "received", "processing", "awaiting_supplement", "resolved", "returned"),
    unit_code: fc.constantFrom("P1.01", "P9"),
    current_unit_code: fc.constantFrom("P1.01", "P9"),
    procedure_code: fc.constant("1.009902"),
    procedure_version: fc.option(fc.nat(5)),
    procedure_name: fc.option(fc.string()),
    field: fc.string(),
    channel: fc.constantFrom("direct", "online_full"),
    applicant: fc.option(fc.record({ name: fc.string(), phone: fc.string() }, { requiredKeys: [] })),
    submitted_at: instant,
    received_at: instant,
    due_at: instant,
    deadline_at: instant,
    extended_due_at: instant,
    paused_at: instant,
    end_at: instant,
    assignee_id: fc.option(fc.nat()),
    finish_class: fc.option(fc.constantFrom("early", "on_time", "late")),
    revision: fc.nat(50),
  })
  .map((r) => r as unknown as DossierRow);

test("presentSummary equals withLocalInstants of the summary with its Dates, for any row", () => {
  const now = new Date("2025-03-03T03:00:00Z");
  fc.assert(
    fc.property(row, (r) => {
      const summary = presentSummary(r, units, now);
      const withDates = {
        ...summary,
        submittedAt: r.submitted_at,
        receivedAt: r.received_at,
        dueAt: r.due_at,
        deadlineAt: r.deadline_at,
        extendedDueAt: r.extended_due_at,
        endedAt: r.end_at,
      };
      assert.deepEqual(summary, withLocalInstants(withDates));
      assert.equal(JSON.stringify(summary), JSON.stringify(withLocalInstants(withDates)));
    }),
    { numRuns: 2_000 },
  );
});
