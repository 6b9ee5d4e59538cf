// A report for a closed period never changes when later events arrive (DOMAIN.md §5): live events carry the
// server's time, so nothing done today can land in a closed period.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00");
});
after(async () => f.t.close());

const at = (iso: string) => {
  f.clock.now = new Date(iso);
};

async function march() {
  const r = await f.t.request({
    method: "GET",
    url: "/api/reports/results?from=2026-03-01&to=2026-03-31&unit=P1&by=unit",
    cookie: f.cookies["ld.p1"],
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

test("the March report computed in April equals the one computed after May's events", async () => {
  const codes: { code: string; revision: number }[] = [];
  for (const day of ["2026-03-09T09:00:00+07:00", "2026-03-10T14:00:00+07:00", "2026-03-31T16:30:00+07:00"]) {
    at(day);
    const r = await f.intake(f.cookies["motcua.01"]!);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    codes.push({ code: r.body.code, revision: r.body.revision });
  }
  at("2026-04-02T09:00:00+07:00");
  const before = await march();
  assert.equal(before.total.received, 3);
  assert.equal(before.total.openWithinDeadline + before.total.openOverdue, 3);

  // May: one dossier withdrawn, one assigned and processed; nothing of it may reach March
  at("2026-05-04T09:00:00+07:00");
  const withdrawn = await f.act(f.cookies["motcua.01"]!, codes[0]!.code, "withdraw", {
    revision: codes[0]!.revision,
    reason: "Công dân xin rút hồ sơ",
  });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
  const assigned = await f.act(f.cookies["motcua.01"]!, codes[1]!.code, "assign", {
    revision: codes[1]!.revision,
    assignee: "cv.01",
  });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));

  const afterwards = await march();
  assert.deepEqual(afterwards, before);
  const may = await f.t.request({
    method: "GET",
    url: "/api/reports/results?from=2026-05-01&to=2026-05-31&unit=P1",
    cookie: f.cookies["ld.p1"],
  });
  assert.equal(may.json().total.withdrawn, 1, "the later event is counted in its own period");
});
