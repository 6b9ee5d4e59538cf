// GET /api/units/:code/officers: who may see it (front desk, officers, leaders of the unit or above), what it
// lists (active staff with a role at the unit or below, their roles, the id `assign` takes), and the id it
// returns is accepted by the assign action.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { findAssignee } from "../../db/repos/dossiers/staff.ts";
import { startTestApp, type TestApp } from "../testing.ts";
import type { Officer } from "./officers.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

before(async () => {
  t = await startTestApp();
  const staff: [string, string, ("front_desk" | "officer" | "leader" | "reform_officer" | "admin")[]][] = [
    ["motcua.xa", "P1.01", ["front_desk"]],
    ["chuyenvien.xa", "P1.01", ["officer"]],
    ["lanhdao.xa", "P1.01", ["leader", "officer"]],
    ["nghi.xa", "P1.01", ["officer"]],
    ["chuyenvien.phuong", "P1.02", ["officer"]],
    ["lanhdao.tinh", "P1", ["leader"]],
    ["cchc.tinh", "P1", ["reform_officer"]],
    ["chuyenvien.p2", "P2.01", ["officer"]],
  ];
  for (const [username, unit, roles] of staff) ids[username] = await t.addStaff(username, unit, roles);
  await t.database.db.updateTable("users").set({ active: false }).where("username", "=", "nghi.xa").execute();
  for (const name of ["motcua.xa", "chuyenvien.xa", "lanhdao.tinh", "cchc.tinh", "chuyenvien.p2"])
    cookies[name] = await t.login(name);
});
after(async () => t.close());

const officersOf = (who: string | undefined, unit: string) =>
  t.request({ method: "GET", url: `/api/units/${unit}/officers`, ...(who ? { cookie: cookies[who] } : {}) });

test("lists the active staff of the unit with their roles and ids, nobody from elsewhere", async () => {
  const response = await officersOf("motcua.xa", "P1.01");
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json().officers, [
    { id: ids["chuyenvien.xa"], username: "chuyenvien.xa", fullName: "chuyenvien.xa", roles: ["officer"] },
    { id: ids["lanhdao.xa"], username: "lanhdao.xa", fullName: "lanhdao.xa", roles: ["leader", "officer"] },
    { id: ids["motcua.xa"], username: "motcua.xa", fullName: "motcua.xa", roles: ["front_desk"] },
  ]);
});

test("a province lists its subtree", async () => {
  const response = await officersOf("lanhdao.tinh", "P1");
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(
    response.json().officers.map((o: { username: string }) => o.username),
    ["cchc.tinh", "chuyenvien.phuong", "chuyenvien.xa", "lanhdao.tinh", "lanhdao.xa", "motcua.xa"],
  );
});

test("only staff who receive or process dossiers at the unit or above may ask", async () => {
  assert.equal((await officersOf(undefined, "P1.01")).statusCode, 401);
  assert.equal((await officersOf("cchc.tinh", "P1.01")).statusCode, 403); // reform officer: reads, never assigns
  assert.equal((await officersOf("chuyenvien.p2", "P1.01")).statusCode, 403); // another province
  assert.equal((await officersOf("chuyenvien.xa", "P1")).statusCode, 403); // a commune officer, not the province
  assert.equal((await officersOf("chuyenvien.xa", "P1.01")).statusCode, 200);
  assert.equal((await officersOf("lanhdao.tinh", "P1.01")).statusCode, 200);
  assert.equal((await officersOf("motcua.xa", "KHONG-CO")).statusCode, 404);
});

test("every officer or leader listed is an assignee the assign action accepts, by the id listed", async () => {
  const units = await t.ctx.units.fresh();
  const listed = (await officersOf("motcua.xa", "P1.01")).json().officers as Officer[];
  const assignable = listed.filter((o) => o.roles.includes("officer") || o.roles.includes("leader"));
  assert.equal(assignable.length, 2);
  for (const officer of assignable) {
    assert.equal(await findAssignee(t.database.db, units, String(officer.id), "P1.01"), String(officer.id));
  }
});
