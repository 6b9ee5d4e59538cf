// Reporting periods on a real app (either engine): `period=` beside `from`/`to` on every report, cut on the
// province's setting (GET/PUT /api/reports/period-settings, audited) unless `cut=` is given; and the feedback
// (PAKN) report.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { importDossierRecords } from "../../db/repos/dossier-import.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { type FeedbackRecord, feedbackIdentityHolds, feedbackReport } from "../../figures/feedback-report.ts";
import { periodBounds } from "../../figures/period.ts";
import { computeResults } from "../../figures/results.ts";
import { checkIdentity } from "../../figures/results-fields.ts";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import { startTestApp, type TestApp } from "../testing.ts";

let t: TestApp;
let leader: string;
let adminP1: string;
let adminP2: string;
let records: DossierRecord[];

before(async () => {
  t = await startTestApp();
  records = sampleDossiers(
    {
      range: { from: "2026-05-25", days: 130 },
      units: ["P1.01", "P1.02", "P2.01"],
      procedures: [
        { code: "1.001009", field: "Chứng thực", level: "commune" },
        { code: "1.000656", field: "Hộ tịch", level: "commune" },
      ],
    },
    400,
    23,
  );
  const summary = await importDossierRecords(t.database, t.ctx.units, records, { createMissing: true });
  assert.equal(summary.rejected, 0);
  await t.addStaff("lanhdao", "P1", ["leader"]);
  await t.addStaff("admin.p1", "P1", ["admin"]);
  await t.addStaff("admin.p2", "P2", ["admin"]);
  leader = await t.login("lanhdao");
  adminP1 = await t.login("admin.p1");
  adminP2 = await t.login("admin.p2");
});

after(async () => {
  await t?.close();
});

const get = (url: string, cookie = leader) => t.request({ method: "GET", url, cookie });
const putSettings = (payload: Record<string, unknown>, cookie = adminP1) =>
  t.request({ method: "PUT", url: "/api/reports/period-settings", cookie, payload });

/** The codes the pure definition counts as received in a period by P1's units. */
function receivedCodes(from: string, to: string): string[] {
  const { document, dossiersIn } = computeResults(records, {
    from,
    to,
    scope: (code: string) => code.startsWith("P1."),
  });
  assert.ok(document.total.received > 0);
  return [...dossiersIn("total", "received")].sort();
}

async function drilledCodes(query: string): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const res = await get(`/api/reports/results/dossiers?${query}&row=total&field=received&pageSize=200&page=${page}`);
    assert.equal(res.statusCode, 200, res.body);
    codes.push(...res.json().dossiers.map((d: { code: string }) => d.code));
    if (codes.length >= res.json().total) break;
  }
  return codes.sort();
}

test("period settings: 1 by default; only the province's administrator sets it, checked and audited", async () => {
  assert.deepEqual((await get("/api/reports/period-settings")).json(), { province: "P1", cutDay: 1 });
  assert.deepEqual((await get("/api/reports/period-settings?unit=P1.01")).json(), { province: "P1", cutDay: 1 });
  assert.equal((await get("/api/reports/period-settings?unit=P2.01")).statusCode, 403);
  assert.equal((await putSettings({ province: "P1", cutDay: 15 }, leader)).statusCode, 403);
  assert.equal((await putSettings({ province: "P1", cutDay: 15 }, adminP2)).statusCode, 403);
  for (const cutDay of [0, 29, 1.5, "15"]) {
    const bad = await putSettings({ province: "P1", cutDay });
    assert.equal(bad.statusCode, 400, `${cutDay}`);
    assert.equal(bad.json().code, "validation-failed");
    assert.ok(
      bad.json().invalidParams.some((p: { name: string }) => p.name === "cutDay"),
      bad.body,
    );
  }
  const commune = await putSettings({ province: "P1.01", cutDay: 15 });
  assert.equal(commune.statusCode, 400);
  assert.equal(commune.json().invalidParams[0].name, "province");
  const ok = await putSettings({ province: "P1", cutDay: 15 });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { province: "P1", cutDay: 15 });
  assert.deepEqual((await get("/api/reports/period-settings?unit=P1.02")).json(), { province: "P1", cutDay: 15 });
  assert.deepEqual((await get("/api/reports/period-settings", adminP2)).json(), { province: "P2", cutDay: 1 });
  const audit = await t.database.db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject", "=", "report-settings:P1")
    .execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, "report.period-settings.set");
  const detail = typeof audit[0]!.detail === "string" ? JSON.parse(audit[0]!.detail) : audit[0]!.detail;
  assert.deepEqual(detail.after, { cutDay: 15 });
  assert.equal(detail.before.cutDay, 1);
});

test("a quarter with the province's cut 15 reports exactly the dossiers of 2026-06-15..2026-09-14", async () => {
  const res = await get("/api/reports/results?period=2026-Q3&by=unit");
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.from, "2026-06-15");
  assert.equal(body.to, "2026-09-14");
  const ranged = (await get("/api/reports/results?from=2026-06-15&to=2026-09-14&by=unit")).json();
  assert.deepEqual(body, ranged);
  for (const row of [...body.rows, body.total]) assert.ok(checkIdentity(row).holds, row.key);
  const expected = receivedCodes("2026-06-15", "2026-09-14");
  assert.equal(body.total.received, expected.length);
  assert.deepEqual(await drilledCodes("period=2026-Q3"), expected);
  // every code counted was received inside the cut quarter
  const { start, end } = periodBounds({ from: "2026-06-15", to: "2026-09-14" });
  for (const code of expected) {
    const at = records.find((r) => r.code === code)!.receivedAt!;
    assert.ok(at >= start && at < end, code);
  }
});

test("cut= overrides the setting; months and halves resolve; other provinces keep calendar periods", async () => {
  const calendar = (await get("/api/reports/results?period=2026-Q3&cut=1")).json();
  assert.equal(calendar.from, "2026-07-01");
  assert.equal(calendar.to, "2026-09-30");
  assert.equal(calendar.total.received, receivedCodes("2026-07-01", "2026-09-30").length);
  const month = (await get("/api/reports/results?period=2026-08")).json();
  assert.deepEqual([month.from, month.to], ["2026-07-15", "2026-08-14"]);
  const cut20 = (await get("/api/reports/channels?period=2026-08&cut=20")).json();
  assert.deepEqual([cut20.from, cut20.to], ["2026-07-20", "2026-08-19"]);
  const half = (await get("/api/reports/late?period=2026-H2")).json();
  assert.deepEqual([half.from, half.to], ["2026-06-15", "2026-12-14"]);
  const p2 = (await get("/api/reports/results?period=2026-Q3", adminP2)).json();
  assert.deepEqual([p2.unit, p2.from, p2.to], ["P2", "2026-07-01", "2026-09-30"]);
});

test("every report takes period=: channels, late, indicators, satisfaction, feedback, appendices", async () => {
  for (const path of ["channels", "late", "indicators", "satisfaction", "feedback"]) {
    const byPeriod = await get(`/api/reports/${path}?period=2026-Q3`);
    assert.equal(byPeriod.statusCode, 200, `${path}: ${byPeriod.body}`);
    const ranged = await get(`/api/reports/${path}?from=2026-06-15&to=2026-09-14`);
    assert.deepEqual(byPeriod.json(), ranged.json(), path);
    assert.deepEqual([byPeriod.json().from, byPeriod.json().to], ["2026-06-15", "2026-09-14"], path);
  }
  const appendix = await get("/api/reports/results/appendix?period=2026-Q3&format=xlsx");
  assert.equal(appendix.statusCode, 200, appendix.body);
  assert.equal(appendix.rawPayload.subarray(0, 2).toString("latin1"), "PK");
});

test("both forms or neither, a bad spec or cut: 400 naming the parameter, in Vietnamese", async () => {
  const cases: [string, string][] = [
    ["period=2026-Q3&from=2026-07-01&to=2026-09-30", "period"],
    ["period=2026-Q3&from=2026-07-01", "period"],
    ["", "period"],
    ["from=2026-07-01", "to"],
    ["to=2026-07-01", "from"],
    ["period=2026-Q5", "period"],
    ["period=Q3-2026", "period"],
    ["period=2026-Q3&cut=29", "cut"],
    ["period=2026-Q3&cut=abc", "cut"],
    ["from=2026-07-01&to=2026-09-30&cut=15", "cut"],
    ["from=2026-09-30&to=2026-07-01", "from"],
  ];
  for (const [query, name] of cases) {
    const res = await get(`/api/reports/results?${query}`);
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const body = res.json();
    assert.equal(body.code, "validation-failed", query);
    assert.ok(
      body.invalidParams.some((p: { name: string }) => p.name === name),
      `${query}: ${res.body}`,
    );
  }
  const neither = (await get("/api/reports/channels")).json();
  assert.match(neither.invalidParams[0].reason, /Chọn kỳ báo cáo/);
  const both = (await get("/api/reports/late?period=2026-Q3&from=2026-07-01&to=2026-09-30")).json();
  assert.match(both.invalidParams[0].reason, /không dùng cả hai/);
});

test("feedback report: received, answered in time or late, open at the end; equals the pure fold", async () => {
  const at = (text: string) => new Date(`${text}:00+07:00`);
  const rows = [
    // unit, dossier, procedure, received, due, answered, published
    [
      "P1.01",
      records.find((r) => r.unit.code === "P1.01")!.code,
      null,
      "2026-08-01T09:00",
      "2026-08-15T09:00",
      "2026-08-10T09:00",
    ],
    ["P1.01", null, "1.001009", "2026-07-10T09:00", "2026-07-24T09:00", "2026-07-28T09:00"],
    ["P1.02", null, null, "2026-09-01T09:00", "2026-09-10T09:00", null],
    ["P1.02", null, null, "2026-09-10T09:00", "2026-09-24T09:00", null],
    ["P1.02", null, null, "2026-06-01T09:00", "2026-06-14T09:00", "2026-06-12T09:00"], // answered before the period
    ["P1.01", null, null, "2026-06-10T09:00", "2026-06-24T09:00", "2026-06-20T09:00"], // carried over
    ["P2.01", null, null, "2026-08-01T09:00", "2026-08-15T09:00", null], // another province
  ] as const;
  for (const [unit, dossier, procedure, received, due, answered] of rows) {
    await t.database.db
      .insertInto("feedback")
      .values({
        province_code: unit.slice(0, 2),
        unit_code: unit,
        dossier_code: dossier,
        procedure_code: procedure,
        received_at: at(received),
        sender_name: "Người phản ánh",
        subject: "Chủ đề",
        content: "Nội dung",
        due_at: at(due),
        answer: answered ? "Trả lời" : null,
        answered_at: answered ? at(answered) : null,
        published: answered !== null,
      })
      .execute();
  }
  const res = await get("/api/reports/feedback?period=2026-Q3");
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.report, "feedback");
  assert.equal(body.unit, "P1");
  const t0 = body.total;
  assert.deepEqual(
    [t0.carriedOver, t0.received, t0.answered, t0.answeredInTime, t0.answeredLate, t0.openWithinDue, t0.openOverdue],
    [1, 4, 3, 2, 1, 1, 1],
  );
  assert.equal(t0.published, 3);
  for (const row of [...body.rows, body.total]) assert.ok(feedbackIdentityHolds(row), row.key);
  assert.deepEqual(
    body.rows.map((r: { key: string; label: string }) => [r.key, r.label]),
    [
      ["P1.01", "Xã An Hòa"],
      ["P1.02", "Phường Bình Minh"],
    ],
  );
  const items: FeedbackRecord[] = (await t.database.db.selectFrom("feedback").selectAll().execute()).map((r) => ({
    id: Number(r.id),
    unit: r.unit_code,
    topic: r.dossier_code ? "dossier" : r.procedure_code ? "procedure" : "other",
    receivedAt: new Date(r.received_at),
    dueAt: new Date(r.due_at),
    answeredAt: r.answered_at ? new Date(r.answered_at) : null,
    published: r.published,
  }));
  const pure = feedbackReport(
    items.filter((i) => i.unit.startsWith("P1.")),
    { from: "2026-06-15", to: "2026-09-14", unit: "P1" },
  );
  assert.deepEqual(body.total, JSON.parse(JSON.stringify(pure.total)));
  assert.deepEqual(body.ids, pure.ids);
  const byTopic = (await get("/api/reports/feedback?period=2026-Q3&by=topic")).json();
  assert.deepEqual(
    byTopic.rows.map((r: { key: string; received: number }) => [r.key, r.received]),
    [
      ["dossier", 1],
      ["procedure", 1],
      ["other", 2],
    ],
  );
  assert.equal((await get("/api/reports/feedback?period=2026-Q3&unit=P2")).statusCode, 403);
});
