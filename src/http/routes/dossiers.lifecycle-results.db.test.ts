// Lifecycle rules through the real routes (both engines), from proposal to the end: the leader-approval rule and
// the control sheet's step outcomes; the result's electronic / digitized flags reaching the 766 indicators; ratings
// tied to an officer; imported history with two extensions flagged; trả lại hồ sơ; apology timing; completeness at
// the counter. The intake-side rules are in dossiers.lifecycle-rules.db.test.ts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { importDossierLines } from "../../db/repos/dossier-import.ts";
import { type Fixture, PDF, PROCEDURE, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
let c: Record<string, string>;
const at = (iso: string) => {
  f.clock.now = new Date(iso);
};

before(async () => {
  f = await startFixture("2026-03-16T08:00:00+07:00"); // Monday
  c = f.cookies;
});
after(async () => f.t.close());

const walk: Fixture["walk"] = (code, steps) => f.walk(code, steps);

test("leader approval: resolve waits for an approval after the latest proposal; the control sheet judges each step", async () => {
  at("2026-03-23T08:00:00+07:00"); // Monday; 3 working days of 450 minutes → Thursday 08:00
  const d = await f.intake(c["motcua.01"]!);
  const code = d.body.code;
  assert.equal(d.body.dueAt, "2026-03-26T08:00:00+07:00");
  const started = await walk(code, [
    ["motcua.01", "assign", { assignee: "cv.01" }, "2026-03-23T08:30:00+07:00"],
    ["cv.01", "start_processing", {}, "2026-03-23T09:00:00+07:00"],
  ]);
  const result = { result: { record: "Giấy khai sinh số 12/2026" } };
  const early = await f.act(c["ld.01"]!, code, "resolve", { revision: started.revision, ...result });
  assert.equal(early.status, 409);
  assert.equal(early.body.code, "approval-required");
  assert.match(early.body.detail, /phê duyệt/);
  assert.ok(!(await f.get(c["ld.01"]!, code)).body.allowedActions.includes("resolve"));
  const draft = await f.upload(c["cv.01"]!);
  const proposed = await walk(code, [
    ["cv.01", "propose_result", { draft: { document: { id: draft } } }, "2026-03-24T16:00:00+07:00"],
  ]);
  // the officer's actions now: no resolve (not approved), no approve (the leader's), no extend (none needed)
  const officerView = await f.get(c["cv.01"]!, code);
  assert.deepEqual(
    [...officerView.body.allowedActions].sort(),
    ["decline", "extend", "propose_result", "request_payment", "request_supplement", "stop", "transfer"].sort(),
  );
  // the reason resolve is not offered comes from the server (src/dossier/available.ts), the web only shows it
  const why = officerView.body.unavailableActions.find((u: { action: string }) => u.action === "resolve");
  assert.equal(why.code, "approval-required");
  assert.match(why.message, /phê duyệt/);
  assert.ok(
    officerView.body.unavailableActions.some(
      (u: { action: string; code: string }) => u.action === "approve" && u.code === "role-not-allowed",
    ),
  );
  const stillEarly = await f.act(c["ld.01"]!, code, "resolve", { revision: proposed.revision, ...result });
  assert.equal(stillEarly.body.code, "approval-required");
  const approved = await walk(code, [["ld.01", "approve", {}, "2026-03-25T11:30:00+07:00"]]);
  assert.ok((await f.get(c["ld.01"]!, code)).body.allowedActions.includes("resolve"));
  const resolved = await walk(code, [["ld.01", "resolve", result, "2026-03-25T14:00:00+07:00"]]);
  assert.equal(resolved.revision, approved.revision + 1);
  assert.equal(resolved.state, "resolved");
  assert.equal(resolved.finishClass, "early");

  const sheet = (
    await f.t.request({ method: "GET", url: `/api/dossiers/${code}/control-sheet`, cookie: c["ld.01"] })
  ).json();
  assert.equal(sheet.outcome, "early");
  const rows = sheet.rows.map((r: { type: string; stepEnd: string; stepDeadline: string; outcome: string }) => [
    r.type,
    r.stepEnd,
    r.stepDeadline,
    r.outcome,
  ]);
  // shares 10 / 70 / 20 % of 1,350 working minutes: 135, 945, 270 minutes from each step's start
  assert.deepEqual(rows, [
    ["received", "2026-03-23T08:30:00+07:00", "2026-03-23T10:15:00+07:00", "on_time"],
    ["assigned", "2026-03-24T16:00:00+07:00", "2026-03-25T09:15:00+07:00", "early"],
    ["result_proposed", "2026-03-25T11:30:00+07:00", "2026-03-25T11:00:00+07:00", "late"],
    ["result_approved", "2026-03-25T14:00:00+07:00", null, null],
    ["resolved", null, null, null],
  ]);
});

test("resolve records the electronic and digitized result; the 766 indicators read them", async () => {
  at("2026-03-30T08:00:00+07:00");
  const draftFor = async () => ({ draft: { document: { id: await f.upload(c["cv.01"]!) } } });
  const toApproval = async (code: string) =>
    walk(code, [
      ["motcua.01", "assign", { assignee: "cv.01" }],
      ["cv.01", "start_processing"],
      ["cv.01", "propose_result", await draftFor()],
      ["ld.01", "approve"],
    ]);
  const digital = await f.intake(c["motcua.01"]!, { digitized: true });
  const paper = await f.intake(c["motcua.01"]!, { digitized: true });
  let d = await toApproval(digital.body.code);
  const badFlag = await f.act(c["ld.01"]!, digital.body.code, "resolve", {
    revision: d.revision,
    result: { record: "Số 1" },
    eResult: "có",
  });
  assert.equal(badFlag.status, 400);
  assert.equal(badFlag.body.invalidParams[0].name, "eResult");
  const noFile = await f.act(c["ld.01"]!, digital.body.code, "resolve", {
    revision: d.revision,
    result: { record: "Số 1" },
    eResult: true,
  });
  assert.equal(noFile.status, 422);
  assert.equal(noFile.body.code, "result-file-required");
  const resultFile = await f.upload(c["ld.01"]!);
  d = await walk(digital.body.code, [
    ["ld.01", "resolve", { result: { document: { id: resultFile } }, eResult: true, resultDigitized: true }],
  ]);
  assert.equal(d.eResult, true);
  assert.equal(d.resultDigitized, true);
  assert.deepEqual(
    { eResult: d.events.at(-1).payload.eResult, resultDigitized: d.events.at(-1).payload.resultDigitized },
    { eResult: true, resultDigitized: true },
  );
  let p = await toApproval(paper.body.code);
  p = await walk(paper.body.code, [["ld.01", "resolve", { result: { record: "Giấy khai sinh bản giấy" } }]]);
  assert.equal(p.eResult, false);
  assert.equal(p.resultDigitized, null, "not recorded");
  const row = await f.t.database.db
    .selectFrom("dossiers")
    .select(["e_result", "result_digitized"])
    .where("code", "=", digital.body.code)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { e_result: true, result_digitized: true });

  const report = await f.t.request({
    method: "GET",
    url: "/api/reports/indicators?from=2026-03-30&to=2026-03-30&unit=P1.01",
    cookie: c["ld.01"],
  });
  assert.equal(report.statusCode, 200, report.body);
  const byId = new Map(report.json().indicators.map((i: { id: string }) => [i.id, i]));
  const eResult = byId.get("e-result-rate") as { numeratorCodes: string[]; denominatorCodes: string[] };
  const digitized = byId.get("digitization-rate") as { numeratorCodes: string[]; denominatorCodes: string[] };
  assert.deepEqual(eResult.denominatorCodes.sort(), [digital.body.code, paper.body.code].sort());
  assert.deepEqual(eResult.numeratorCodes, [digital.body.code]);
  assert.deepEqual(digitized.numeratorCodes, [digital.body.code], "components digitized but result not: not counted");
});

test("a rating names the officer who returned the result; ratings are counted per officer", async () => {
  at("2026-03-31T08:00:00+07:00");
  const d = await f.intake(c["motcua.01"]!);
  const draft = { draft: { document: { id: await f.upload(c["cv.01"]!) } } };
  await walk(d.body.code, [
    ["motcua.01", "assign", { assignee: "cv.01" }],
    ["cv.01", "start_processing"],
    ["cv.01", "propose_result", draft],
    ["ld.01", "approve"],
    ["ld.01", "resolve", { result: { record: "Giấy khai sinh 20/2026" } }],
    ["motcua.01", "return", { via: "direct", handover: { record: "Ký nhận sổ 3" } }],
  ]);
  const rated = await f.t.request({
    method: "POST",
    url: "/api/public/ratings",
    payload: { code: d.body.code, secret: d.body.lookupSecret, score: 5, officerScore: 2 },
  });
  assert.equal(rated.statusCode, 201, rated.body);
  const frontDesk = await f.t.database.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", "motcua.01")
    .executeTakeFirstOrThrow();
  const stored = await f.t.database.db
    .selectFrom("ratings")
    .select(["officer_id", "officer_stars"])
    .where("dossier_code", "=", d.body.code)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...stored, officer_id: Number(stored.officer_id) },
    { officer_id: Number(frontDesk.id), officer_stars: 2 },
  );
  const list = await f.t.request({
    method: "GET",
    url: "/api/ratings/officers?from=2026-03-01&to=2026-03-31&unit=P1.01",
    cookie: c["ld.01"],
  });
  assert.equal(list.statusCode, 200, list.body);
  const officers = list.json().officers;
  assert.equal(officers.length, 1);
  assert.deepEqual(officers[0], {
    officer: { id: String(frontDesk.id), username: "motcua.01", fullName: "motcua.01" },
    ratings: 1,
    officerRatings: 1,
    averageOfficerStars: 2,
    officerScores: { very_satisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 1 },
    averageServiceStars: 5,
  });
  const elsewhere = await f.t.request({
    method: "GET",
    url: "/api/ratings/officers?from=2026-03-01&to=2026-03-31&unit=P1.02",
    cookie: c["ld.02"],
  });
  assert.deepEqual(elsewhere.json().officers, []);
  const officer = await f.t.request({ method: "GET", url: "/api/ratings/officers?unit=P1.01", cookie: c["cv.01"] });
  assert.equal(officer.statusCode, 403, "a report: leaders, reform officers, admins");
});

test("imported history with two extensions is stored and shown flagged", async () => {
  const line = JSON.stringify({
    code: "P1.01-250303-0001",
    unit: { code: "P1.01" },
    procedure: { code: PROCEDURE.code, name: PROCEDURE.name, field: PROCEDURE.field, level: "commune" },
    channel: "direct",
    receivedAt: "2025-03-03T08:00:00+07:00",
    dueAt: "2025-03-06T08:00:00+07:00",
    events: [
      { type: "extended", at: "2025-03-05T10:00:00+07:00", dueAt: "2025-03-10T17:00:00+07:00", apology: true },
      { type: "extended", at: "2025-03-10T10:00:00+07:00", dueAt: "2025-03-14T17:00:00+07:00", apology: true },
      { type: "resolved", at: "2025-03-13T09:00:00+07:00" },
    ],
  });
  const once = line
    .replace("P1.01-250303-0001", "P1.01-250303-0002")
    .replace(/,\{"type":"extended","at":"2025-03-10[^}]*\}/, "");
  const summary = await importDossierLines(f.t.database, f.t.ctx.units, [line, once], { createMissing: false });
  assert.deepEqual([summary.imported, summary.rejected], [2, 0]);
  const rows = await f.t.database.db
    .selectFrom("dossiers")
    .select(["code", "flags", "extensions"])
    .where("code", "in", ["P1.01-250303-0001", "P1.01-250303-0002"])
    .orderBy("code")
    .execute();
  assert.deepEqual(rows, [
    { code: "P1.01-250303-0001", flags: ["extraExtensions"], extensions: 2 },
    { code: "P1.01-250303-0002", flags: [], extensions: 1 },
  ]);
  const view = (await f.get(c["ld.01"]!, "P1.01-250303-0001")).body;
  assert.equal(view.flags.extraExtensions, true);
  assert.deepEqual(view.flags.stored, ["extraExtensions"]);
  assert.equal((await f.get(c["ld.01"]!, "P1.01-250303-0002")).body.flags.extraExtensions, false);
});

test("trả lại hồ sơ: decline with a reason by the officer → declined (timed, counted in the results); only return follows", async () => {
  at("2026-04-06T08:00:00+07:00"); // Monday; due Thursday 08:00
  const d = await f.intake(c["motcua.01"]!);
  const code = d.body.code;
  const started = await walk(code, [["cv.01", "start_processing", {}, "2026-04-06T09:00:00+07:00"]]);
  assert.ok(started.allowedActions.includes("decline"));
  at("2026-04-07T10:00:00+07:00");
  const noReason = await f.act(c["cv.01"]!, code, "decline", { revision: started.revision, reason: " " });
  assert.equal(noReason.status, 422);
  assert.equal(noReason.body.code, "reason-required");
  const desk = await f.act(c["motcua.01"]!, code, "decline", { revision: started.revision, reason: "x" });
  assert.equal(desk.status, 403, "the front desk does not appraise");
  const notice = await f.upload(c["cv.01"]!);
  const declined = await f.act(c["cv.01"]!, code, "decline", {
    revision: started.revision,
    reason: "Thửa đất không đủ điều kiện tách thửa theo quy định của tỉnh",
    notice: { document: { id: notice } },
  });
  assert.equal(declined.status, 200, JSON.stringify(declined.body));
  assert.equal(declined.body.state, "declined");
  assert.equal(declined.body.stateCode, 9);
  assert.equal(declined.body.finishClass, "early");
  assert.equal(declined.body.endedAt, "2026-04-07T10:00:00+07:00");
  const event = await f.t.database.db
    .selectFrom("dossier_events")
    .select(["type", "payload"])
    .where("dossier_code", "=", code)
    .orderBy("seq", "desc")
    .executeTakeFirstOrThrow();
  assert.equal(event.type, "declined");
  const payload = (typeof event.payload === "string" ? JSON.parse(event.payload) : event.payload) as {
    reason: string;
    notice: { document: { id: string } };
  };
  assert.equal(payload.reason, "Thửa đất không đủ điều kiện tách thửa theo quy định của tỉnh");
  assert.equal(payload.notice.document.id, notice);
  // nothing but return: stop is an illegal transition, the desk may only hand the papers back
  const stop = await f.act(c["ld.01"]!, code, "stop", { revision: declined.body.revision, reason: "x" });
  assert.equal(stop.status, 409);
  assert.equal(stop.body.code, "illegal-transition");
  assert.deepEqual((await f.get(c["motcua.01"]!, code)).body.allowedActions, ["return"]);
  const report = await f.t.request({
    method: "GET",
    url: "/api/reports/results?unit=P1.01&from=2026-04-01&to=2026-04-30&by=unit",
    cookie: c["ld.p1"],
  });
  assert.equal(report.statusCode, 200, report.body);
  const total = report.json().total;
  assert.equal(total.declined, 1);
  assert.equal(total.finishedEarly, 1);
  at("2026-04-08T09:00:00+07:00");
  const back = await walk(code, [
    ["motcua.01", "return", { via: "direct", handover: { record: "Ký nhận thông báo" } }],
  ]);
  assert.equal(back.state, "returned");
  assert.equal(back.endedAt, "2026-04-07T10:00:00+07:00", "the end stays the declining");
});

test("apology timing: an extension on the due date is recorded as a late apology and leaves the dossier late without apology; due soon from two working days", async () => {
  at("2026-04-13T09:00:00+07:00"); // Monday; 3 working days → Thursday 16 April 09:00
  const d = await f.intake(c["motcua.01"]!);
  const code = d.body.code;
  assert.equal(d.body.dueAt, "2026-04-16T09:00:00+07:00");
  const dueSoon = async () =>
    (await f.t.request({ method: "GET", url: "/api/dossiers?queue=due_soon&pageSize=200", cookie: c["ld.p1"] }))
      .json()
      .items.some((i: { code: string }) => i.code === code);
  at("2026-04-13T16:00:00+07:00"); // 1,050 working minutes left: more than two working days
  assert.equal(await dueSoon(), false);
  at("2026-04-14T10:00:00+07:00"); // 840 working minutes left: less than two working days of 450
  assert.equal(await dueSoon(), true);
  at("2026-04-16T08:00:00+07:00"); // the due date itself, an hour before the due time: too late to count
  const ext = await f.act(c["cv.01"]!, code, "extend", {
    revision: d.body.revision,
    reason: "Chờ kết quả xác minh",
    dueAt: "2026-04-20T17:00:00+07:00",
    apology: { record: "Văn bản xin lỗi số 12/VBXL" },
  });
  assert.equal(ext.status, 200, JSON.stringify(ext.body));
  assert.equal(ext.body.extensions, 1);
  assert.equal(ext.body.apologyAt, null, "a late apology is not an apology in time");
  assert.equal(ext.body.flags.lateApology, true);
  const again = await f.act(c["ld.01"]!, code, "extend", {
    revision: ext.body.revision,
    reason: "x",
    dueAt: "2026-04-25T17:00:00+07:00",
    apology: { record: "Văn bản 13" },
  });
  assert.equal(again.body.code, "second-extension");
  at("2026-04-16T10:00:00+07:00");
  const late = (
    await f.t.request({
      method: "GET",
      url: "/api/dossiers?queue=late_without_apology&pageSize=200",
      cookie: c["ld.p1"],
    })
  ).json();
  assert.ok(
    late.items.some((i: { code: string }) => i.code === code),
    "a late apology never removes it",
  );
});

test("completeness at the counter: a required component missing refuses the receipt (incomplete-dossier), nothing stored; the supplement offers the procedure's missing components", async () => {
  at("2026-04-20T09:00:00+07:00");
  const before = (await f.t.database.db.selectFrom("dossiers").select("code").execute()).length;
  const incomplete = await f.intake(c["motcua.01"]!, { components: ["Tờ khai đăng ký khai sinh"] });
  assert.equal(incomplete.status, 422, JSON.stringify(incomplete.body));
  assert.equal(incomplete.body.code, "incomplete-dossier");
  assert.match(incomplete.body.detail, /mẫu 02.*Giấy chứng sinh/);
  assert.equal((await f.t.database.db.selectFrom("dossiers").select("code").execute()).length, before);
  const complete = await f.intake(c["motcua.01"]!);
  assert.equal(complete.status, 201, JSON.stringify(complete.body));
  assert.deepEqual(complete.body.supplementChoices, []);
  // online the same rule holds for files: a required component counts only with a file, a ticked name does not
  const counted = async () => ({
    dossiers: (await f.t.database.db.selectFrom("dossiers").select("code").execute()).length,
    files: (await f.t.database.db.selectFrom("files").select("id").execute()).length,
  });
  const stored = await counted();
  const online = await f.submit({
    components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
    attachments: [{ component: "Giấy chứng sinh", name: "giay-chung-sinh.pdf", dataBase64: PDF.toString("base64") }],
  });
  assert.equal(online.status, 422, JSON.stringify(online.body));
  assert.equal(online.body.code, "incomplete-dossier");
  assert.deepEqual(online.body.missing, ["Tờ khai đăng ký khai sinh"]);
  assert.match(online.body.detail, /trực tuyến.*Tờ khai đăng ký khai sinh/);
  assert.deepEqual(await counted(), stored, "a refused submission stores neither dossier nor file");
  const withFiles = await f.submit();
  assert.equal(withFiles.status, 201, JSON.stringify(withFiles.body));
  assert.deepEqual((await f.get(c["motcua.01"]!, withFiles.body.code)).body.supplementChoices, []);
});
