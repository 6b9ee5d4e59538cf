// What the read replica costs and gives (issue 19; docs/deploy-replicas.md), on a primary + streaming standby
// started by scripts/pg-topology.sh. Two servers on the same primary, measured in alternating rounds in the
// same run: the baseline with no standby, and one with DATABASE_READ_URL. Each round: a user's intake then
// their own search (read-your-writes: the write notes the WAL position, the read checks the standby), then
// another user's results report. Prints ms per pair and per report and the ratio to the baseline, and where the
// replica server's reads went. One machine runs both clusters: the standby adds no CPU here, so this measures
// the routing's overhead, not the offload.
//
//   node --import tsx bench/replica-reads.ts [--rounds 3] [--pairs 200]
import { parseArgs } from "node:util";
import type { Database } from "../src/db/engine.ts";
import { ReadReplica } from "../src/db/read-replica.ts";
import * as harness from "../test/topology/replica-harness.ts";

type Server = harness.Server;

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "3" }, pairs: { type: "string", default: "200" } },
});
const ROUNDS = Number(values.rounds);
const PAIRS = Number(values.pairs);
const today = harness.localToday();

async function measure(server: Server, cookies: { desk: string; leader: string }) {
  const start = performance.now();
  for (let i = 0; i < PAIRS; i++) {
    const created = await server.intake(cookies.desk);
    if (created.status !== 201) throw new Error(`intake: ${created.status}`);
    const read = await server.call("GET", `/api/dossiers?unit=P1.01&q=${created.body.code}`, { cookie: cookies.desk });
    if (read.body.items?.[0]?.code !== created.body.code) throw new Error("stale read");
  }
  const pairs = performance.now() - start;
  const reportStart = performance.now();
  for (let i = 0; i < PAIRS / 4; i++) {
    const report = await server.call("GET", `/api/reports/results?from=${today.slice(0, 8)}01&to=${today}&unit=P1`, {
      cookie: cookies.leader,
    });
    if (report.status !== 200) throw new Error(`report: ${report.status}`);
  }
  return { pairMs: pairs / PAIRS, reportMs: (performance.now() - reportStart) / (PAIRS / 4) };
}

const topology = await harness.startMotcuaTopology("/tmp/motcua-topo-bench", 54385);
const opened: Database[] = [];
try {
  const open = async (url: string, extra = {}) => {
    const database = await harness.openMotcua(url, extra);
    opened.push(database);
    return database;
  };
  const baselinePrimary = await open(topology.primaryUrl);
  const primary = await open(topology.primaryUrl);
  const standby = await open(topology.standbyUrl, { applicationName: "motcua-read", lazy: true });
  const reads = new ReadReplica(primary, standby);
  const baseline = await harness.startServer({ database: baselinePrimary });
  const routed = await harness.startServer({ database: primary, reads });
  const signedIn = await harness.signIn(baseline, ["motcua.01", "ld.p1"]);
  const cookiesOf = async (server: Server) =>
    server === baseline
      ? { desk: signedIn["motcua.01"]!, leader: signedIn["ld.p1"]! }
      : { desk: await server.login("motcua.01"), leader: await server.login("ld.p1") };
  const servers = [
    {
      name: "primary only (baseline)",
      server: baseline,
      cookies: await cookiesOf(baseline),
      runs: [] as Awaited<ReturnType<typeof measure>>[],
    },
    {
      name: "with the standby",
      server: routed,
      cookies: await cookiesOf(routed),
      runs: [] as Awaited<ReturnType<typeof measure>>[],
    },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const entry of round % 2 === 0 ? servers : [...servers].reverse()) {
      entry.runs.push(await measure(entry.server, entry.cookies));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = servers[0]!;
  for (const entry of servers) {
    const pair = median(entry.runs.map((r) => r.pairMs));
    const report = median(entry.runs.map((r) => r.reportMs));
    const pairRatio = pair / median(base.runs.map((r) => r.pairMs));
    const reportRatio = report / median(base.runs.map((r) => r.reportMs));
    console.log(
      `${entry.name.padEnd(24)} intake+own search ${pair.toFixed(2)} ms (×${pairRatio.toFixed(2)})  ` +
        `results report ${report.toFixed(2)} ms (×${reportRatio.toFixed(2)})`,
    );
  }
  console.log(`reads of the standby server: ${JSON.stringify(reads.counts)}`);
  await baseline.close();
  await routed.close();
} finally {
  for (const database of opened) await database.close();
  await topology.stop();
}
