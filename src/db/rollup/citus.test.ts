// The readiness rules on made-up schemas (the live schema is checked in citus-ready.db.test.ts), and the
// repository scan on made-up sources.
import assert from "node:assert/strict";
import { test } from "node:test";
import { citusDdl, classifyTables, type TableFact } from "./citus.ts";
import { declarationsOf, unscopedIn } from "./query-scan.ts";

const table = (name: string, extra: Partial<TableFact> = {}): TableFact => ({
  table: name,
  columns: { province_code: true, id: true },
  keys: [{ name: `${name}_pkey`, kind: "primary", columns: ["province_code", "id"] }],
  foreignKeys: [],
  ...extra,
});

test("a table keyed and joined on province_code is distributed; the reference list is replicated", () => {
  const facts = [
    table("units", {
      columns: { code: true, province_code: true },
      keys: [{ name: "u", kind: "primary", columns: ["code"] }],
    }),
    table("dossiers", {
      foreignKeys: [{ name: "d_unit", columns: ["unit"], references: "units", referencedColumns: ["code"] }],
    }),
    table("events", {
      foreignKeys: [
        {
          name: "e_d",
          columns: ["province_code", "id"],
          references: "dossiers",
          referencedColumns: ["province_code", "id"],
        },
      ],
    }),
  ];
  const c = classifyTables(facts, { units: "tree" }, {});
  assert.deepEqual(c.reference, ["units"]);
  assert.deepEqual(c.distributed, ["dossiers", "events"]);
  assert.deepEqual(c.unclassified, []);
  const ddl = citusDdl(facts, c);
  assert.match(ddl, /create_reference_table\('units'\);\n/);
  assert.match(ddl, /create_distributed_table\('dossiers', 'province_code'\);\n/);
  assert.match(ddl, /create_distributed_table\('events', 'province_code', colocate_with => 'dossiers'\);/);
  assert.ok(ddl.indexOf("create_reference_table") < ddl.indexOf("create_distributed_table"));
});

test("each way of breaking distribution is named; a known gap is not unclassified", () => {
  const facts = [
    table("no_column", { columns: { id: true }, keys: [{ name: "p", kind: "primary", columns: ["id"] }] }),
    table("nullable", { columns: { province_code: false, id: true } }),
    table("unique_without", {
      keys: [
        { name: "p", kind: "primary", columns: ["province_code", "id"] },
        { name: "u", kind: "unique", columns: ["id"] },
      ],
    }),
    table("no_pk", { keys: [] }),
    table("fk_without", {
      foreignKeys: [{ name: "f", columns: ["id"], references: "unique_without", referencedColumns: ["id"] }],
    }),
    table("fk_crossed", {
      columns: { province_code: true, id: true, other: true },
      foreignKeys: [
        {
          name: "x",
          columns: ["province_code", "id"],
          references: "nullable",
          referencedColumns: ["id", "province_code"],
        },
      ],
    }),
    table("ref", { foreignKeys: [{ name: "r", columns: ["id"], references: "no_pk", referencedColumns: ["id"] }] }),
  ];
  const c = classifyTables(facts, { ref: "reference" }, { no_column: "known" });
  assert.deepEqual(c.distributed, []);
  assert.deepEqual(c.unclassified, ["fk_crossed", "fk_without", "no_pk", "nullable", "unique_without"]);
  assert.match(c.problems.no_column!.join(), /no province_code column/);
  assert.match(c.problems.nullable!.join(), /may be null/);
  assert.match(c.problems.unique_without!.join(), /unique key u \(id\) without province_code/);
  assert.match(c.problems.no_pk!.join(), /no primary key/);
  assert.match(c.problems.fk_without!.join(), /foreign key f to unique_without does not join on province_code/);
  assert.match(c.problems.fk_crossed!.join(), /foreign key x/);
  assert.match(c.problems.ref!.join(), /reference table refers to no_pk/);
});

test("the scan lists the functions that name a distributed table and never province_code", () => {
  const source = `import x from "y";
export async function scoped(db) {
  return db.selectFrom("dossiers").where("province_code", "=", p).execute();
}
export async function unscoped(db) {
  return db.selectFrom("dossiers").where("unit_code", "=", u).execute();
}
function raw(db) {
  return sql\`select count(*) from dossiers d join units u on u.code = d.unit_code\`.execute(db);
}
export class Cache {
  async load() {
    return this.db.selectFrom("units").selectAll().execute();
  }
  async events() {
    return sql\`insert into dossier_events select 1\`;
  }
}
export const helper = (db) => db.deleteFrom("dossiers as d").execute();
`;
  assert.deepEqual(
    declarationsOf(source).map((d) => d.name),
    ["scoped", "unscoped", "raw", "load", "events", "helper"],
  );
  assert.deepEqual(unscopedIn("f.ts", source, ["dossiers", "dossier_events"]), [
    { file: "f.ts", name: "unscoped", tables: ["dossiers"] },
    { file: "f.ts", name: "raw", tables: ["dossiers"] },
    { file: "f.ts", name: "events", tables: ["dossier_events"] },
    { file: "f.ts", name: "helper", tables: ["dossiers"] },
  ]);
});
