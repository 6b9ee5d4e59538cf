// The administrator's pages on the demo province (motcua demo up to 18 March 2026; the server's clock on the next
// morning): the province's cut day set on the Kỳ báo cáo page moving the report presets; a .jsonl import with a
// bad line and an export, read back from the server. The lifecycle on the same data: lifecycle-demo.e2e.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  type Browser,
  choose,
  DEFAULT_DEMO,
  DEMO_PASSWORD,
  DEMO_PROVINCE as PROVINCE,
  DEMO_WARD as UNIT,
  e2eSuite,
  fixedClock,
  type Server,
  screenshot,
  signIn,
} from "./harness.ts";

let server: Server;
let browser: Browser;
e2eSuite({
  data: "demo",
  demo: DEFAULT_DEMO,
  now: fixedClock("2026-03-19T10:00:00+07:00").now,
  async ready(suite) {
    ({ server, browser } = suite);
  },
});

test("the administrator sets the province's cut day to 15 and the report presets follow", async () => {
  const page = await browser.newPage();
  await page.clock.setFixedTime(new Date("2026-03-19T10:30:00+07:00"));
  await signIn(page, server.url, "hue.quantri", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Kỳ báo cáo" }).click();
  await page.getByTestId("cut-day-saved").filter({ hasText: "ngày 1 (theo tháng dương lịch)" }).waitFor();
  const preview = page.getByTestId("period-preview");
  const quarter = (name: string) => preview.locator("tr").filter({ hasText: name });
  assert.deepEqual(await quarter("Quý I/2026").locator("td").allTextContents(), [
    "Quý I/2026",
    "01/01/2026",
    "31/03/2026",
  ]);
  await page.getByLabel("Ngày chốt kỳ").fill("15");
  // the preview follows the day typed, before it is saved
  await quarter("Quý III/2026").filter({ hasText: "15/06/2026" }).waitFor();
  assert.deepEqual(await quarter("Quý III/2026").locator("td").allTextContents(), [
    "Quý III/2026",
    "15/06/2026",
    "14/09/2026",
  ]);
  await page.getByRole("button", { name: "Lưu ngày chốt kỳ" }).click();
  await page.getByText("Đã lưu ngày chốt kỳ báo cáo: ngày 15").waitFor();
  await page.getByTestId("cut-day-saved").filter({ hasText: "ngày 15 (từ ngày 15 tháng trước)" }).waitFor();
  const stored = await page.request.get(`${server.url}/api/reports/period-settings?unit=${UNIT}`);
  assert.deepEqual(await stored.json(), { province: PROVINCE, cutDay: 15 });

  try {
    await page.goto(`${server.url}/can-bo/bao-cao/ket-qua?unit=${PROVINCE}`);
    const range = page.getByTestId("period-range");
    await range
      .filter({ hasText: "Năm 2026: từ 15/12/2025 đến 14/12/2026 (kỳ tính từ ngày 15 tháng trước)" })
      .waitFor();
    await choose(page, page.getByRole("combobox", { name: "Loại kỳ báo cáo" }), "", "Quý");
    await page.waitForURL((url) => url.searchParams.get("from") === "2026-03-15");
    await range.filter({ hasText: "Quý II/2026: từ 15/03/2026 đến 14/06/2026" }).waitFor();
  } finally {
    // back to calendar months through the same page, for the other tests of the suite
    await page.goto(`${server.url}/can-bo/quan-tri/ky-bao-cao`);
    await page.getByTestId("cut-day-saved").filter({ hasText: "ngày 15" }).waitFor();
    await page.getByLabel("Ngày chốt kỳ").fill("1");
    await page.getByRole("button", { name: "Lưu ngày chốt kỳ" }).click();
    await page.getByTestId("cut-day-saved").filter({ hasText: "ngày 1 (theo tháng dương lịch)" }).waitFor();
  }
  await page.close();
});

test("the administrator imports a .jsonl with a bad line, sees it rejected by number, then exports", async () => {
  const page = await browser.newPage();
  await page.clock.setFixedTime(new Date("2026-03-19T10:30:00+07:00"));
  await signIn(page, server.url, "hue.quantri", DEMO_PASSWORD);
  const exported = await page.request.get(
    `${server.url}/api/dossiers/export?unit=${UNIT}&from=2026-01-01&to=2026-03-17`,
  );
  assert.equal(exported.status(), 200);
  const lines = (await exported.text()).split("\n").filter(Boolean);
  assert.ok(lines.length > 0, "the demo gives Phú Xuân dossiers in 2026");
  const existing = JSON.parse(lines[0]!) as { code: string };
  // the same dossier under a number the unit has not used that day: a new dossier
  const newCode = existing.code.replace(/-\d{4}$/, "-9876");
  const file = [
    lines[0],
    JSON.stringify({ ...existing, code: newCode }),
    JSON.stringify({ code: `${UNIT}-260310-9877`, channel: "direct" }),
  ].join("\n");

  await page.getByRole("link", { name: "Nhập / xuất hồ sơ" }).click();
  await page.getByRole("heading", { name: "Nhập / xuất hồ sơ" }).waitFor();
  await page
    .locator("input[type=file]")
    .setInputFiles({ name: "ho-so.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
  await page.getByText("ho-so.jsonl").waitFor();
  await page.getByRole("button", { name: "Nhập hồ sơ" }).click();
  const summary = page.getByTestId("import-summary");
  await summary.waitFor();
  const figures = await summary.locator("td").allTextContents();
  assert.deepEqual(figures, ["3", "1", "1", "1"]);
  const rejected = await page.getByTestId("import-rejected").locator("tbody tr.ant-table-row").all();
  assert.equal(rejected.length, 1);
  const cells = await rejected[0]!.locator("td").allTextContents();
  assert.equal(cells[0], "3");
  assert.equal(cells[1], "Thiếu trường bắt buộc (missing-field)");
  assert.ok((cells[2] ?? "").length > 0, "the server's message");
  await screenshot(page, "admin-import-dossiers");
  const stored = await server.database.db
    .selectFrom("dossiers")
    .select("code")
    .where("code", "in", [newCode, `${UNIT}-260310-9877`])
    .execute();
  assert.deepEqual(
    stored.map((s) => s.code),
    [newCode],
  );

  // export: Phú Xuân, received 1 January – 17 March 2026, the API's own file
  await choose(page, page.getByRole("combobox", { name: "Đơn vị xuất" }), "phu xuan", /Phường Phú Xuân \(19753\)/);
  const start = page.getByPlaceholder("Ngày bắt đầu");
  await start.click();
  await start.fill("01/01/2026");
  await start.press("Enter");
  const end = page.getByPlaceholder("Ngày kết thúc");
  await end.fill("17/03/2026");
  await end.press("Enter");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Xuất hồ sơ" }).click();
  const saved = await (await download).path();
  const again = await page.request.get(`${server.url}/api/dossiers/export?unit=${UNIT}&from=2026-01-01&to=2026-03-17`);
  const expected = await again.text();
  assert.equal(readFileSync(saved, "utf8"), expected);
  const count = expected.split("\n").filter(Boolean).length;
  assert.equal(count, lines.length + 1, "the imported dossier is exported too");
  await page
    .getByTestId("export-done")
    .filter({ hasText: `Đã xuất ${count.toLocaleString("vi-VN")} hồ sơ` })
    .waitFor();
  await page.close();
});
