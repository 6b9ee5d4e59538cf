// Lifecycle rules through the real routes (both engines), up to the proposal: an online submission asked once and
// supplemented by the applicant; refusals while awaiting a supplement; the refusals only the pure tests had. The
// rules from approval on are in dossiers.lifecycle-results.db.test.ts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { intake } from "../../db/repos/dossiers/intake.ts";
import { DossierRefusal } from "../../db/repos/dossiers/errors.ts";
import { APPLICANT, type Fixture, PDF, PROCEDURE, startFixture } from "./dossiers.fixtures.ts";
import { serviceOf } from "./dossiers.ts";

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

const pdf = (name: string, component?: string) => ({
  name,
  dataBase64: PDF.toString("base64"),
  ...(component ? { component } : {}),
});
const supplement = (payload: Record<string, unknown>) =>
  f.t.request({ method: "POST", url: "/api/public/supplements", payload });
const fileCount = async (code: string) =>
  (await f.t.database.db.selectFrom("files").select("id").where("dossier_code", "=", code).execute()).length;

const walk: Fixture["walk"] = (code, steps) => f.walk(code, steps);

test("online: submitted → asked once → the applicant supplements online → accepted; a second ask is refused", async () => {
  at("2026-03-16T08:00:00+07:00");
  const sub = await f.submit();
  assert.equal(sub.status, 201, JSON.stringify(sub.body));
  const { code, lookupSecret: secret } = sub.body;
  let d = (await f.get(c["motcua.01"]!, code)).body;
  const asked = await f.act(c["motcua.01"]!, code, "request_supplement", {
    revision: d.revision,
    missing: ["Giấy chứng sinh (bản scan)", "Tờ khai đăng ký khai sinh"],
  });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  assert.equal(asked.body.state, "awaiting_supplement");
  // a wrong secret is "not found", whatever the dossier's state
  const wrong = await supplement({ code, secret: "AAAAAAAA", attachments: [pdf("a.pdf")] });
  assert.equal(wrong.statusCode, 404);
  const unknownComponent = await supplement({ code, secret, attachments: [pdf("a.pdf", "Sổ hộ khẩu")] });
  assert.equal(unknownComponent.statusCode, 400, unknownComponent.body);
  const noFiles = await supplement({ code, secret, attachments: [] });
  assert.equal(noFiles.statusCode, 400);
  assert.equal(await fileCount(code), 2, "a refused supplement stores no file");

  at("2026-03-16T10:00:00+07:00");
  const sent = await supplement({
    code,
    secret: secret.toLowerCase(),
    attachments: [pdf("giay-chung-sinh.pdf", "Giấy chứng sinh"), pdf("to-khai.pdf", "Tờ khai đăng ký khai sinh")],
    note: "Đã bổ sung đủ theo yêu cầu",
  });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().state, "submitted");
  assert.equal(sent.json().history.at(-1).type, "supplement_received");
  assert.ok(
    !sent.body.includes(APPLICANT.name) && !sent.body.includes("Trần Văn Bình"),
    "the answer is the public view",
  );
  d = (await f.get(c["motcua.01"]!, code)).body;
  const last = d.events.at(-1);
  assert.equal(last.type, "supplement_received");
  assert.equal(last.actor.role, "citizen");
  assert.equal(last.reason, "Đã bổ sung đủ theo yêu cầu");
  assert.equal(last.attachments.length, 2);
  assert.match(last.attachments[0].sha256, /^[0-9a-f]{64}$/);
  assert.equal(d.files.length, 4);
  assert.deepEqual(
    d.components.map((x: { name: string }) => x.name).sort(),
    ["Giấy chứng sinh", "Tờ khai đăng ký khai sinh"].sort(),
  );
  // the same supplement again: the dossier no longer awaits one, and nothing more is stored
  const again = await supplement({ code, secret, attachments: [pdf("x.pdf")] });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, "illegal-transition");
  assert.equal(await fileCount(code), 4);

  const twice = await f.act(c["motcua.01"]!, code, "request_supplement", { revision: d.revision, missing: ["Ảnh"] });
  assert.equal(twice.status, 409, JSON.stringify(twice.body));
  assert.equal(twice.body.code, "supplement-already-requested");
  assert.match(twice.body.detail, /một lần/);
  const accepted = await f.act(c["motcua.01"]!, code, "accept", { revision: d.revision });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  assert.equal(accepted.body.state, "received");
  assert.equal(accepted.body.dueAt, "2026-03-19T10:00:00+07:00", "the clock starts at acceptance");
  assert.equal(accepted.body.supplementRequests, 0, "the ask before receipt is not a processing supplement");
  // after receipt a request is allowed again (and counted)
  const later = await f.act(c["cv.01"]!, code, "request_supplement", {
    revision: accepted.body.revision,
    missing: ["Bản sao giấy đăng ký kết hôn"],
  });
  assert.equal(later.status, 200, JSON.stringify(later.body));
  assert.equal(later.body.supplementRequests, 1);
});

test("the applicant's online supplement: only for online dossiers, and rate-limited like the lookup", async () => {
  at("2026-03-16T11:00:00+07:00");
  const counter = await f.intake(c["motcua.01"]!);
  const asked = await f.act(c["cv.01"]!, counter.body.code, "request_supplement", {
    revision: counter.body.revision,
    missing: ["Giấy chứng sinh"],
  });
  assert.equal(asked.status, 200);
  const r = await supplement({
    code: counter.body.code,
    secret: counter.body.lookupSecret,
    attachments: [pdf("a.pdf")],
  });
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().code, "not-online-dossier");
  assert.equal(await fileCount(counter.body.code), 0);
  const saved = f.t.ctx.limits.lookup;
  const { RateLimiter } = await import("../rate-limit.ts");
  f.t.ctx.limits.lookup = new RateLimiter(2, 60_000);
  try {
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await supplement({ code: counter.body.code, secret: "WRONGAAA", attachments: [pdf("a.pdf")] })).statusCode,
      );
    assert.deepEqual(statuses, [404, 404, 429]);
  } finally {
    f.t.ctx.limits.lookup = saved;
  }
});

test("refusing while awaiting a supplement: allowed before receipt, refusal-after-receipt after it", async () => {
  at("2026-03-16T13:30:00+07:00");
  const sub = await f.submit();
  const asked = await f.act(c["motcua.01"]!, sub.body.code, "request_supplement", {
    revision: 1,
    missing: ["Tờ khai"],
  });
  assert.equal(asked.body.state, "awaiting_supplement");
  const refused = await f.act(c["motcua.01"]!, sub.body.code, "refuse", {
    revision: asked.body.revision,
    reason: "Quá hạn bổ sung mà không bổ sung",
  });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.equal(refused.body.state, "refused");
  const counter = await f.intake(c["motcua.01"]!);
  const paused = await f.act(c["cv.01"]!, counter.body.code, "request_supplement", { revision: 1, missing: ["Ảnh"] });
  const late = await f.act(c["motcua.01"]!, counter.body.code, "refuse", {
    revision: paused.body.revision,
    reason: "x",
  });
  assert.equal(late.status, 409);
  assert.equal(late.body.code, "refusal-after-receipt");
});

test("refusals with their codes: assignee-required, nothing-to-approve, due-not-later, time-before-last-event, invalid-channel", async () => {
  at("2026-03-17T08:00:00+07:00");
  const d = await f.intake(c["motcua.01"]!);
  const code = d.body.code;
  const noAssignee = await f.act(c["motcua.01"]!, code, "assign", { revision: 1, assignee: "  " });
  assert.equal(noAssignee.status, 422);
  assert.equal(noAssignee.body.code, "assignee-required");
  const started = await walk(code, [["cv.01", "start_processing"]]);
  const approve = await f.act(c["ld.01"]!, code, "approve", { revision: started.revision });
  assert.equal(approve.status, 409);
  assert.equal(approve.body.code, "nothing-to-approve");
  assert.ok(!(await f.get(c["ld.01"]!, code)).body.allowedActions.includes("approve"));
  const notLater = await f.act(c["cv.01"]!, code, "extend", {
    revision: started.revision,
    reason: "Cần xác minh",
    dueAt: started.deadlineAt,
    apology: { record: "Thư xin lỗi 1" },
  });
  assert.equal(notLater.status, 422);
  assert.equal(notLater.body.code, "due-not-later");
  at("2026-03-17T07:00:00+07:00"); // the server's clock went back an hour
  const back = await f.act(c["motcua.01"]!, code, "assign", { revision: started.revision, assignee: "cv.01" });
  assert.equal(back.status, 409);
  assert.equal(back.body.code, "time-before-last-event");
  const events = await f.t.database.db
    .selectFrom("dossier_events")
    .select("seq")
    .where("dossier_code", "=", code)
    .execute();
  assert.equal(events.length, started.revision, "no refusal appended anything");
  // an online channel at the counter: the service refuses it with the core's code, and stores nothing
  at("2026-03-17T09:00:00+07:00");
  const before = await f.t.database.db.selectFrom("dossiers").select("code").execute();
  await assert.rejects(
    intake(
      serviceOf(f.t.ctx),
      { id: "1", role: "front_desk", unit: "P1.01" },
      {
        mode: "receive",
        unitCode: "P1.01",
        procedureCode: PROCEDURE.code,
        channel: "online_full",
        applicant: { kind: "person", ...APPLICANT },
        components: [],
      },
    ),
    (e: unknown) => e instanceof DossierRefusal && e.code === "invalid-channel",
  );
  assert.equal((await f.t.database.db.selectFrom("dossiers").select("code").execute()).length, before.length);
});
