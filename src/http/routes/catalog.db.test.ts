import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { exportProceduresCsv } from "../../catalog/procedure-csv.ts";
import { seedReferenceData } from "../../db/repos/catalog.ts";
import { createUser } from "../../db/repos/people.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../testing.ts";

let t: TestApp;
let admin1: string; // admin of province P1
let communeAdmin: string; // admin of commune P1.01: not the national catalogue's manager
let frontDesk: string;
let root: string; // superuser

before(async () => {
  t = await startTestApp({ now: () => new Date("2026-03-02T02:00:00Z") });
  await seedReferenceData(t.database.db);
  await t.ctx.units.refresh();
  await t.addStaff("qt.p1", "P1", ["admin"]);
  await t.addStaff("qt.xa", "P1.01", ["admin"]);
  await t.addStaff("motcua.p1", "P1.01", ["front_desk"]);
  await createUser(
    t.database.db,
    { username: "root", fullName: "Quản trị hệ thống", password: TEST_PASSWORD, kind: "staff", isSuperuser: true },
    () => undefined,
  );
  admin1 = await t.login("qt.p1");
  communeAdmin = await t.login("qt.xa");
  frontDesk = await t.login("motcua.p1");
  root = await t.login("root");
});
after(async () => t.close());

const procedure = {
  code: "1.009901",
  name: "Thủ tục thử nghiệm qua API",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  timeLimit: { value: 5, unit: "working_days" },
  onlineLevel: "full",
  effectiveFrom: "2024-01-01",
};

test("search without diacritics: 'chung thuc ban sao' finds 'Chứng thực bản sao từ bản chính…'", async () => {
  const response = await t.request({ method: "GET", url: "/api/procedures?q=chung%20thuc%20ban%20sao" });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.match(body.items[0].name, /^Chứng thực bản sao từ bản chính/);
  assert.equal(body.approximate, false);
  const filtered = await t.request({
    method: "GET",
    url: `/api/procedures?field=${encodeURIComponent("Hộ tịch")}&online=partial&pageSize=200`,
  });
  assert.ok(
    filtered
      .json()
      .items.every((p: { field: string; onlineLevel: string }) => p.field === "Hộ tịch" && p.onlineLevel === "partial"),
  );
  const fields = (await t.request({ method: "GET", url: "/api/procedures/fields" })).json().fields;
  assert.ok(fields.some((f: { name: string; count: number }) => f.name === "Chứng thực" && f.count > 5));
  const invalid = await t.request({ method: "GET", url: "/api/procedures?level=huyen" });
  assert.equal(invalid.statusCode, 400);
  assert.equal(invalid.json().invalidParams[0].name, "level");
});

test("who may write the national catalogue: nobody anonymous, no front desk, no admin of a unit; a superuser may", async () => {
  const csv = exportProceduresCsv([]);
  for (const [cookie, status] of [
    [undefined, 401],
    [frontDesk, 403],
    [communeAdmin, 403],
    [admin1, 403], // a province changes only its overrides: the national catalogue is every province's
  ] as const) {
    const imported = await t.request({
      method: "POST",
      url: "/api/procedures/import",
      cookie,
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    assert.equal(imported.statusCode, status);
    const created = await t.request({ method: "POST", url: "/api/procedures", cookie, payload: procedure });
    assert.equal(created.statusCode, status);
  }
  const created = await t.request({ method: "POST", url: "/api/procedures", cookie: root, payload: procedure });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().version, 1);
});

test("CSV import over HTTP: the bad row is reported with row, field, code and a Vietnamese message", async () => {
  const header =
    "code,name,field,level,agency,limit_value,limit_unit,online_level,effective_from\r\n" +
    "1.009911,Thủ tục CSV một,Hộ tịch,commune,UBND cấp xã,3,working_days,none,2025-07-01\r\n" +
    "1.009912,Thủ tục CSV hai,Hộ tịch,xa,UBND cấp xã,3,working_days,none,2025-07-01\r\n" +
    "1.009913,Thủ tục CSV ba,Hộ tịch,commune,UBND cấp xã,3,working_days,none,2025-07-01\r\n";
  const response = await t.request({
    method: "POST",
    url: "/api/procedures/import",
    cookie: root,
    headers: { "content-type": "text/csv" },
    payload: header,
  });
  assert.equal(response.statusCode, 200);
  const report = response.json();
  assert.equal(report.imported, 2);
  assert.equal(report.unchanged, 0);
  assert.deepEqual(
    report.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]),
    [[3, "level", "invalid_value"]],
  );
  assert.match(report.errors[0].message, /Cấp thực hiện/);
  assert.equal((await t.request({ method: "GET", url: "/api/procedures/1.009913" })).statusCode, 200);
  assert.equal((await t.request({ method: "GET", url: "/api/procedures/1.009912" })).statusCode, 404);
  const json = await t.request({
    method: "POST",
    url: "/api/procedures/import",
    cookie: root,
    payload: [{ ...procedure, code: "1.009911", name: "Tên khác", effectiveFrom: "2025-07-01" }],
  });
  assert.equal(json.json().errors[0].code, "version-exists");
  const broken = await t.request({
    method: "POST",
    url: "/api/procedures/import",
    cookie: root,
    headers: { "content-type": "text/csv" },
    payload: "code,name\r\nx,y\r\n",
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().code, "validation-failed");
});

test("versions over HTTP: ?at an older date returns the old version; a province override with ?province", async () => {
  const edited = await t.request({
    method: "POST",
    url: "/api/procedures",
    cookie: root,
    payload: { ...procedure, timeLimit: { value: 2, unit: "working_days" }, effectiveFrom: "2025-07-01" },
  });
  assert.equal(edited.statusCode, 201);
  assert.equal(edited.json().version, 2);
  const stale = await t.request({ method: "POST", url: "/api/procedures", cookie: root, payload: procedure });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, "version-order");
  const today = (await t.request({ method: "GET", url: "/api/procedures/1.009901" })).json();
  assert.equal(today.version, 2);
  const old = (await t.request({ method: "GET", url: "/api/procedures/1.009901?at=2025-06-30" })).json();
  assert.deepEqual([old.version, old.timeLimit.value], [1, 5]);
  const before = await t.request({ method: "GET", url: "/api/procedures/1.009901?at=2023-01-01" });
  assert.equal(before.json().code, "not-in-force");
  const versions = (await t.request({ method: "GET", url: "/api/procedures/1.009901/versions" })).json().versions;
  assert.deepEqual(
    versions.map((v: { version: number }) => v.version),
    [1, 2],
  );

  const override = { provinceCode: "P1", effectiveFrom: "2026-01-01", timeLimit: { value: 1, unit: "working_days" } };
  const refused = await t.request({
    method: "POST",
    url: "/api/procedures/1.009901/overrides",
    cookie: admin1,
    payload: { ...override, provinceCode: "P2" },
  });
  assert.equal(refused.statusCode, 403);
  const made = await t.request({
    method: "POST",
    url: "/api/procedures/1.009901/overrides",
    cookie: admin1,
    payload: override,
  });
  assert.equal(made.statusCode, 201);
  const inP1 = (await t.request({ method: "GET", url: "/api/procedures/1.009901?province=P1" })).json();
  assert.equal(inP1.timeLimit.value, 1);
  const inP2 = (await t.request({ method: "GET", url: "/api/procedures/1.009901?province=P2" })).json();
  assert.equal(inP2.timeLimit.value, 2);
  const beforeOverride = await t.request({ method: "GET", url: "/api/procedures/1.009901?province=P1&at=2025-12-31" });
  assert.equal(beforeOverride.json().timeLimit.value, 2);
});

test("unit import: an admin of province P1 cannot create units in P2; a front desk cannot import at all", async () => {
  const inP2 = [{ code: "P2.09", name: "Xã Thử Nhập", kind: "commune", parentCode: "P2" }];
  const refused = await t.request({ method: "POST", url: "/api/units/import", cookie: admin1, payload: inP2 });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().code, "forbidden");
  const desk = await t.request({
    method: "POST",
    url: "/api/units/import",
    cookie: frontDesk,
    payload: [{ code: "P1.09", name: "Xã Thử", kind: "commune", parentCode: "P1" }],
  });
  assert.equal(desk.statusCode, 403);
  const province = await t.request({
    method: "POST",
    url: "/api/units/import",
    cookie: admin1,
    payload: [{ code: "P3", name: "Tỉnh Thử Ba", kind: "province", parentCode: null }],
  });
  assert.equal(province.statusCode, 403, "only a superuser creates a province");
  assert.equal((await t.request({ method: "GET", url: "/api/units/P2.09" })).statusCode, 404);
  const ok = await t.request({
    method: "POST",
    url: "/api/units/import",
    cookie: admin1,
    payload: [{ code: "P1.09", name: "Xã Thử Nhập", kind: "commune", parentCode: "P1" }],
  });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual([ok.json().created, ok.json().errors], [1, []]);
  const unit = (await t.request({ method: "GET", url: "/api/units/P1.09" })).json();
  assert.equal(unit.provinceCode, "P1");
});

test("units export then import over HTTP is a round trip (superuser): everything unchanged", async () => {
  const exported = await t.request({ method: "GET", url: "/api/units/export" });
  assert.equal(exported.statusCode, 200);
  const units = exported.json();
  assert.ok(units.some((u: { code: string }) => u.code === "46"));
  const again = await t.request({ method: "POST", url: "/api/units/import", cookie: root, payload: units });
  assert.equal(again.statusCode, 200);
  assert.deepEqual([again.json().created, again.json().unchanged, again.json().errors], [0, units.length, []]);
});

test("catalogue export as CSV and JSON; the OpenAPI document lists the catalogue routes", async () => {
  const csv = await t.request({ method: "GET", url: "/api/procedures/export?format=csv" });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers["content-type"] as string, /^text\/csv/);
  assert.match(csv.body, /^\uFEFFcode,version,name/);
  const json = (await t.request({ method: "GET", url: "/api/procedures/export" })).json();
  assert.ok(json.length >= 57);
  const paths = (await t.request({ method: "GET", url: "/api/openapi.json" })).json().paths;
  for (const path of ["/api/procedures", "/api/procedures/import", "/api/units/import", "/api/units/export"]) {
    assert.ok(paths[path] ?? paths[path.replace(/:(\w+)/g, "{$1}")], path);
  }
});
