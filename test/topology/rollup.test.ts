// The national roll-up (issue 19): two province clusters and one national cluster, real PostgreSQL 15 with
// logical replication. Each province imports its own demo dossiers through `motcua import` and publishes
// (`motcua national publish`); the national database subscribes (`motcua national subscribe`). Then
// `motcua report results` on the national database equals the sum of the provinces' own reports; a province
// subscribed later catches up from its existing rows (copy_data); a province cut off for a while (subscription
// disabled, its server restarted, new dossiers written meanwhile) catches up without counting anything twice.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  CATALOG,
  type Cluster,
  advanceOpenDossiers,
  demoRecords,
  importRecords,
  motcua,
  query,
  startClusters,
  sumDocuments,
  UNITS,
} from "./rollup-harness.ts";

const dir = mkdtempSync(join(tmpdir(), "motcua-rollup-"));
let clusters: Record<string, Cluster>;
let stopAll: () => Promise<void> = async () => {};
let hue: Cluster;
let daNang: Cluster;
let national: Cluster;
let hueLater: Awaited<ReturnType<typeof demoRecords>> = [];

const PERIODS = [
  ["2024-12-01", "2026-11-30", "field"],
  ["2024-12-01", "2026-11-30", "unit"],
  ["2026-07-01", "2026-09-30", "field-level"],
];

async function report(cluster: Cluster, from: string, to: string, ...extra: string[]) {
  return JSON.parse(await motcua(cluster.url, "report", "results", "--from", from, "--to", to, ...extra));
}

/** For each period and grouping: the national report equals the element-wise sum of the provinces' own. */
async function assertNationalIsSum(provinces: Cluster[]) {
  for (const [from, to, by] of PERIODS) {
    const own = [];
    for (const p of provinces) own.push(await report(p, from!, to!, "--by", by!));
    const whole = await report(national, from!, to!, "--by", by!);
    const sum = sumDocuments(own);
    const { key: _key, ...total } = whole.total;
    assert.deepEqual(total, sum.total, `total ${from}..${to} by ${by}`);
    const rows = (whole.rows as { key: string }[]).map(({ key, ...counts }) => [key, counts] as const);
    assert.deepEqual(new Map(rows.sort(([a], [b]) => a.localeCompare(b))), sum.rows, `rows ${from}..${to} by ${by}`);
    assert.ok(sum.total.received! > 0, "the period has dossiers");
  }
}

async function waitNational() {
  const status = JSON.parse(await motcua(national.url, "national", "status", "--wait", "40"));
  for (const s of status.subscriptions) {
    assert.equal(s.tablesReady, s.tables, `${s.name} tables ready`);
    // --wait returned: each had applied its province's WAL as of the call; the province has written since
    // (background records), so the lag read afterwards is small, not necessarily 0
    assert.equal(typeof s.lagBytes, "number", `${s.name} reachable`);
  }
  return status.subscriptions as { name: string }[];
}

before(async () => {
  ({ clusters, stopAll } = await startClusters({ "p-hue": 54491, "p-danang": 54492, "p-national": 54493 }, 54490));
  hue = clusters["p-hue"]!;
  daNang = clusters["p-danang"]!;
  national = clusters["p-national"]!;
  for (const [cluster, units, seed] of [
    [hue, UNITS.hue, 1],
    [daNang, UNITS.daNang, 2],
  ] as const) {
    await motcua(cluster.url, "units", "import", units);
    await motcua(cluster.url, "catalog", "import", CATALOG);
    const records = await demoRecords(cluster.url, seed, 600);
    // Huế keeps a quarter of its dossiers for the time it is cut off from the national level
    const now = cluster === hue ? records.filter((_, i) => i % 4 !== 0) : records;
    if (cluster === hue) hueLater = records.filter((_, i) => i % 4 === 0);
    await importRecords(cluster.url, join(dir, `${cluster.name}.jsonl`), now);
    const published = JSON.parse(await motcua(cluster.url, "national", "publish"));
    assert.deepEqual(
      published.publications.map((p: { name: string }) => p.name),
      ["motcua_national", "motcua_national_log"],
    );
  }
});

after(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

test("the national report equals the sum of the provinces' reports", async () => {
  const subscribed = JSON.parse(await motcua(national.url, "national", "subscribe", "--province-url", hue.url));
  assert.equal(subscribed.name, "national_46");
  assert.deepEqual(subscribed.provinces, ["46"]);
  await waitNational();
  await assertNationalIsSum([hue]);
  // no personal data crossed: the applicant and the lookup secret stay in the province
  const [copied] = await query<{ n: number; named: number; secrets: number }>(
    national.url,
    `select count(*)::int as n, count(*) filter (where applicant <> '{}'::jsonb)::int as named,
       count(lookup_secret)::int as secrets from dossiers`,
  );
  assert.ok(copied!.n > 0);
  assert.equal(copied!.named, 0);
  assert.equal(copied!.secrets, 0);
});

test("a province subscribed later catches up from the rows it already holds", async () => {
  const subscribed = JSON.parse(await motcua(national.url, "national", "subscribe", "--province-url", daNang.url));
  assert.equal(subscribed.name, "national_48");
  assert.deepEqual(subscribed.provinces, ["48", "49"]);
  const names = (await waitNational()).map((s) => s.name);
  assert.deepEqual(names, ["national_46", "national_48"]);
  const text = await motcua(national.url, "national", "status", "--format", "text");
  assert.match(text, /^national_46\tđang nhận\tbảng (\d+)\/\1\tchậm \d+ byte\tlỗi 0\nnational_48\t/);
  await assertNationalIsSum([hue, daNang]);
  // the national unit tree scopes a report to one province: the same as that province's own report
  const own = await report(daNang, "2024-12-01", "2026-11-30", "--unit", "48", "--by", "unit");
  const scoped = await report(national, "2024-12-01", "2026-11-30", "--unit", "48", "--by", "unit");
  assert.deepEqual(scoped, own);
  // subscribing the same province twice is refused, nothing changes
  await assert.rejects(
    motcua(national.url, "national", "subscribe", "--province-url", daNang.url, "--name", "again"),
    /unit-collision/,
  );
});

test("a province cut off for a while catches up without double counting", async () => {
  await query(national.url, "alter subscription national_46 disable");
  await hue.halt();
  await hue.start();
  await importRecords(hue.url, join(dir, "hue-later.jsonl"), hueLater);
  // and staff act on open dossiers: rows updated, events appended, counters moved
  const acted = await advanceOpenDossiers(hue.url, new Date("2026-11-30T17:30:00+07:00"), 6);
  assert.ok(acted.length >= 2, "open dossiers to act on");
  // while cut off the national level still shows the old figures: the new dossiers are not there yet
  const [before] = await query<{ n: number }>(
    national.url,
    "select count(*)::int as n from dossiers where province_code = '46'",
  );
  const [inHue] = await query<{ n: number }>(hue.url, "select count(*)::int as n from dossiers");
  assert.ok(before!.n < inHue!.n);
  await query(national.url, "alter subscription national_46 enable");
  await waitNational();
  const changed = `select code, state, supplement_requests, end_type, end_at from dossiers
    where code = any($1) order by code`;
  assert.deepEqual(await query(national.url, changed, [acted]), await query(hue.url, changed, [acted]));
  const [afterwards] = await query<{ n: number }>(
    national.url,
    "select count(*)::int as n from dossiers where province_code = '46'",
  );
  assert.equal(afterwards!.n, inHue!.n);
  // the counters are the province's, row for row: nothing applied twice
  const counters = `select span, day::text, unit_code, procedure_code, field, level, received_direct, received_postal,
      received_online_partial, received_online_full, ended, overdue_on, overdue_off, declined
    from figure_counts where province_code = '46' order by 1, 2, 3, 4, 5, 6`;
  assert.deepEqual(await query(national.url, counters), await query(hue.url, counters));
  await assertNationalIsSum([hue, daNang]);
});
