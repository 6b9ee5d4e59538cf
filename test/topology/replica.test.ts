// Read replicas on real clusters (issue 19; docs/deploy-replicas.md): a primary and a streaming hot standby
// started by scripts/pg-topology.sh, a server whose reports, lists and lookups go to the standby. Proven here:
// reports are served by the standby; a user's reads right after their writes are never stale (200 rounds over
// HTTP) while another user may read the standby's older state; a standby lagging past the limit, or stopped
// mid-run, costs no request; `motcua report` and `motcua export` read the standby given by --read-url.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../../src/cli/testing.ts";
import type { Database } from "../../src/db/engine.ts";
import { ReadReplica } from "../../src/db/read-replica.ts";
import * as harness from "./replica-harness.ts";

const { admin, eventually, onDatabase } = harness;

// generous: on a loaded CI machine a few requests can take a second; the lag test waits past it once
const MAX_LAG_MS = 4_000;
let topology: harness.Topology;
let primary: Database;
let standby: Database;
let reads: ReadReplica;
let server: harness.Server;
/** A second app server on the same databases, as behind a load balancer. */
let otherProcess: harness.Server;
let otherReads: ReadReplica;
let standbyDb: string;
let cookie: Record<string, string> = {};

before(async () => {
  topology = await harness.startMotcuaTopology("/tmp/motcua-topo-replica", 54350);
  primary = await harness.openMotcua(topology.primaryUrl);
  standbyDb = onDatabase(topology.standbyUrl, "motcua");
  standby = await harness.openMotcua(topology.standbyUrl, {
    applicationName: "motcua-read",
    connectTimeoutMs: 2_000,
    lazy: true,
  });
  reads = new ReadReplica(primary, standby, { maxLagMs: MAX_LAG_MS, probeMs: 200 });
  server = await harness.startServer({ database: primary, reads });
  otherReads = new ReadReplica(primary, standby, { maxLagMs: MAX_LAG_MS, probeMs: 200 });
  otherProcess = await harness.startServer({ database: primary, reads: otherReads });
  cookie = await harness.signIn(server, ["motcua.01", "ld.01", "ld.p1"]);
  await eventually("the standby has replayed the seed", async () => {
    await reads.probe();
    return reads.standby.up && reads.standby.lagMs <= MAX_LAG_MS;
  });
});

after(async () => {
  await server?.close();
  await otherProcess?.close();
  await standby?.close();
  await primary?.close();
  await topology?.stop();
});

// read when used, not when the file loads: a run across midnight in Vietnam (17:00 UTC) reports the new day
const today = () => harness.localToday();
const month = () => `from=${today().slice(0, 8)}01&to=${today()}`;
const countAt = async (url: string) =>
  Number((await admin<{ n: string }>(url, "select count(*) as n from dossiers"))[0]!.n);

test("a report is served by the standby: its SQL ran there, under the replica's application_name", async () => {
  const served = reads.counts.replica;
  const report = await server.call("GET", `/api/reports/results?${month()}&unit=P1`, { cookie: cookie["ld.p1"] });
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.equal(reads.counts.replica, served + 1);
  const onStandby = await admin<{ n: string }>(
    topology.standbyUrl,
    `select count(*) as n from pg_stat_activity
      where datname = 'motcua' and application_name = 'motcua-read' and query ~ '(figure_counts|manual_results)'`,
  );
  assert.ok(Number(onStandby[0]!.n) >= 1, "the report's query is the last one of a standby session");
  const onPrimary = await admin<{ n: string }>(
    topology.primaryUrl,
    "select count(*) as n from pg_stat_activity where datname = 'motcua' and query ~ '(figure_counts|manual_results)'",
  );
  assert.equal(Number(onPrimary[0]!.n), 0, "no primary session ran it");
  const health = await server.call("GET", "/api/health");
  assert.equal(health.body.replica.up, true);
  assert.ok(health.body.replica.lagMs <= MAX_LAG_MS);
});

test("with replay paused, the writer reads its write from the primary while another user sees the standby's state", async () => {
  // the other process has measured the standby as current, as a process that has been serving reads would have
  await eventually("the other process measured the standby", async () => {
    await otherReads.probe();
    return otherReads.standby.lagMs < 500;
  });
  await admin(standbyDb, "select pg_wal_replay_pause()");
  try {
    const before = (await server.call("GET", "/api/dossiers?unit=P1.01", { cookie: cookie["ld.01"] })).body.total;
    const created = await server.intake(cookie["motcua.01"]!);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const own = await server.call("GET", `/api/dossiers?unit=P1.01&q=${created.body.code}`, {
      cookie: cookie["motcua.01"],
    });
    // another server process knows nothing of the write: the answer's motcua_wal cookie carries its position
    const wal = created.cookies.find((c) => c.startsWith("motcua_wal="));
    assert.ok(wal, "the write's answer sets motcua_wal");
    const search = `/api/dossiers?unit=P1.01&q=${created.body.code}`;
    const elsewhere = await otherProcess.call("GET", search, { cookie: `${cookie["motcua.01"]}; ${wal}` });
    assert.equal(elsewhere.body.items.length, 1, "with the cookie, another process reads the write too");
    const cookieless = await otherProcess.call("GET", search, { cookie: cookie["motcua.01"] });
    assert.equal(cookieless.body.items.length, 0, "without it, that process would read the standby's older state");
    assert.deepEqual(
      own.body.items.map((d: { code: string }) => d.code),
      [created.body.code],
      "the writer sees it",
    );
    // the standby really is behind, and another reader (no write of theirs pending) is served by it
    assert.equal(await countAt(standbyDb), before);
    assert.equal(await countAt(onDatabase(topology.primaryUrl, "motcua")), before + 1);
    const other = await server.call("GET", "/api/dossiers?unit=P1.01", { cookie: cookie["ld.01"] });
    assert.equal(other.body.total, before, "another user may read the standby's older state, within the lag limit");
    // past the lag limit nobody reads the standby any more
    await new Promise((resolve) => setTimeout(resolve, MAX_LAG_MS + 300));
    const lagging = reads.counts.lagging;
    const late = await server.call("GET", "/api/dossiers?unit=P1.01", { cookie: cookie["ld.01"] });
    assert.equal(late.body.total, before + 1, "a lagging standby is not read");
    assert.equal(reads.counts.lagging, lagging + 1);
  } finally {
    await admin(standbyDb, "select pg_wal_replay_resume()");
  }
  await eventually("the standby caught up", async () => {
    await reads.probe();
    return reads.standby.lagMs <= MAX_LAG_MS;
  });
});

test("motcua report and export with --read-url read the standby; a lagging or unreachable one, the primary", async () => {
  assert.equal((await server.intake(cookie["motcua.01"]!)).status, 201, "a dossier to export");
  await replayed();
  const env = {
    DATABASE_URL: onDatabase(topology.primaryUrl, "motcua"),
    DATABASE_READ_URL: undefined,
    DATABASE_READ_MAX_LAG: "60",
    MOTCUA_DATA: undefined,
  };
  const day = today();
  const period = ["--from", `${day.slice(0, 8)}01`, "--to", day, "--unit", "P1"];
  const report = async (...extra: string[]) => {
    const run = await runCli(["report", "results", ...period, ...extra], { env });
    assert.equal(run.status, 0, run.stderr);
    return { document: JSON.parse(run.stdout), stderr: run.stderr };
  };
  const dir = mkdtempSync(join(tmpdir(), "motcua-topo-export-"));
  const exported = async (file: string, readUrl?: string) => {
    const run = await runCli(["export", "--unit", "P1.01", join(dir, file)], {
      env: { ...env, DATABASE_READ_URL: readUrl },
    });
    assert.equal(run.status, 0, run.stderr);
    const text = readFileSync(join(dir, file), "utf8").trim();
    return { codes: text ? text.split("\n").map((line) => JSON.parse(line).code as string) : [], stderr: run.stderr };
  };
  // the scans of a table counted by each server's statistics (a standby counts the reads run on it; a
  // backend reports them at the latest when it exits, as the command's do when it closes its pools)
  const scans = async (url: string, table: string) =>
    Number(
      (
        await admin<{ n: string }>(
          url,
          "select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as n from pg_stat_user_tables where relname = $1",
          [table],
        )
      )[0]!.n,
    );
  const scanned = (url: string, table: string, before: number) =>
    eventually(`${table} read on ${url}`, async () => (await scans(url, table)) > before);
  /** The count once the last exited backend's report has arrived: the same twice, 700 ms apart. */
  const settled = async (url: string, table: string) => {
    for (let last = -1; ; ) {
      const n = await scans(url, table);
      if (n === last) return n;
      last = n;
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  };
  const primaryDb = env.DATABASE_URL;
  try {
    const fromPrimary = await report();
    const [standbyBefore, primaryBefore] = [
      await settled(standbyDb, "figure_counts"),
      await settled(primaryDb, "figure_counts"),
    ];
    const fromStandby = await report("--read-url", standbyDb);
    assert.match(fromStandby.stderr, /Đọc từ bản sao/);
    assert.deepEqual(fromStandby.document, fromPrimary.document);
    await scanned(standbyDb, "figure_counts", standbyBefore);
    assert.equal(await settled(primaryDb, "figure_counts"), primaryBefore, "the primary ran none of the report");
    const dossiersBefore = await settled(standbyDb, "dossiers");
    const exportedThere = await exported("standby.jsonl", standbyDb); // DATABASE_READ_URL
    assert.match(exportedThere.stderr, /Đọc từ bản sao/);
    await scanned(standbyDb, "dossiers", dossiersBefore);
    assert.deepEqual(exportedThere.codes, (await exported("primary.jsonl")).codes);
    // replay paused after a write: a fresh process cannot tell how far behind the standby is, so it reads the primary
    await admin(standbyDb, "select pg_wal_replay_pause()");
    try {
      const intake = await server.intake(cookie["motcua.01"]!);
      assert.equal(intake.status, 201, JSON.stringify(intake.body));
      const behind = await report("--read-url", standbyDb);
      assert.match(behind.stderr, /chậm hơn giới hạn độ trễ: đọc từ cơ sở dữ liệu chính/);
      assert.equal(behind.document.total.received, fromPrimary.document.total.received + 1);
      const lagging = await exported("lagging.jsonl", standbyDb);
      assert.ok(lagging.codes.includes(intake.body.code), "the export has the write the standby has not replayed");
    } finally {
      await admin(standbyDb, "select pg_wal_replay_resume()");
    }
    const down = await report("--read-url", "postgres://postgres@127.0.0.1:1/motcua");
    assert.match(down.stderr, /không kết nối được: đọc từ cơ sở dữ liệu chính/);
    assert.equal(down.document.total.received, fromPrimary.document.total.received + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await replayed();
});

test("read-your-writes: 200 rounds of intake then search or lookup over HTTP never read stale", async () => {
  // the standby applies each commit 100 ms after it was made (as a loaded or distant standby would): a read
  // right after a write finds it behind, and must not read there; every 10th round waits until the standby has
  // replayed the write, and must then be served by it
  await replayed();
  await admin(standbyDb, "alter system set recovery_min_apply_delay = '100ms'");
  await admin(standbyDb, "select pg_reload_conf()");
  const start = { ...reads.counts };
  let replicaAfterWait = 0;
  try {
    for (let round = 0; round < 200; round++) {
      const created = await server.intake(cookie["motcua.01"]!);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const code = created.body.code as string;
      const wait = round % 10 === 5;
      if (wait) await replayed();
      const served = reads.counts.replica;
      const search = round % 10 !== 0; // the lookup is rate-limited per address (30 a minute)
      const read = search
        ? await server.call("GET", `/api/dossiers?unit=P1.01&q=${code}`, { cookie: cookie["motcua.01"] })
        : await server.call("GET", `/api/public/lookup?code=${code}&secret=${created.body.lookupSecret}`, {
            cookie: cookie["motcua.01"],
          });
      assert.equal(read.status, 200, `round ${round}: ${JSON.stringify(read.body)}`);
      const seen = search ? read.body.items.map((d: { code: string }) => d.code) : [read.body.code];
      assert.deepEqual(seen, [code], `round ${round}: the writer's read is stale`);
      if (wait && reads.counts.replica > served) replicaAfterWait++;
    }
  } finally {
    await admin(standbyDb, "alter system reset recovery_min_apply_delay");
    await admin(standbyDb, "select pg_reload_conf()");
  }
  const fromStandby = reads.counts.replica - start.replica;
  const waited = reads.counts["own-write"] - start["own-write"];
  console.log(`read-your-writes: ${fromStandby} reads from the standby, ${waited} from the primary (own write)`);
  assert.ok(waited > 0, "reads right after a write found the standby behind and went to the primary");
  assert.equal(replicaAfterWait, 20, "once the standby has replayed the write, it serves the writer's read");
});

/** Waits until the standby has replayed everything the primary has written so far. */
async function replayed(): Promise<void> {
  // flushed, not inserted: synchronous_commit is on, so the write's commit is flushed, and an insert position
  // at a page boundary (counting the next page's header) would wait for WAL an idle primary does not write
  const rows = await admin<{ lsn: string }>(topology.primaryUrl, "select pg_current_wal_flush_lsn()::text as lsn");
  const lsn = rows[0]!.lsn;
  await eventually(
    "the standby replayed the write",
    async () => {
      const [row] = await admin<{ done: boolean }>(standbyDb, "select pg_last_wal_replay_lsn() >= $1::pg_lsn as done", [
        lsn,
      ]);
      return row!.done;
    },
    30_000,
  );
}

test("stopping the standby mid-run loses no request; started again, it serves reads again", async () => {
  const urls = [
    `/api/reports/results?${month()}&unit=P1`,
    "/api/dossiers?unit=P1.01",
    `/api/reports/channels?${month()}&unit=P1`,
    "/api/dossiers/stock?unit=P1.01",
  ];
  const statuses: number[] = [];
  let sent = 0;
  let stopped = false;
  let afterStop = 0;
  let stopping: Promise<void> | undefined;
  // 4 clients; the standby is stopped (fast shutdown: its sessions are cut) after the 60th read; at least 240
  // reads in all and at least 40 once the standby is down, however long stopping it takes
  const client = async () => {
    while (sent < 240 || afterStop < 40) {
      const n = sent++;
      if (n === 60)
        stopping = topology.standbyStop().then(() => {
          stopped = true;
        });
      if (stopped) afterStop++;
      const reply = await server.call("GET", urls[n % urls.length]!, { cookie: cookie["ld.p1"] });
      statuses.push(reply.status);
    }
  };
  await replayed();
  const start = { ...reads.counts };
  await Promise.all([client(), client(), client(), client()]);
  await stopping;
  assert.equal(statuses.length, sent);
  assert.deepEqual([...new Set(statuses)], [200], "every read answered");
  assert.ok(reads.counts.replica - start.replica > 0, "reads went to the standby before it stopped");
  assert.ok(reads.counts.down - start.down > 0, "then to the primary");
  const health = await server.call("GET", "/api/health");
  assert.equal(health.status, 200, "a standby down is no outage");
  assert.deepEqual(health.body.replica, { up: false, lagMs: null });
  await topology.standbyStart();
  await eventually("a read is served by the standby again", async () => {
    const served = reads.counts.replica;
    const reply = await server.call("GET", "/api/dossiers?unit=P1.01", { cookie: cookie["ld.p1"] });
    assert.equal(reply.status, 200);
    return reads.counts.replica > served;
  });
});
