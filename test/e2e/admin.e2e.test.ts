// An administrator of Huế manages accounts, the calendar and the catalogue through the real API: the
// server's validation messages land next to the fields, and every change is read back from the server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createUser } from "../../src/db/repos/people.ts";
import { choose, e2eSuite, PASSWORD, screenshot, signIn } from "./harness.ts";

const suite = e2eSuite({ data: "reference", staff: [["quantri.hue", "Trần Quản Trị", "46", ["admin"]]] });

test("the unit tree is the first screen of an administrator", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await signIn(page, server.url, "quantri.hue");
  await page.waitForURL(`${server.url}/can-bo/quan-tri/don-vi`);
  await page.getByRole("cell", { name: "Thành phố Huế" }).waitFor();
  // unit kinds in Vietnamese, no English left on the page (issue 15)
  await page.getByRole("cell", { name: "Tỉnh, thành phố", exact: true }).first().waitFor();
  assert.equal(await page.getByRole("cell", { name: "province", exact: true }).count(), 0);
  await page.close();
});

test("creates a front-desk account; a bad username is explained beside its field", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await signIn(page, server.url, "quantri.hue");
  await page.goto(`${server.url}/can-bo/quan-tri/nguoi-dung`);
  const form = page.locator("form");
  await form.getByLabel("Tên đăng nhập").fill("A B");
  await form.getByLabel("Họ và tên").fill("Lê Văn Bình");
  await form.getByLabel("Mật khẩu ban đầu").fill("mat-khau-ban-dau-2026");
  await choose(page, form.getByLabel("Đơn vị"), "Phu Xuan", /Phường Phú Xuân/);
  await form.getByLabel("Cán bộ một cửa").check();
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  // The server's reason (Zod message) is shown under the username field.
  await form.getByText(/Tên đăng nhập gồm 3–64 ký tự/).waitFor();
  await form.getByLabel("Tên đăng nhập").fill("le.van.binh");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await page.getByText("Đã tạo tài khoản").waitFor();
  await choose(page, page.getByRole("combobox", { name: "Đơn vị" }).first(), "Phú Xuân", /Phường Phú Xuân/);
  await page.getByRole("cell", { name: "le.van.binh" }).waitFor();
  await screenshot(page, "admin-users");
  await page.close();
});

test("adds a province day off with its reason and sees it in the year", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await signIn(page, server.url, "quantri.hue");
  await page.goto(`${server.url}/can-bo/quan-tri/lich`);
  await page.getByRole("spinbutton").fill("2030");
  await choose(page, page.getByRole("combobox", { name: "Đơn vị" }), "Kim Tra", /Phường Kim Trà/);
  await page.getByText(/Điều chỉnh lịch \(tỉnh 46\)/).waitFor();
  const before = await page.getByRole("row").count();
  await page.getByLabel("Ngày", { exact: true }).fill("15/03/2030");
  await page.keyboard.press("Enter");
  await page.getByLabel("Ghi chú").fill("Nghỉ bù theo quyết định của UBND thành phố");
  await page.getByRole("button", { name: "Thêm điều chỉnh" }).click();
  await page.getByText("Đã cập nhật lịch").waitFor();
  await page.getByRole("cell", { name: "Nghỉ bù theo quyết định của UBND thành phố" }).first().waitFor();
  assert.ok((await page.getByRole("row").count()) > before);
  await screenshot(page, "admin-calendar");
  await page.close();
});

test("reads the versions of a procedure", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await signIn(page, server.url, "quantri.hue");
  await page.goto(`${server.url}/can-bo/quan-tri/thu-tuc`);
  const picker = page.getByRole("combobox", { name: "Chọn thủ tục để xem các phiên bản" });
  await choose(page, picker, "dang ky khai sinh", "Thủ tục đăng ký khai sinh (1.001193)");
  await page.getByRole("cell", { name: "01/07/2025" }).first().waitFor();
  // a province's administrator reads the national versions but does not write them (the server refuses)
  await page.getByTestId("catalogue-national-only").waitFor();
  assert.equal(await page.getByRole("button", { name: "Lưu thành phiên bản mới" }).count(), 0);
  await page.close();
});

test("the superuser edits a procedure in a Vietnamese form (no JSON) and saves a new version", async () => {
  const { server, browser } = suite;
  await createUser(
    server.database.db,
    {
      username: "sieuquantri",
      fullName: "Siêu Quản Trị",
      password: PASSWORD,
      kind: "staff",
      isSuperuser: true,
      grants: [],
    },
    (code) => server.ctx.units.provinceOf(code),
  );
  const page = await browser.newPage();
  await signIn(page, server.url, "sieuquantri");
  await page.goto(`${server.url}/can-bo/quan-tri/thu-tuc`);
  const picker = page.getByRole("combobox", { name: "Chọn thủ tục để xem các phiên bản" });
  await choose(page, picker, "dang ky khai sinh", "Thủ tục đăng ký khai sinh (1.001193)");
  const editor = page.getByTestId("procedure-editor");
  await editor.waitFor();
  assert.equal(await page.locator("textarea").count(), 0, "no raw JSON");
  assert.equal(await editor.getByLabel("Tên thủ tục").inputValue(), "Thủ tục đăng ký khai sinh");
  const rowsBefore = await page.locator(".ant-table-tbody tr.ant-table-row").count();
  const components = editor.locator(".ant-card").filter({ hasText: "Thành phần hồ sơ" });
  const before = await components.getByPlaceholder("Tên giấy tờ").count();
  await components.getByRole("button", { name: "Thêm dòng" }).click();
  await components.getByPlaceholder("Tên giấy tờ").nth(before).fill("Giấy tờ chứng minh nơi cư trú");
  const date = editor.getByLabel("Áp dụng từ ngày");
  await date.click();
  await date.fill("01/01/2027");
  await date.press("Enter");
  await editor.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
  await page
    .getByText("Đã tạo phiên bản mới")
    .or(editor.getByRole("alert"))
    .or(editor.locator(".ant-form-item-explain-error"))
    .first()
    .waitFor();
  const problems = await editor.locator("[role=alert], .ant-form-item-explain-error").allTextContents();
  assert.deepEqual(problems, [], "the unchanged procedure with one more component is accepted");
  await page.getByRole("cell", { name: "01/01/2027" }).waitFor();
  assert.equal(await page.locator(".ant-table-tbody tr.ant-table-row").count(), rowsBefore + 1);
  const saved = await server.database.db
    .selectFrom("procedures")
    .select(["components"])
    .where("code", "=", "1.001193")
    .where("effective_from", "=", "2027-01-01")
    .executeTakeFirstOrThrow();
  assert.match(JSON.stringify(saved.components), /Giấy tờ chứng minh nơi cư trú/);
  await page.close();
});
