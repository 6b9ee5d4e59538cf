// Who may do what, where — walked through the real routes: role × unit × dossier action on a dossier received
// at P1.01. A role held at a unit covers it and the units below (P1's leader covers P1.01); another commune's
// staff (P1.02) and another province's (P2.01) neither read nor act.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createProcedureVersion } from "../../db/repos/catalog.ts";
import { Procedure } from "../../catalog/procedure.ts";
import { type Fixture, PROCEDURE, startFixture, STAFF } from "./dossiers.fixtures.ts";

// Roles and scopes only: a procedure without a leader-approval step, so resolve is open from receipt (the
// approval rule has its own tests in dossiers.lifecycle-rules.db.test.ts).
const NO_APPROVAL = Procedure.parse({
  ...PROCEDURE,
  code: "1.009903",
  steps: [
    { name: "Tiếp nhận", role: "front_desk", share: 10 },
    { name: "Xử lý", role: "officer", share: 90 },
  ],
});

let f: Fixture;
const intake = (cookie: string) => f.intake(cookie, { procedureCode: NO_APPROVAL.code });
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
  await createProcedureVersion(f.t.database.db, NO_APPROVAL);
});
after(async () => f.t.close());

const USERS = STAFF.map(([username]) => username);

/** Who may read a P1.01 dossier. */
const READERS = ["motcua.01", "cv.01", "cv2.01", "ld.01", "ld.p1", "cchc.p1"];

/** Each action on a freshly received P1.01 dossier, its body, and who may do it. */
const MATRIX: [string, Record<string, unknown>, string[]][] = [
  ["assign", { assignee: "cv.01" }, ["motcua.01", "ld.01", "ld.p1"]],
  ["start_processing", {}, ["cv.01", "cv2.01", "ld.01", "ld.p1"]],
  ["request_supplement", { missing: ["Giấy chứng sinh"] }, ["motcua.01", "cv.01", "cv2.01"]],
  ["transfer", { toUnit: "P1.02", link: "same_level" }, ["motcua.01", "cv.01", "cv2.01", "ld.01", "ld.p1"]],
  ["request_payment", { amount: 10000 }, ["motcua.01", "cv.01", "cv2.01"]],
  ["resolve", { result: { record: "Kết quả số 1" } }, ["motcua.01", "cv.01", "cv2.01", "ld.01", "ld.p1"]],
  ["withdraw", { reason: "Xin rút" }, ["motcua.01"]],
  ["stop", { reason: "Dừng" }, ["cv.01", "cv2.01", "ld.01", "ld.p1"]],
  ["decline", { reason: "Không đủ điều kiện giải quyết" }, ["cv.01", "cv2.01", "ld.01", "ld.p1"]],
  [
    "extend",
    { reason: "Chậm", dueAt: "2026-03-30T17:00:00+07:00", apology: { record: "Thư 1" } },
    ["cv.01", "cv2.01", "ld.01", "ld.p1"],
  ],
];

test("reading a P1.01 dossier: its own staff and the province above; not the neighbour commune nor P2", async () => {
  const d = await f.intake(f.cookies["motcua.01"]!);
  for (const user of USERS) {
    const r = await f.get(f.cookies[user]!, d.body.code);
    // out of scope is answered as "no such dossier" (404), not 403: codes of other units stay unconfirmed
    assert.equal(r.status, READERS.includes(user) ? 200 : 404, `${user} GET ${d.body.code}`);
    const list = await f.t.request({ method: "GET", url: "/api/dossiers?pageSize=200", cookie: f.cookies[user] });
    const codes = list.json().items.map((i: { code: string }) => i.code);
    assert.equal(codes.includes(d.body.code), READERS.includes(user), `${user} list`);
  }
  const narrowed = await f.t.request({ method: "GET", url: "/api/dossiers?unit=P1.02", cookie: f.cookies["cv.01"] });
  assert.equal(narrowed.statusCode, 403);
});

for (const [action, body, allowed] of MATRIX) {
  test(`${action}: allowed for ${allowed.join(", ")}; 403 for other readers, 404 outside`, async () => {
    for (const user of USERS) {
      const d = await intake(f.cookies["motcua.01"]!);
      const r = await f.act(f.cookies[user]!, d.body.code, action, { revision: d.body.revision, ...body });
      const expected = allowed.includes(user) ? 200 : READERS.includes(user) ? 403 : 404;
      assert.equal(r.status, expected, `${user} ${action}: ${JSON.stringify(r.body)}`);
      if (expected === 200) assert.ok(r.body.revision === 2);
      const view = await f.get(f.cookies["ld.p1"]!, d.body.code);
      assert.equal(view.body.events.length, expected === 200 ? 2 : 1, "a refused action appends nothing");
    }
  });
}

test("allowedActions agrees with the matrix for each reader", async () => {
  const d = await intake(f.cookies["motcua.01"]!);
  for (const user of READERS) {
    const view = await f.get(f.cookies[user]!, d.body.code);
    const expected = MATRIX.filter(([, , who]) => who.includes(user)).map(([action]) => action);
    assert.deepEqual([...view.body.allowedActions].sort(), [...expected].sort(), user);
  }
});

test("intake is the front desk's, at its own unit", async () => {
  for (const user of USERS) {
    const r = await f.intake(f.cookies[user]!);
    assert.equal(r.status, user === "motcua.01" ? 201 : 403, user);
  }
});

test("a refused assignee gets one answer whoever it is: nothing about other units or provinces", async () => {
  const d = await intake(f.cookies["motcua.01"]!);
  const reasons: string[] = [];
  for (const who of ["khong.ton.tai", "cv.02", "motcua.p2", "motcua.01"]) {
    const r = await f.act(f.cookies["ld.01"]!, d.body.code, "assign", { revision: d.body.revision, assignee: who });
    assert.equal(r.status, 422, `${who}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, "invalid-assignee");
    reasons.push(JSON.stringify(r.body).replaceAll(who, "<who>"));
  }
  assert.equal(new Set(reasons).size, 1, reasons.join("\n"));
  assert.doesNotMatch(reasons[0]!, /P1\.02|P2/);
});
