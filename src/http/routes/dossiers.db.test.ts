// The dossier lifecycle through the real routes on a fresh database (both engines): every transition, the
// refusals with their stable codes, idempotency and stale revisions, the control sheet, files.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, PROCEDURE, type Reply, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
let c: Record<string, string>;
const at = (iso: string) => {
  f.clock.now = new Date(iso);
};

before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00"); // Monday
  c = f.cookies;
});
after(async () => f.t.close());

test("counter intake: code from the daily sequence, appointment from the calendar, secret, fee, checklist", async () => {
  at("2026-03-09T09:00:00+07:00");
  const preview = await f.t.request({
    method: "POST",
    url: "/api/dossiers/preview-appointment",
    cookie: c["motcua.01"],
    payload: { unitCode: "P1.01", procedureCode: PROCEDURE.code },
  });
  assert.equal(preview.statusCode, 200);
  assert.equal(preview.json().dueAt, "2026-03-12T09:00:00+07:00");
  const r = await f.intake(c["motcua.01"]!);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.code, "P1.01-260309-0001");
  assert.equal(r.body.dueAt, "2026-03-12T09:00:00+07:00");
  assert.match(r.body.lookupSecret, /^[A-HJKMNP-Z2-9]{8}$/);
  assert.equal(r.body.state, "received");
  assert.equal(r.body.fee.amount, 8000);
  assert.equal(r.body.applicant.phone, "0905123456");
  assert.deepEqual(
    r.body.components.map((x: { name: string }) => x.name),
    ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
  );
  assert.equal(r.body.revision, 1);
  assert.ok(r.body.allowedActions.includes("assign"));
  // intake answers from what it wrote, without reading it back: exactly what reading it back gives
  const { replayed: _, ...written } = r.body;
  assert.deepEqual(written, (await f.get(c["motcua.01"]!, r.body.code)).body);
  const second = await f.intake(c["motcua.01"]!);
  assert.equal(second.body.code, "P1.01-260309-0002");
});

test("intake validation: a bad citizen ID, a bad phone and an unknown component, each named", async () => {
  const r = await f.intake(c["motcua.01"]!, {
    applicant: { name: "A", idNumber: "12345", phone: "12" },
  });
  assert.equal(r.status, 400);
  assert.equal(r.body.code, "validation-failed");
  assert.deepEqual(
    r.body.invalidParams.map((p: { name: string }) => p.name),
    ["applicant.idNumber", "applicant.phone"],
  );
  const unknown = await f.intake(c["motcua.01"]!, { components: ["Sổ hộ khẩu"] });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.invalidParams[0].name, "components.0");
  const officer = await f.intake(c["cv.01"]!);
  assert.equal(officer.status, 403);
});

/** A dossier walked through its actions: each step must succeed and moves the revision on. */
interface Journey {
  code: string;
  rev: number;
  step(who: string, action: string, body?: Record<string, unknown>): Promise<Reply["body"]>;
}

function journey(code: string, rev: number): Journey {
  const j: Journey = {
    code,
    rev,
    step: async (who, action, body = {}) => {
      const r = await f.act(c[who]!, code, action, { revision: j.rev, ...body });
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
      j.rev = r.body.revision;
      return r.body;
    },
  };
  return j;
}

/** Assignment (only the assignee starts), a supplement that moves the deadline, a payment. */
async function processWithSupplementAndPayment(j: Journey): Promise<void> {
  const { code } = j;
  let d = await j.step("motcua.01", "assign", { assignee: "cv.01" });
  assert.equal(d.assignee !== null, true);
  const notMine = await f.act(c["cv2.01"]!, code, "start_processing", { revision: j.rev });
  assert.equal(notMine.status, 409);
  assert.equal(notMine.body.code, "not-assignee");
  d = await j.step("cv.01", "start_processing");
  assert.equal(d.state, "processing");
  at("2026-03-10T10:00:00+07:00");
  d = await j.step("cv.01", "request_supplement", { missing: ["Giấy chứng sinh (bản chính)"] });
  assert.equal(d.state, "awaiting_supplement");
  assert.equal(d.paused, true);
  at("2026-03-11T10:00:00+07:00"); // one working day later
  d = await j.step("motcua.01", "receive_supplement");
  assert.equal(d.state, "processing");
  assert.equal(d.dueAt, "2026-03-13T08:00:00+07:00", "the receipt appointment is kept");
  assert.equal(d.deadlineAt, "2026-03-16T08:00:00+07:00", "the deadline moves by the paused working time");
  d = await j.step("cv.01", "request_payment", { amount: 50000 });
  assert.equal(d.state, "awaiting_payment");
  const tooLittle = await f.act(c["motcua.01"]!, code, "record_payment", { revision: j.rev, amount: 1000 });
  assert.equal(tooLittle.body.code, "invalid-amount");
  d = await j.step("motcua.01", "record_payment", { amount: 50000, paidOnline: true });
  assert.equal(d.state, "processing");
}

/** One extension, with its apology; the draft result proposed; what the officer may do next. */
async function extendAndPropose(j: Journey): Promise<void> {
  const { code } = j;
  const noApology = await f.act(c["cv.01"]!, code, "extend", {
    revision: j.rev,
    reason: "Cần xác minh",
    dueAt: "2026-03-18T17:00:00+07:00",
  });
  assert.equal(noApology.body.code, "apology-required");
  let d = await j.step("cv.01", "extend", {
    reason: "Cần xác minh thông tin với nơi sinh",
    dueAt: "2026-03-18T17:00:00+07:00",
    apology: { record: "Thư xin lỗi số 12/TXL-UBND" },
  });
  assert.equal(d.extendedDueAt, "2026-03-18T17:00:00+07:00");
  assert.equal(d.deadlineAt, "2026-03-16T08:00:00+07:00", "an extension never moves the deadline in force");
  const again = await f.act(c["cv.01"]!, code, "extend", {
    revision: j.rev,
    reason: "Lần nữa",
    dueAt: "2026-03-20T17:00:00+07:00",
    apology: { record: "Thư 13" },
  });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, "second-extension");
  const noDraft = await f.act(c["cv.01"]!, code, "propose_result", { revision: j.rev });
  assert.equal(noDraft.status, 422);
  assert.equal(noDraft.body.code, "draft-required");
  const draft = await f.upload(c["cv.01"]!);
  d = await j.step("cv.01", "propose_result", { draft: { document: { id: draft } } });
  assert.equal(d.events.at(-1).attachments[0].id, draft);
  assert.match(d.events.at(-1).attachments[0].sha256, /^[0-9a-f]{64}$/);
  // the officer, after proposing: not resolve (the procedure's leader must approve first), not extend (done once)
  assert.deepEqual([...d.allowedActions].sort(), [
    "decline",
    "propose_result",
    "request_payment",
    "request_supplement",
    "stop",
    "transfer",
  ]);
}

/** The leader approves and resolves; only the front desk returns, with a handover. */
async function resolveAndReturn(j: Journey): Promise<void> {
  const { code } = j;
  const leaderView = await f.get(c["ld.01"]!, code);
  assert.ok(leaderView.body.allowedActions.includes("approve"));
  let d = await j.step("ld.01", "approve");
  const noResult = await f.act(c["ld.01"]!, code, "resolve", { revision: j.rev });
  assert.equal(noResult.body.code, "result-required");
  at("2026-03-12T15:00:00+07:00");
  d = await j.step("ld.01", "resolve", { result: { record: "Giấy khai sinh số 45/2026" } });
  assert.equal(d.state, "resolved");
  assert.equal(d.finishClass, "early");
  const officerReturn = await f.act(c["cv.01"]!, code, "return", {
    revision: j.rev,
    via: "direct",
    handover: { record: "x" },
  });
  assert.equal(officerReturn.status, 403);
  const noHandover = await f.act(c["motcua.01"]!, code, "return", { revision: j.rev, via: "direct" });
  assert.equal(noHandover.body.code, "handover-required");
  d = await j.step("motcua.01", "return", { via: "direct", handover: { record: "Ký nhận sổ theo dõi số 7" } });
  assert.equal(d.state, "returned");
  assert.deepEqual(d.allowedActions, []);
}

/** The control sheet and the log with names; the citizen rates once. */
async function sheetAndRating(j: Journey, secret: string): Promise<void> {
  const { code } = j;
  // the control sheet is a view of the log, with names
  const sheet = (
    await f.t.request({ method: "GET", url: `/api/dossiers/${code}/control-sheet`, cookie: c["ld.01"] })
  ).json();
  assert.ok(sheet.rows.length >= 5);
  assert.equal(sheet.outcome, "early");
  const view = await f.get(c["ld.01"]!, code);
  assert.equal(view.body.events[0].actor.fullName, "motcua.01");
  assert.equal(view.body.events.length, j.rev);
  // the citizen rates once, after return
  const rate = (body: Record<string, unknown>) =>
    f.t.request({ method: "POST", url: "/api/public/ratings", payload: { code, secret, ...body } });
  const rated = await rate({ score: 5, officerScore: 4, procedureAssessment: "simple" });
  assert.equal(rated.statusCode, 201, rated.body);
  const twice = await rate({ score: 1 });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().code, "already-rated");
  const row = await f.t.database.db
    .selectFrom("ratings")
    .selectAll()
    .where("dossier_code", "=", code)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [row.score, row.stars, row.officer_score, row.procedure_assessment],
    ["very_satisfied", 5, "satisfied", "simple"],
  );
}

test("the whole way: assign → process → supplement → payment → extension → propose → approve → resolve → return → rate", async () => {
  at("2026-03-10T08:00:00+07:00"); // Tuesday
  const created = await f.intake(c["motcua.01"]!);
  const j = journey(created.body.code as string, created.body.revision as number);
  await processWithSupplementAndPayment(j);
  await extendAndPropose(j);
  await resolveAndReturn(j);
  await sheetAndRating(j, created.body.lookupSecret);
});

test("online: submitted → accept (appointment from acceptance) → transfer to P1.02 → its officer → stop; refuse; withdraw", async () => {
  at("2026-03-13T16:00:00+07:00"); // Friday
  const sub = await f.submit();
  assert.equal(sub.status, 201, JSON.stringify(sub.body));
  assert.equal(sub.body.state, "submitted");
  const code = sub.body.code as string;
  let d = (await f.get(c["motcua.01"]!, code)).body;
  assert.deepEqual(d.allowedActions.sort(), ["accept", "refuse", "request_supplement", "withdraw"].sort());
  assert.equal(d.files.length, 2);
  at("2026-03-16T08:00:00+07:00"); // Monday
  let r = await f.act(c["motcua.01"]!, code, "accept", { revision: d.revision });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.dueAt, "2026-03-19T08:00:00+07:00");
  const refuseNow = await f.act(c["motcua.01"]!, code, "refuse", { revision: r.body.revision, reason: "Thiếu" });
  assert.equal(refuseNow.status, 409);
  assert.equal(refuseNow.body.code, "refusal-after-receipt");
  const same = await f.act(c["cv.01"]!, code, "transfer", { revision: r.body.revision, toUnit: "P1.01" });
  assert.equal(same.body.code, "same-unit");
  r = await f.act(c["cv.01"]!, code, "transfer", { revision: r.body.revision, toUnit: "P1.02", link: "same_level" });
  assert.equal(r.status, 200);
  assert.equal(r.body.currentUnit.code, "P1.02");
  // P1.01's officer no longer acts on it; P1.02's does
  const gone = await f.act(c["cv.01"]!, code, "stop", { revision: r.body.revision, reason: "x" });
  assert.equal(gone.status, 403);
  const noReason = await f.act(c["cv.02"]!, code, "stop", { revision: r.body.revision });
  assert.equal(noReason.body.code, "reason-required");
  r = await f.act(c["cv.02"]!, code, "stop", { revision: r.body.revision, reason: "Người nộp đã chuyển đi nơi khác" });
  assert.equal(r.body.state, "stopped");

  const other = await f.submit();
  d = (await f.get(c["motcua.01"]!, other.body.code)).body;
  const noMissing = await f.act(c["motcua.01"]!, other.body.code, "request_supplement", {
    revision: d.revision,
    missing: [" "],
  });
  assert.equal(noMissing.body.code, "missing-list-required");
  r = await f.act(c["motcua.01"]!, other.body.code, "refuse", {
    revision: d.revision,
    reason: "Không thuộc thẩm quyền",
  });
  assert.equal(r.body.state, "refused");

  const counter = await f.intake(c["motcua.01"]!);
  r = await f.act(c["motcua.01"]!, counter.body.code, "withdraw", { revision: 1, reason: "Người nộp xin rút" });
  assert.equal(r.body.state, "withdrawn");
  const illegal = await f.act(c["motcua.01"]!, counter.body.code, "assign", { revision: 2, assignee: "cv.01" });
  assert.equal(illegal.status, 409);
  assert.equal(illegal.body.code, "illegal-transition");
  assert.match(illegal.body.detail, /rút hồ sơ/);

  const refusedAtCounter = await f.intake(c["motcua.01"]!, { refuse: true, reason: "Không đủ điều kiện" });
  assert.equal(refusedAtCounter.status, 201);
  assert.equal(refusedAtCounter.body.state, "refused");
});

test("idempotency: the same key twice appends one event; a key reused for another action is refused", async () => {
  at("2026-03-17T09:00:00+07:00");
  const first = await f.intake(c["motcua.01"]!, {}, "intake-key-0001");
  const replay = await f.intake(c["motcua.01"]!, {}, "intake-key-0001");
  assert.equal(first.status, 201);
  assert.equal(replay.status, 200);
  assert.equal(replay.body.code, first.body.code);
  assert.equal(replay.body.replayed, true);
  const code = first.body.code;
  const a = await f.act(c["motcua.01"]!, code, "assign", { revision: 1, assignee: "cv.01" }, "assign-key-0001");
  const b = await f.act(c["motcua.01"]!, code, "assign", { revision: 1, assignee: "cv.01" }, "assign-key-0001");
  assert.equal(a.status, 200);
  assert.equal(b.status, 200);
  assert.equal(b.body.replayed, true);
  assert.equal(b.body.revision, 2);
  const events = await f.t.database.db
    .selectFrom("dossier_events")
    .select("seq")
    .where("dossier_code", "=", code)
    .execute();
  assert.equal(events.length, 2);
  const reused = await f.act(c["cv.01"]!, code, "start_processing", { revision: 2 }, "assign-key-0001");
  assert.equal(reused.status, 422);
  assert.equal(reused.body.code, "idempotency-key-reused");
  const stale = await f.act(c["cv.01"]!, code, "start_processing", { revision: 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.code, "concurrent-update");
});

test("files: type read from the content, size limited, unknown ids refused", async () => {
  const upload = (payload: Record<string, unknown>) =>
    f.t.request({
      method: "POST",
      url: "/api/files",
      cookie: c["motcua.01"],
      payload: { unitCode: "P1.01", name: "x", ...payload },
    });
  const exe = await upload({
    dataBase64: Buffer.from("MZ\x90\x00 not a pdf").toString("base64"),
    contentType: "application/pdf",
  });
  assert.equal(exe.statusCode, 415);
  assert.equal(exe.json().code, "file-type-not-allowed");
  const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
  Buffer.from("%PDF-").copy(big);
  const tooBig = await upload({ dataBase64: big.toString("base64") });
  assert.equal(tooBig.statusCode, 413);
  const png = await upload({
    dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString("base64"),
  });
  assert.equal(png.statusCode, 201);
  assert.equal(png.json().mime, "image/png");
  const d = await f.intake(c["motcua.01"]!, { attachments: [{ id: "00000000-0000-4000-8000-000000000000" }] });
  assert.equal(d.status, 422);
  assert.equal(d.body.code, "unknown-file");
});
