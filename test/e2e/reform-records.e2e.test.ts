// Cải cách hành chính in the browser: the reform officer issues a plan with its file, adds two tasks, is refused
// "done" without an output document, completes a task with its output and evidence, and sees completion move
// on the plan and the year's summary; a leader of the unit reads the same completion.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { documentToSheets } from "../../src/reform/records/interchange.ts";
import { writeWorkbook } from "../../src/reform/records/workbook.ts";
import { e2eSuite, openAs, screenshot } from "./harness.ts";
import type { Page } from "playwright-core";

const PDF = join(tmpdir(), `motcua-e2e-reform-${process.pid}.pdf`);
const year = new Date().getFullYear();

const suite = e2eSuite({
  staff: [
    ["cchc.xa", "Lê Thị Cải", "P1.01", ["reform_officer"]],
    ["lanhdao.xa", "Trần Văn Lãnh", "P1.01", ["leader"]],
  ],
  setup: async () => writeFileSync(PDF, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
});

/** The reform officer issues this year's plan with its file and adds two tasks. */
async function issuePlanWithTasks(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Cải cách hành chính" }).click();
  await page.getByRole("heading", { name: /Kế hoạch và nhiệm vụ/ }).waitFor();

  await page.getByRole("button", { name: "Thêm kế hoạch" }).click();
  const planDialog = page.getByRole("dialog");
  await planDialog.getByLabel("Số, ký hiệu").fill("01/KH-UBND");
  await planDialog.getByLabel("Trích yếu").fill(`Kế hoạch cải cách hành chính năm ${year}`);
  const issued = planDialog.getByLabel("Ngày ban hành");
  await issued.click();
  await issued.fill(`05/01/${year}`);
  await issued.press("Enter");
  await planDialog.getByLabel("Cơ quan ban hành").fill("UBND xã An Hòa");
  await planDialog.getByLabel("Tệp kế hoạch").setInputFiles(PDF);
  await planDialog.getByRole("button", { name: "Lưu" }).click();
  await planDialog.waitFor({ state: "hidden" });
  await page.getByRole("link", { name: "Kế hoạch CCHC năm" }).click();
  await page.getByRole("heading", { name: /01\/KH-UBND/ }).waitFor();

  for (const [content, lead] of [
    ["Ban hành Kế hoạch tuyên truyền CCHC", "Công chức Văn hóa - Xã hội"],
    ["Tự kiểm tra công tác CCHC", "Văn phòng - Thống kê"],
  ] as const) {
    await page.getByRole("button", { name: "Thêm nhiệm vụ" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nội dung nhiệm vụ").fill(content);
    await dialog.getByLabel("Chủ trì").fill(lead);
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("cell", { name: content }).waitFor();
  }
  await page.getByTestId("plan-completion").getByText("0/2 hoàn thành").waitFor();
}

/** "Done" is refused without an output document, then accepted with its output and evidence. */
async function completeTask(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Cập nhật" }).first().click();
  const dialog = page.getByRole("dialog");
  const completed = dialog.getByLabel("Ngày hoàn thành");
  await completed.click();
  await completed.fill(`20/01/${year}`);
  await completed.press("Enter");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog
    .getByText(/chỉ hoàn thành khi có văn bản, sản phẩm đầu ra/)
    .first()
    .waitFor();

  await dialog.getByLabel("Số, ký hiệu văn bản đầu ra").fill("05/KH-UBND");
  const outputDate = dialog.getByLabel("Ngày văn bản đầu ra");
  await outputDate.click();
  await outputDate.fill(`20/01/${year}`);
  await outputDate.press("Enter");
  await dialog.getByLabel("Tệp văn bản đầu ra").setInputFiles(PDF);
  await dialog.getByLabel("Tài liệu kiểm chứng").setInputFiles(PDF);
  await dialog.getByLabel("Trang kiểm chứng").fill("1-2");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByTestId("plan-completion").getByText("1/2 hoàn thành").waitFor();
  await page.getByRole("cell", { name: /Báo cáo số 05\/KH-UBND/ }).waitFor();
  await page.getByRole("cell", { name: "1 tệp" }).waitFor();
  await screenshot(page, "reform-plan");

  await page.getByRole("link", { name: "Cải cách hành chính" }).click();
  await page.getByTestId("reform-total").getByText(/1\/2 nhiệm vụ đã hoàn thành/);
}

test("issue a plan with tasks, complete a task with its output and evidence, see completion move", async () => {
  const { server } = suite;
  const page = await openAs(suite, "cchc.xa");
  await issuePlanWithTasks(page);
  await completeTask(page);
  await page.close();

  // what the server holds: the task done with its output and evidence page pointer
  const task = await server.database.db
    .selectFrom("reform_tasks")
    .select(["progress", "completed_on", "output", "evidence"])
    .where("completed_on", "is not", null)
    .executeTakeFirstOrThrow();
  assert.equal(task.progress, 100);
  assert.equal((task.output as { number: string }).number, "05/KH-UBND");

  const leader = await openAs(suite, "lanhdao.xa", "/can-bo/cchc");
  await leader.goto(`${server.url}/can-bo/cchc`);
  await leader
    .getByTestId("reform-total")
    .getByText(/1\/2 nhiệm vụ đã hoàn thành/)
    .waitFor();
  assert.equal(await leader.getByRole("button", { name: "Thêm kế hoạch" }).count(), 0, "leaders read, never edit");
  // and the leader's dashboard shows the same completion beside the one-stop figures
  await leader.goto(`${server.url}/can-bo/bao-cao?from=${year}-01-01&to=${year}-12-31&unit=P1.01`);
  await leader
    .getByTestId("reform-progress")
    .getByText(/1\/2 nhiệm vụ trong 1 kế hoạch đã hoàn thành/)
    .waitFor();
  await leader.close();
});

test("a register: an inspection with its evidence shows in the 01b figures", async () => {
  const page = await openAs(suite, "cchc.xa", "/can-bo/cchc/so-theo-doi");
  await page.getByRole("heading", { name: "Sổ theo dõi công tác cải cách hành chính" }).waitFor();
  const kind = page.getByRole("combobox", { name: "Loại hồ sơ" });
  await kind.click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: "Kiểm tra CCHC" })
    .click();
  await page.getByRole("button", { name: "Thêm" }).click();
  const dialog = page.getByRole("dialog");
  const on = dialog.getByLabel("Ngày", { exact: true });
  await on.click();
  await on.fill(`10/04/${year}`);
  await on.press("Enter");
  await dialog.getByLabel("Nội dung kiểm tra").fill("Tự kiểm tra CCHC quý I");
  await dialog.getByLabel("Số bộ phận, công chức được kiểm tra").fill("6");
  await dialog.getByLabel("Số vấn đề phát hiện").fill("2");
  await dialog.getByLabel("Số vấn đề đã xử lý xong").fill("1");
  await dialog.getByLabel("Tài liệu kiểm chứng").setInputFiles(PDF);
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByRole("cell", { name: /Tự kiểm tra CCHC quý I/ }).waitFor();
  await page.getByRole("row", { name: /1\.2\.1\s+6/ }).waitFor();
  await page.getByRole("row", { name: /1\.2\.3\s+1/ }).waitFor();
  // Phụ lục 1 from the same records: the plan of the first journey, 2 tasks, 1 done
  await page.getByRole("row", { name: /Kế hoạch CCHC năm \(01\/KH-UBND\).*\s2\s+1$/ }).waitFor();
  // removed (its history kept): the figures no longer count it
  await page.getByRole("button", { name: "Xóa" }).click();
  await page.locator(".ant-popconfirm:visible").getByRole("button", { name: "Xóa" }).click();
  await page.getByRole("cell", { name: /Tự kiểm tra CCHC quý I/ }).waitFor({ state: "detached" });
  await page.getByRole("row", { name: /1\.2\.1\s+6/ }).waitFor({ state: "detached" });

  // a province moving in: its spreadsheet is refused whole with the row at fault, then accepted once fixed
  const plan = {
    unit: "P1.01",
    kind: "index_improvement",
    number: "68/KH-UBND",
    title: "Kế hoạch nâng cao Chỉ số CCHC",
    issuedOn: `${year}-01-02`,
    issuer: "UBND xã An Hòa",
    year,
    tasks: [
      {
        ordinal: 1,
        area: "procedure",
        content: "Niêm yết TTHC",
        outputKind: "report",
        lead: "Một cửa",
        progress: 100,
        completedOn: `${year}-02-01`,
      },
    ],
  };
  const bad = join(tmpdir(), `motcua-e2e-reform-${process.pid}.xlsx`);
  writeFileSync(bad, await writeWorkbook(documentToSheets({ plans: [plan], records: [] } as never)));
  await page.getByLabel("Tệp nhập hồ sơ CCHC").setInputFiles(bad);
  await page.getByText(/Nhiệm vụ!2.*task-done-without-output/).waitFor();
  const good = join(tmpdir(), `motcua-e2e-reform-${process.pid}.json`);
  const fixed = { ...plan, tasks: [{ ...plan.tasks[0], output: { number: "9/BC-UBND", date: `${year}-02-01` } }] };
  writeFileSync(good, JSON.stringify({ format: "motcua-reform-records", plans: [fixed], records: [] }));
  await page.getByLabel("Tệp nhập hồ sơ CCHC").setInputFiles(good);
  await page.getByText(/Đã nhập: 1 kế hoạch, 1 nhiệm vụ/).waitFor();
  await page.getByRole("row", { name: /Kế hoạch nâng cao Chỉ số CCHC \(68\/KH-UBND\).*\s1\s+1$/ }).waitFor();
  await page.close();
});
