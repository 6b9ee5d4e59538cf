// POST /api/dossiers/import and GET /api/dossiers/export on a real app (either engine).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createUser } from "../../db/repos/people.ts";
import { startTestApp, TEST_PASSWORD, type TestApp } from "../testing.ts";
import { IMPORT_BODY_LIMIT } from "./interchange.ts";

let t: TestApp;
const cookie: Record<string, string> = {};

before(async () => {
  t = await startTestApp({ now: () => new Date("2026-03-20T02:00:00Z") });
  await t.addStaff("qt.p1", "P1", ["admin"]);
  await t.addStaff("qt.xa", "P1.01", ["admin"]);
  await t.addStaff("motcua.01", "P1.01", ["front_desk"]);
  await t.addStaff("cchc.p2", "P2", ["reform_officer"]);
  await createUser(
    t.database.db,
    { username: "root", fullName: "Quản trị hệ thống", password: TEST_PASSWORD, kind: "staff", isSuperuser: true },
    () => undefined,
  );
  for (const name of ["qt.p1", "qt.xa", "motcua.01", "cchc.p2", "root"]) cookie[name] = await t.login(name);
});
after(async () => t.close());

const PROC = { code: "1.001009", name: "Chứng thực bản sao từ bản chính", field: "Chứng thực", limit: "same day" };
const line = (code: string, unit: string, receivedAt: string | null, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    code,
    unit: { code: unit },
    procedure: PROC,
    channel: "direct",
    ...(receivedAt ? { receivedAt } : {}),
    events: receivedAt ? [{ type: "resolved", at: receivedAt.replace("T09", "T10") }] : [],
    ...extra,
  });

const post = (body: string, who: string, query = "", type = "application/x-ndjson") =>
  t.request({
    method: "POST",
    url: `/api/dossiers/import${query}`,
    headers: { "content-type": type },
    payload: body,
    cookie: cookie[who],
  });
const get = (query: string, who: string) =>
  t.request({ method: "GET", url: `/api/dossiers/export${query}`, cookie: cookie[who] });
const linesOf = (body: string) => body.split("\n").filter(Boolean);

test("import: only an administrator of a province (or a superuser) imports, and only lines of that province", async () => {
  assert.equal((await t.request({ method: "POST", url: "/api/dossiers/import", payload: "" })).statusCode, 401);
  const denied = await post(line("P1.01-260302-0001", "P1.01", "2026-03-02T09:00:00+07:00"), "motcua.01");
  assert.equal(denied.statusCode, 403);
  assert.equal(denied.json().code, "forbidden");

  const body = [
    line("P1.01-260302-0001", "P1.01", "2026-03-02T09:00:00+07:00"),
    "{ not json",
    line("P2.01-260302-0001", "P2.01", "2026-03-02T09:00:00+07:00"),
    "",
    line("P1.02-260303-0001", "P1.02", "2026-03-03T09:00:00+07:00"),
  ].join("\r\n");
  const first = await post(body, "qt.p1", "?createMissing=true");
  assert.equal(first.statusCode, 200, first.body);
  const summary = first.json();
  assert.deepEqual(
    { read: summary.read, imported: summary.imported, unchanged: summary.unchanged, rejected: summary.rejected },
    { read: 4, imported: 2, unchanged: 0, rejected: 2 },
  );
  assert.deepEqual(
    summary.rejectedLines.map((r: { line: number; reason: string }) => [r.line, r.reason]),
    [
      [2, "invalid-json"],
      [3, "forbidden"],
    ],
  );
  assert.match(summary.rejectedLines[1].message, /P2/);
  assert.equal(summary.rejectedLines[1].code, "P2.01-260302-0001");
  const p2 = await t.database.db.selectFrom("dossiers").select("code").where("unit_code", "=", "P2.01").execute();
  assert.deepEqual(p2, []);

  // a commune administrator is not the province's: every line forbidden
  const commune = (await post(line("P1.01-260302-0002", "P1.01", "2026-03-02T09:00:00+07:00"), "qt.xa")).json();
  assert.equal(commune.rejected, 1);
  assert.equal(commune.rejectedLines[0].reason, "forbidden");

  // text/plain is what a cross-site form can send (CSRF): refused before the body is read
  const plain = await post(body, "qt.p1", "", "text/plain");
  assert.equal(plain.statusCode, 415);
  assert.equal(plain.json().code, "unsupported-media-type");
  const again = (await post(body, "qt.p1")).json();
  assert.deepEqual([again.imported, again.unchanged, again.rejected], [0, 2, 2]);
});

test("import: a unit it would create outside the province needs a superuser; createMissing is off by default", async () => {
  const transferred = line("P1.01-260304-0001", "P1.01", "2026-03-04T09:00:00+07:00", {
    events: [{ type: "transferred", at: "2026-03-04T10:00:00+07:00", toUnit: "SO-TU-PHAP" }],
  });
  const unknown = (await post(transferred, "qt.p1")).json();
  assert.equal(unknown.rejectedLines[0].reason, "unknown-unit");
  const admin = (await post(transferred, "qt.p1", "?createMissing=true")).json();
  assert.equal(admin.rejectedLines[0].reason, "forbidden");
  assert.match(admin.rejectedLines[0].message, /SO-TU-PHAP/);
  const root = (await post(transferred, "root", "?createMissing=true")).json();
  assert.deepEqual([root.imported, root.rejected], [1, 0]);
  assert.ok(t.ctx.units.find("SO-TU-PHAP")?.placeholder, "the placeholder unit is known to the app at once");
  const bad = await post(transferred, "root", "?createMissing=yes");
  assert.equal(bad.statusCode, 400);
});

test("import: a JSON body is 415, a body over the limit 413 with a stable code, nothing stored", async () => {
  const json = await t.request({
    method: "POST",
    url: "/api/dossiers/import",
    payload: { code: "x" },
    cookie: cookie["root"],
  });
  assert.equal(json.statusCode, 415);
  assert.equal(json.json().code, "unsupported-media-type");
  const one = line("P1.01-260305-0001", "P1.01", "2026-03-05T09:00:00+07:00");
  const huge = `${one}\n`.repeat(Math.ceil((IMPORT_BODY_LIMIT + 1) / (one.length + 1)));
  assert.ok(huge.length > IMPORT_BODY_LIMIT);
  const tooLarge = await post(huge, "root");
  assert.equal(tooLarge.statusCode, 413);
  assert.equal(tooLarge.json().code, "payload-too-large");
  assert.match(tooLarge.json().detail, /32 MB/);
  const stored = await t.database.db.selectFrom("dossiers").select("code").where("code", "=", "P1.01-260305-0001");
  assert.deepEqual(await stored.execute(), []);
});

test("export: JSON Lines streamed for the caller's units, filtered by unit and local date; re-import unchanged", async () => {
  await post(
    [
      line("P2.01-260302-0001", "P2.01", "2026-03-02T09:00:00+07:00"),
      // 00:30 local on 3 March is still 2 March in UTC: it belongs to 3 March
      line("P1.01-260303-0001", "P1.01", "2026-03-03T00:30:00+07:00", { events: [] }),
      line("P1.01-260303-0002", "P1.01", null, {
        events: [{ type: "refused", at: "2026-03-03T08:00:00+07:00", reason: "Không đủ giấy tờ" }],
      }),
    ].join("\n"),
    "root",
  );
  const all = await get("", "root");
  assert.equal(all.statusCode, 200);
  assert.match(String(all.headers["content-type"]), /^application\/x-ndjson/);
  assert.match(String(all.headers["content-disposition"]), /attachment; filename="ho-so.jsonl"/);
  const everything = linesOf(all.body);
  assert.equal(everything.length, 6);

  const back = (await post(all.body, "root")).json();
  assert.deepEqual([back.read, back.unchanged, back.imported, back.rejected], [6, 6, 0, 0]);

  const march3 = linesOf((await get("?unit=P1.01&from=2026-03-03&to=2026-03-03", "qt.p1")).body);
  assert.deepEqual(
    march3.map((text) => JSON.parse(text).code),
    ["P1.01-260303-0001", "P1.01-260303-0002"],
    "received on 3 March (local), or refused at intake that day",
  );
  // a front desk reads its own unit only; a reform officer of P2 sees P2
  const own = linesOf((await get("", "motcua.01")).body).map((text) => JSON.parse(text).unit.code);
  assert.ok(own.length >= 3 && own.every((code) => code === "P1.01"));
  const p2 = linesOf((await get("", "cchc.p2")).body).map((text) => JSON.parse(text).code);
  assert.deepEqual(p2, ["P2.01-260302-0001"]);
  assert.equal((await get("?unit=P2.01", "motcua.01")).statusCode, 403);
  assert.equal((await get("?unit=P9", "root")).statusCode, 404);
  assert.equal((await get("?from=2026-03-05&to=2026-03-01", "root")).statusCode, 400);
  assert.equal((await get("?from=3-3-2026", "root")).statusCode, 400);
});
