// The generic defences through the real server (docs/security.md): bad input is a 4xx, state-changing requests
// only from this site and as JSON, security headers, forwarded addresses believed only from a trusted proxy,
// login limited per address and per account (a slow-down, not a lock-out).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { buildApp } from "./app.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "./testing.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
  await t.addStaff("qt.p1", "P1", ["admin"]);
});
after(async () => t.close());

const login = (payload: unknown, headers: Record<string, string> = {}) =>
  t.request({ method: "POST", url: "/api/auth/login", payload: payload as object, headers });

test("a NUL byte in a body, a query or a path is a 400 naming the field, not a 500", async () => {
  const body = await login({ username: "qt\u0000p1", password: "x" });
  assert.equal(body.statusCode, 400, body.body);
  assert.equal(body.json().code, "validation-failed");
  assert.equal(body.json().invalidParams[0].name, "username");
  const query = await t.request({ method: "GET", url: "/api/procedures?q=ch%00ung" });
  assert.equal(query.statusCode, 400, query.body);
  assert.equal(query.json().invalidParams[0].name, "q");
  const path = await t.request({ method: "GET", url: "/api/procedures/1.0%00" });
  assert.equal(path.statusCode, 400, path.body);
  const key = await login({ username: "qt.p1", password: "x", "a\u0000": 1 });
  assert.equal(key.statusCode, 400, key.body);
});

test("impossible dates are 400: month 13, 30 February; 29 February of a leap year is a day", async () => {
  for (const query of ["to=2026-13-01", "from=2026-02-30", "to=2025-02-29", "from=2026-00-10", "to=0000-01-01"]) {
    const r = await t.request({ method: "GET", url: `/api/public/statistics?${query}` });
    assert.equal(r.statusCode, 400, `${query}: ${r.body}`);
    assert.equal(r.json().code, "validation-failed");
  }
  const leap = await t.request({ method: "GET", url: "/api/public/statistics?from=2024-02-29&to=2024-03-01" });
  assert.equal(leap.statusCode, 200, leap.body);
});

test("a huge JSON body is refused with 413 before it is parsed; an upload route refuses a mass of members", async () => {
  const keys = Array.from({ length: 2_000_000 }, (_, i) => `"k${i}":1`).join(",");
  const huge = await t.request({
    method: "POST",
    url: "/api/auth/login",
    headers: { "content-type": "application/json" },
    payload: `{${keys}}`,
  });
  assert.equal(huge.statusCode, 413);
  assert.equal(huge.json().code, "payload-too-large");
  // 2 MB is under an upload's limit but is 200,000 members: refused, not parsed
  const members = Array.from({ length: 200_000 }, (_, i) => `"m${i}":0`).join(",");
  const mass = await t.request({
    method: "POST",
    url: "/api/public/submissions",
    headers: { "content-type": "application/json" },
    payload: `{"applicant":{${members}}}`,
  });
  assert.equal(mass.statusCode, 413, mass.body);
  assert.equal(mass.json().code, "payload-too-complex");
});

test("CSRF: a form's content types are 415, another site's Origin or Sec-Fetch-Site 403; JSON from here passes", async () => {
  const credentials = JSON.stringify({ username: "qt.p1", password: TEST_PASSWORD });
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    const r = await t.request({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": type },
      payload: credentials,
    });
    assert.equal(r.statusCode, 415, type);
    assert.equal(r.json().code, "unsupported-media-type");
  }
  const cookie = await t.login("qt.p1");
  const imports = await t.request({
    method: "POST",
    url: "/api/dossiers/import",
    cookie,
    headers: { "content-type": "text/plain" },
    payload: "{}\n",
  });
  assert.equal(imports.statusCode, 415, "the back-dated import by a text/plain form");
  for (const headers of <Record<string, string>[]>[
    { origin: "http://evil.example" },
    { origin: "http://localhost.evil.example" },
    { origin: "null" },
    { "sec-fetch-site": "same-site" },
    { "sec-fetch-site": "cross-site" },
  ]) {
    const r = await login(JSON.parse(credentials), headers);
    assert.equal(r.statusCode, 403, JSON.stringify(headers));
    assert.equal(r.json().code, "cross-origin-request");
    const logout = await t.request({ method: "POST", url: "/api/auth/logout", cookie, headers });
    assert.equal(logout.statusCode, 403, `logout ${JSON.stringify(headers)}`);
  }
  for (const headers of <Record<string, string>[]>[
    { origin: "http://localhost:80", host: "localhost:80" },
    { origin: "http://127.0.0.1:3000" }, // the public URL's origin
    { "sec-fetch-site": "same-origin" },
    {},
  ]) {
    const r = await login(JSON.parse(credentials), headers);
    assert.equal(r.statusCode, 200, `${JSON.stringify(headers)}: ${r.body}`);
  }
  // reading is not state-changing: a link from elsewhere still opens
  const read = await t.request({ method: "GET", url: "/api/health", headers: { "sec-fetch-site": "cross-site" } });
  assert.equal(read.statusCode, 200);
});

test("a route for signed-in users refuses an anonymous body before reading it", async () => {
  const r = await t.request({
    method: "POST",
    url: "/api/units/import",
    headers: { "content-type": "application/json" },
    payload: `[${"0,".repeat(500_000)}0]`,
  });
  assert.equal(r.statusCode, 401);
});

test("security headers: nosniff, no referrer; the console is never framed and its CSP allows no inline script", async () => {
  const api = await t.request({ method: "GET", url: "/api/health" });
  assert.equal(api.headers["x-content-type-options"], "nosniff");
  assert.equal(api.headers["referrer-policy"], "no-referrer");
  // API answers and files are framed only by this site (the staff page shows a PDF in a frame)
  assert.equal(api.headers["x-frame-options"], "SAMEORIGIN");
  assert.match(String(api.headers["content-security-policy"]), /frame-ancestors 'self'/);
  const problem = await t.request({ method: "GET", url: "/api/nothing-here" });
  assert.equal(problem.headers["x-content-type-options"], "nosniff");
  const dist = mkdtempSync(join(tmpdir(), "motcua-dist-"));
  writeFileSync(join(dist, "index.html"), '<!doctype html><script type="module" src="/assets/a.js"></script>');
  const { app } = await buildApp({ database: t.database, webDist: dist });
  try {
    const page = await app.inject({ method: "GET", url: "/tra-cuu" });
    const csp = String(page.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers["x-frame-options"], "DENY");
    assert.match(csp, /object-src 'none'/);
  } finally {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  }
});

test("X-Forwarded-For is ignored without --trust-proxy: rotating it does not escape the per-address limit", async () => {
  let last = 0;
  for (let i = 0; i < 31; i++) {
    // a different account each time, so only the per-address limit can stop it
    const r = await login(
      { username: `khong-co-${i}`, password: "sai-mat-khau" },
      { "x-forwarded-for": `10.9.0.${i}` },
    );
    last = r.statusCode;
    if (last === 429) break;
  }
  assert.equal(last, 429, "30 failures from one socket address, whatever the header says");
  t.ctx.limits.loginAddress.reset("127.0.0.1");
});

test("with a trusted proxy the forwarded address counts; one account is slowed from any address, not locked", async () => {
  const { app, ctx } = await buildApp({ database: t.database, trustProxy: "127.0.0.1/32" });
  try {
    const attempt = (ip: string, password: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "x-forwarded-for": ip },
        payload: { username: "qt.p1", password },
      });
    for (let i = 0; i < 5; i++) assert.equal((await attempt(`10.8.0.${i}`, "sai-mat-khau")).statusCode, 401);
    const slowed = await attempt("10.8.1.1", "sai-mat-khau");
    assert.equal(slowed.statusCode, 429, "a sixth guess from a sixth address waits");
    const wait = Number(slowed.headers["retry-after"]);
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    // the addresses were told apart: the per-address limiter saw one failure each
    assert.equal(ctx.limits.loginAddress.blocked("10.8.0.0"), 0);
    assert.equal(ctx.limits.login.blocked("10.8.0.0|qt.p1"), 0);
    // the slow-down ends on its own (here: forgotten as after the wait) and the owner signs in
    ctx.limits.loginAccount.reset("qt.p1");
    assert.equal((await attempt("10.8.2.1", TEST_PASSWORD)).statusCode, 200);
  } finally {
    await app.close();
  }
});

test("an unknown account and a known one answer alike", async () => {
  const unknown = await login({ username: "khong-ton-tai", password: "sai-mat-khau-1" });
  const known = await login({ username: "qt.p1", password: "sai-mat-khau-1" });
  assert.equal(unknown.statusCode, 401);
  assert.deepEqual(unknown.json(), known.json());
  t.ctx.limits.loginAccount.reset("qt.p1");
});

test("a new password: 12 characters, not the account name, not a common one", async () => {
  const cookie = await t.login("qt.p1");
  const change = (newPassword: string) =>
    t.request({
      method: "POST",
      url: "/api/auth/password",
      cookie,
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
  for (const weak of ["ngan-2026", "qt.p1-2026-mat-khau", "matkhau123456", "Password1234"]) {
    const r = await change(weak);
    assert.equal(r.statusCode, 400, weak);
    assert.equal(r.json().invalidParams[0].name, "newPassword");
  }
});
