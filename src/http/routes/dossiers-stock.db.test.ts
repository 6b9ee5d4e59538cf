// Issue 15: the dashboard's "Đang quá hạn" is as of now on a live period, and the headline
// (GET /api/dossiers/stock), its drill-down (the overdue queue) and an officer's queue agree — a dossier due
// later today is not overdue yet; the results report's openOverdue, a stock at the period's end, is not what a
// live dashboard shows (it counts the same dossiers overdue on 31 March).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00"); // Monday; 3 working days → Thursday 09:00
});
after(async () => f.t.close());

const get = async (cookie: string, url: string) => {
  const r = await f.t.request({ method: "GET", url, cookie });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};

test("stock figures as of now: headline = drill-down queue = officer's queue", async () => {
  const c = f.cookies;
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) codes.push((await f.intake(c["motcua.01"]!)).body.code);
  f.clock.now = new Date("2026-03-11T08:00:00+07:00");
  const later = (await f.intake(c["motcua.01"]!)).body.code; // due the following Monday
  await f.intake(c["motcua.02"]!, { unitCode: "P1.02" }); // another commune: outside P1.01's figures

  f.clock.now = new Date("2026-03-12T08:30:00+07:00"); // Thursday: three are due at 09:00 today
  let stock = await get(c["ld.01"]!, "/api/dossiers/stock?unit=P1.01");
  assert.deepEqual([stock.open, stock.overdue, stock.withinDeadline, stock.exact], [4, 0, 4, true]);

  f.clock.now = new Date("2026-03-12T10:00:00+07:00");
  stock = await get(c["ld.01"]!, "/api/dossiers/stock?unit=P1.01");
  assert.deepEqual([stock.open, stock.overdue, stock.withinDeadline], [4, 3, 1]);
  assert.equal(new Date(stock.at).toISOString(), f.clock.now.toISOString());
  const drill = await get(c["ld.01"]!, "/api/dossiers?queue=overdue&unit=P1.01");
  const officer = await get(c["cv.01"]!, "/api/dossiers?queue=overdue");
  assert.equal(drill.total, stock.overdue);
  assert.equal(officer.total, stock.overdue);
  assert.deepEqual(drill.items.map((d: { code: string }) => d.code).sort(), [...codes].sort());
  assert.deepEqual(officer.items.map((d: { code: string }) => d.code).sort(), [...codes].sort());
  assert.ok(!drill.items.some((d: { code: string }) => d.code === later));
  // the province leader sees both communes; the other commune's dossier is not overdue yet
  const province = await get(c["ld.p1"]!, "/api/dossiers/stock");
  assert.deepEqual([province.open, province.overdue], [5, 3]);

  // the results report's openOverdue is the stock at the period's end: all four on 31 March
  const month = await get(c["ld.01"]!, "/api/reports/results?from=2026-03-01&to=2026-03-31&unit=P1.01");
  assert.equal(month.total.openOverdue, 4);
});

test("stock figures are scoped like the lists", async () => {
  const r = await f.t.request({ method: "GET", url: "/api/dossiers/stock?unit=P1.02", cookie: f.cookies["cv.01"]! });
  assert.equal(r.statusCode, 403);
});
