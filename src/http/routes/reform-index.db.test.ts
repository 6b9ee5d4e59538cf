// The CCHC index over HTTP: a commune's officer self-scores, the province's officer appraises (after the
// self-assessment deadline) and reads the ranking; a commune cannot appraise itself or read another province.
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexApp, openIndexYear } from "./reform-index-testing.ts";

const NOW = new Date("2023-01-10T03:00:00Z");
const { call, app } = indexApp(
  () => NOW,
  [
    ["cchc.xa", "P1.01"],
    ["cchc.tinh", "P1"],
    ["cchc.p2", "P2.01"],
  ],
);

test("self-score, appraisal by the level above, scorecard and ranking", async () => {
  const url = "/api/reform/index/assessments/P1.01/2022/6.2";
  const self = await call("cchc.xa", "PUT", url, { selfScore: 2, selfNote: "Đã công khai" });
  assert.equal(self.statusCode, 200, self.body);
  assert.equal((await call("cchc.xa", "PUT", url, { appraisal1: 0 })).statusCode, 403);
  assert.equal((await call("cchc.p2", "PUT", url, { selfScore: 1 })).statusCode, 403);
  assert.equal((await call("cchc.xa", "PUT", url, { selfScore: 5, version: 1 })).statusCode, 422);
  await openIndexYear(app(), { self: "2022-12-31", appraisal1: "2023-01-15" }, NOW);
  assert.equal((await call("cchc.xa", "PUT", url, { selfScore: 1, version: 1 })).statusCode, 409);
  const appraised = await call("cchc.tinh", "PUT", url, {
    appraisal1: 0,
    appraiserNote: "Chưa có tài liệu kiểm chứng",
    version: 1,
  });
  assert.equal(appraised.statusCode, 200, appraised.body);
  const card = await call("cchc.xa", "GET", "/api/reform/index/scorecard?unit=P1.01&year=2022");
  assert.equal(card.statusCode, 200, card.body);
  assert.deepEqual(card.json().lost, [
    {
      code: "6.2",
      name: "Công khai, minh bạch trong quản lý, sử dụng tài sản công",
      lost: 2,
      max: 2,
      reason: "Chưa có tài liệu kiểm chứng",
    },
  ]);
  const ranking = await call("cchc.tinh", "GET", "/api/reform/index/ranking?unit=P1&year=2022");
  assert.equal(ranking.statusCode, 200, ranking.body);
  assert.deepEqual(
    ranking
      .json()
      .ranking.map((r: { unit: string }) => r.unit)
      .sort(),
    ["P1.01", "P1.02"],
  );
  assert.equal((await call("cchc.p2", "GET", "/api/reform/index/scorecard?unit=P1.01&year=2022")).statusCode, 403);
});
