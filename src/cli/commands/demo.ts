// `motcua demo`: fills the database with a believable province (CONTRACTS.md §1): reference data, demo staff
// with one documented password, two years of dossiers up to today through the dossier importer, ratings and
// PAKN. Deterministic for a seed and a day; re-running on the same day changes nothing (docs/demo.md).
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { parseInstant } from "../../calendar/index.ts";
import type { Database } from "../../db/engine.ts";
import { exportProcedures, seedReferenceData } from "../../db/repos/catalog.ts";
import { importDossierRecords, type Rejection } from "../../db/repos/dossier-import.ts";
import { DossierRefusal } from "../../db/repos/dossiers/errors.ts";
import { LOOKUP_SECRET_LENGTH, SECRET_ALPHABET } from "../../db/repos/dossiers/intake.ts";
import { executeCommand } from "../../db/repos/dossiers/service.ts";
import { createUser, findUserByUsername } from "../../db/repos/people.ts";
import { UnitDirectory, unitFromRow } from "../../db/repos/units.ts";
import type { DemoFeedback, DemoRating } from "../../demo/feedback.ts";
import { DEFAULT_DOSSIERS, type Demo, generateDemo } from "../../demo/generate.ts";
import { seedDemoReform } from "../../demo/reform-index.ts";
import { DEMO_PASSWORD, type DemoUser } from "../../demo/staff.ts";
import { demoWorkflow, type WorkflowStep } from "../../demo/workflow.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import type { Role } from "../../dossier/status.ts";
import { ROLE_LABELS } from "../../people/policy.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { UsageError } from "../errors.ts";

export const summary = "điền dữ liệu mẫu: demo [--seed N] [--dossiers N] (đơn vị, thủ tục, tài khoản, hồ sơ hai năm)";

export const help = `Usage: motcua demo [--seed N] [--dossiers N] [--data DIR] [--today ISO]
  --seed      số hạt giống (mặc định 1): cùng hạt giống và cùng ngày cho cùng dữ liệu
  --dossiers  số hồ sơ trong hai năm (mặc định ${DEFAULT_DOSSIERS})
  --today     thời điểm kết thúc dữ liệu (mặc định: bây giờ), ISO 8601 có múi giờ
Creates the units of Huế and Đà Nẵng, the starter catalogue, demo accounts (password ${DEMO_PASSWORD}),
two years of dossiers up to today, ratings and feedback. See docs/demo.md.`;

const log = (text: string) => process.stderr.write(`${text}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function wholeNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} phải là số nguyên không âm: "${text}"`);
  return Number(text);
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      ...dataOption,
      seed: { type: "string" },
      dossiers: { type: "string" },
      today: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const seed = wholeNumber(values.seed, "--seed", 1);
  const dossiers = wholeNumber(values.dossiers, "--dossiers", DEFAULT_DOSSIERS);
  const today = values.today === undefined ? new Date() : parseInstant(values.today);
  if (!today) throw new UsageError(`--today không hợp lệ: "${values.today}" (cần ISO 8601 có múi giờ)`);

  return withDatabase(values.data, (database) => fill(database, { seed, dossiers, today }));
}

/** Reference data, staff, dossiers through the importer, their internal steps, ratings, PAKN, reform; the exit code. */
async function fill(database: Database, options: { seed: number; dossiers: number; today: Date }): Promise<number> {
  const { seed, today } = options;
  const started = performance.now();
  const seeded = await seedReferenceData(database.db);
  log(
    `reference data: ${seeded.units.created} units created (${seeded.units.unchanged} unchanged), ` +
      `${seeded.procedures.imported} procedures imported (${seeded.procedures.unchanged} unchanged)`,
  );
  const units = (await database.db.selectFrom("units").selectAll().where("placeholder", "=", false).execute()).map(
    unitFromRow,
  );
  const procedures = await exportProcedures(database.db);
  let step = performance.now();
  const demo = generateDemo({ ...options, units, procedures });
  log(
    `generated ${demo.records.length} dossiers, ${demo.ratings.length} ratings, ${demo.feedback.length} feedback in ${seconds(step)}`,
  );
  if (demo.skippedUnits.length)
    log(`units left out (their code cannot start a dossier code): ${demo.skippedUnits.join(", ")}`);

  const directory = new UnitDirectory(database.db);
  await directory.refresh();
  step = performance.now();
  const users = await createStaff(database, directory, demo.staff);
  log(`staff: ${users.created} accounts created, ${users.existing} already there (${seconds(step)})`);

  // a database that already holds dossiers (an earlier demo) keeps them: the quick start stays re-runnable
  const hadDossiers = (await database.db.selectFrom("dossiers").select("code").limit(1).execute()).length > 0;
  const { result, rejected } = await importDemoDossiers(database, directory, demo.records);
  const stored = new Set(demo.records.map((r) => r.code).filter((code) => !rejected.has(code)));
  const { ratings, feedback } = await storeAfterImport(database, directory, demo, { seed, today, stored, rejected });

  step = performance.now();
  await directory.refresh();
  const reform = await seedDemoReform(database.db, directory, { today });
  log(
    `reform: ${reform.communes} communes in ${reform.provinces} provinces, ${reform.tasks} plan tasks, ` +
      `${reform.reports} reports, CCHC index years with self-assessment (${seconds(step)})`,
  );

  process.stdout.write(
    report(demo.staff, {
      seed,
      today,
      dossiers: result,
      ratings,
      feedback,
      took: seconds(started),
      lookup: sampleLookup(demo.records, stored, seed),
    }),
  );
  return exitCode(result.rejected, hadDossiers);
}

function exitCode(rejected: number, hadDossiers: boolean): number {
  if (rejected > 0 && hadDossiers) {
    log(
      `Cơ sở dữ liệu đã có dữ liệu mẫu của một lần chạy khác: giữ nguyên ${rejected} hồ sơ đã có. ` +
        "Dùng một thư mục --data trống để tạo bộ dữ liệu mới.",
    );
    return 0;
  }
  if (rejected > 0) {
    log(`${rejected} dossiers were rejected: run the demo on an empty --data directory (docs/demo.md)`);
    return 1;
  }
  return 0;
}

/** The generated dossiers through the dossier importer; the codes it rejected (already there, or wrong). */
async function importDemoDossiers(database: Database, directory: UnitDirectory, records: readonly DossierRecord[]) {
  const step = performance.now();
  const rejected = new Set<string>();
  let lastShown = 0;
  const result = await importDossierRecords(database, directory, records, {
    createMissing: false,
    batchSize: 1000,
    onReject: (r: Rejection) => {
      if (r.code) rejected.add(r.code);
      if (rejected.size <= 5) log(`  rejected ${r.code ?? `line ${r.line}`}: ${r.message}`);
    },
    onProgress: (read) => {
      if (read - lastShown >= 5000 || read === records.length) {
        lastShown = read;
        log(`  dossiers ${read}/${records.length} (${seconds(step)})`);
      }
    },
  });
  log(
    `dossiers: ${result.imported} imported, ${result.unchanged} unchanged, ${result.rejected} rejected (${seconds(step)})`,
  );
  return { result, rejected };
}

/** What needs the stored dossiers: lookup secrets, the internal steps, ratings and PAKN. */
async function storeAfterImport(
  database: Database,
  directory: UnitDirectory,
  demo: Demo,
  run: { seed: number; today: Date; stored: ReadonlySet<string>; rejected: ReadonlySet<string> },
) {
  const { seed, today, stored, rejected } = run;
  let step = performance.now();
  const secrets = await storeLookupSecrets(database, seed, [...stored]);
  const workflow = await applyWorkflow(
    database,
    directory,
    demoWorkflow(
      demo.records.filter((r) => stored.has(r.code)),
      demo.staff,
      today,
      seed,
    ),
  );
  log(
    `lookup secrets: ${secrets} set; internal steps: ${workflow.done} done, ${workflow.skipped} skipped (${seconds(step)})`,
  );

  step = performance.now();
  const ratings = await storeRatings(
    database,
    directory,
    demo.ratings.filter((x) => !rejected.has(x.dossierCode)),
  );
  const feedback = await storeFeedback(database, directory, demo.feedback, rejected);
  log(`ratings: ${ratings} stored; feedback: ${feedback} stored (${seconds(step)})`);
  return { ratings, feedback };
}

async function createStaff(database: Database, directory: UnitDirectory, staff: readonly DemoUser[]) {
  let created = 0;
  let existing = 0;
  for (const user of staff) {
    if (await findUserByUsername(database.db, user.username)) {
      existing++;
      continue;
    }
    await createUser(
      database.db,
      {
        username: user.username,
        fullName: user.fullName,
        password: DEMO_PASSWORD,
        kind: "staff",
        unitCode: user.unitCode,
        isSuperuser: user.isSuperuser,
        grants: user.role && user.unitCode ? [{ role: user.role, unitCode: user.unitCode }] : [],
      },
      (code) => directory.provinceOf(code),
    );
    created++;
  }
  return { created, existing };
}

const CHUNK = 1000;

/**
 * The lookup secret printed on each dossier's receipt (imported history has none): derived from the seed and
 * the code, so a re-run sets the same ones, and only where none is stored yet.
 */
async function storeLookupSecrets(database: Database, seed: number, codes: readonly string[]) {
  let set = 0;
  for (let i = 0; i < codes.length; i += CHUNK) {
    const values = codes.slice(i, i + CHUNK).map((code) => sql`(${code}, ${demoLookupSecret(seed, code)})`);
    const done = await sql`update dossiers d set lookup_secret = v.secret
      from (values ${sql.join(values)}) as v(code, secret)
      where d.code = v.code and d.lookup_secret is null`.execute(database.db);
    set += Number(done.numAffectedRows ?? 0);
  }
  return set;
}

export function demoLookupSecret(seed: number, code: string): string {
  const bytes = createHash("sha256").update(`motcua-demo:${seed}:${code}`).digest();
  let secret = "";
  for (let i = 0; i < LOOKUP_SECRET_LENGTH; i++) secret += SECRET_ALPHABET[bytes[i]! % SECRET_ALPHABET.length];
  return secret;
}

/** The latest dossier still being processed, for the citizen lookup page. */
function sampleLookup(records: readonly DossierRecord[], stored: ReadonlySet<string>, seed: number) {
  const open = records.findLast(
    (r) => stored.has(r.code) && r.receivedAt && !r.events.some((e) => e.type === "resolved" || e.type === "returned"),
  );
  return open ? { code: open.code, secret: demoLookupSecret(seed, open.code) } : undefined;
}

/** The leader's assignments and the officers' starts (demo/workflow.ts) through the lifecycle service. */
async function applyWorkflow(database: Database, directory: UnitDirectory, steps: readonly WorkflowStep[]) {
  const usernames = [...new Set(steps.flatMap((s) => [s.actor, ...(s.assignee ? [s.assignee] : [])]))];
  const users = new Map(
    usernames.length
      ? (
          await database.db
            .selectFrom("users")
            .innerJoin("role_grants", "role_grants.user_id", "users.id")
            .select(["users.id", "users.username", "role_grants.role", "role_grants.unit_code"])
            .where("users.username", "in", usernames)
            .execute()
        ).map((u) => [u.username, u])
      : [],
  );
  let done = 0;
  let skipped = 0;
  for (const step of steps) {
    const actor = users.get(step.actor);
    const assignee = step.assignee ? users.get(step.assignee) : undefined;
    if (!actor || (step.assignee && !assignee)) {
      skipped++;
      continue;
    }
    const command =
      step.action === "assign"
        ? { action: "assign" as const, assignee: String(assignee!.id) }
        : { action: "start_processing" as const };
    try {
      const outcome = await executeCommand(
        { db: database.db, units: directory, now: () => step.at },
        step.code,
        command,
        {
          revision: null,
          idempotencyKey: `demo:${step.action}:${step.code}`,
          authorize: () => ({ id: String(actor.id), role: actor.role as Role, unit: actor.unit_code }),
        },
      );
      if (outcome.replayed) skipped++;
      else done++;
    } catch (error) {
      // a dossier acted on since an earlier run refuses the step: it is left as it is
      if (!(error instanceof DossierRefusal)) throw error;
      skipped++;
    }
  }
  return { done, skipped };
}

async function storeRatings(database: Database, directory: UnitDirectory, ratings: readonly DemoRating[]) {
  // the officer rated is the unit's front desk, who returned the result at the counter
  const frontDesk = new Map(
    (
      await database.db
        .selectFrom("role_grants")
        .select(["unit_code", "user_id"])
        .where("role", "=", "front_desk")
        .orderBy("user_id")
        .execute()
    ).map((g) => [g.unit_code, g.user_id]),
  );
  let stored = 0;
  for (let i = 0; i < ratings.length; i += CHUNK) {
    const rows = ratings.slice(i, i + CHUNK).map((x) => ({
      province_code: directory.provinceOf(x.unitCode) ?? x.unitCode,
      dossier_code: x.dossierCode,
      at: x.at,
      score: x.score,
      officer_score: x.officerScore ?? null,
      officer_id: x.officerScore === undefined ? null : (frontDesk.get(x.unitCode) ?? null),
      procedure_assessment: x.assessment ?? null,
      comment: x.comment ?? null,
      stars: x.stars,
      officer_stars: x.officerStars ?? null,
    }));
    const done = await database.db
      .insertInto("ratings")
      .values(rows)
      .onConflict((oc) => oc.columns(["province_code", "dossier_code"]).doNothing())
      .executeTakeFirst();
    stored += Number(done.numInsertedOrUpdatedRows ?? 0);
  }
  return stored;
}

/** Feedback has no natural key: a row already stored (same unit, instant, sender, content) is not added again. */
async function storeFeedback(
  database: Database,
  directory: UnitDirectory,
  feedback: readonly DemoFeedback[],
  rejected: ReadonlySet<string>,
) {
  if (!feedback.length) return 0; // a small demo may have none (and `unit_code in ()` is no SQL)
  const key = (unit: string, at: Date, sender: string, content: string) =>
    `${unit}|${at.getTime()}|${sender}|${content}`;
  const existing = new Set(
    (
      await database.db
        .selectFrom("feedback")
        .select(["unit_code", "received_at", "sender_name", "content"])
        .where(sql<boolean>`unit_code in (${sql.join([...new Set(feedback.map((f) => f.unitCode))])})`)
        .execute()
    ).map((row) => key(row.unit_code, new Date(row.received_at as Date), row.sender_name, row.content)),
  );
  const usernames = [...new Set(feedback.flatMap((f) => (f.answeredBy ? [f.answeredBy] : [])))];
  const ids = new Map(
    usernames.length
      ? (
          await database.db.selectFrom("users").select(["id", "username"]).where("username", "in", usernames).execute()
        ).map((u) => [u.username, u.id])
      : [],
  );
  const rows = feedback
    .filter((f) => !existing.has(key(f.unitCode, f.receivedAt, f.senderName, f.content)))
    .map((f) => ({
      province_code: directory.provinceOf(f.unitCode) ?? f.unitCode,
      unit_code: f.unitCode,
      dossier_code: f.dossierCode && !rejected.has(f.dossierCode) ? f.dossierCode : null,
      procedure_code: f.procedureCode ?? null,
      received_at: f.receivedAt,
      sender_name: f.senderName,
      sender_phone: f.senderPhone ?? null,
      subject: f.subject,
      content: f.content,
      due_at: f.dueAt,
      answer: f.answer ?? null,
      answered_at: f.answeredAt ?? null,
      answered_by: f.answeredBy ? (ids.get(f.answeredBy) ?? null) : null,
      published: f.published,
    }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await database.db
      .insertInto("feedback")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  return rows.length;
}

function report(
  staff: readonly DemoUser[],
  done: {
    seed: number;
    today: Date;
    dossiers: { imported: number; unchanged: number; rejected: number };
    ratings: number;
    feedback: number;
    took: string;
    lookup: { code: string; secret: string } | undefined;
  },
): string {
  const lines = [
    `motcua demo — seed ${done.seed}, up to ${done.today.toISOString()}, in ${done.took}`,
    `  dossiers: ${done.dossiers.imported} imported, ${done.dossiers.unchanged} unchanged, ${done.dossiers.rejected} rejected`,
    `  ratings: ${done.ratings} new, feedback (PAKN): ${done.feedback} new`,
    ...(done.lookup
      ? [`  tra cứu thử (/tra-cuu): mã hồ sơ ${done.lookup.code}, mã tra cứu ${done.lookup.secret}`]
      : []),
    "",
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
  ];
  const width = Math.max(...staff.map((u) => u.username.length));
  for (const u of staff) {
    const role = u.isSuperuser ? "superuser" : u.role ? ROLE_LABELS[u.role] : "";
    lines.push(`  ${u.username.padEnd(width)}  ${u.unitCode ?? "—"}  ${role}`);
  }
  return `${lines.join("\n")}\n`;
}
