// `npm run bench`: the benchmarks in sequence with small sizes, a few minutes in all. Each prints its own
// baseline measured in the same run (docs/benchmarks.md has the full-size figures and how to get them).
// PostgreSQL benches run when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (scripts/pg-cluster.sh start
// prints one); otherwise the dossier benches run on PGlite. Extra arguments go to every bench unchanged.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const postgres = Boolean(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const engine = postgres ? "postgres" : "pglite";
const benches: [string, string[]][] = [
  ["calendar.ts", []],
  // two rounds per side, the one-statement baseline (issue 20)
  ["intake.ts", ["--engine", engine, "--seconds", "5", "--rounds", "2"]],
  ["import.ts", ["--engine", engine, "--lines", postgres ? "50000" : "10000"]],
  ["results-report.ts", ["--engine", engine, "--size", postgres ? "100000" : "20000", "--runs", "3"]],
  // the soak at a small size (issue 20: 10 minutes at a set rate is `bench/soak.ts` without arguments)
  ["soak.ts", ["--minutes", "0.5", "--rate", "20"]],
  // the hot paths need PostgreSQL's planner (a small province: the plans, not the 1M timings)
  ...(postgres
    ? ([["hot-paths.ts", ["--size", "20000", "--runs", "5", "--seconds", "5", "--clients", "8"]]] as [
        string,
        string[],
      ][])
    : []),
];

let failed = 0;
for (const [file, args] of benches) {
  console.log(`\n=== bench/${file} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL(file, import.meta.url)), ...args],
    {
      stdio: "inherit",
    },
  );
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
