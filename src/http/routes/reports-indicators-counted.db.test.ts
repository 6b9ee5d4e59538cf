// GET /api/reports/indicators?codes=false (the leader dashboard, issue 20): the same figures as the default answer,
// read from the counters the triggers keep while dossiers are taken in and acted on through the API, without the
// codes behind them; a bad `codes` is a 400 naming it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;

before(async () => {
  f = await startFixture("2026-03-16T08:00:00+07:00"); // Monday
});
after(async () => f.t.close());

interface Indicator {
  id: string;
  numerator?: number;
  denominator?: number;
  count?: number;
  totalDays?: number;
  numeratorCodes?: string[];
  denominatorCodes?: string[];
  codes?: string[];
  [field: string]: unknown;
}

async function indicators(query: string): Promise<{ codes: boolean; indicators: Indicator[] }> {
  const r = await f.t.request({ method: "GET", url: `/api/reports/indicators?${query}`, cookie: f.cookies["ld.01"] });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

test("codes=false: the figures of the full answer, from the counters kept live, without codes", async () => {
  const codes: string[] = [];
  for (const [day, channel] of [
    ["2026-03-16T09:00:00+07:00", "direct"],
    ["2026-03-17T09:00:00+07:00", "postal"],
    ["2026-03-18T09:00:00+07:00", "direct"],
  ] as const) {
    f.clock.now = new Date(day);
    const r = await f.intake(f.cookies["motcua.01"]!, { channel });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    codes.push(r.body.code);
  }
  // one dossier asked for a supplement (read from its log, not from the counters)
  await f.walk(codes[0]!, [
    ["motcua.01", "request_supplement", { missing: ["Giấy chứng sinh"] }, "2026-03-18T10:00:00+07:00"],
  ]);
  f.clock.now = new Date("2026-03-20T10:00:00+07:00");
  for (const period of ["from=2026-03-01&to=2026-03-31&unit=P1.01", "from=2026-03-17&to=2026-03-17"]) {
    const full = await indicators(period);
    const counted = await indicators(`${period}&codes=false`);
    assert.equal(full.codes, true);
    assert.equal(counted.codes, false);
    // everything the report page shows (figures, by procedure, score, source), only the code lists differ
    const withoutCodes = ({ numeratorCodes: _n, denominatorCodes: _d, codes: _c, ...rest }: Indicator) => rest;
    assert.deepEqual(counted.indicators.map(withoutCodes), full.indicators.map(withoutCodes), period);
    assert.ok(counted.indicators.every((i) => (i.numeratorCodes ?? i.codes ?? []).length === 0));
  }
  const month = await indicators("from=2026-03-01&to=2026-03-31&unit=P1.01&codes=false");
  const onTime = month.indicators.find((i) => i.id === "on-time-766")!;
  assert.equal(onTime.denominator, 3, "the three dossiers taken in are handled in the month");
  const online = month.indicators.find((i) => i.id === "online-rate")!;
  assert.deepEqual([online.numerator, online.denominator], [0, 3]);
});

test("a codes value other than true or false is refused", async () => {
  const r = await f.t.request({
    method: "GET",
    url: "/api/reports/indicators?from=2026-03-01&to=2026-03-31&codes=no",
    cookie: f.cookies["ld.01"],
  });
  assert.equal(r.statusCode, 400, r.body);
  assert.equal(r.json().invalidParams[0].name, "codes");
});
