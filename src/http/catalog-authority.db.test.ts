// Catalogue authority through the real server (docs/security.md): the national catalogue is the superuser's,
// a province administrator writes only its own overrides, effective dates stay in a sane window, and every
// change leaves an audit row in the same transaction.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createUser } from "../db/repos/people.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "./testing.ts";

let t: TestApp;
let provinceAdmin: string;
let root: string;

const procedure = {
  code: "1.009801",
  name: "Thủ tục thử thẩm quyền danh mục",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  timeLimit: { value: 5, unit: "working_days" },
  onlineLevel: "full",
  effectiveFrom: "2024-01-01",
};

before(async () => {
  t = await startTestApp({ now: () => new Date("2026-03-02T02:00:00Z") });
  await t.addStaff("qt.p1", "P1", ["admin"]);
  await createUser(
    t.database.db,
    { username: "root", fullName: "Quản trị hệ thống", password: TEST_PASSWORD, kind: "staff", isSuperuser: true },
    () => undefined,
  );
  provinceAdmin = await t.login("qt.p1");
  root = await t.login("root");
});
after(async () => t.close());

const post = (url: string, cookie: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.request({ method: "POST", url, cookie, payload: payload as object, headers });

/** The catalogue's own audit rows (each request is also audited by request-audit.ts). */
const audits = () =>
  t.database.db.selectFrom("audit_log").selectAll().where("action", "like", "catalog.%").orderBy("id").execute();

test("a province administrator cannot add a national version nor import the catalogue", async () => {
  const created = await post("/api/procedures", provinceAdmin, procedure);
  assert.equal(created.statusCode, 403);
  assert.match(created.json().detail, /quản trị hệ thống/);
  const imported = await post("/api/procedures/import", provinceAdmin, [procedure]);
  assert.equal(imported.statusCode, 403);
  assert.equal((await t.request({ method: "GET", url: `/api/procedures/${procedure.code}` })).statusCode, 404);
});

test("effective dates: not before 1990, not more than two years ahead (9999-12-31 would lock a procedure)", async () => {
  for (const effectiveFrom of ["9999-12-31", "2028-03-03", "1989-12-31"]) {
    const r = await post("/api/procedures", root, { ...procedure, effectiveFrom });
    assert.equal(r.statusCode, 400, effectiveFrom);
    assert.equal(r.json().invalidParams[0].name, "effectiveFrom");
  }
  const csv =
    "code,name,field,level,agency,limit_value,limit_unit,online_level,effective_from\r\n" +
    "1.009802,Thủ tục xa,Hộ tịch,commune,UBND cấp xã,3,working_days,none,9999-12-31\r\n" +
    "1.009803,Thủ tục gần,Hộ tịch,commune,UBND cấp xã,3,working_days,none,2026-01-01\r\n";
  const report = (await post("/api/procedures/import", root, csv, { "content-type": "text/csv" })).json();
  assert.equal(report.imported, 1);
  assert.deepEqual(
    report.errors.map((e: { row: number; code: string }) => [e.row, e.code]),
    [[2, "effective-date-out-of-range"]],
  );
  const override = await post(`/api/procedures/1.009803/overrides`, provinceAdmin, {
    provinceCode: "P1",
    effectiveFrom: "9999-12-31",
    timeLimit: { value: 1, unit: "working_days" },
  });
  assert.equal(override.statusCode, 400);
});

test("every catalogue change is audited with who and what: version, override, import", async () => {
  const before = (await audits()).length;
  assert.equal((await post("/api/procedures", root, procedure)).statusCode, 201);
  const override = await post(`/api/procedures/${procedure.code}/overrides`, provinceAdmin, {
    provinceCode: "P1",
    effectiveFrom: "2026-01-01",
    timeLimit: { value: 2, unit: "working_days" },
  });
  assert.equal(override.statusCode, 201, override.body);
  const refused = await post(`/api/procedures/${procedure.code}/overrides`, provinceAdmin, {
    provinceCode: "P2",
    effectiveFrom: "2026-01-01",
  });
  assert.equal(refused.statusCode, 403, "a province writes only its own overrides");
  const imported = await post("/api/procedures/import", root, [{ ...procedure, code: "1.009804" }]);
  assert.equal(imported.json().imported, 1);
  const rows = (await audits()).slice(before);
  const rootId = (await t.database.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", "root")
    .executeTakeFirst())!.id;
  assert.deepEqual(
    rows.map((r) => [r.action, r.subject]),
    [
      ["catalog.version", `${procedure.code} v1`],
      ["catalog.override", `P1/${procedure.code} v1`],
      ["catalog.import", "1 phiên bản"],
    ],
  );
  assert.equal(rows[0]!.user_id, rootId);
  assert.notEqual(rows[1]!.user_id, rootId);
});
