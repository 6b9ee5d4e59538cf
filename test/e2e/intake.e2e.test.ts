// A counter intake in the browser: the procedure picked by typing without diacritics, the checklist, the
// applicant, the appointment computed by the server shown before confirming, then the receipt slip.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { choose, e2eSuite, openAs, screenshot } from "./harness.ts";

describe("front desk: counter intake", () => {
  const suite = e2eSuite({ data: "reference", staff: [["motcua.phuxuan", "Nguyễn Thị Hoa", "19753", ["front_desk"]]] });

  test("receives a dossier and prints its receipt with the server's appointment", async () => {
    const { server } = suite;
    const page = await openAs(suite, "motcua.phuxuan");
    await page.waitForURL(`${server.url}/can-bo/tiep-nhan`);
    await choose(
      page,
      page.getByRole("combobox", { name: "Thủ tục hành chính" }),
      "dang ky khai tu",
      /Thủ tục đăng ký khai tử \(1\.000656\)/,
    );
    const checklist = page
      .getByRole("group", { name: "Thành phần hồ sơ đã nhận" })
      .or(page.locator(".ant-checkbox-group"));
    const boxes = checklist.getByRole("checkbox");
    await boxes.first().waitFor(); // the checklist arrives with the procedure's version in force
    assert.ok((await boxes.count()) >= 1);
    for (const box of await boxes.all()) await box.check();
    await page.getByLabel("Họ và tên người nộp").fill("Trần Văn Nam");
    await page.getByLabel("Số định danh cá nhân (CCCD)").fill("046090001234");
    await page.getByLabel("Số điện thoại").fill("0905123456");
    await page.getByRole("button", { name: "Xem ngày hẹn trả" }).click();
    const preview = page.getByTestId("appointment-preview");
    await preview.waitFor();
    const shown = (await preview.textContent()) ?? "";
    assert.match(shown, /Ngày hẹn trả kết quả: \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    await screenshot(page, "counter-intake");
    await page.getByRole("button", { name: "Xác nhận tiếp nhận" }).click();
    const code = ((await page.getByTestId("dossier-code").textContent()) ?? "").replace("Đã tiếp nhận hồ sơ ", "");
    assert.match(code, /^19753-\d{6}-\d{4}$/);
    // The appointment on the result is the one previewed (both come from the server).
    assert.equal(
      ((await page.getByTestId("appointment").textContent()) ?? "").replace("Ngày hẹn trả kết quả: ", ""),
      shown.replace("Ngày hẹn trả kết quả: ", ""),
    );
    const [slip] = await Promise.all([
      page.context().waitForEvent("page"),
      page.getByRole("link", { name: /In phiếu tiếp nhận/ }).click(),
    ]);
    await slip.getByTestId("receipt-code").filter({ hasText: code }).waitFor();
    await slip.getByText("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").waitFor();
    await screenshot(slip, "receipt-slip");
    await slip.close();
    await page.close();
  });
});
