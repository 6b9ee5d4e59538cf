// Issue 20: the dossier detail and the public lookup in one statement each (both engines). The one-statement
// view must equal what the separate reads gave (loadDossier + staffNames + filesOf), instants included, and the
// statements each request issues are counted on the driver, so a new round trip fails here.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { type Fixture, startFixture } from "../../../http/routes/dossiers.fixtures.ts";
import { catalogueChanged } from "../catalog.ts";
import { loadDossier } from "../dossier-store.ts";
import { filesOf } from "../files.ts";
import { detailParts, loadDossierView } from "./detail.ts";
import { dossierProcedure } from "./terms.ts";
import { provinceOfCode } from "./service.ts";
import { staffNames } from "./staff.ts";

let f: Fixture;
let c: Record<string, string>;
/** A dossier assigned and started, with two files given at intake and its secret. */
let walked: { code: string; secret: string };
/** An online submission: its two files were stored in one transaction (the same created_at). */
let online: { code: string; secret: string };
/** A copy of `walked` under a code whose unit prefix is no unit (as an imported code may be). */
const FOREIGN = "ZZ.99-250303-0001";

/** Statements a staff request issues besides its work: reading its session, unless sessions are cached. */
const sessionReads = () => (f.t.ctx.sessions.caching ? 0 : 1);

/** The SQL of every statement sent through the driver while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    seen.push(typeof first === "string" ? first : first.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

before(async () => {
  f = await startFixture("2025-03-03T08:00:00+07:00"); // Monday
  c = f.cookies;
  const files = [await f.upload(c["motcua.01"]!), await f.upload(c["motcua.01"]!)];
  const taken = await f.intake(c["motcua.01"]!, {
    attachments: files.map((id, i) => ({ id, component: i ? "Giấy chứng sinh" : "Tờ khai đăng ký khai sinh" })),
  });
  assert.equal(taken.status, 201, JSON.stringify(taken.body));
  walked = { code: taken.body.code, secret: taken.body.lookupSecret };
  await f.walk(walked.code, [
    ["motcua.01", "assign", { assignee: "cv.01" }, "2025-03-03T08:30:00+07:00"],
    ["cv.01", "start_processing", {}, "2025-03-03T09:00:00+07:00"],
  ]);
  const submitted = await f.submit();
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  online = { code: submitted.body.code, secret: submitted.body.lookupSecret };
  // one multi-statement text: one session, so the temporary table is seen by every statement
  await f.t.database.pool.query(`
    create temporary table copied as select * from dossiers where code = '${walked.code}';
    update copied set code = '${FOREIGN}';
    insert into dossiers select * from copied;
    create temporary table copied_events as select * from dossier_events where dossier_code = '${walked.code}';
    update copied_events set dossier_code = '${FOREIGN}', idempotency_key = null;
    insert into dossier_events select * from copied_events;
    drop table copied; drop table copied_events;`);
  // its log ends with an instant with microseconds and one before 1970: the driver truncates to milliseconds, so must the view
  await f.t.database.pool.query(
    `insert into dossier_events (province_code, dossier_code, seq, type, at, actor_id, actor_role, payload)
     values ('P1', $1, 90, 'note', '2025-03-03 10:00:00.123789+07', '999999999999999999', 'officer', '{"x": 1.5}'),
            ('P1', $1, 91, 'note', '1969-12-31 23:59:59.9995+00', 'abc', null, '{}')`,
    [FOREIGN],
  );
});
after(async () => f.t.close());

/** What the detail read before: the row and log, the names of the staff they name, the files. */
async function separately(province: string, code: string) {
  const { row, log } = (await loadDossier(f.t.database.db, province, code))!;
  const names = await staffNames(f.t.database.db, [
    ...log.map((e) => e.actor.id),
    ...log.flatMap((e) => (e.type === "assigned" ? [e.payload.assignee] : [])),
    ...(row.assignee_id === null ? [] : [String(row.assignee_id)]),
  ]);
  return { row, log, names, files: await filesOf(f.t.database.db, province, code) };
}

test("the one-statement view equals the separate reads: row, log, staff names, files", async () => {
  const db = f.t.database.db;
  for (const code of [walked.code, online.code, FOREIGN]) {
    const expected = await separately("P1", code);
    const view = await loadDossierView(db, "P1", code, { names: true, files: true });
    assert.deepEqual(view, expected, code);
    assert.deepEqual(await loadDossierView(db, undefined, code), { row: expected.row, log: expected.log }, code);
  }
  const walkedView = (await loadDossierView(db, "P1", walked.code, { names: true, files: true }))!;
  assert.equal(walkedView.files!.length, 2);
  assert.deepEqual([...walkedView.names!.values()].sort(), ["cv.01", "motcua.01"]);
  assert.equal((await loadDossierView(db, "P1", FOREIGN))!.log.at(-1)!.at.getTime(), -1);
  assert.equal((await loadDossierView(db, "P1", FOREIGN))!.log.at(-2)!.at.toISOString(), "2025-03-03T03:00:00.123Z");
  assert.equal(await loadDossierView(db, "P2", walked.code), undefined, "another province's dossier is not found");
  assert.equal(await loadDossierView(db, undefined, "ZZ.99-250303-0002"), undefined);
  assert.equal(await provinceOfCode({ db, units: f.t.ctx.units, now: () => f.clock.now }, FOREIGN), "P1");
});

test("after a command (row and log at hand): names and files in one statement, none when known", async () => {
  const db = f.t.database.db;
  for (const code of [walked.code, online.code, FOREIGN]) {
    const { row, log, names, files } = await separately("P1", code);
    let parts: Awaited<ReturnType<typeof detailParts>> | undefined;
    const statements = await statementsOf(async () => {
      parts = await detailParts(db, row, log);
    });
    assert.equal(statements.length, 1);
    assert.deepEqual(parts, { names, files }, code);
    assert.deepEqual(await statementsOf(() => detailParts(db, row, log, { names, noFiles: true })), []);
    assert.deepEqual(await detailParts(db, row, log, { names: new Map(), files: [] }), { names: new Map(), files: [] });
    assert.deepEqual(await detailParts(db, row, log, { names }), { names, files });
    assert.deepEqual(await detailParts(db, row, log, { files }), { names, files });
  }
});

test("GET /api/dossiers/:code: one statement, the same answer", async () => {
  const before = (await f.get(c["cv.01"]!, walked.code)).body; // warm: units, calendar, procedure, session
  let answer: { status: number; body: unknown } | undefined;
  const statements = await statementsOf(async () => {
    answer = await f.get(c["cv.01"]!, walked.code);
  });
  assert.equal(answer!.status, 200);
  assert.deepEqual(answer!.body, before);
  assert.equal(statements.length, 1 + sessionReads(), statements.join("\n---\n"));
  assert.match(statements.at(-1)!, /from dossiers d/);
  const detail = before as { files: { createdAt: string }[]; staffNames: Record<string, string>; events: unknown[] };
  assert.equal(detail.files.length, 2);
  assert.equal(Object.keys(detail.staffNames).length, 2);
  assert.equal(detail.events.length, 3);
  // another dossier of the same procedure: the cached version serves it too
  const other = await statementsOf(() => f.get(c["motcua.01"]!, online.code));
  assert.equal(other.length, 1 + sessionReads(), other.join("\n---\n"));
  // the control sheet alone: the row and log, the cached calendar and procedure version
  const sheet = await statementsOf(async () => {
    const r = await f.t.request({
      method: "GET",
      url: `/api/dossiers/${walked.code}/control-sheet`,
      cookie: c["cv.01"],
    });
    assert.equal(r.statusCode, 200, r.body);
  });
  assert.equal(sheet.length, 1 + sessionReads(), sheet.join("\n---\n"));
  const missing = await statementsOf(async () => {
    assert.equal((await f.get(c["cv.01"]!, "P1.01-250303-0999")).status, 404);
  });
  assert.equal(missing.length, 1 + sessionReads(), missing.join("\n---\n"));
});

test("public lookup: one statement, also for a code whose unit is unknown", async () => {
  const lookup = (code: string, secret: string) =>
    f.t.request({ method: "GET", url: `/api/public/lookup?code=${code}&secret=${secret}` });
  await lookup(walked.code, walked.secret);
  for (const [code, status] of [
    [walked.code, 200],
    [FOREIGN, 200],
    ["ZZ.99-250303-0002", 404],
    [online.code, 200],
  ] as const) {
    let reply: Awaited<ReturnType<typeof lookup>> | undefined;
    const secret = code === online.code ? online.secret : walked.secret;
    const statements = await statementsOf(async () => {
      reply = await lookup(code, secret);
    });
    assert.equal(reply!.statusCode, status, `${code}: ${reply!.body}`);
    assert.equal(statements.length, 1, `${code}:\n${statements.join("\n---\n")}`);
  }
  assert.equal((await lookup(FOREIGN, "AAAAAAAA")).statusCode, 404, "a wrong secret is not found");
  assert.deepEqual(
    (await lookup(FOREIGN, walked.secret)).json().history,
    (await lookup(walked.code, walked.secret)).json().history.concat([
      { type: "note", at: "2025-03-03T10:00:00.123+07:00", toState: null, description: "note" },
      { type: "note", at: "1970-01-01T06:59:59.999+07:00", toState: null, description: "note" },
    ]),
  );
});

test("a procedure version is read once, again after the catalogue changes", async () => {
  const db = f.t.database.db;
  const row = { procedure_code: "1.009902", procedure_version: 1 };
  const first = await dossierProcedure(db, row);
  assert.equal(first?.version, 1);
  assert.deepEqual(await statementsOf(() => dossierProcedure(db, row)), []);
  catalogueChanged();
  const again = await statementsOf(async () => assert.deepEqual(await dossierProcedure(db, row), first));
  assert.equal(again.length, 1);
  assert.equal(await dossierProcedure(db, { ...row, procedure_version: null }), undefined);
  assert.equal(await dossierProcedure(db, { ...row, procedure_version: 99 }), undefined);
  assert.equal((await statementsOf(() => dossierProcedure(db, { ...row, procedure_version: 99 }))).length, 1);
});
