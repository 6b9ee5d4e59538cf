// The audit trail through the real server and the hash chains under tampering (docs/security.md):
// logins (failed too), lifecycle commands and downloads are audited with who, when and from where; editing,
// deleting, truncating or slipping in a row of the audit trail or a dossier's event log is named by
// verifyChains (what `motcua audit verify` runs).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { type ChainProblem, verifyChains } from "../db/repos/audit-chain.ts";
import { type Fixture, startFixture } from "./routes/dossiers.fixtures.ts";
import { TEST_PASSWORD } from "./testing.ts";

let f: Fixture;
let code: string;
let fileId: string;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
  fileId = await f.upload(f.cookies["cv.01"]!);
  const d = await f.intake(f.cookies["motcua.01"]!);
  code = d.body.code;
  const assigned = await f.act(f.cookies["motcua.01"]!, code, "assign", {
    revision: d.body.revision,
    assignee: "cv.01",
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
});
after(async () => f.t.close());

const db = () => f.t.database.db;
const userId = async (username: string) =>
  (await db().selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
const auditRows = (action: string) =>
  db().selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
/** Tampering as the database's owner would: with the append-only triggers off for this statement. */
const asOwner = (statement: ReturnType<typeof sql>) =>
  db()
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await statement.execute(trx);
    });
const kinds = (problems: ChainProblem[]) => problems.map((p) => `${p.log} ${p.kind} ${p.chain} ${p.seq ?? ""}`).sort();

test("logins, failed ones too, are audited with the account, the address and the outcome", async () => {
  const failed = await f.t.request({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: "cv.01", password: "sai-mat-khau-99" },
    headers: { "user-agent": "kiem-thu" },
  });
  assert.equal(failed.statusCode, 401);
  await f.t.login("cv.01", TEST_PASSWORD);
  const rows = (await auditRows("POST /api/auth/login")).slice(-2);
  assert.deepEqual(
    rows.map((r) => [r.user_id, (r.detail as { status: number }).status, (r.detail as { username: string }).username]),
    [
      [null, 401, "cv.01"],
      [await userId("cv.01"), 200, "cv.01"],
    ],
  );
  assert.equal((rows[0]!.detail as { ip: string }).ip, "127.0.0.1");
  assert.equal((rows[0]!.detail as { userAgent: string }).userAgent, "kiem-thu");
  assert.doesNotMatch(JSON.stringify(rows), /sai-mat-khau|matkhau/, "never the password");
});

test("lifecycle commands, refused ones too, and downloads are audited with the user", async () => {
  const actions = await auditRows("POST /api/dossiers/:code/actions/:action");
  assert.ok(actions.some((r) => r.subject === `/api/dossiers/${code}/actions/assign`));
  assert.equal(actions.at(-1)!.user_id, await userId("motcua.01"));
  const refused = await f.act(f.cookies["motcua.02"]!, code, "start_processing", { revision: 2 });
  assert.equal(refused.status, 404);
  const last = (await auditRows("POST /api/dossiers/:code/actions/:action")).at(-1)!;
  assert.deepEqual([last.user_id, (last.detail as { status: number }).status], [await userId("motcua.02"), 404]);
  const download = await f.t.request({ method: "GET", url: `/api/files/${fileId}`, cookie: f.cookies["cv.01"] });
  assert.equal(download.statusCode, 200);
  const downloads = await auditRows("download /api/files/:id");
  assert.equal(downloads.at(-1)!.subject, `/api/files/${fileId}`);
  // reading JSON is not a download
  await f.get(f.cookies["cv.01"]!, code);
  assert.equal((await auditRows("download /api/dossiers/:code")).length, 0);
});

test("intact chains verify clean; every tampering is named", async () => {
  const clean = await verifyChains(db());
  assert.deepEqual(clean.problems, []);
  assert.ok(clean.auditRows > 5 && clean.events >= 2 && clean.dossiers >= 1);
  const chains = await sql<{ id: string; chain: string; seq: number }>`
    select id::text as id, chain, seq::int as seq from audit_chain order by chain, seq`.execute(db());
  const p1 = chains.rows.filter((r) => r.chain === "P1");
  assert.ok(p1.length >= 4, "staff of P1 write to P1's chain");
  const [edited, deleted, gone] = [p1[0]!, p1[1]!, p1[2]!];
  const tail = p1.at(-1)!;

  // an edit: the row's content no longer hashes to its chain entry
  await sql`update audit_log set detail = '{"status": 200}' where id = ${edited.id}`.execute(db());
  // a deletion of the row only, and of a row with its chain entry (a gap)
  await sql`delete from audit_log where id = ${deleted.id}`.execute(db());
  await asOwner(sql`delete from audit_chain where id = ${gone.id}`);
  await sql`delete from audit_log where id = ${gone.id}`.execute(db());
  // the end cut off: the last row and its chain entry
  await asOwner(sql`delete from audit_chain where id = ${tail.id}`);
  await sql`delete from audit_log where id = ${tail.id}`.execute(db());
  // a row slipped in with the triggers off
  await asOwner(sql`insert into audit_log (action, subject) values ('faked', 'x')`);
  // the event log: an edited event, and the dossier's last event cut off
  await asOwner(sql`update dossier_events set reason = 'sửa lén' where dossier_code = ${code} and seq = 1`);
  await asOwner(sql`delete from dossier_event_chain where dossier_code = ${code} and seq = 2`);
  await asOwner(sql`delete from dossier_events where dossier_code = ${code} and seq = 2`);

  const report = await verifyChains(db());
  assert.deepEqual(kinds(report.problems), [
    `audit deleted P1 ${deleted.seq}`,
    `audit edited P1 ${edited.seq}`,
    `audit gap P1 ${gone.seq + 1}`,
    `audit truncated P1 ${tail.seq}`,
    "audit unchained  ",
    `events edited P1/${code} 1`,
    `events truncated P1/${code} 2`,
  ]);
  for (const problem of report.problems) assert.match(problem.message, /bị |không nằm/);
});
