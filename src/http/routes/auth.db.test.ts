import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../testing.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
  await t.addStaff("motcua.an", "P1.01", ["front_desk"]);
});
after(async () => t.close());

test("login sets an HTTP-only session cookie and /me returns the grants", async () => {
  const response = await t.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "Motcua.An", password: TEST_PASSWORD },
  });
  assert.equal(response.statusCode, 200);
  const cookie = response.cookies.find((c) => c.name === "motcua_session")!;
  assert.equal(cookie.httpOnly, true);
  assert.notEqual(cookie.secure, true, "plain HTTP on a commune LAN must still work");
  const me = await t.request({ method: "GET", url: "/api/auth/me", cookie: `motcua_session=${cookie.value}` });
  assert.equal(me.json().user.grants[0].unitName, "Xã An Hòa");
});

test("wrong passwords are refused, then rate-limited", async () => {
  for (let i = 0; i < 5; i++) {
    const response = await t.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "motcua.an", password: "sai" },
    });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, "invalid-credentials");
  }
  const blocked = await t.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "motcua.an", password: TEST_PASSWORD },
  });
  assert.equal(blocked.statusCode, 429);
  assert.equal(blocked.json().code, "rate-limited");
  t.ctx.limits.login.reset(`127.0.0.1|motcua.an`);
  t.ctx.limits.loginAccount.reset("motcua.an");
});

test("logout ends the session; password change ends every session", async () => {
  const cookie = await t.login("motcua.an");
  const other = await t.login("motcua.an");
  const weak = await t.request({
    method: "POST",
    url: "/api/auth/password",
    cookie,
    payload: { currentPassword: TEST_PASSWORD, newPassword: "ngan" },
  });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().invalidParams[0].name, "newPassword");
  const changed = await t.request({
    method: "POST",
    url: "/api/auth/password",
    cookie,
    payload: { currentPassword: TEST_PASSWORD, newPassword: "matkhaumoi2026" },
  });
  assert.equal(changed.statusCode, 200);
  assert.equal((await t.request({ method: "GET", url: "/api/auth/me", cookie: other })).statusCode, 401);
  const fresh = await t.login("motcua.an", "matkhaumoi2026");
  assert.equal((await t.request({ method: "POST", url: "/api/auth/logout", cookie: fresh })).statusCode, 200);
  assert.equal((await t.request({ method: "GET", url: "/api/auth/me", cookie: fresh })).statusCode, 401);
});

test("validation errors are problem+json with field details in Vietnamese", async () => {
  const response = await t.request({ method: "POST", url: "/api/auth/login", payload: { username: "" } });
  assert.equal(response.statusCode, 400);
  assert.match(response.headers["content-type"] as string, /problem\+json/);
  const problem = response.json();
  assert.equal(problem.code, "validation-failed");
  assert.ok(problem.invalidParams.some((p: { name: string }) => p.name === "username"));
});

test("health and the OpenAPI document", async () => {
  const health = await t.request({ method: "GET", url: "/api/health" });
  assert.equal(health.json().status, "ok");
  const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
  assert.equal(doc.openapi, "3.1.0");
  assert.ok(doc.paths["/api/auth/login"].post);
});
