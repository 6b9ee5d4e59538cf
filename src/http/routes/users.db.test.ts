// GET /api/users: an administrator lists the users of a unit and the units below it, each with all the grants
// they hold; other roles and other provinces are refused.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "../testing.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

before(async () => {
  t = await startTestApp();
  const staff: [string, string, ("front_desk" | "officer" | "leader" | "admin")[]][] = [
    ["quantri.tinh", "P1", ["admin"]],
    ["motcua.xa", "P1.01", ["front_desk"]],
    ["lanhdao.xa", "P1.01", ["leader", "officer"]],
    ["chuyenvien.phuong", "P1.02", ["officer"]],
    ["chuyenvien.p2", "P2.01", ["officer"]],
  ];
  for (const [username, unit, roles] of staff) ids[username] = await t.addStaff(username, unit, roles);
  for (const name of ["quantri.tinh", "motcua.xa"]) cookies[name] = await t.login(name);
});
after(async () => t.close());

const usersOf = (who: string, unit: string) =>
  t.request({ method: "GET", url: `/api/users?unit=${unit}`, cookie: cookies[who] });

test("lists the users of the unit's subtree with every grant, by username", async () => {
  const response = await usersOf("quantri.tinh", "P1.01");
  assert.equal(response.statusCode, 200, response.body);
  const { users } = response.json();
  assert.deepEqual(
    users.map((u: { username: string }) => u.username),
    ["lanhdao.xa", "motcua.xa"],
  );
  const leader = users[0];
  assert.equal(leader.id, ids["lanhdao.xa"]);
  assert.equal(leader.unitCode, "P1.01");
  assert.equal(leader.active, true);
  assert.deepEqual(leader.grants.map((g: { role: string; unitCode: string }) => `${g.role}@${g.unitCode}`).sort(), [
    "leader@P1.01",
    "officer@P1.01",
  ]);
  const province = (await usersOf("quantri.tinh", "P1")).json().users.map((u: { username: string }) => u.username);
  assert.ok(province.includes("chuyenvien.phuong") && province.includes("quantri.tinh"));
  assert.ok(!province.includes("chuyenvien.p2"), "nobody from another province");
});

test("a front desk may not list users; an unknown unit is 404; another province is 403", async () => {
  assert.equal((await usersOf("motcua.xa", "P1.01")).statusCode, 403);
  assert.equal((await usersOf("quantri.tinh", "P9")).statusCode, 404);
  assert.equal((await usersOf("quantri.tinh", "P2.01")).statusCode, 403);
});
