// Migration 0021: an audit row is chained after its commit by audit_seal(), not by its writer. A new row waits in
// audit_pending; sealing chains each province's pending rows in id order, exactly as the writer's trigger did
// before; sealers running at once never chain a row twice nor leave a gap; the verifier seals first, counts rows
// still pending as pending (not as slipped in), and names a row deleted before it was sealed. On PostgreSQL, many
// writers and sealers at once leave every chain whole.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase, testEngine } from "../testing.ts";
import { sealAudit, startAuditSealer, verifyChains } from "./audit-chain.ts";

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database.drop());

const db = () => database.db;
const insertAudit = (province: string, action: string) =>
  db()
    .insertInto("audit_log")
    .values({ user_id: null, province_code: province, action, subject: "niem-phong", detail: "{}" })
    .returning("id")
    .executeTakeFirstOrThrow();
const pendingIds = async () =>
  (await db().selectFrom("audit_pending").select("id").orderBy("id").execute()).map((r) => String(r.id));
const chainOf = async (province: string) =>
  db()
    .selectFrom("audit_chain")
    .select(["id", "seq", "prev_hash", "hash"])
    .where("province_code", "=", province)
    .orderBy("seq")
    .execute();

test("a new row waits in audit_pending; a seal chains it in id order, and only once", async () => {
  await sealAudit(db());
  const first = await insertAudit("S1", "mot");
  const second = await insertAudit("S1", "hai");
  const other = await insertAudit("S2", "ba");
  assert.deepEqual(await pendingIds(), [first.id, second.id, other.id].map(String));
  assert.equal((await chainOf("S1")).length, 0, "no chain entry before the seal");

  assert.equal(await sealAudit(db()), 3);
  assert.deepEqual(await pendingIds(), []);
  const chain = await chainOf("S1");
  assert.deepEqual(
    chain.map((c) => [String(c.id), Number(c.seq)]),
    [
      [String(first.id), 1],
      [String(second.id), 2],
    ],
  );
  assert.equal(chain[0]!.prev_hash, "0".repeat(64));
  assert.equal(chain[1]!.prev_hash, chain[0]!.hash);
  const head = await db()
    .selectFrom("audit_chain_heads")
    .selectAll()
    .where("chain", "=", "S1")
    .executeTakeFirstOrThrow();
  assert.deepEqual([Number(head.seq), head.hash], [2, chain[1]!.hash]);
  assert.equal(await sealAudit(db()), 0, "nothing left to seal");
  const report = await verifyChains(db());
  assert.deepEqual(report.problems, []);
  assert.equal(report.pendingRows, 0);
});

test("the verifier seals first; without sealing, pending rows are counted, not named", async () => {
  await insertAudit("S1", "cho");
  const unsealed = await verifyChains(db(), { seal: false });
  assert.deepEqual(unsealed.problems, []);
  assert.equal(unsealed.pendingRows, 1);
  const sealed = await verifyChains(db());
  assert.equal(sealed.sealed, 1);
  assert.equal(sealed.pendingRows, 0);
  assert.deepEqual(sealed.problems, []);
});

test("a row deleted before it was sealed is named; a sealed chain stays whole around it", async () => {
  const gone = await insertAudit("S3", "xoa-truoc");
  await insertAudit("S3", "con-lai");
  await sql`delete from audit_log where id = ${gone.id}`.execute(db());
  const report = await verifyChains(db(), { seal: false });
  assert.deepEqual(
    report.problems.map((p) => [p.kind, p.chain]),
    [["deleted", "S3"]],
  );
  assert.match(report.problems[0]!.message, /đã bị xóa trước khi được niêm phong/);
  // sealing chains what remains; the orphaned entry is still there to be named
  const after = await verifyChains(db());
  assert.equal(after.sealed, 1);
  assert.deepEqual(
    after.problems.map((p) => p.kind),
    ["deleted"],
  );
});

test("the server's sealer chains rows after their commit and stops cleanly", async () => {
  const row = await insertAudit("S4", "nen");
  const sealer = startAuditSealer(db(), 20);
  try {
    for (let i = 0; i < 200 && (await pendingIds()).includes(String(row.id)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await sealer.stop();
  }
  assert.deepEqual(
    (await chainOf("S4")).map((c) => String(c.id)),
    [String(row.id)],
  );
});

const concurrent = testEngine !== "postgres" ? "PostgreSQL only: PGlite serves one session" : false;

test("writers and sealers at once: every row chained once, no gap, every chain verifies", {
  skip: concurrent,
}, async () => {
  const provinces = ["C1", "C2", "C3"];
  const writers = Array.from({ length: 8 }, (_, w) =>
    (async () => {
      for (let i = 0; i < 40; i++) await insertAudit(provinces[(w + i) % provinces.length]!, `w${w}.${i}`);
    })(),
  );
  let writing = true;
  const sealers = Array.from({ length: 3 }, () =>
    (async () => {
      while (writing) await sealAudit(db());
    })(),
  );
  await Promise.all(writers);
  writing = false;
  await Promise.all(sealers);
  await sealAudit(db());
  for (const province of provinces) {
    const chain = await chainOf(province);
    assert.deepEqual(
      chain.map((c) => Number(c.seq)),
      chain.map((_, i) => i + 1),
      `${province}: seq 1..n without a gap`,
    );
    assert.equal(new Set(chain.map((c) => String(c.id))).size, chain.length, `${province}: each row once`);
  }
  const written = await db()
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("action", "like", "w%")
    .executeTakeFirstOrThrow();
  const chained = await db()
    .selectFrom("audit_chain")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("province_code", "in", provinces)
    .executeTakeFirstOrThrow();
  assert.equal(Number(written.n), 320);
  assert.equal(Number(chained.n), 320);
  const report = await verifyChains(db());
  assert.deepEqual(
    report.problems.filter((p) => provinces.includes(p.chain)),
    [],
  );
});
