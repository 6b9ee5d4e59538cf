// A leader on the demo province (motcua demo, 2,000 dossiers up to 18 March 2026, the server's clock and the
// browser's both on that morning) opens the dashboard and drills into a figure. What the figure and its
// drill-down must show is computed here independently: the pure fold (computeResults) over the stored logs.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { loadPeriodRecords } from "../../src/db/repos/reports-records.ts";
import { computeResults, type ResultsWithDrillDown } from "../../src/figures/results.ts";
import { RESULT_FIELDS, type ResultField } from "../../src/figures/results-fields.ts";
import { demoSuite, openAs, type Server, screenshot } from "./harness.ts";

const UNIT = "19753"; // Phường Phú Xuân; its leader is phuxuan.lanhdao (docs/demo.md)
const PERIOD = { from: "2026-01-01", to: "2026-12-31" }; // "Năm nay", the dashboard's default on that day
const LABEL: Record<ResultField, string> = {
  carriedOver: "Kỳ trước chuyển qua",
  received: "Mới tiếp nhận",
  receivedSaturday: "Trong đó ngày thứ Bảy",
  receivedDirect: "Trực tiếp",
  receivedPostal: "Bưu chính",
  receivedOnlinePartial: "Trực tuyến một phần",
  receivedOnlineFull: "Trực tuyến toàn trình",
  finishedEarly: "Trước hạn",
  finishedOnTime: "Đúng hạn",
  finishedLate: "Trễ hạn",
  withdrawn: "Rút hồ sơ",
  stopped: "Dừng xử lý",
  openWithinDeadline: "Trong hạn",
  openOverdue: "Quá hạn",
  refusedAtIntake: "Từ chối tiếp nhận",
  declined: "Trong đó trả lại hồ sơ (không đủ điều kiện)",
};

function groupRank(field: ResultField): number {
  if (field.startsWith("finished") || field === "declined") return 1; // declined: part of finished
  if (field === "withdrawn" || field === "stopped" || field === "refusedAtIntake") return 2;
  if (field.startsWith("open")) return 3;
  return 0;
}

describe("leader: dashboard and drill-down on the demo province", () => {
  const suite = demoSuite();
  let server: Server;
  let expected: ResultsWithDrillDown;
  before(async () => {
    server = suite.server;
    await server.ctx.units.refresh();
    const subtree = server.ctx.units.subtree(UNIT);
    const records = await loadPeriodRecords(server.database.db, { ...PERIOD, unitCodes: subtree });
    expected = computeResults(records, { ...PERIOD, unit: UNIT, scope: new Set(subtree), by: "field" });
  });

  test("the figures are the fold's, and a figure lists exactly the dossiers it counts", async () => {
    const { document } = expected;
    assert.ok(document.total.received >= 10, `the demo gives Phú Xuân dossiers (${document.total.received})`);
    // A cell of a real row (not the total) small enough for one page, preferring the late ones.
    const cells = document.rows.flatMap((row) =>
      RESULT_FIELDS.map((field) => ({ row: row.key, field, n: row[field] })).filter((c) => c.n >= 1 && c.n <= 50),
    );
    const preference: ResultField[] = ["finishedLate", "openOverdue", "finishedOnTime", "received"];
    const cell = preference.map((f) => cells.find((c) => c.field === f)).find(Boolean) ?? cells[0];
    assert.ok(cell, "a figure to drill into");

    const page = await openAs(suite, "phuxuan.lanhdao");
    await page.waitForURL(`${server.url}/can-bo/bao-cao`);
    const table = page.getByTestId("results-table");
    await table.waitFor();
    // The headline figure and the table's total row are the fold's.
    await page
      .locator(".ant-statistic")
      .filter({ hasText: "Tiếp nhận trong kỳ" })
      .getByText(document.total.received.toLocaleString("vi-VN"), { exact: true })
      .waitFor();
    const totalRow = table.locator("tr").filter({ hasText: "Tổng cộng" });
    const totalCells = (await totalRow.locator("td").allTextContents()).slice(1);
    // the table groups its columns: intake, finished, other (withdrawn, stopped, refused), open
    const shownOrder = [...RESULT_FIELDS].sort((a, b) => groupRank(a) - groupRank(b));
    assert.deepEqual(
      totalCells,
      shownOrder.map((f) => document.total[f].toLocaleString("vi-VN")),
    );
    await page.getByText("Hồ sơ trễ hạn chưa có thư xin lỗi").waitFor();
    await screenshot(page, "leader-dashboard");

    const link = table.getByRole("link", { name: `${cell.n} hồ sơ: ${cell.row}, ${LABEL[cell.field]}`, exact: true });
    await link.click();
    await page.waitForURL((url) => url.pathname === "/can-bo/bao-cao/chi-tiet");
    await page
      .getByTestId("drill-total")
      .filter({ hasText: `${cell.n} hồ sơ` })
      .waitFor();
    const listed = await page.getByTestId("drill-list").locator("tbody a[href^='/can-bo/ho-so/']").allTextContents();
    assert.deepEqual(listed.sort(), expected.dossiersIn(cell.row, cell.field).sort());
    await screenshot(page, "leader-drill-down");

    // From the list to the dossier itself.
    await page.getByRole("link", { name: listed[0]!, exact: true }).click();
    await page.getByRole("heading", { name: `Hồ sơ ${listed[0]}` }).waitFor();
    await page.close();
  });
});
