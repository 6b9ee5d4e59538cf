// The staff queues through GET /api/dossiers: mine, submitted, due soon (less than a working day left on the
// unit's calendar), overdue, late without a timely apology; search without diacritics on the applicant's name.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00"); // Monday; 3 working days → Thursday 09:00
});
after(async () => f.t.close());

const queue = async (cookie: string, query: string) =>
  (await f.t.request({ method: "GET", url: `/api/dossiers?${query}`, cookie })).json();

test("queues move with the clock; an apology in time takes a dossier off the late-without-apology list", async () => {
  const c = f.cookies;
  const late = await f.intake(c["motcua.01"]!);
  const apologised = await f.intake(c["motcua.01"]!, { applicant: { name: "Phạm Đức Thắng", phone: "0905000111" } });
  await f.act(c["motcua.01"]!, late.body.code, "assign", { revision: 1, assignee: "cv.01" });
  await f.submit();
  f.clock.now = new Date("2026-03-11T10:00:00+07:00"); // Wednesday: 5.5 working hours left
  assert.equal((await queue(c["cv.01"]!, "queue=mine")).total, 1);
  assert.equal((await queue(c["motcua.01"]!, "queue=submitted")).total, 1);
  assert.equal((await queue(c["cv.01"]!, "queue=due_soon")).total, 2);
  assert.equal((await queue(c["cv.01"]!, "queue=overdue")).total, 0);
  const ext = await f.act(c["cv.01"]!, apologised.body.code, "extend", {
    revision: 1,
    reason: "Chờ xác minh",
    dueAt: "2026-03-16T17:00:00+07:00",
    apology: { record: "Thư xin lỗi 5/TXL" },
  });
  assert.equal(ext.status, 200);
  f.clock.now = new Date("2026-03-12T10:00:00+07:00"); // Thursday, one hour past the appointment
  const overdue = await queue(c["ld.p1"]!, "queue=overdue");
  assert.equal(overdue.total, 2);
  assert.equal(overdue.items[0].overdue, true);
  assert.ok(overdue.items[0].remainingMinutes < 0);
  const lateList = await queue(c["ld.p1"]!, "queue=late_without_apology");
  assert.deepEqual(
    lateList.items.map((i: { code: string }) => i.code),
    [late.body.code],
  );
  const found = await queue(c["ld.p1"]!, "q=pham%20duc%20thang");
  assert.deepEqual(
    found.items.map((i: { code: string }) => i.code),
    [apologised.body.code],
  );
  const byCode = await queue(c["ld.p1"]!, `q=${encodeURIComponent(late.body.code)}`);
  assert.equal(byCode.total, 1);
  const paged = await queue(c["ld.p1"]!, "pageSize=1&page=2");
  assert.equal(paged.items.length, 1);
  assert.equal(paged.total, 3);
});
