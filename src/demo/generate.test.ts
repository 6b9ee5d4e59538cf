import assert from "node:assert/strict";
import { test } from "node:test";
import { localDate, localWeekday } from "../calendar/index.ts";
import { checkIdNumber, isMobilePhone } from "../dossier/identity.ts";
import { parseDossierLine, sameDossier, serializeDossier } from "../dossier/interchange/index.ts";
import type { DossierRecord } from "../dossier/record.ts";
import { hasTimelyApology } from "../figures/late.ts";
import { passwordWeakness } from "../people/passwords.ts";
import { finishedLate } from "./feedback.ts";
import { generateDemo } from "./generate.ts";
import { buildProvince, REORGANISATION_DATE } from "./province.ts";
import { Random } from "./random.ts";
import { DEMO_PASSWORD } from "./staff.ts";
import { demoWorkflow } from "./workflow.ts";
import { starterProcedures, starterUnits } from "./testing.ts";

const units = starterUnits();
const procedures = starterProcedures();
const today = new Date("2026-03-18T10:30:00+07:00");
const demo = generateDemo({ seed: 7, today, units, procedures, dossiers: 6000 });
const receiving = new Map(
  (({ before, after }) => [...before, ...after])(buildProvince(units, new Random(0))).map((r) => [r.unit.code, r]),
);

const END = new Set(["resolved", "declined", "returned", "withdrawn", "stopped"]);
const isOpen = (r: DossierRecord) => r.receivedAt !== null && !r.events.some((e) => END.has(e.type));
const deadlineInForce = (r: DossierRecord) =>
  r.events.reduce((due, e) => (e.type === "supplement_received" && e.dueAt ? e.dueAt : due), r.dueAt!);
const paused = (r: DossierRecord) => r.events.at(-1)?.type === "supplement_requested";
const all = (r: DossierRecord) => [r.receivedAt, r.dueAt, ...r.events.flatMap((e) => [e.at])].filter((d) => d !== null);

test("the same seed and day give the same demo; another seed another", () => {
  const again = generateDemo({ seed: 7, today, units, procedures, dossiers: 6000 });
  assert.deepEqual(again.records.map(serializeDossier), demo.records.map(serializeDossier));
  assert.deepEqual(again.ratings, demo.ratings);
  assert.deepEqual(again.feedback, demo.feedback);
  assert.deepEqual(again.staff, demo.staff);
  const other = generateDemo({ seed: 8, today, units, procedures, dossiers: 6000 });
  assert.notDeepEqual(
    other.records.slice(0, 50).map(serializeDossier),
    demo.records.slice(0, 50).map(serializeDossier),
  );
});

test("exactly the requested number of submissions, with unique codes", () => {
  assert.equal(demo.records.length, 6000);
  assert.equal(new Set(demo.records.map((r) => r.code)).size, 6000);
  assert.equal(generateDemo({ seed: 1, today, units, procedures, dossiers: 0 }).records.length, 0);
});

test("every record is a valid interchange line that reads back the same", () => {
  for (const r of demo.records) {
    const parsed = parseDossierLine(serializeDossier(r));
    assert.ok("ok" in parsed, `${r.code}: ${JSON.stringify("error" in parsed && parsed.error)}`);
    assert.ok(sameDossier(parsed.ok, r), r.code);
  }
});

test("nothing is dated after today, and two years are covered", () => {
  for (const r of demo.records) for (const d of all(r)) if (d !== r.dueAt) assert.ok(d <= today, r.code);
  const dates = demo.records.map((r) => localDate(r.receivedAt ?? r.events[0]!.at)).sort();
  assert.ok(dates[0]! <= "2024-03-25", dates[0]);
  assert.equal(dates.at(-1), "2026-03-18");
  for (const x of demo.ratings) assert.ok(x.at <= today);
  for (const f of demo.feedback) {
    assert.ok(f.receivedAt <= today);
    if (f.answeredAt) assert.ok(f.answeredAt <= today && f.answeredAt >= f.receivedAt);
  }
});

test("receipts and refusals happen only while the unit's counter is open", () => {
  for (const r of demo.records) {
    const at = r.receivedAt ?? r.events[0]!.at;
    const unit = receiving.get(r.unit.code);
    assert.ok(unit, r.unit.code);
    assert.equal(unit.intake.nextWorkingInstant(at).getTime(), at.getTime(), `${r.code} at ${at.toISOString()}`);
    if (localWeekday(at) === 6 && !unit.deadline.isWorkingDay(localDate(at))) {
      assert.ok(unit.unit.saturdayService.enabled, `${r.code}: Saturday at a unit without Saturday service`);
    }
    // Before the reorganisation the predecessors receive, after it only units in force.
    if (localDate(at) >= REORGANISATION_DATE) assert.equal(unit.unit.effectiveTo, null, r.code);
  }
});

test("appointments come from the calendar and the procedure's limit", () => {
  for (const r of demo.records) {
    if (r.receivedAt === null) continue;
    const unit = receiving.get(r.unit.code)!;
    const p = procedures.find((x) => x.code === r.procedure.code)!;
    const limit =
      p.timeLimit.unit === "same_day"
        ? { value: 0, unit: "same_day" as const, cutoff: p.timeLimit.cutoff }
        : { value: p.timeLimit.value, unit: p.timeLimit.unit };
    assert.equal(r.dueAt!.getTime(), unit.deadline.appointment(r.receivedAt, limit).getTime(), r.code);
  }
});

test("applicants have valid citizen IDs, mobile numbers and addresses in the unit", () => {
  for (const r of demo.records) {
    const a = r.applicant!;
    const id = checkIdNumber(a.idNumber!, { now: today });
    assert.ok("ok" in id, `${r.code}: ${a.idNumber}`);
    assert.ok(isMobilePhone(a.phone!), a.phone);
    assert.match(a.name!, /^\p{Lu}\p{Ll}* /u);
    assert.ok(a.address!.includes(r.unit.name!.replace(/^\S+ (khu )?/u, "")), a.address);
  }
  const local = demo.records.filter((r) => /^04[689]/.test(r.applicant!.idNumber!)).length;
  assert.ok(local > 0.8 * demo.records.length);
});

test("the mix has every channel, field and kind of history the screens and reports show", () => {
  const count = (f: (r: DossierRecord) => boolean) => demo.records.filter(f).length;
  const has = (type: string) => (r: DossierRecord) => r.events.some((e) => e.type === type);
  for (const channel of ["direct", "postal", "online_partial", "online_full"]) {
    assert.ok(count((r) => r.channel === channel) > 0, channel);
  }
  assert.ok(count((r) => r.channel === "direct") > 0.5 * demo.records.length, "the counter dominates");
  for (const field of new Set(procedures.map((p) => p.field))) {
    assert.ok(count((r) => r.procedure.field === field) > 0, field);
  }
  const byField = (f: string) => count((r) => r.procedure.field === f);
  assert.ok(byField("Chứng thực") + byField("Hộ tịch") > 0.6 * demo.records.length);
  assert.ok(count((r) => r.receivedAt !== null && localWeekday(r.receivedAt) === 6) > 0, "Saturday receipts");
  assert.ok(count((r) => r.receivedAt !== null && r.receivedAt < new Date("2025-07-01T00:00:00+07:00")) > 0);
  assert.ok(count((r) => ["20020", "20005", "20398"].includes(r.unit.code)) > 0, "pre-2025 units");
  for (const type of [
    "supplement_requested",
    "supplement_received",
    "transferred",
    "withdrawn",
    "stopped",
    "declined",
  ]) {
    assert.ok(count(has(type)) > 0, type);
  }
  assert.ok(count((r) => r.receivedAt === null && has("refused")(r)) > 0, "refused at intake");
  for (const via of ["direct", "postal", "online"]) {
    assert.ok(count((r) => r.events.some((e) => e.type === "returned" && e.via === via)) > 0, via);
  }
  const late = demo.records.filter(finishedLate);
  assert.ok(late.length > 0.005 * demo.records.length && late.length < 0.06 * demo.records.length, `${late.length}`);
  const apologised = late.filter(hasTimelyApology).length;
  assert.ok(apologised > late.length / 2, "most late dossiers have a timely apology");
  assert.ok(apologised < late.length, "some do not");
  const early = count((r) => {
    const resolved = r.events.find((e) => e.type === "resolved");
    return resolved !== undefined && localDate(resolved.at) < localDate(deadlineInForce(r));
  });
  assert.ok(early > 0.3 * demo.records.length, "mostly early");
});

test("open dossiers near today fill every queue", () => {
  const open = demo.records.filter(isOpen);
  const overdue = open.filter((r) => !paused(r) && deadlineInForce(r) < today);
  const awaiting = open.filter(paused);
  const dueSoon = open.filter((r) => {
    const due = deadlineInForce(r);
    return !paused(r) && due >= today && due.getTime() - today.getTime() < 3 * 86_400_000;
  });
  const processing = open.filter((r) => !paused(r) && deadlineInForce(r) >= today);
  assert.ok(overdue.length > 0, "overdue");
  assert.ok(awaiting.length > 0, "awaiting supplement");
  assert.ok(dueSoon.length > 0, "due soon");
  assert.ok(processing.length > dueSoon.length, "processing within the deadline");
  assert.ok(
    open.every((r) => r.receivedAt! > new Date(today.getTime() - 120 * 86_400_000)),
    "open ones are recent",
  );
});

test("demo staff: three roles per receiving unit, reform officer and admin per province, one superuser", () => {
  const names = demo.staff.map((u) => u.username);
  assert.equal(new Set(names).size, names.length);
  assert.equal(demo.staff.filter((u) => u.isSuperuser).length, 1);
  const codes = new Set(
    demo.records.filter((r) => r.receivedAt! >= new Date("2025-07-01T00:00:00+07:00")).map((r) => r.unit.code),
  );
  for (const code of codes) {
    const roles = demo.staff.filter((u) => u.unitCode === code).map((u) => u.role);
    assert.deepEqual(roles.sort(), ["front_desk", "leader", "officer"], code);
  }
  for (const province of ["46", "48"]) {
    const roles = demo.staff.filter((u) => u.unitCode === province).map((u) => u.role);
    assert.deepEqual(roles.sort(), ["admin", "reform_officer"], province);
  }
  assert.ok(names.includes("kimtra.motcua") && names.includes("hue.cchc") && names.includes("admin"));
  assert.equal(passwordWeakness(DEMO_PASSWORD), undefined);
});

test("ratings follow returned dossiers; feedback is partly answered, partly overdue", () => {
  const byCode = new Map(demo.records.map((r) => [r.code, r]));
  assert.ok(demo.ratings.length > 0.1 * demo.records.length);
  for (const x of demo.ratings) {
    const returned = byCode.get(x.dossierCode)?.events.find((e) => e.type === "returned");
    assert.ok(returned && returned.at <= x.at, x.dossierCode);
  }
  assert.equal(new Set(demo.ratings.map((x) => x.dossierCode)).size, demo.ratings.length);
  for (const a of ["simple", "fewer_papers", "complicated"]) assert.ok(demo.ratings.some((x) => x.assessment === a));
  assert.ok(
    demo.feedback.some((f) => f.answeredAt && f.answeredAt <= f.dueAt),
    "answered in time",
  );
  assert.ok(
    demo.feedback.some((f) => !f.answeredAt && f.dueAt < today),
    "overdue unanswered",
  );
  assert.ok(
    demo.feedback.every((f) => !f.answeredAt || f.answeredBy),
    "answered by a demo leader",
  );
});

test("the internal steps of open dossiers: deterministic, in order, before today, by the unit's leader and officer", () => {
  const steps = demoWorkflow(demo.records, demo.staff, today, 7);
  assert.deepEqual(demoWorkflow(demo.records, demo.staff, today, 7), steps);
  const byCode = new Map(demo.records.map((r) => [r.code, r]));
  const assigned = new Map<string, Date>();
  for (const step of steps) {
    const record = byCode.get(step.code)!;
    assert.ok(isOpen(record) && !paused(record), step.code);
    assert.ok(step.at < today && step.at > (record.events.at(-1)?.at ?? record.receivedAt!), step.code);
    const unit = (username: string) => demo.staff.find((u) => u.username === username)?.unitCode;
    if (step.action === "assign") {
      assert.equal(unit(step.actor), record.unit.code);
      assert.equal(unit(step.assignee!), record.unit.code);
      assert.ok(step.actor.endsWith(".lanhdao") && step.assignee!.endsWith(".chuyenvien"));
      assigned.set(step.code, step.at);
    } else {
      assert.ok(assigned.get(step.code)! < step.at, `${step.code} started before it was assigned`);
      assert.ok(step.actor.endsWith(".chuyenvien"));
    }
  }
  const open = demo.records.filter((r) => isOpen(r) && !paused(r) && !r.events.some((e) => e.type === "transferred"));
  assert.ok(assigned.size > open.length / 2, `${assigned.size} of ${open.length} assigned`);
  assert.ok(steps.some((s) => s.action === "start_processing"));
});
