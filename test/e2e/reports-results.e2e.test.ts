// The results pages of the "Báo cáo" section on the demo province, as Huế's reform officer (reports.helpers.ts):
// the results report (by field and unit, downloads, drill-down), the period presets and the province's cut day,
// and figures typed in by hand. Every figure a page shows is checked against the JSON the API returns for the same
// query, never against numbers written here. The other report pages: reports-rates.e2e.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Page, request } from "playwright-core";
import { RESULT_FIELDS } from "../../src/figures/results-fields.ts";
import type { ResultsReport } from "../../web/src/types.ts";
import { choose, DEMO_PASSWORD, type Server, screenshot } from "./harness.ts";
import { count, PROVINCE, qs, type ReportsPage, reportsPage, UNIT, YEAR } from "./reports.helpers.ts";

function groupRank(field: string): number {
  if (field.startsWith("finished") || field === "declined") return 1; // declined: part of finished
  if (field === "withdrawn" || field === "stopped" || field === "refusedAtIntake") return 2;
  if (field.startsWith("open")) return 3;
  return 0;
}

let server: Server;
let page: Page;
let api: ReportsPage["api"];
reportsPage((reports) => ({ server, page, api } = reports));

/** The table by field, then by unit: each figure a link, the total row the API's in the table's column order. */
async function resultsTable(): Promise<ResultsReport> {
  await page.goto(`${server.url}/can-bo/bao-cao/ket-qua`);
  await page.getByTestId("period-range").filter({ hasText: "Năm 2026: từ 01/01/2026 đến 31/12/2026" }).waitFor();
  const byField = await api<ResultsReport>(`/reports/results?${qs({ ...YEAR, unit: PROVINCE, by: "field" })}`);
  assert.ok(byField.total.received >= 20, `the demo gives Huế dossiers in 2026 (${byField.total.received})`);
  const table = page.getByTestId("results-table");
  await table.locator("tr").filter({ hasText: "Tổng cộng" }).waitFor();
  for (const row of byField.rows) {
    await table
      .locator("tbody tr")
      .filter({ hasText: row.key })
      .first()
      .getByRole("link", { name: `${count(row.received)} hồ sơ: ${row.key}, Mới tiếp nhận`, exact: true })
      .waitFor();
  }

  await choose(page, page.getByRole("combobox", { name: "Thống kê theo" }), "", "Đơn vị");
  await page.waitForURL((url) => url.searchParams.get("by") === "unit");
  const byUnit = await api<ResultsReport>(`/reports/results?${qs({ ...YEAR, unit: PROVINCE, by: "unit" })}`);
  const firstCells = table.locator("tbody tr.ant-table-row td:first-child");
  await firstCells.first().filter({ hasText: byUnit.rows[0]!.key }).waitFor();
  const keys = (await firstCells.allTextContents()).map((s) => s.trim());
  assert.deepEqual(keys, [...byUnit.rows.map((r) => r.key), "Tổng cộng"]);
  const totalRow = table.locator("tr").filter({ hasText: "Tổng cộng" });
  const totalCells = (await totalRow.locator("td").allTextContents()).slice(1);
  // the table groups its columns: intake, finished, other (withdrawn, stopped, refused), open
  assert.deepEqual(
    totalCells,
    [...RESULT_FIELDS].sort((a, b) => groupRank(a) - groupRank(b)).map((f) => count(byUnit.total[f])),
  );
  return byUnit;
}

/** CSV and Excel of the table, and the papers that go with the report, all from the page's filters. */
async function resultsDownloads(): Promise<void> {
  for (const [label, format, type] of [
    ["Tải CSV", "csv", "text/csv"],
    ["Tải Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ] as const) {
    const href = (await page.getByRole("link", { name: label }).getAttribute("href")) ?? "";
    assert.ok(href?.startsWith("/api/reports/results?"), `${label}: ${href}`);
    const params = new URL(href, server.url).searchParams;
    assert.deepEqual(
      { format: params.get("format"), by: params.get("by"), unit: params.get("unit"), from: params.get("from") },
      { format, by: "unit", unit: PROVINCE, from: YEAR.from },
    );
    const response = await page.request.get(`${server.url}${href}`);
    assert.equal(response.status(), 200);
    assert.ok(response.headers()["content-type"]?.startsWith(type), response.headers()["content-type"]);
  }

  // the papers that go with the report, from the same filters: the appendix and the unit's ledger (form 07)
  const papers = page.getByTestId("results-papers");
  for (const [label, type] of [
    ["Phụ lục kết quả một cửa (.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["Phụ lục (.xlsx)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ] as const) {
    const href = (await papers.getByRole("link", { name: label }).getAttribute("href")) ?? "";
    assert.ok(href.startsWith("/api/reports/results/appendix?") && href.includes(`unit=${PROVINCE}`), href);
    const response = await page.request.get(`${server.url}${href}`);
    assert.equal(response.status(), 200, `${label}: ${await response.text()}`);
    assert.ok(response.headers()["content-type"]?.startsWith(type), response.headers()["content-type"]);
  }
  const ledger = (await papers.getByRole("link", { name: "Sổ theo dõi hồ sơ (mẫu 07)" }).getAttribute("href")) ?? "";
  assert.ok(ledger.startsWith(`/api/units/${PROVINCE}/ledger?`) && ledger.includes(`from=${YEAR.from}`), ledger);
}

/** A figure's link opens its dossiers (the API's list), names the unit, and leads back to the report. */
async function drillIntoCell(byUnit: ResultsReport): Promise<void> {
  const table = page.getByTestId("results-table");
  // a cell of a real row, small enough for one page of the drill-down
  const cell = byUnit.rows
    .flatMap((row) =>
      (["finishedLate", "openOverdue", "receivedOnlineFull", "received"] as const).map((field) => ({
        row: row.key,
        field,
        n: row[field],
      })),
    )
    .find((c) => c.n >= 1 && c.n <= 50);
  assert.ok(cell, "a figure to drill into");
  const label = {
    finishedLate: "Trễ hạn",
    openOverdue: "Quá hạn",
    receivedOnlineFull: "Trực tuyến toàn trình",
    received: "Mới tiếp nhận",
  };
  await table
    .getByRole("link", { name: `${count(cell.n)} hồ sơ: ${cell.row}, ${label[cell.field]}`, exact: true })
    .click();
  await page.waitForURL((url) => url.pathname === "/can-bo/bao-cao/chi-tiet");
  await page
    .getByTestId("drill-total")
    .filter({ hasText: `${cell.n} hồ sơ` })
    .waitFor();
  const drill = await api<{ dossiers: { code: string }[] }>(
    `/reports/results/dossiers?${qs({ ...YEAR, unit: PROVINCE, by: "unit", row: cell.row, field: cell.field, pageSize: "50" })}`,
  );
  const listed = await page.getByTestId("drill-list").locator("tbody a[href^='/can-bo/ho-so/']").allTextContents();
  assert.deepEqual(
    listed,
    drill.dossiers.map((d) => d.code),
  );
  assert.equal(await page.getByTestId("drill-manual").count(), 0, "no manual figures in this cell");
  // the unit is named, never shown by its code (issue 15: "Đơn vị: 19753")
  const units = await api<{ units: { code: string; name: string }[] }>("/units");
  const unitName = units.units.find((u) => u.code === cell.row)?.name ?? "?";
  await page.getByTestId("drill-title").filter({ hasText: unitName }).waitFor();
  const receiving = await page
    .getByTestId("drill-list")
    .locator("tbody tr.ant-table-row td:nth-child(4)")
    .allTextContents();
  assert.ok(receiving.length > 0 && receiving.every((t) => !/^\d+$/.test(t.trim())), receiving.join(", "));
  await page.getByRole("link", { name: "← Về báo cáo" }).click();
  await page.waitForURL((url) => url.pathname === "/can-bo/bao-cao/ket-qua" && url.searchParams.get("by") === "unit");
}

test("results report: the table is the API's, by unit too; CSV and Excel; a cell drills to its dossiers", async () => {
  const byUnit = await resultsTable();
  await resultsDownloads();
  await drillIntoCell(byUnit);
});

test("period presets: quarter, month, half-year and year of any year; the province's cut day moves them", async () => {
  await page.goto(`${server.url}/can-bo/bao-cao/ket-qua?unit=${PROVINCE}`);
  const range = page.getByTestId("period-range");
  await range.filter({ hasText: "Năm 2026" }).waitFor();
  const kind = page.getByRole("combobox", { name: "Loại kỳ báo cáo" });
  const expectPeriod = async (from: string, to: string, text: string) => {
    await page.waitForURL((url) => url.searchParams.get("from") === from && url.searchParams.get("to") === to);
    await range.filter({ hasText: text }).waitFor();
    const report = await api<ResultsReport>(`/reports/results?${qs({ from, to, unit: PROVINCE, by: "field" })}`);
    const totalRow = page.getByTestId("results-table").locator("tr").filter({ hasText: "Tổng cộng" });
    // the first figure after "Kỳ trước chuyển qua" is "Mới tiếp nhận"
    await totalRow
      .locator("td")
      .nth(2)
      .filter({ hasText: new RegExp(`^${count(report.total.received)}$`) })
      .waitFor();
  };

  await choose(page, kind, "", "Quý");
  await expectPeriod("2026-01-01", "2026-03-31", "Quý I/2026: từ 01/01/2026 đến 31/03/2026");
  await choose(page, page.getByRole("combobox", { name: "Quý" }), "", "Quý III");
  await expectPeriod("2026-07-01", "2026-09-30", "Quý III/2026");
  await choose(page, page.getByRole("combobox", { name: "Năm" }), "", "2025");
  await expectPeriod("2025-07-01", "2025-09-30", "Quý III/2025: từ 01/07/2025 đến 30/09/2025");
  await choose(page, kind, "", "Tháng");
  await expectPeriod("2025-09-01", "2025-09-30", "Tháng 9/2025");
  await choose(page, kind, "", "6 tháng");
  await expectPeriod("2025-07-01", "2025-12-31", "6 tháng cuối năm 2025");
  await choose(page, kind, "", "Tùy chọn");
  await page.locator(".ant-picker-range").waitFor();

  // Huế's administrator sets the province's cut day to 15: presets become "15th of the month before to the 14th"
  const admin = await request.newContext({ baseURL: server.url });
  try {
    const login = await admin.post("/api/auth/login", { data: { username: "hue.quantri", password: DEMO_PASSWORD } });
    assert.equal(login.status(), 200);
    const put = await admin.put("/api/reports/period-settings", { data: { province: PROVINCE, cutDay: 15 } });
    assert.equal(put.status(), 200, await put.text());
    await page.goto(`${server.url}/can-bo/bao-cao/ket-qua?unit=${PROVINCE}`);
    await range.filter({ hasText: "(kỳ tính từ ngày 15 tháng trước)" }).waitFor();
    await range.filter({ hasText: "Năm 2026: từ 15/12/2025 đến 14/12/2026" }).waitFor();
    await choose(page, kind, "", "Quý");
    // 18 March is past the 14th: already quý II under this cut
    await expectPeriod("2026-03-15", "2026-06-14", "Quý II/2026: từ 15/03/2026 đến 14/06/2026");
    await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
    await screenshot(page, "reports-results-cut-period", false);
    await choose(page, page.getByRole("combobox", { name: "Quý" }), "", "Quý III");
    await expectPeriod("2026-06-15", "2026-09-14", "Quý III/2026: từ 15/06/2026 đến 14/09/2026");
  } finally {
    await admin.put("/api/reports/period-settings", { data: { province: PROVINCE, cutDay: 1 } });
    await admin.dispose();
  }
});

test("manual figures: an inconsistent row is refused next to its fields, a period with dossiers by the server, a valid one is accepted and marked nhập tay", async () => {
  const june2023 = { from: "2023-06-01", to: "2023-06-30" }; // before the demo's first dossier
  await page.goto(`${server.url}/can-bo/bao-cao/nhap-so-lieu`);
  await choose(page, page.getByRole("combobox", { name: "Đơn vị nộp số liệu" }), "Phú Xuân", /Phường Phú Xuân/);
  await choose(page, page.getByRole("combobox", { name: "Loại kỳ báo cáo" }), "", "Tháng");
  await choose(page, page.getByRole("combobox", { name: "Tháng" }), "", /^Tháng 6$/);
  await choose(page, page.getByRole("combobox", { name: "Năm" }), "", "2023");
  await page.getByTestId("period-range").filter({ hasText: "Tháng 6/2023: từ 01/06/2023 đến 30/06/2023" }).waitFor();

  const row = page.getByTestId("manual-row-0");
  const figures: Record<string, number> = {
    "Tiếp nhận: Kỳ trước chuyển qua": 2,
    "Tiếp nhận: Mới tiếp nhận": 10,
    "Tiếp nhận: Trong đó ngày thứ Bảy": 1,
    "Tiếp nhận: Trực tiếp": 7, // 7 + 1 + 2 + 1 = 11 ≠ 10 received
    "Tiếp nhận: Bưu chính": 1,
    "Tiếp nhận: Trực tuyến một phần": 2,
    "Tiếp nhận: Trực tuyến toàn trình": 1,
    "Đã giải quyết: Trước hạn": 5,
    "Đã giải quyết: Đúng hạn": 3,
    "Đã giải quyết: Trễ hạn": 1,
    "Đã giải quyết: Trong đó trả lại hồ sơ (không đủ điều kiện)": 0,
    "Khác: Rút hồ sơ": 0,
    "Khác: Dừng xử lý": 0,
    "Đang giải quyết: Trong hạn": 2,
    "Đang giải quyết: Quá hạn": 1,
    "Khác: Từ chối tiếp nhận": 0,
  };
  await row.getByLabel("Lĩnh vực").fill("Hộ tịch");
  for (const [label, n] of Object.entries(figures)) await row.getByLabel(label, { exact: true }).fill(String(n));
  await page.getByRole("button", { name: "Gửi số liệu" }).click();
  const directItem = row
    .locator(".ant-form-item")
    .filter({ has: page.getByLabel("Tiếp nhận: Trực tiếp", { exact: true }) });
  await directItem.getByText("Các thành phần không cộng đúng tổng (cần 10, có 11)").waitFor();
  await page.getByRole("alert").filter({ hasText: "Số liệu không nhất quán" }).waitFor();
  await screenshot(page, "reports-manual-error");
  const before = await api<ResultsReport>(`/reports/results?${qs({ ...june2023, unit: UNIT })}`);
  assert.equal(before.manual, undefined, "nothing was stored");

  // consistent figures, but for a period Phú Xuân has dossiers in: the server refuses with its reason
  const june2025 = await api<ResultsReport>(
    `/reports/results?${qs({ from: "2025-06-01", to: "2025-06-30", unit: UNIT })}`,
  );
  assert.ok(june2025.total.carriedOver + june2025.total.received > 0, "Phú Xuân has dossiers in June 2025");
  await row.getByLabel("Tiếp nhận: Trực tiếp", { exact: true }).fill("6");
  await choose(page, page.getByRole("combobox", { name: "Năm" }), "", "2025");
  await page.getByRole("button", { name: "Gửi số liệu" }).click();
  await page.getByRole("alert").filter({ hasText: "đã có hồ sơ trên hệ thống" }).waitFor();

  await choose(page, page.getByRole("combobox", { name: "Năm" }), "", "2023");
  await page.getByTestId("period-range").filter({ hasText: "Tháng 6/2023" }).waitFor();
  await page.getByRole("button", { name: "Gửi số liệu" }).click();
  const accepted = page.getByTestId("manual-accepted");
  await accepted.getByText("Đã nhận số liệu", { exact: true }).waitFor();
  await accepted.getByText("01/06/2023 – 30/06/2023").waitFor();
  const stored = await api<ResultsReport>(`/reports/results?${qs({ ...june2023, unit: UNIT })}`);
  assert.deepEqual(stored.manual, [{ unit: UNIT, ...june2023 }]);
  const storedRow = stored.rows.find((r) => r.key === "Hộ tịch");
  assert.equal(storedRow?.manual, true);
  assert.equal(storedRow?.receivedDirect, 6);

  // the results report marks the row, and its drill-down says the figure is typed in by hand
  await accepted.getByRole("link", { name: "Xem trong báo cáo kết quả giải quyết" }).click();
  const table = page.getByTestId("results-table");
  const manualRow = table.locator("tbody tr").filter({ hasText: "Hộ tịch" });
  await manualRow.getByTestId("manual-tag").filter({ hasText: "nhập tay" }).waitFor();
  await page.getByTestId("manual-note").waitFor();
  await manualRow.getByRole("link", { name: "10 hồ sơ: Hộ tịch, Mới tiếp nhận", exact: true }).click();
  const notice = page.getByTestId("drill-manual");
  await notice.getByText(/Số liệu của ô là 10 hồ sơ, trong đó 10 hồ sơ thuộc số liệu nhập tay/).waitFor();
  await page.getByTestId("drill-list").locator(".ant-empty").waitFor();
  assert.equal(await page.getByTestId("drill-list").locator("tbody a[href^='/can-bo/ho-so/']").count(), 0);
});
