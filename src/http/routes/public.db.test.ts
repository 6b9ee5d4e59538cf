// The citizen's side through the real routes: lookup privacy (nothing personal, no officer; a wrong secret is an
// unknown code), lookup by phone, the rate limit, rating only after return, PAKN answered then published,
// public statistics and apologies.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { RateLimiter } from "../rate-limit.ts";
import { APPLICANT, type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
let c: Record<string, string>;
let code: string;
let secret: string;

before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
  c = f.cookies;
  const d = await f.intake(c["motcua.01"]!);
  code = d.body.code;
  secret = d.body.lookupSecret;
  let rev = d.body.revision;
  const draft = await f.upload(c["cv.01"]!);
  for (const [who, action, body] of [
    ["motcua.01", "assign", { assignee: "cv.01" }],
    ["cv.01", "start_processing", {}],
    [
      "cv.01",
      "extend",
      { reason: "Chờ xác minh", dueAt: "2026-03-20T17:00:00+07:00", apology: { record: "Thư xin lỗi 3/TXL" } },
    ],
    // the procedure's process has a leader step: propose, approve, then resolve
    ["cv.01", "propose_result", { draft: { document: { id: draft } } }],
    ["ld.01", "approve", {}],
    ["ld.01", "resolve", { result: { record: "Giấy khai sinh 9/2026" } }],
  ] as const) {
    const r = await f.act(c[who]!, code, action, { revision: rev, ...body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    rev = r.body.revision;
  }
});
after(async () => f.t.close());

const lookup = (query: string) => f.t.request({ method: "GET", url: `/api/public/lookup?${query}` });

test("lookup shows status, appointments and history — and nothing personal, no officer", async () => {
  const r = await lookup(`code=${code}&secret=${secret}`);
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  assert.equal(body.state, "resolved");
  assert.equal(body.dueAt, "2026-03-12T09:00:00+07:00");
  assert.equal(body.extendedDueAt, "2026-03-20T17:00:00+07:00");
  assert.deepEqual(
    body.history.map((h: { type: string }) => h.type),
    ["received", "assigned", "processing_started", "extended", "result_proposed", "result_approved", "resolved"],
  );
  for (const forbidden of [
    APPLICANT.name,
    APPLICANT.idNumber,
    "0905123456",
    APPLICANT.address,
    "cv.01",
    "ld.01",
    "motcua.01",
    "Chờ xác minh",
    "actor",
  ]) {
    assert.ok(!r.body.includes(forbidden), `the public view leaks ${forbidden}`);
  }
  assert.equal(body.canRate, false);
  const lower = await lookup(`code=${code}&secret=${secret.toLowerCase()}`);
  assert.equal(lower.statusCode, 200);
  const byPhone = await lookup(`code=${code}&phone=${encodeURIComponent("+84 905 123 456")}`);
  assert.equal(byPhone.statusCode, 200);
});

test("a wrong secret answers exactly as an unknown code", async () => {
  const wrong = await lookup(`code=${code}&secret=AAAAAAAA`);
  const unknown = await lookup(`code=P1.01-260309-9999&secret=${secret}`);
  const wrongPhone = await lookup(`code=${code}&phone=0912000000`);
  assert.equal(wrong.statusCode, 404);
  assert.equal(unknown.statusCode, 404);
  assert.equal(wrong.body, unknown.body);
  assert.equal(wrongPhone.body, unknown.body);
});

test("rating before the result is returned is refused; after return, once", async () => {
  const rate = (body: Record<string, unknown>) =>
    f.t.request({ method: "POST", url: "/api/public/ratings", payload: { code, secret, ...body } });
  const early = await rate({ score: 4 });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, "illegal-transition");
  const wrong = await rate({ score: 4, secret: "ZZZZZZZZ" });
  assert.equal(wrong.statusCode, 404);
  const view = await f.get(c["motcua.01"]!, code);
  const returned = await f.act(c["motcua.01"]!, code, "return", {
    revision: view.body.revision,
    via: "postal",
    handover: { record: "Bưu gửi EL123456789VN" },
  });
  assert.equal(returned.status, 200);
  assert.equal((await lookup(`code=${code}&secret=${secret}`)).json().canRate, true);
  assert.equal((await rate({ score: 4, procedureAssessment: "fewer_papers" })).statusCode, 201);
  assert.equal((await rate({ score: 4 })).json().code, "already-rated");
});

test("PAKN: recorded with a due date 10 working days ahead, published only once answered, answered once", async () => {
  f.clock.now = new Date("2026-03-09T09:00:00+07:00");
  const sent = await f.t.request({
    method: "POST",
    url: "/api/public/feedback",
    payload: {
      name: "Lê Văn Cường",
      contact: "0935111222",
      subject: "Chậm trả kết quả",
      content: "Hồ sơ của tôi bị trễ hẹn.",
      dossierCode: code,
    },
  });
  assert.equal(sent.statusCode, 201, sent.body);
  assert.equal(sent.json().dueAt, "2026-03-23T09:00:00+07:00");
  const id = sent.json().id;
  const noUnit = await f.t.request({
    method: "POST",
    url: "/api/public/feedback",
    payload: { name: "A", subject: "B", content: "C" },
  });
  assert.equal(noUnit.statusCode, 400);
  assert.equal((await f.t.request({ method: "GET", url: "/api/public/feedback" })).json().total, 0);
  const staffList = await f.t.request({ method: "GET", url: "/api/feedback?open=true", cookie: c["ld.01"] });
  assert.equal(staffList.json().items[0].sender.phone, "0935111222");
  const answer = (cookie: string) =>
    f.t.request({
      method: "POST",
      url: `/api/feedback/${id}/answer`,
      cookie,
      payload: { answer: "UBND xã xin lỗi và đã trả kết quả." },
    });
  assert.equal((await answer(c["motcua.02"]!)).statusCode, 403);
  assert.equal((await answer(c["cv.02"]!)).statusCode, 403, "another commune's officer");
  assert.equal((await answer(c["cv.01"]!)).statusCode, 200);
  assert.equal((await answer(c["ld.01"]!)).json().code, "already-answered");
  const published = await f.t.request({ method: "GET", url: "/api/public/feedback" });
  assert.equal(published.json().total, 1);
  assert.ok(!published.body.includes("Lê Văn Cường") && !published.body.includes("0935111222"));
});

test("public statistics and apologies: counts by field, no personal data", async () => {
  const r = await f.t.request({ method: "GET", url: "/api/public/statistics?from=2026-03-01&to=2026-03-31" });
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  assert.equal(body.total.received, 1);
  assert.equal(body.total.receivedDirect, 1);
  assert.equal(body.total.finishedEarly + body.total.finishedOnTime + body.total.finishedLate, 1);
  assert.equal(body.apologies.length, 1);
  assert.equal(body.apologies[0].code, code);
  assert.equal(body.apologies[0].newDueAt, "2026-03-20T17:00:00+07:00");
  assert.ok(!r.body.includes(APPLICANT.name) && !r.body.includes("Chờ xác minh"));
  const list = await f.t.request({ method: "GET", url: "/api/public/apologies?from=2026-03-01&to=2026-03-31" });
  assert.equal(list.json().items.length, 1);
});

test("lookups are rate-limited per address and per code", async () => {
  f.t.ctx.limits.lookup = new RateLimiter(3, 60_000);
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await lookup(`code=${code}&secret=WRONG${i}AA`)).statusCode);
  assert.deepEqual(statuses, [404, 404, 404, 429]);
  const limited = await lookup(`code=${code}&secret=${secret}`);
  assert.equal(limited.statusCode, 429, "even the right secret waits: guessing is not rewarded");
  assert.equal(limited.json().code, "rate-limited");
});
