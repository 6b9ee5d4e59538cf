// Report routes on a real app: formats, drill-down, who may read what, the other reports, manual figures.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { importDossierRecords } from "../../db/repos/dossier-import.ts";
import { resultsReport } from "../../db/repos/reports.ts";
import { checkIdentity } from "../../figures/results-fields.ts";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import { startTestApp, type TestApp } from "../testing.ts";

let t: TestApp;
let leader: string;
let reform: string;
const Q = "from=2024-03-01&to=2024-03-31";

before(async () => {
  t = await startTestApp();
  const records = sampleDossiers(
    {
      range: { from: "2024-02-20", days: 50 },
      units: ["P1.01", "P2.01"],
      procedures: [
        { code: "1.001009", field: "Chứng thực", level: "commune" },
        { code: "1.000656", field: "Hộ tịch", level: "commune" },
      ],
    },
    300,
    11,
  );
  const summary = await importDossierRecords(t.database, t.ctx.units, records, { createMissing: true });
  assert.equal(summary.rejected, 0);
  await t.addStaff("lanhdao", "P1", ["leader"]);
  await t.addStaff("cchc", "P1.02", ["reform_officer"]);
  leader = await t.login("lanhdao");
  reform = await t.login("cchc");
});

after(async () => {
  await t?.close();
});

test("results: JSON equals the repository's report, identity on every row; CSV and xlsx", async () => {
  const res = await t.request({ method: "GET", url: `/api/reports/results?${Q}&by=unit`, cookie: leader });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.unit, "P1", "the leader's single root is the default unit");
  const expected = await resultsReport(t.database.db, t.ctx.units, {
    from: "2024-03-01",
    to: "2024-03-31",
    unit: "P1",
    by: "unit",
  });
  assert.deepEqual(body, JSON.parse(JSON.stringify(expected)));
  assert.deepEqual(
    body.rows.map((r: { key: string }) => r.key),
    ["P1.01"],
  );
  for (const row of [...body.rows, body.total]) assert.ok(checkIdentity(row).holds);
  const csv = await t.request({ method: "GET", url: `/api/reports/results?${Q}&format=csv`, cookie: leader });
  assert.match(csv.headers["content-type"] as string, /text\/csv/);
  assert.ok(csv.body.startsWith("\uFEFFLĩnh vực,Kỳ trước chuyển qua,"), "Vietnamese labels (CONTRACTS §3)");
  const xlsx = await t.request({ method: "GET", url: `/api/reports/results?${Q}&format=xlsx`, cookie: leader });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString("latin1"), "PK");
});

test("drill-down lists exactly the dossiers of a cell", async () => {
  const report = (await t.request({ method: "GET", url: `/api/reports/results?${Q}`, cookie: leader })).json();
  const row = report.rows[0];
  const res = await t.request({
    method: "GET",
    url: `/api/reports/results/dossiers?${Q}&row=${encodeURIComponent(row.key)}&field=received&pageSize=200`,
    cookie: leader,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().total, row.received);
  assert.equal(res.json().dossiers.length, Math.min(200, row.received));
});

test("authorization: outside the actor's units 403, anonymous 401, unknown unit 404, bad period 400", async () => {
  assert.equal(
    (await t.request({ method: "GET", url: `/api/reports/results?${Q}&unit=P2`, cookie: leader })).statusCode,
    403,
  );
  assert.equal((await t.request({ method: "GET", url: `/api/reports/results?${Q}` })).statusCode, 401);
  assert.equal(
    (await t.request({ method: "GET", url: `/api/reports/results?${Q}&unit=NOPE`, cookie: leader })).statusCode,
    404,
  );
  const bad = await t.request({
    method: "GET",
    url: "/api/reports/results?from=2024-03-31&to=2024-03-01",
    cookie: leader,
  });
  assert.equal(bad.statusCode, 400);
  assert.equal((await t.request({ method: "GET", url: `/api/reports/channels?${Q}`, cookie: reform })).statusCode, 200);
});

test("channels, late with the overdue list, Decision 766 indicators with formulas, satisfaction", async () => {
  const channels = (await t.request({ method: "GET", url: `/api/reports/channels?${Q}`, cookie: leader })).json();
  const results = (await t.request({ method: "GET", url: `/api/reports/results?${Q}`, cookie: leader })).json();
  assert.equal(channels.received, results.total.received);
  const late = (await t.request({ method: "GET", url: `/api/reports/late?${Q}`, cookie: leader })).json();
  assert.equal(late.total.late, results.total.finishedLate);
  assert.equal(late.overdueAtEnd.dossiers.length, results.total.openOverdue);
  const indicators = (await t.request({ method: "GET", url: `/api/reports/indicators?${Q}`, cookie: leader })).json();
  assert.ok(indicators.indicators.length >= 6);
  for (const i of indicators.indicators) assert.ok(i.formula.length > 0, i.id);
  // Decision 766: each computed indicator names its section of the portal's description; the rest are listed
  // as not computed, with their source (never estimated)
  assert.deepEqual(
    indicators.indicators.map((i: { code: string }) => i.code),
    ["2.1", "2.2", "3.3", "3.6", "4.1", "4.2", "5.4"],
  );
  for (const i of indicators.indicators) assert.match(i.source, /Mô tả công thức tính chỉ số 766/, i.id);
  const online = indicators.indicators.find((i: { id: string }) => i.id === "online-rate");
  assert.equal(online.score.threshold, 0.5);
  assert.deepEqual(
    indicators.notComputed.map((n: { code: string }) => n.code),
    ["1.1", "1.2", "1.3", "1.4", "3.1", "3.2", "3.5", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3"],
  );
  const satisfaction = await t.request({
    method: "GET",
    url: `/api/reports/satisfaction?${Q}&scale=procedure`,
    cookie: leader,
  });
  assert.equal(satisfaction.statusCode, 200, satisfaction.body);
  assert.equal(satisfaction.json().report, "satisfaction");
});

const manualDoc = (received: number) => ({
  by: "field",
  rows: [
    {
      key: "Chứng thực",
      carriedOver: 2,
      received,
      receivedSaturday: 0,
      receivedDirect: received,
      receivedPostal: 0,
      receivedOnlinePartial: 0,
      receivedOnlineFull: 0,
      finishedEarly: 1,
      finishedOnTime: received,
      finishedLate: 0,
      withdrawn: 0,
      stopped: 0,
      openWithinDeadline: 1,
      openOverdue: 0,
      refusedAtIntake: 0,
    },
  ],
  total: {
    key: "total",
    carriedOver: 2,
    received,
    receivedSaturday: 0,
    receivedDirect: received,
    receivedPostal: 0,
    receivedOnlinePartial: 0,
    receivedOnlineFull: 0,
    finishedEarly: 1,
    finishedOnTime: received,
    finishedLate: 0,
    withdrawn: 0,
    stopped: 0,
    openWithinDeadline: 1,
    openOverdue: 0,
    refusedAtIntake: 0,
  },
});

test("manual figures: checked (422 with rule codes), refused over computed dossiers or another manual period, then aggregated and marked", async () => {
  const post = (unit: string, from: string, to: string, document: unknown, cookie = reform) =>
    t.request({ method: "POST", url: "/api/reports/manual", cookie, payload: { unit, from, to, document } });
  const broken = manualDoc(5);
  broken.total.received = 6;
  const invalid = await post("P1.02", "2024-03-01", "2024-03-31", broken);
  assert.equal(invalid.statusCode, 422, invalid.body);
  assert.match(invalid.body, /identity|total-is-not-sum/);
  assert.equal(
    (await post("P1.01", "2024-03-01", "2024-03-31", manualDoc(5))).statusCode,
    403,
    "not the officer's unit",
  );
  const overlap = await post("P1.02", "2024-03-01", "2024-03-31", manualDoc(5), leader);
  assert.equal(overlap.statusCode, 403, "leaders read reports, reform officers submit them");
  const accepted = await post("P1.02", "2024-03-01", "2024-03-31", manualDoc(5));
  assert.equal(accepted.statusCode, 201, accepted.body);
  assert.equal(
    (await post("P1.02", "2024-03-01", "2024-03-31", manualDoc(4))).statusCode,
    200,
    "same unit and period: replaced",
  );
  const clash = await post("P1.02", "2024-03-15", "2024-04-14", manualDoc(4));
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().code, "overlaps-manual");
  const report = (await t.request({ method: "GET", url: `/api/reports/results?${Q}&unit=P1`, cookie: leader })).json();
  const computed = await resultsReport(t.database.db, t.ctx.units, {
    from: "2024-03-01",
    to: "2024-03-31",
    unit: "P1.01",
  });
  assert.equal(report.total.received, computed.total.received + 4);
  assert.equal(report.total.manual, true);
  assert.ok(report.rows.some((r: { key: string; manual?: boolean }) => r.key === "Chứng thực" && r.manual));
  for (const row of [...report.rows, report.total]) assert.ok(checkIdentity(row).holds, row.key);
  await t.addStaff("cchc-tinh", "P1", ["reform_officer"]);
  const provincial = await t.login("cchc-tinh");
  const computedClash = await post("P1", "2024-03-01", "2024-03-31", manualDoc(5), provincial);
  assert.equal(computedClash.statusCode, 409);
  assert.equal(computedClash.json().code, "overlaps-computed");
});

test("manual figures chain: a next period carries over what the last one left open; a period straddling the report's is named, not dropped", async () => {
  const post = (from: string, to: string, document: unknown) =>
    t.request({
      method: "POST",
      url: "/api/reports/manual",
      cookie: reform,
      payload: { unit: "P1.02", from, to, document },
    });
  // March (stored by the test before) left 1 open; April must carry over exactly that
  const april = (carriedOver: number) => {
    const doc = manualDoc(3);
    for (const row of [...doc.rows, doc.total]) Object.assign(row, { carriedOver, finishedEarly: carriedOver - 1 });
    return doc;
  };
  const broken = await post("2024-04-01", "2024-04-30", april(2));
  assert.equal(broken.statusCode, 409, broken.body);
  assert.equal(broken.json().code, "does-not-chain");
  assert.match(broken.json().detail, /\(2\).*\(1\)/);
  assert.equal((await post("2024-04-01", "2024-04-30", april(1))).statusCode, 201);
  // two consecutive months in one report: one stock, the identity holds on every row
  const both = await resultsReport(t.database.db, t.ctx.units, { from: "2024-03-01", to: "2024-04-30", unit: "P1.02" });
  assert.deepEqual(both.manual, [
    { unit: "P1.02", from: "2024-03-01", to: "2024-03-31" },
    { unit: "P1.02", from: "2024-04-01", to: "2024-04-30" },
  ]);
  assert.equal(both.total.carriedOver, 2, "March's carried over");
  assert.equal(both.total.received, 4 + 3);
  assert.equal(both.total.openWithinDeadline, 1, "April's open");
  for (const row of [...both.rows, both.total]) assert.ok(checkIdentity(row).holds, row.key);
  // a report from mid-March cannot count March's document by day: it says so
  const straddling = await resultsReport(t.database.db, t.ctx.units, {
    from: "2024-03-15",
    to: "2024-04-30",
    unit: "P1.02",
  });
  assert.deepEqual(straddling.manualExcluded, [{ unit: "P1.02", from: "2024-03-01", to: "2024-03-31" }]);
  assert.deepEqual(straddling.manual, [{ unit: "P1.02", from: "2024-04-01", to: "2024-04-30" }]);
  assert.equal(straddling.total.carriedOver, 1);
});
