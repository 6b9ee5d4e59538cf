// GET /api/reports/indicators/{id}/dossiers (issue 20): one part of a Decision 766 indicator a page at a time —
// the same dossiers as the full answer's code lists, recent first, by cursor, with the figure of the counters as
// its total; bad ids, parts and cursors are 400s naming them, a unit outside the grants a 403.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
const codes: string[] = [];
const PERIOD = "from=2026-03-01&to=2026-03-31&unit=P1.01";

before(async () => {
  f = await startFixture("2026-03-16T08:00:00+07:00"); // Monday
  for (const [day, channel, unit] of [
    ["2026-03-16T09:00:00+07:00", "direct", "motcua.01"],
    ["2026-03-17T09:00:00+07:00", "postal", "motcua.01"],
    ["2026-03-17T10:00:00+07:00", "direct", "motcua.02"],
    ["2026-03-18T09:00:00+07:00", "direct", "motcua.01"],
    ["2026-03-18T11:00:00+07:00", "direct", "motcua.01"],
  ] as const) {
    f.clock.now = new Date(day);
    const r = await f.intake(f.cookies[unit]!, { channel, unitCode: unit === "motcua.01" ? "P1.01" : "P1.02" });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    if (unit === "motcua.01") codes.push(r.body.code);
  }
  // the first asks for a supplement: 2.1 reads its log
  await f.walk(codes[0]!, [
    ["motcua.01", "request_supplement", { missing: ["Giấy chứng sinh"] }, "2026-03-18T12:00:00+07:00"],
  ]);
  f.clock.now = new Date("2026-03-20T10:00:00+07:00");
});
after(async () => f.t.close());

const get = (url: string, cookie = f.cookies["ld.01"]) => f.t.request({ method: "GET", url, cookie });

interface Page {
  items: { code: string; receivedAt: string }[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
  indicator: { id: string; numerator?: number; denominator?: number; count?: number };
}

test("every part, two dossiers a page: the full answer's codes, recent first, totalled by the figure", async () => {
  const full = (await get(`/api/reports/indicators?${PERIOD}`)).json() as {
    indicators: {
      id: string;
      kind: string;
      numeratorCodes?: string[];
      denominatorCodes?: string[];
      codes?: string[];
    }[];
  };
  let nonEmpty = 0;
  for (const indicator of full.indicators) {
    const parts = indicator.kind === "average" ? (["denominator"] as const) : (["numerator", "denominator"] as const);
    for (const part of parts) {
      const want = indicator.kind === "average" ? indicator.codes! : indicator[`${part}Codes`]!;
      const seen: Page["items"] = [];
      let cursor: string | null = null;
      let total = -1;
      do {
        const r = await get(
          `/api/reports/indicators/${indicator.id}/dossiers?${PERIOD}&part=${part}&pageSize=2${cursor ? `&cursor=${cursor}` : ""}`,
        );
        assert.equal(r.statusCode, 200, r.body);
        const page = r.json() as Page;
        assert.ok(page.items.length <= 2);
        assert.equal(page.indicator.id, indicator.id);
        seen.push(...page.items);
        total = page.total;
        assert.equal(page.totalExact, true);
        cursor = page.nextCursor;
      } while (cursor);
      const label = `${indicator.id} ${part}`;
      assert.deepEqual(seen.map((i) => i.code).sort(), [...want].sort(), label);
      assert.equal(total, want.length, label);
      const keys = seen.map((i) => `${i.receivedAt}|${i.code}`);
      assert.deepEqual(keys, [...keys].sort().reverse(), `${label}: recent first`);
      if (want.length) nonEmpty++;
    }
  }
  assert.ok(nonEmpty >= 5, `only ${nonEmpty} parts had dossiers`);
  // the unit's four dossiers are 2.1's denominator; P1.02's is not among them
  const handled = (await get(`/api/reports/indicators/on-time-766/dossiers?${PERIOD}`)).json() as Page;
  assert.deepEqual(handled.items.map((i) => i.code).sort(), [...codes].sort());
});

test("an unknown indicator, an average's numerator, a bad part or cursor: 400 naming it; another unit: 403", async () => {
  const cases: [string, string][] = [
    [`/api/reports/indicators/khong-co/dossiers?${PERIOD}`, "id"],
    [`/api/reports/indicators/average-processing-days/dossiers?${PERIOD}&part=numerator`, "part"],
    [`/api/reports/indicators/online-rate/dossiers?${PERIOD}&part=tu-so`, "part"],
    [`/api/reports/indicators/online-rate/dossiers?${PERIOD}&cursor=khong-hop-le`, "cursor"],
    [`/api/reports/indicators/online-rate/dossiers?${PERIOD}&pageSize=0`, "pageSize"],
  ];
  for (const [url, name] of cases) {
    const r = await get(url);
    assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
    assert.equal(r.json().code, "validation-failed", url);
    assert.equal(r.json().invalidParams[0].name, name, url);
  }
  const other = await get("/api/reports/indicators/online-rate/dossiers?from=2026-03-01&to=2026-03-31&unit=P1.02");
  assert.equal(other.statusCode, 403, other.body);
  const anonymous = await f.t.request({ method: "GET", url: `/api/reports/indicators/online-rate/dossiers?${PERIOD}` });
  assert.equal(anonymous.statusCode, 401);
});
