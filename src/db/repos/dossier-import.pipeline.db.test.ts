// The import prepares batch k+1 while batch k is being stored (dossier-import.ts Pipeline). What the caller sees
// must be what a batch-after-batch import reports: every rejection and progress call, in the same order.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestDatabase } from "../testing.ts";
import { importDossierLines, importDossierRecords } from "./dossier-import.ts";
import { importTestDatabase } from "./dossier-import.testing.ts";
import type { UnitDirectory } from "./units.ts";

let t: TestDatabase;
let units: UnitDirectory;
before(async () => {
  ({ t, units } = await importTestDatabase());
});
after(async () => t.drop());

const line = (code: string, unit: Record<string, unknown>, channel = "direct") =>
  JSON.stringify({
    code,
    unit,
    procedure: { code: "1.001009", limit: "2 working days" },
    channel,
    receivedAt: "2026-03-12T09:00:00+07:00",
    events: [{ type: "resolved", at: "2026-03-12T10:00:00+07:00" }],
  });
const NEW_UNIT = { code: "Q8.01", name: "Xã Thử", parent: "Q8" };

test("rejections and progress come batch by batch, in the order a batch-after-batch import reports them", async () => {
  const input = [
    line("Q8.01-260312-0001", NEW_UNIT), // 1: creates Q8 and Q8.01
    "{ not json", // 2
    line("Q8.01-260312-0002", { code: "P1.01" }), // 3: code of another unit
    line("Q8.01-260312-0003", { code: "Q8.01" }), // 4: the unit batch 1 creates
    "{ not json either", // 5
    line("Q8.01-260312-0001", NEW_UNIT, "postal"), // 6: line 1's code, other content
    line("P1.01-260312-0001", { code: "Q8.01" }), // 7: code of another unit
    "[]", // 8: after the last full batch
  ];
  const seen: unknown[][] = [];
  const summary = await importDossierLines(t, units, input, {
    createMissing: true,
    batchSize: 2,
    onReject: (r) => seen.push(["reject", r.line, r.reason]),
    onProgress: (read) => seen.push(["progress", read]),
  });
  assert.deepEqual(seen, [
    ["reject", 2, "invalid-json"],
    ["reject", 3, "code-unit-mismatch"],
    ["progress", 3],
    ["reject", 5, "invalid-json"],
    ["reject", 6, "conflict"],
    ["progress", 6],
    // line 8 is read before the last batch (line 7 alone) is stored
    ["reject", 8, "not-an-object"],
    ["reject", 7, "code-unit-mismatch"],
    ["progress", 8],
  ]);
  assert.deepEqual(summary, { read: 8, imported: 2, unchanged: 0, rejected: 6 });
  const created = await t.db.selectFrom("units").select("code").where("code", "in", ["Q8", "Q8.01"]).execute();
  assert.equal(created.length, 2, "units created once, by the first batch, and seen by the next");
});

test("a failure while batch k is stored stops the import before batch k+1 is stored", async () => {
  const codes = Array.from({ length: 9 }, (_, i) => `P1.01-260313-${String(i + 1).padStart(4, "0")}`);
  const records = codes.map((code) => JSON.parse(line(code, { code: "P1.01" })));
  const { parseDossierLine } = await import("../../dossier/interchange/index.ts");
  const parsed = records.map((r) => {
    const p = parseDossierLine(JSON.stringify(r));
    assert.ok("ok" in p);
    return p.ok;
  });
  await assert.rejects(
    importDossierRecords(t, units, parsed, {
      createMissing: false,
      batchSize: 3,
      onProgress: (read) => {
        if (read >= 6) throw new Error("power cut");
      },
    }),
    /power cut/,
  );
  const stored = await t.db.selectFrom("dossiers").select("code").where("code", "in", codes).execute();
  assert.equal(stored.length, 6, "the first two batches are committed, the third (prepared meanwhile) is not");
});
