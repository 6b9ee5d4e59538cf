// Every command README.md shows ("Quick start", "A real deployment", "Command line") run on a fresh database of
// the selected engine filled by `motcua demo --dossiers N`: exit codes and output shapes. A command the README
// shows that is not registered in src/cli/main.ts, or that this file does not run, fails here (issue 13:
// `motcua document` was documented but unregistered). The commands run in this process through runCli
// (src/cli/testing.ts: main() with its output captured); the binary itself runs as a real process for the
// top-level --help, one database command end to end (the first results report) and serve.
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase, testEngine } from "../db/testing.ts";
import { commandNames } from "./main.ts";
import { runCli } from "./testing.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/motcua.js");

let database: TestDatabase;
const work = mkdtempSync(join(tmpdir(), "motcua-readme-"));
const file = (name: string) => join(work, name);
/** The commands this file ran, to compare with those README.md shows. */
const ran = new Set<string>();

before(async () => {
  database = await createTestDatabase();
  await database.close(); // the CLI opens it next: one process at a time on an embedded directory
});

after(async () => {
  if (testEngine === "postgres") await database.drop().catch(() => {});
  else rmSync(database.target, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** The database of the run: MOTCUA_DATA for PGlite, DATABASE_URL for PostgreSQL, never both. */
function databaseEnv(): Record<string, string | undefined> {
  return testEngine === "postgres"
    ? { DATABASE_URL: database.target, MOTCUA_DATA: undefined }
    : { DATABASE_URL: undefined, MOTCUA_DATA: database.target };
}

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [key, value] of Object.entries(databaseEnv())) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** `motcua …` in the repository root, in this process (runCli), as `npx motcua …` runs it. */
async function motcua(args: string[], extraEnv: Record<string, string> = {}) {
  ran.add(args[0]!);
  return runCli(args, { cwd: ROOT, env: { ...databaseEnv(), ...extraEnv } });
}

/** `node bin/motcua.js …` as a real process in the repository root. */
function spawned(args: string[]) {
  ran.add(args[0]!);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: environment(),
    encoding: "buffer",
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
}

async function ok(args: string[], extraEnv?: Record<string, string>) {
  const run = await motcua(args, extraEnv);
  assert.equal(run.status, 0, `motcua ${args.join(" ")}: ${run.stderr}`);
  return run;
}

/** The command names README.md shows in its Quick start, deployment and Command line sections. */
function readmeCommands(): Set<string> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = (title: string) => {
    const start = readme.indexOf(`## ${title}\n`);
    assert.ok(start >= 0, `README.md has a "${title}" section`);
    const end = readme.indexOf("\n## ", start + 3);
    return readme.slice(start, end < 0 ? undefined : end);
  };
  const text = ["Quick start", "A real deployment", "Command line"].map(section).join("\n");
  return new Set([...text.matchAll(/(?:npx |`)motcua ([a-z][a-z-]*)/g)].map((m) => m[1]!));
}

test("every command README.md shows is registered", () => {
  const shown = readmeCommands();
  assert.ok(shown.size >= 12, `README commands found: ${[...shown].join(", ")}`);
  for (const name of shown) assert.ok((commandNames as readonly string[]).includes(name), `${name} is registered`);
});

test("--help of every command: usage and examples in Vietnamese and English on stdout, exit 0", async () => {
  for (const name of commandNames) {
    const run = await runCli([name, "--help"], { cwd: ROOT, env: databaseEnv() });
    assert.equal(run.status, 0, `${name} --help: ${run.stderr}`);
    assert.match(run.stdout, /Usage/, name);
    assert.match(run.stdout, /Ví dụ \/ Examples:\n {2}# .+ \/ .+\n {2}(?:\S+=\S+ )?motcua /, name);
    assert.ok(run.stdout.includes(`motcua ${name}`), name);
  }
  const top = spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(top.status, 0);
  for (const name of commandNames) assert.match(top.stdout, new RegExp(`\\n {2}${name} +\\S`), name);
  const unknown = await runCli(["nope"], { cwd: ROOT });
  assert.equal(unknown.status, 2);
});

test("due, holidays and check without a database", async () => {
  const due = async (...args: string[]) => (await ok(["due", ...args])).stdout;
  assert.equal(
    await due("--received", "2026-03-02T09:00:00+07:00", "--limit", "3 working days"),
    "2026-03-05T09:00:00+07:00\n",
  );
  assert.equal(
    await due("--received", "2026-03-02T12:00:00+07:00", "--limit", "1 working day"),
    "2026-03-03T11:30:00+07:00\n",
  );
  assert.equal(
    await due("--received", "2026-03-02T15:30:00+07:00", "--limit", "same day", "--cutoff", "15:00"),
    "2026-03-03T17:00:00+07:00\n",
  );
  assert.equal(
    await due("--received", "2026-03-02T09:00:00+07:00", "--limit", "2 calendar days"),
    "2026-03-04T17:00:00+07:00\n",
  );
  assert.equal(
    await due("--received", "2026-03-02T09:00:00+07:00", "--limit", "3 ngày làm việc"),
    "2026-03-05T09:00:00+07:00\n",
  );
  assert.equal((await motcua(["due", "--received", "2026-03-02T09:00:00", "--limit", "1 working day"])).status, 2);
  const holidays = JSON.parse((await ok(["holidays", "2026"])).stdout);
  assert.deepEqual(Object.keys(holidays), ["year", "daysOff", "workingSaturdays"]);
  assert.equal(holidays.year, 2026);
  assert.ok(holidays.daysOff.includes("2026-02-16"));
  assert.deepEqual([...holidays.daysOff].sort(), holidays.daysOff);
  const bad = file("bad.json");
  writeFileSync(bad, JSON.stringify({ rows: [{ key: "a", received: 2, receivedDirect: 3 }] }));
  const check = await motcua(["check", bad]);
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stdout, /part-exceeds-whole/);
});

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Quick start and a real deployment: demo, migrate, units, catalogue, a user. */
async function deploymentSequence(): Promise<void> {
  // Quick start: demo, then serve.
  const demo = await ok(["demo", "--dossiers", "150", "--seed", "3"]);
  assert.match(demo.stdout, /150 imported/);
  // A real deployment: migrate, units import, catalog seed, user add, serve.
  await ok(["migrate"]);
  await ok(["units", "export", "--out", file("units.json")]);
  const exportedUnits = JSON.parse(readFileSync(file("units.json"), "utf8"));
  assert.ok(
    exportedUnits.some((u: { kind: string }) => u.kind === "province"),
    "units export lists the provinces",
  );
  await ok(["units", "import", file("units.json")]); // everything already there: unchanged, exit 0
  await ok(["catalog", "seed"]);
  await ok(["catalog", "export", "--format", "csv", "--out", file("catalog.csv")]);
  assert.match(readFileSync(file("catalog.csv"), "utf8"), /^\uFEFFcode,version,name,/);
  await ok(["user", "add", "--username", "readme.admin", "--name", "Quản trị thử", "--superuser"], {
    MOTCUA_PASSWORD: "Mat-khau-thu-README-2026",
  });
  const again = await motcua(["user", "add", "--username", "readme.admin", "--name", "Lần hai", "--superuser"], {
    MOTCUA_PASSWORD: "Mat-khau-thu-README-2026",
  });
  assert.equal(again.status, 2, "an existing username is refused");
}

/** Import with a computed appointment, export one unit and everything; a received demo dossier. */
async function interchange(): Promise<{ code: string; receivedAt: string; unit: { code: string } }> {
  // Interchange: a dossier without dueAt on a calendar-day procedure gets its appointment computed (Civil Code).
  const line = {
    code: "T9.01-260302-0001",
    unit: { code: "T9.01", name: "UBND xã Thử Nghiệm", parent: "T9" },
    procedure: { code: "9.000001", name: "Thủ tục thử theo ngày", field: "Thử nghiệm", limit: "2 calendar days" },
    channel: "direct",
    receivedAt: "2026-03-02T09:00:00+07:00",
    events: [],
  };
  writeFileSync(file("in.jsonl"), `${JSON.stringify(line)}\n`);
  const imported = await ok(["import", "--create-missing", file("in.jsonl")]);
  assert.deepEqual(JSON.parse(imported.stdout), { read: 1, imported: 1, unchanged: 0, rejected: 0 });
  await ok(["export", "--unit", "T9.01", file("t9.jsonl")]);
  const back = readFileSync(file("t9.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(back.length, 1);
  assert.equal(back[0].dueAt, "2026-03-04T17:00:00+07:00");
  await ok(["export", file("all.jsonl")]);
  const all = readFileSync(file("all.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.ok(all.length >= 151, `exported ${all.length}`);
  const sample = all.find((d) => d.receivedAt && d.unit.code !== "T9.01");
  assert.ok(sample, "a received demo dossier");
  return sample;
}

/** The results report in JSON (checked), CSV and Excel. */
async function reports(from: string, to: string): Promise<void> {
  // Reports and their check.
  // the binary end to end on the database (the rest of the file runs the commands in process)
  const json = spawned(["report", "results", "--from", from, "--to", to]);
  assert.equal(json.status, 0, `motcua report results (a real process): ${json.stderr}`);
  const report = JSON.parse(json.stdout);
  assert.equal(report.report, "results");
  assert.ok(report.total.received > 0, `received from ${from} to ${to}: ${json.stdout}`);
  writeFileSync(file("report.json"), json.stdout);
  const checked = await motcua(["check", file("report.json")]);
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  const csv = await ok(["report", "results", "--from", from, "--to", to, "--by", "unit", "--format", "csv"]);
  assert.ok(csv.stdout.startsWith("\uFEFF"), csv.stdout.slice(0, 80));
  const totalLine = csv.stdout.trimEnd().split("\r\n").at(-1)!;
  assert.ok(totalLine.startsWith("Tổng cộng,") && totalLine.includes(String(report.total.received)), totalLine);
  await ok(["report", "results", "--from", from, "--to", to, "--format", "xlsx", "--out", file("r.xlsx")]);
  assert.equal(readFileSync(file("r.xlsx")).subarray(0, 2).toString("latin1"), "PK");
}

/** The receipt of a dossier and a unit's ledger. */
async function forms(sample: { code: string; unit: { code: string } }, from: string): Promise<void> {
  // Forms: the receipt of a dossier and a unit's ledger.
  await ok(["document", "01", "--dossier", sample.code, "--out", file("01.docx")]);
  assert.equal(readFileSync(file("01.docx")).subarray(0, 2).toString("latin1"), "PK");
  const ledger = await motcua([
    "document",
    "07",
    "--unit",
    sample.unit.code,
    "--from",
    from,
    "--to",
    from,
    "--out",
    file("07.docx"),
  ]);
  assert.equal(ledger.status, 0, ledger.stderr);
  assert.equal(readFileSync(file("07.docx")).subarray(0, 2).toString("latin1"), "PK");
  assert.equal((await motcua(["document", "01", "--dossier", "NOPE-000000-0000", "--out", file("x.docx")])).status, 2);
}

/** The CCHC statistics sheet (01b) equal to the results report, the periodic report, the records export. */
async function reform(unit: string, from: string, to: string): Promise<void> {
  // The CCHC statistics sheet (01b), its dossier rows equal to the results report, and the periodic report.
  const sheet = JSON.parse((await ok(["reform", "sheet", "--unit", unit, "--from", from, "--to", to])).stdout);
  assert.equal(sheet.sheet, "01b");
  const unitReport = JSON.parse((await ok(["report", "results", "--unit", unit, "--from", from, "--to", to])).stdout);
  assert.equal(sheet.rows.find((r: { code: string }) => r.code === "3.3.1").value, unitReport.total.received);
  const cchc = await motcua(["reform", "report", "--unit", unit, "--from", from, "--to", to, "--out", file("bc.docx")]);
  assert.ok(cchc.status === 0 || cchc.status === 1, `reform report: ${cchc.stderr}`);
  if (cchc.status === 0) assert.equal(readFileSync(file("bc.docx")).subarray(0, 2).toString("latin1"), "PK");
  else assert.match(cchc.stderr, /\S/, "a blocked report names its violations");
  await ok(["reform", "records", "export", "--unit", unit, file("records.json")]);
}

/** The national roll-up (PostgreSQL only: refused on the embedded engine) and the Citus readiness of the schema. */
async function nationalAndSchema(): Promise<void> {
  const status = await motcua(["national", "status"]);
  if (testEngine === "postgres") {
    assert.equal(status.status, 0, status.stderr);
    assert.deepEqual(JSON.parse(status.stdout), { subscriptions: [] });
  } else {
    assert.equal(status.status, 2);
    assert.match(status.stderr, /cần PostgreSQL/);
  }
  await ok(["schema", "citus-ddl", "--out", file("citus.sql")]);
  assert.match(readFileSync(file("citus.sql"), "utf8"), /select create_distributed_table\('/);
  const readiness = await motcua(["schema", "readiness"]);
  assert.ok(readiness.status === 0 || readiness.status === 1, `schema readiness: ${readiness.stderr}`);
  const ready = JSON.parse(readiness.stdout);
  assert.ok(ready.distributed.includes("dossiers"), readiness.stdout.slice(0, 200));
  if (readiness.status === 1) assert.match(readiness.stderr, /Bảng chưa phân loại: /);
}

/** serve: the web application and the API answer; stopped by its process id. */
async function serve(): Promise<void> {
  const port = await freePort();
  ran.add("serve");
  const server = spawn(process.execPath, [BIN, "serve", "--port", String(port)], {
    cwd: ROOT,
    env: environment(),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    let openapi: Response | undefined;
    for (let waited = 0; waited < 600 && server.exitCode === null; waited++) {
      openapi = await fetch(`${base}/api/openapi.json`).catch(() => undefined);
      if (openapi) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(openapi, `serve did not answer: ${stderr}`);
    assert.equal(openapi.status, 200);
    assert.match(((await openapi.json()) as { openapi: string }).openapi, /^3\.1/);
    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<div id="root">|<html/i);
  } finally {
    await stop(server);
  }
}

test("the deployment sequence and every database command on a small demo", { timeout: 900_000 }, async () => {
  await deploymentSequence();
  const sample = await interchange();
  const from = sample.receivedAt.slice(0, 10);
  const to = new Date().toISOString().slice(0, 10);
  await reports(from, to);
  await forms(sample, from);
  await reform(sample.unit.code, from, to);
  // The audit trail and the dossier event log verify.
  const audit = await motcua(["audit", "verify"]);
  assert.equal(audit.status, 0, audit.stdout + audit.stderr);
  await nationalAndSchema();
  await serve();
});

test("this file ran every command README.md shows", () => {
  for (const name of readmeCommands()) assert.ok(ran.has(name), `motcua ${name} is run by this test`);
});
