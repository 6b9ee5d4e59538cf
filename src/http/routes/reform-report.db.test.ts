// The 01b sheet, hand entries, the draft report and the register over HTTP on a real app (either engine):
// communes issue and submit, the province sees who submitted and who is late, returns one, rolls up the rest.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { importDossierRecords } from "../../db/repos/dossier-import.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { sampleDossiers } from "../../figures/test-arbitraries.ts";
import type { SheetDocument } from "../../reform/sheet/sheet.ts";
import { startTestApp, type TestApp } from "../testing.ts";

let t: TestApp;
const cookie: Record<string, string> = {};
const Q1 = "unit=P1.01&from=2024-01-01&to=2024-03-31";

before(async () => {
  // 2024-04-10: after Q1's due date (2024-04-06)
  t = await startTestApp({ now: () => new Date("2024-04-10T02:00:00Z") });
  await t.addStaff("cchc.xa1", "P1.01", ["reform_officer"]);
  await t.addStaff("cchc.xa2", "P1.02", ["reform_officer"]);
  await t.addStaff("cchc.tinh", "P1", ["reform_officer"]);
  await t.addStaff("motcua.01", "P1.01", ["front_desk"]);
  for (const name of ["cchc.xa1", "cchc.xa2", "cchc.tinh", "motcua.01"]) cookie[name] = await t.login(name);
  const units = new UnitDirectory(t.database.db);
  await units.refresh();
  const records = sampleDossiers(
    {
      range: { from: "2024-01-01", days: 90 },
      units: ["P1.01", "P1.02"],
      procedures: [{ code: "1.001009", field: "Chứng thực", level: "commune" }],
    },
    80,
    3,
  );
  await importDossierRecords(t.database, units, records, { createMissing: true });
  await t.ctx.units.fresh();
});
after(async () => t.close());

const get = (url: string, who: string) => t.request({ method: "GET", url, cookie: cookie[who] });
const send = (method: "POST" | "PUT", url: string, who: string, payload: unknown) =>
  t.request({ method, url, cookie: cookie[who], payload: payload as Record<string, unknown> });

test("the sheet with its checks; reform.read needed", async () => {
  const r = await get(`/api/reform/sheet?${Q1}`, "cchc.xa1");
  assert.equal(r.statusCode, 200, r.body);
  const sheet = r.json() as SheetDocument & { violations: unknown[] };
  assert.equal(sheet.sheet, "01b");
  assert.ok((sheet.rows.find((x) => x.code === "3.3.1")?.value as number) > 0);
  assert.deepEqual(sheet.violations, []);
  assert.equal((await get(`/api/reform/sheet?${Q1}`, "motcua.01")).statusCode, 403);
  assert.equal((await get(`/api/reform/sheet?unit=NOPE&period=2024-Q1`, "cchc.xa1")).statusCode, 404);
});

test("hand entries: stored and marked manual; refused with a stable code on computed rows and broken checks", async () => {
  const base = { unit: "P1.01", from: "2024-01-01", to: "2024-03-31" };
  const ok = await send("PUT", "/api/reform/sheet/manual", "cchc.xa1", { ...base, code: "1.5", value: 1 });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.json().value, ok.json().source], [1, "manual"]);
  const computed = await send("PUT", "/api/reform/sheet/manual", "cchc.xa1", { ...base, code: "3.3.1", value: 9 });
  assert.deepEqual([computed.statusCode, computed.json().code], [422, "computed-row"]);
  const choice = await send("PUT", "/api/reform/sheet/manual", "cchc.xa1", { ...base, code: "6.1", value: 3 });
  assert.deepEqual([choice.statusCode, choice.json().code], [422, "not-a-choice"]);
  const other = await send("PUT", "/api/reform/sheet/manual", "cchc.xa2", { ...base, code: "1.5", value: 1 });
  assert.equal(other.statusCode, 403);
});

test("the draft report as .docx states the sheet's figures", async () => {
  const sheet = (await get(`/api/reform/sheet?${Q1}`, "cchc.xa1")).json() as SheetDocument;
  const r = await get(`/api/reform/report?${Q1}&date=2024-04-02&number=12`, "cchc.xa1");
  assert.equal(r.statusCode, 200, r.body);
  const view = await openDocx(r.rawPayload);
  const received = sheet.rows.find((x) => x.code === "3.3.1")!.value;
  assert.ok(view.paragraphs.some((p) => p.startsWith(`Tổng số hồ sơ đã tiếp nhận: ${received} hồ sơ;`)));
  assert.ok(view.paragraphs.includes("Số: 12/BC-UBND"));
});

test("issue, submit, the province's register (late, missing), return with a comment, reissue, roll-up", async () => {
  const issue = await send("POST", "/api/reform/reports", "cchc.xa1", {
    unit: "P1.01",
    period: "2024-Q1",
    number: "12",
  });
  assert.equal(issue.statusCode, 200, issue.body);
  assert.deepEqual([issue.json().version, issue.json().status, issue.json().dueOn], [1, "issued", "2024-04-06"]);
  const key = { unit: "P1.01", from: "2024-01-01", to: "2024-03-31", version: 1 };
  assert.equal((await send("POST", "/api/reform/reports/submit", "cchc.xa1", key)).statusCode, 200);
  const again = await send("POST", "/api/reform/reports/submit", "cchc.xa1", key);
  assert.deepEqual([again.statusCode, again.json().code], [409, "already-submitted"]);

  const register = await get("/api/reform/reports/register?unit=P1&period=2024-Q1", "cchc.tinh");
  assert.equal(register.statusCode, 200, register.body);
  const entries = register.json().units as { unit: string; status: string; late: boolean }[];
  assert.deepEqual(
    entries.map((e) => [e.unit, e.status, e.late]),
    [
      ["P1.01", "submitted", true],
      ["P1.02", "missing", true],
    ],
  );
  const roll = await get("/api/reform/reports/roll-up?unit=P1&period=2024-Q1", "cchc.tinh");
  assert.equal(roll.statusCode, 200, roll.body);
  const own = (await get(`/api/reform/sheet?${Q1}`, "cchc.xa1")).json() as SheetDocument;
  const v = (s: SheetDocument, code: string) => s.rows.find((r) => r.code === code)?.value;
  assert.equal(v(roll.json().sheet, "3.3.1"), v(own, "3.3.1"));
  assert.deepEqual([roll.json().included, roll.json().missing], [["P1.01"], ["P1.02"]]);

  const byCommune = await send("POST", "/api/reform/reports/return", "cchc.xa1", { ...key, comment: "Bổ sung" });
  assert.equal(byCommune.statusCode, 403, "only the unit above returns a report");
  const returned = await send("POST", "/api/reform/reports/return", "cchc.tinh", {
    ...key,
    comment: "Bổ sung số liệu mục 1.2",
  });
  assert.deepEqual([returned.statusCode, returned.json().status], [200, "returned"]);
  const reissued = await send("POST", "/api/reform/reports", "cchc.xa1", {
    unit: "P1.01",
    period: "2024-Q1",
    number: "13",
  });
  assert.equal(reissued.json().version, 2);
  const list = await get(`/api/reform/reports?${Q1}`, "cchc.xa1");
  assert.deepEqual(
    (list.json().reports as { version: number; status: string }[]).map((r) => [r.version, r.status]),
    [
      [2, "issued"],
      [1, "returned"],
    ],
  );
  const file = await get(`/api/reform/reports/file?${Q1}&version=1`, "cchc.tinh");
  assert.equal(file.statusCode, 200);
  assert.ok((await openDocx(file.rawPayload)).paragraphs.includes("Số: 12/BC-UBND"), "version 1 frozen as issued");
});

test("the unit's own text for sections III–V: previewed with live figures, a typed count refused", async () => {
  const body = { unit: "P1.01", from: "2024-01-01", to: "2024-03-31", date: "2024-04-02" };
  const refused = await send("POST", "/api/reform/report/preview", "cchc.xa1", {
    ...body,
    edits: { assessment: ["Đã giải quyết 21 hồ sơ."] },
  });
  assert.deepEqual([refused.statusCode, refused.json().code], [422, "report-blocked"]);
  assert.match(refused.json().detail, /literal-figure/);
  const ok = await send("POST", "/api/reform/report/preview", "cchc.xa1", {
    ...body,
    edits: { assessment: ["Đã giải quyết {finished} hồ sơ."] },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const sheet = (await get(`/api/reform/sheet?${Q1}`, "cchc.xa1")).json() as SheetDocument;
  const report = (await get(`/api/reform/reports?${Q1}`, "cchc.xa1")).json();
  assert.ok(report.reports.length >= 1);
  const view = await openDocx(ok.rawPayload);
  const finished = view.paragraphs.find((p) => p.startsWith("Đã giải quyết "))!;
  assert.match(finished, /^Đã giải quyết \d+ hồ sơ\.$/);
  assert.ok(sheet.rows.length > 0);
});
