// The province condition a unit-scoped query gains (unit-scope.ts) drops no row: over dossiers imported from
// random records, for every unit subtree and every set of units across provinces, `unit_code in U` and
// `inUnits(U)` (provinces given by the directory, or read from the units table) count the same dossiers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import { seedTestUnits } from "../../http/testing.ts";
import { createTestDatabase, type TestDatabase } from "../testing.ts";
import { importDossierRecords } from "./dossier-import.ts";
import { inUnits, provincesOfUnits } from "./unit-scope.ts";
import { UnitDirectory } from "./units.ts";

let database: TestDatabase;
let units: UnitDirectory;

before(async () => {
  database = await createTestDatabase();
  await seedTestUnits(database);
  units = new UnitDirectory(database.db);
  await units.refresh();
  const records = sampleDossiers(
    {
      range: { from: "2024-03-01", days: 30 },
      units: ["P1", "P1.01", "P1.02", "P2.01"],
      procedures: [{ code: "1.001009", field: "Chứng thực", level: "commune" }],
    },
    120,
    19,
  );
  await importDossierRecords(database, units, records, { createMissing: true });
});

after(async () => {
  await database?.drop();
});

const count = async (condition: ReturnType<typeof sql<boolean>>) =>
  (await sql<{ n: number }>`select count(*)::int as n from dossiers d where ${condition}`.execute(database.db)).rows[0]!
    .n;

test("provincesOfUnits: each unit's topmost ancestor; undefined for a unit the directory does not know", () => {
  assert.deepEqual(provincesOfUnits(units, ["P1.02", "P2.01", "P1"]), ["P1", "P2"]);
  assert.deepEqual(provincesOfUnits(units, []), []);
  assert.equal(provincesOfUnits(units, ["P1.01", "P9.99"]), undefined);
});

test("the province condition drops no dossier of the units, whichever way the provinces come", async () => {
  const sets = [
    ...["P1", "P1.01", "P1.02", "P2", "P2.01"].map((u) => units.subtree(u)),
    ["P1.02", "P2.01"],
    ["P1.01", "P9.99"],
    [],
  ];
  let seen = 0;
  for (const unitCodes of sets) {
    const plain = await count(sql<boolean>`d.unit_code = any(${unitCodes}::text[])`);
    seen += plain;
    const given = provincesOfUnits(units, unitCodes);
    assert.equal(await count(inUnits({ unitCodes, provinces: given }, "d")), plain, `${unitCodes}: literal provinces`);
    assert.equal(await count(inUnits({ unitCodes }, "d")), plain, `${unitCodes}: provinces read from units`);
  }
  assert.ok(seen > 0, "the sample has dossiers in the units");
  assert.equal(await count(inUnits({}, "d")), await count(sql<boolean>`true`), "no units: every dossier");
});
