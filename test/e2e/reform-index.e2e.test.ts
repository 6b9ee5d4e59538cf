// Chỉ số CCHC in the browser: a province sets up its 2025 index year with the default commune set; three
// communes have different assessments; a commune's officer self-scores 6.2 with an evidence file and its pages;
// after the self-assessment deadline the province's officer opens that evidence, appraises 6.2 lower with a
// comment, sees the ranking order and the band chart, the commune's lost-points list, and downloads the
// scorecard as .xlsx whose figures are read back.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { saveAssessment } from "../../src/db/repos/reform-index/assessments.ts";
import { saveIndexYear } from "../../src/db/repos/reform-index/sets.ts";
import { readWorkbook } from "../../src/reform/records/workbook.ts";
import type { Page } from "playwright-core";
import { e2eSuite, fixedClock, openAs, type Server, screenshot } from "./harness.ts";

const PDF = join(tmpdir(), `motcua-e2e-index-${process.pid}.pdf`);
const XLSX = join(tmpdir(), `motcua-e2e-index-${process.pid}.xlsx`);
const YEAR = 2025;
const clock = fixedClock("2026-01-10T09:00:00+07:00");

/** A third commune, the province's 2025 index year, and three communes' self-assessments. */
async function seedIndex(server: Server): Promise<void> {
  writeFileSync(PDF, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const db = server.database.db;
  await db
    .insertInto("units")
    .values({ code: "P1.03", name: "Xã Cát Hải", kind: "commune", parent_code: "P1", province_code: "P1" })
    .execute();
  const by = { userId: null, now: clock.now() };
  await saveIndexYear(
    db,
    {
      provinceCode: "P1",
      year: YEAR,
      setId: "xa-default",
      setVersion: 1,
      self: "2026-01-15",
      appraisal1: "2026-01-31",
      explanation: null,
      appraisal2: null,
      final: null,
      locked: false,
    },
    by,
  );
  // three communes, three different self-assessments (6.2 of Xã An Hòa is scored in the browser)
  const scores: [string, string, number][] = [
    ["P1.01", "2.3", 2],
    ["P1.01", "6.3", 1],
    ["P1.02", "2.3", 2],
    ["P1.02", "6.2", 2],
    ["P1.02", "6.3", 2],
    ["P1.03", "2.3", 1],
    ["P1.03", "6.3", 0],
  ];
  for (const [unit, code, selfScore] of scores)
    await saveAssessment(db, { unit, year: YEAR, code, change: { selfScore } }, by);
}

const suite = e2eSuite({
  now: clock.now,
  staff: [
    ["cchc.xa", "Lê Thị Cải", "P1.01", ["reform_officer"]],
    ["cchc.tinh", "Phạm Văn Thẩm", "P1", ["reform_officer"]],
  ],
  setup: seedIndex,
});

/** The commune's officer self-scores 6.2 with an evidence file and its pages. */
async function selfAssess(): Promise<void> {
  const { server } = suite;
  const page = await openAs(suite, "cchc.xa");
  await page.getByRole("link", { name: "Chỉ số CCHC", exact: true }).click();
  await page.goto(`${server.url}/can-bo/chi-so-cchc?unit=P1.01&year=${YEAR}`);
  await page.getByRole("heading", { name: "Chỉ số cải cách hành chính — Xã An Hòa" }).waitFor();
  await page.getByTestId("index-phase").getByText("Tự đánh giá, chấm điểm").first().waitFor();
  // 6.3 was scored without its evidence: warned before the appraiser deducts it
  await page
    .getByText(/6\.3: có điểm nhưng chưa có tài liệu kiểm chứng/)
    .first()
    .waitFor();

  await page.getByRole("button", { name: "Chấm 6.2" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(/Tài liệu kiểm chứng cần có: Tài liệu công khai quản lý, sử dụng tài sản công/).waitFor();
  await dialog.getByLabel("Điểm tự chấm").fill("2");
  await dialog.getByLabel("Ghi chú, giải trình").fill("Đã niêm yết công khai tài sản công tại trụ sở");
  await dialog.getByLabel("Tài liệu kiểm chứng").setInputFiles(PDF);
  await dialog.getByLabel("Trang kiểm chứng").fill("2-3");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("score-6.2").getByText("2", { exact: true }).waitFor();
  await page.getByRole("link", { name: /motcua-e2e-index-\d+\.pdf/ }).waitFor();
  await page.getByTestId("index-total").getByText("5/6").waitFor();
  await screenshot(page, "reform-index-scorecard");
  await page.close();
}

/** After the deadline the province opens the evidence and appraises 6.2 lower; the lost points show. */
async function appraise(tinh: Page): Promise<void> {
  const { server } = suite;
  await tinh.getByRole("link", { name: "Xếp hạng Chỉ số CCHC" }).click();
  await tinh.goto(`${server.url}/can-bo/chi-so-cchc/xep-hang?unit=P1&year=${YEAR}`);
  const ranking = tinh.getByTestId("index-ranking");
  await ranking.getByRole("row", { name: /1\/3\s+Phường Bình Minh\s+6\s+6\s+6\s+100%\s+Xuất sắc/ }).waitFor();
  await ranking
    .getByRole("row", { name: /Xã An Hòa/ })
    .getByRole("link", { name: "Thẩm định" })
    .click();
  await tinh.getByRole("heading", { name: "Thẩm định Chỉ số CCHC — Xã An Hòa" }).waitFor();

  // the appraiser opens the evidence the commune uploaded
  const evidence = tinh.getByTestId("appraisal-table").getByRole("link", { name: /motcua-e2e-index-\d+\.pdf/ });
  const href = await evidence.getAttribute("href");
  const opened = await tinh.request.get(`${server.url}${href}`);
  assert.equal(opened.status(), 200);
  assert.match((await opened.body()).toString(), /^%PDF-1\.4/);

  await tinh.getByRole("button", { name: "Thẩm định 6.2" }).click();
  const dialog = tinh.getByRole("dialog");
  await dialog.getByText("Tự chấm: 2").waitFor();
  await dialog.getByLabel("Điểm thẩm định lần 1").fill("1");
  await dialog.getByLabel("Ý kiến thẩm định").fill("Chưa có biên bản niêm yết công khai");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "hidden" });
  await tinh
    .getByTestId("appraisal-totals")
    .getByText(/Tự chấm 5 · Thẩm định 4\/6 · Trung bình/)
    .waitFor();
  const lost = tinh.getByTestId("lost-points");
  await lost
    .getByRole("row", { name: /6\.2\s+Công khai, minh bạch.*−1\/2\s+Chưa có biên bản niêm yết công khai/ })
    .waitFor();
  await lost.getByRole("row", { name: /6\.3\s+Giải ngân.*−1\/2/ }).waitFor();
}

/** The ranking order, the band chart, and the scorecard downloaded and read back. */
async function rankAndDownload(tinh: Page): Promise<void> {
  const { server } = suite;
  await tinh.goto(`${server.url}/can-bo/chi-so-cchc/xep-hang?unit=P1&year=${YEAR}`);
  const rows = tinh.getByTestId("index-ranking").locator("tbody tr");
  await rows.nth(2).getByText("Xã Cát Hải").waitFor();
  assert.deepEqual(
    (await rows.allInnerTexts()).map((r) =>
      r
        .split("\t")
        .slice(0, 4)
        .map((c) => c.trim()),
    ),
    [
      ["1/3", "Phường Bình Minh", "6", "6"],
      ["2/3", "Xã An Hòa", "5", "4"],
      ["3/3", "Xã Cát Hải", "1", "1"],
    ],
  );
  const chart = tinh.getByTestId("band-chart");
  assert.match(String(await chart.getAttribute("aria-label")), /Xuất sắc 1, Tốt 0, Khá 0, Trung bình 1, Yếu 1/);
  await screenshot(tinh, "reform-index-ranking");

  await tinh.goto(`${server.url}/can-bo/chi-so-cchc?unit=P1.01&year=${YEAR}`);
  await tinh.getByTestId("index-total").getByText("4/6").waitFor();
  const [download] = await Promise.all([
    tinh.waitForEvent("download"),
    tinh.getByRole("link", { name: "Tải bảng điểm (.xlsx)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^Bảng điểm Chỉ số CCHC - Xã An Hòa - 2025\.xlsx$/);
  await download.saveAs(XLSX);
  const sheets = await readWorkbook(readFileSync(XLSX));
  const card = sheets.get("Bảng điểm")!;
  assert.deepEqual(card.find((r) => r[0] === "6.2")?.slice(2, 7), [2, 2, 1, "", 1]);
  assert.deepEqual(card.find((r) => r[0] === "Tổng điểm")?.slice(2, 7), [6, 5, "", "", 4]);
  const lostSheet = sheets.get("Bị trừ điểm")!;
  assert.deepEqual(
    lostSheet.filter((r) => typeof r[0] === "number").map((r) => [r[1], r[3]]),
    [
      ["6.2", 1],
      ["6.3", 1],
    ],
  );
}

/** Appraisal 1 is over, no explanation deadline: the commune explains 6.2 with one more file. */
async function explain(): Promise<void> {
  clock.set("2026-02-05T09:00:00+07:00");
  const xa = await openAs(suite, "cchc.xa", `/can-bo/chi-so-cchc?unit=P1.01&year=${YEAR}`);
  await xa.getByTestId("index-phase").getByText("Giải trình").first().waitFor();
  await xa.getByRole("button", { name: "Chấm 6.2" }).click();
  const dialog = xa.getByRole("dialog");
  await dialog.getByLabel("Nội dung giải trình").fill("Bổ sung biên bản niêm yết ngày 15/12/2025");
  await dialog.getByLabel("Tài liệu kiểm chứng").setInputFiles(PDF);
  await dialog.getByLabel("Trang kiểm chứng").fill("1");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "hidden" });
  await xa.getByText("Giải trình: Bổ sung biên bản niêm yết ngày 15/12/2025").waitFor();
  assert.equal(await xa.getByRole("button", { name: "Chấm 2.3" }).getByText("Giải trình").count(), 1);
  await xa.close();
}

test("self-assess with evidence, appraise, rank, lost points, download the scorecard", async () => {
  await selfAssess();
  // the self-assessment deadline passes: appraisal round 1
  clock.set("2026-01-20T09:00:00+07:00");
  const tinh = await openAs(suite, "cchc.tinh");
  await appraise(tinh);
  await rankAndDownload(tinh);
  await tinh.close();
  await explain();
});
