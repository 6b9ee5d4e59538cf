// The CCHC index set-up over HTTP: sets stored from JSON and .xlsx by the province's officer (a commune's or
// another province's officer refused, a shared set only by a superuser), the template, the index year, the
// survey, the trend and the fix plan (a second run creates nothing).
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_COMMUNE_SET } from "../../reform/index/default-commune-set.ts";
import { setToSheets, sheetsToSet } from "../../reform/index/set-workbook.ts";
import { readWorkbook, writeWorkbook } from "../../reform/records/workbook.ts";
import { indexApp } from "./reform-index-testing.ts";

const NOW = new Date("2023-01-10T03:00:00Z");
const { call } = indexApp(
  () => NOW,
  [
    ["cchc.xa", "P1.01"],
    ["cchc.tinh", "P1"],
    ["cchc.p2", "P2"],
  ],
);

test("sets from JSON and .xlsx: stored by the province's officer, listed, read, templated", async () => {
  const set = { ...DEFAULT_COMMUNE_SET, id: "p1-2022", province: "P1", year: 2022 };
  assert.equal((await call("cchc.xa", "POST", "/api/reform/index/sets", { set })).statusCode, 403);
  assert.equal((await call("cchc.p2", "POST", "/api/reform/index/sets", { set })).statusCode, 403);
  const saved = await call("cchc.tinh", "POST", "/api/reform/index/sets", { set });
  assert.equal(saved.statusCode, 200, saved.body);
  const again = await call("cchc.tinh", "POST", "/api/reform/index/sets", { set });
  assert.deepEqual([again.statusCode, again.json().code], [409, "set-version-exists"]);
  const broken = await call("cchc.tinh", "POST", "/api/reform/index/sets", { set: { ...set, version: 2, bands: [] } });
  assert.deepEqual([broken.statusCode, broken.json().code], [422, "criteria-set-invalid"]);

  const template = await call("cchc.tinh", "GET", "/api/reform/index/set-template");
  assert.equal(template.statusCode, 200);
  assert.deepEqual(sheetsToSet(await readWorkbook(template.rawPayload)), DEFAULT_COMMUNE_SET);
  // the template as it comes (no province): only a superuser may store it; nothing is stored
  const shared = await call("cchc.tinh", "POST", "/api/reform/index/sets", {
    xlsxBase64: template.rawPayload.toString("base64"),
  });
  assert.equal(shared.statusCode, 403);
  const xlsx = await writeWorkbook(setToSheets({ ...set, version: 2, title: "Bộ chỉ số xã 2022 (bảng tính)" }));
  const fromXlsx = await call("cchc.tinh", "POST", "/api/reform/index/sets", { xlsxBase64: xlsx.toString("base64") });
  assert.equal(fromXlsx.statusCode, 200, fromXlsx.body);
  assert.equal(fromXlsx.json().version, 2);
  const garbage = await call("cchc.tinh", "POST", "/api/reform/index/sets", {
    xlsxBase64: Buffer.from("không phải bảng tính").toString("base64"),
  });
  assert.deepEqual([garbage.statusCode, garbage.json().code], [422, "set-workbook-unreadable"]);

  const list = await call("cchc.xa", "GET", "/api/reform/index/sets");
  assert.deepEqual(
    list.json().sets.map((s: { setId: string; version: number }) => `${s.setId}@${s.version}`),
    ["p1-2022@2", "p1-2022@1", "xa-default@1"],
  );
  assert.equal(list.json().sets.at(-1).shipped, true, "the refused template was not stored");
  const one = await call("cchc.xa", "GET", "/api/reform/index/sets/p1-2022/2");
  assert.equal(one.json().title, "Bộ chỉ số xã 2022 (bảng tính)");
  assert.equal((await call("cchc.xa", "GET", "/api/reform/index/sets/p1-2022/9")).statusCode, 404);
});

test("index year, survey, trend and fix plan", async () => {
  const unset = await call("cchc.xa", "GET", "/api/reform/index/years/P1/2022");
  assert.equal(unset.json().configured, false);
  const body = { setId: "p1-2022", setVersion: 1, units: ["P1.01", "P1.02"], self: "2023-01-31" };
  assert.equal((await call("cchc.xa", "PUT", "/api/reform/index/years/P1/2022", body)).statusCode, 403);
  const year = await call("cchc.tinh", "PUT", "/api/reform/index/years/P1/2022", body);
  assert.equal(year.statusCode, 200, year.body);
  assert.deepEqual((await call("cchc.xa", "GET", "/api/reform/index/years/P1/2022")).json().units, ["P1.01", "P1.02"]);
  const wrongUnit = await call("cchc.tinh", "PUT", "/api/reform/index/years/P1/2022", { ...body, units: ["P2.01"] });
  assert.deepEqual([wrongUnit.statusCode, wrongUnit.json().code], [422, "index-unit-invalid"]);

  const rows = [{ unit: "P1.01", percent: 86.5, respondents: 120, source: "Phiếu khảo sát 2022" }];
  assert.equal((await call("cchc.xa", "PUT", "/api/reform/index/surveys/P1/2022", { rows })).statusCode, 403);
  const survey = await call("cchc.tinh", "PUT", "/api/reform/index/surveys/P1/2022", { rows });
  assert.equal(survey.statusCode, 200, survey.body);
  const listed = await call("cchc.xa", "GET", "/api/reform/index/surveys?unit=P1.01&year=2022");
  assert.equal(listed.json().surveys[0].percent, 86.5);
  const card = await call("cchc.xa", "GET", "/api/reform/index/scorecard?unit=P1.01&year=2022");
  assert.equal(card.json().survey.percent, 86.5, "the default set has no survey points: shown, not added");

  const self = await call("cchc.xa", "PUT", "/api/reform/index/assessments/P1.01/2022/6.2", { selfScore: 0 });
  assert.equal(self.statusCode, 200, self.body);
  const trend = await call("cchc.xa", "GET", "/api/reform/index/trend?unit=P1.01&from=2021&to=2022");
  assert.equal(trend.statusCode, 200, trend.body);
  assert.deepEqual(
    trend.json().years.map((y: { year: number; setId: string }) => [y.year, y.setId]),
    [
      [2021, "xa-default"],
      [2022, "p1-2022"],
    ],
  );
  assert.equal(
    (await call("cchc.p2", "POST", "/api/reform/index/fix-plan", { unit: "P1.01", year: 2022 })).statusCode,
    403,
  );
  const plan = await call("cchc.xa", "POST", "/api/reform/index/fix-plan", { unit: "P1.01", year: 2022 });
  assert.equal(plan.statusCode, 200, plan.body);
  assert.deepEqual(
    plan.json().created.map((x: { code: string }) => x.code),
    ["6.2"],
  );
  assert.equal(plan.json().plan.kind, "index_improvement");
  const rerun = await call("cchc.xa", "POST", "/api/reform/index/fix-plan", { unit: "P1.01", year: 2022 });
  assert.deepEqual([rerun.json().created.length, rerun.json().existing.length], [0, 1]);
});
