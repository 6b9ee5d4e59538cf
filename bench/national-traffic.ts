// What the national roll-up sends over the network per dossier (docs/deploy-national.md "Sizing"): a province
// cluster (wal_level=logical, scripts/pg-topology-rollup.sh) publishes, a logical slot is made before its
// dossiers are imported, and the pgoutput stream of the two publications for that import is read back with
// pg_logical_slot_get_binary_changes — the bytes a subscriber would receive. Baseline in the same run: the WAL
// the import wrote (insert position before and after), which a streaming standby would receive. Prints both per
// dossier and the ratio.
//
//   node --import tsx bench/national-traffic.ts [--dossiers 3000] [--port 54497]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  advanceOpenDossiers,
  CATALOG,
  demoRecords,
  importRecords,
  motcua,
  query,
  startClusters,
  UNITS,
} from "../test/topology/rollup-harness.ts";

const { values } = parseArgs({
  options: { dossiers: { type: "string", default: "3000" }, port: { type: "string", default: "54497" } },
});
const port = Number(values.port);
const dir = mkdtempSync(join(tmpdir(), "motcua-traffic-"));
const { clusters, stopAll } = await startClusters({ "bench-traffic": port }, port + 1);
const url = clusters["bench-traffic"]!.url;
try {
  await motcua(url, "units", "import", UNITS.hue);
  await motcua(url, "catalog", "import", CATALOG);
  await motcua(url, "national", "publish");
  const records = await demoRecords(url, 7, Number(values.dossiers));
  await query(url, "select pg_create_logical_replication_slot('bench_traffic', 'pgoutput')");
  const [before] = await query<{ lsn: string }>(url, "select pg_current_wal_insert_lsn()::text as lsn");
  await importRecords(url, join(dir, "dossiers.jsonl"), records);
  const acted = await advanceOpenDossiers(url, new Date("2026-11-30T17:30:00+07:00"), 200);
  const [after] = await query<{ lsn: string; wal: string }>(
    url,
    "select pg_current_wal_insert_lsn()::text as lsn, pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1)::text as wal",
    [before!.lsn],
  );
  const [stream] = await query<{ bytes: string; messages: string }>(
    url,
    `select coalesce(sum(octet_length(data)), 0)::text as bytes, count(*)::text as messages
     from pg_logical_slot_get_binary_changes('bench_traffic', null, null,
       'proto_version', '1', 'publication_names', 'motcua_national,motcua_national_log')`,
  );
  await query(url, "select pg_drop_replication_slot('bench_traffic')");
  const n = records.length;
  const wal = Number(after!.wal);
  const bytes = Number(stream!.bytes);
  const kb = (b: number) => `${(b / 1024).toFixed(2)} KB`;
  console.log(`${n} dossiers imported, ${acted.length} lifecycle commands after (${stream!.messages} messages)`);
  console.log("| | bytes | per dossier |");
  console.log("|---|---|---|");
  console.log(`| WAL written (a streaming standby's share) | ${wal.toLocaleString("en")} | ${kb(wal / n)} |`);
  console.log(`| roll-up stream (pgoutput, both publications) | ${bytes.toLocaleString("en")} | ${kb(bytes / n)} |`);
  console.log(`ratio stream / WAL: ${(bytes / wal).toFixed(2)}`);
  console.log(
    `scaled: 2M dossiers a year → ${(((bytes / n) * 2e6) / 1e9).toFixed(2)} GB a year per province; ` +
      `100M → ${(((bytes / n) * 1e8) / 1e9).toFixed(1)} GB a year into the national database`,
  );
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}
