// Counter intake writes its request's audit row in its own statement (issue 20: one round trip per intake):
// the trail must read exactly as when the row was written as the answer left — one row per request, with the
// status the client got, chained per province — and a row for every answer that stored nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { verifyChains } from "../db/repos/audit-chain.ts";
import { formatDossierCode } from "../dossier/code.ts";
import { type Fixture, startFixture } from "./routes/dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => f.t.close());

const db = () => f.t.database.db;
const intakeRows = () =>
  db().selectFrom("audit_log").selectAll().where("action", "=", "POST /api/dossiers").orderBy("id").execute();
const statusOf = (row: { detail: unknown }) => (row.detail as { status: number }).status;
const userId = async (username: string) =>
  (await db().selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;

test("an intake stores one audit row with the dossier: its user, 201, the address and the agent", async () => {
  const before = (await intakeRows()).length;
  const stored = await f.intake(f.cookies["motcua.01"]!);
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  const rows = (await intakeRows()).slice(before);
  assert.equal(rows.length, 1, "one row, not a second one as the answer leaves");
  const [row] = rows;
  assert.equal(row!.user_id, await userId("motcua.01"));
  assert.equal(row!.subject, "/api/dossiers");
  assert.equal(statusOf(row!), 201);
  assert.equal((row!.detail as { ip: string }).ip, "127.0.0.1");
  // the dossier's province, named by the intake's statement (not left to the trigger's lookup of the user)
  const dossier = await db()
    .selectFrom("dossiers")
    .select("province_code")
    .where("code", "=", (stored.body as { code: string }).code)
    .executeTakeFirstOrThrow();
  assert.notEqual(row!.province_code, "");
  assert.equal(row!.province_code, dossier.province_code);
  assert.deepEqual((await verifyChains(db())).problems, []);
});

test("a replay and a refused intake each get the row of the answer they got, and store no dossier", async () => {
  const before = (await intakeRows()).length;
  const first = await f.intake(f.cookies["motcua.01"]!, {}, "kiem-thu-nhat-ky-01");
  const again = await f.intake(f.cookies["motcua.01"]!, {}, "kiem-thu-nhat-ky-01");
  assert.deepEqual([first.status, again.status], [201, 200]);
  assert.equal(again.body.code, first.body.code);
  const dossiers = async () =>
    Number(
      (
        await db()
          .selectFrom("dossiers")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const count = await dossiers();
  const unknown = await f.intake(f.cookies["motcua.01"]!, { procedureCode: "9.999999" });
  assert.equal(unknown.status, 422);
  const foreign = await f.intake(f.cookies["motcua.p2"]!); // P1.01 is not this desk's unit
  assert.equal(foreign.status, 403);
  assert.equal(await dossiers(), count, "nothing stored by the refused ones");
  const rows = (await intakeRows()).slice(before);
  assert.deepEqual(
    rows.map((r) => [statusOf(r), r.user_id]),
    [
      [201, await userId("motcua.01")],
      [200, await userId("motcua.01")],
      [422, await userId("motcua.01")],
      [403, await userId("motcua.p2")],
    ],
  );
  assert.deepEqual((await verifyChains(db())).problems, []);
});

test("concurrent intakes of two units: one row each, every chain whole", async () => {
  const before = (await intakeRows()).length;
  const replies = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      i % 2 ? f.intake(f.cookies["motcua.01"]!) : f.intake(f.cookies["motcua.02"]!, { unitCode: "P1.02" }),
    ),
  );
  assert.deepEqual(
    replies.map((r) => r.status),
    Array(12).fill(201),
  );
  const rows = (await intakeRows()).slice(before);
  assert.equal(rows.length, 12);
  assert.ok(rows.every((r) => statusOf(r) === 201));
  const report = await verifyChains(db());
  assert.deepEqual(report.problems, []);
  assert.equal(
    report.auditRows,
    report.auditChains.reduce((sum, c) => sum + c.rows, 0),
    "every row on a chain",
  );
});

test("a code an import took is skipped: the retry stores the dossier and its one audit row", async () => {
  const before = (await intakeRows()).length;
  const { rows } = await sql<{ last: number }>`select last from dossier_sequences
    where unit_code = 'P1.01' and day = '2026-03-09'`.execute(db());
  const taken = formatDossierCode("P1.01", f.clock.now, rows[0]!.last + 1);
  // an imported dossier under the next code, the sequence left behind (what an import of old codes does)
  await sql`insert into dossiers select (jsonb_populate_record(null::dossiers,
      to_json(d)::jsonb || jsonb_build_object('code', ${taken}::text, 'source', 'import'))).*
    from dossiers d where unit_code = 'P1.01' limit 1`.execute(db());
  const stored = await f.intake(f.cookies["motcua.01"]!);
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  assert.notEqual(stored.body.code, taken);
  const added = (await intakeRows()).slice(before);
  assert.deepEqual(
    added.map((r) => statusOf(r)),
    [201],
    "the attempt that met the taken code wrote no row",
  );
  // (the stand-in import has no event log: only the audit chains are asked about)
  assert.deepEqual(
    (await verifyChains(db())).problems.filter((p) => p.log === "audit"),
    [],
  );
});
