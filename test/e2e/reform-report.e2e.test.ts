// Báo cáo CCHC in the browser: a commune's reform officer sees its Phụ lục 01b (the dossier rows equal to the
// API's sheet), types a value where nothing is recorded and is refused one that breaks a check, issues and
// submits the report; the province's reform officer sees the commune submitted, the other missing and late,
// and the roll-up of the submitted 01b rows.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { importDossierRecords } from "../../src/db/repos/dossier-import.ts";
import { UnitDirectory } from "../../src/db/repos/units.ts";
import { sampleDossiers } from "../../src/figures/test-arbitraries.ts";
import { e2eSuite, fixedClock, type Server, screenshot, signIn } from "./harness.ts";

const PERIOD = "from=2024-01-01&to=2024-03-31";

/** Sixty sample dossiers in two communes over the first quarter of 2024. */
async function seedDossiers(server: Server): Promise<void> {
  const units = new UnitDirectory(server.database.db);
  await units.refresh();
  const records = sampleDossiers(
    {
      range: { from: "2024-01-01", days: 90 },
      units: ["P1.01", "P1.02"],
      procedures: [{ code: "1.001009", field: "Chứng thực", level: "commune" }],
    },
    60,
    9,
  );
  await importDossierRecords(server.database, units, records, { createMissing: true });
  await server.ctx.units.fresh();
}

describe("Báo cáo CCHC", () => {
  const suite = e2eSuite({
    now: fixedClock("2024-04-10T09:00:00+07:00").now,
    staff: [
      ["cchc.xa", "Lê Thị Cải", "P1.01", ["reform_officer"]],
      ["cchc.tinh", "Phạm Văn Tỉnh", "P1", ["reform_officer"]],
    ],
    setup: seedDossiers,
  });

  test("a commune fills, issues and submits; the province sees the register and the roll-up", async () => {
    const { server, browser } = suite;
    const page = await browser.newPage();
    await signIn(page, server.url, "cchc.xa");
    await page.goto(`${server.url}/can-bo/bao-cao/cchc?unit=P1.01&${PERIOD}`);
    await page.getByRole("heading", { name: "Báo cáo CCHC" }).waitFor();
    await page.getByTestId("sheet-table").waitFor();
    const api = await page.evaluate(async (q) => {
      const r = await fetch(`/api/reform/sheet?unit=P1.01&${q}`);
      return (await r.json()) as { rows: { code: string; value: number | null }[] };
    }, PERIOD);
    const received = api.rows.find((r) => r.code === "3.3.1")!.value!;
    assert.ok(received > 0);
    assert.equal((await page.getByTestId("value-3.3.1").textContent())?.trim(), String(received));

    await page.getByRole("button", { name: "Nhập tay 1.5" }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Số liệu").fill("1");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("value-1.5").getByText("1").waitFor();

    await page.getByRole("button", { name: "Nhập tay 6.1" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Số liệu").fill("3");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.getByRole("alert").waitFor();
    await dialog.getByRole("button", { name: "Hủy" }).click();

    await page.getByLabel("Số báo cáo").fill("15");
    await page.getByRole("button", { name: "Ban hành" }).click();
    await page.getByTestId("own-report").getByText("15/BC-UBND").waitFor();
    await page.getByRole("button", { name: "Gửi cấp trên" }).click();
    await page.getByTestId("own-report").getByText("Đã gửi").waitFor();
    await screenshot(page, "reform-report-commune");

    const province = await browser.newPage();
    await signIn(province, server.url, "cchc.tinh");
    await province.goto(`${server.url}/can-bo/bao-cao/cchc?unit=P1&${PERIOD}`);
    const subordinates = province.getByTestId("subordinates");
    await subordinates.waitFor();
    const commune = subordinates.locator("tr", { hasText: "Xã An Hòa" });
    await commune.getByText("Đã gửi").waitFor();
    assert.match((await commune.textContent()) ?? "", /Trễ hạn/);
    const ward = subordinates.locator("tr", { hasText: "Phường Bình Minh" });
    await ward.getByText("Chưa ban hành").waitFor();
    assert.match((await ward.textContent()) ?? "", /Trễ hạn/);
    const rollRow = province
      .getByTestId("roll-up")
      .locator("tr", { has: province.getByRole("cell", { name: "3.3.1", exact: true }) });
    await rollRow.waitFor();
    assert.match((await rollRow.textContent()) ?? "", new RegExp(`${received}$`));
    await screenshot(province, "reform-report-province");
  });
});
