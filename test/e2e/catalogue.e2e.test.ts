// A citizen finds a procedure by typing without diacritics, reads what it needs, how long it takes and what
// it costs, on a desktop and on a phone. Against the shipped starter catalogue.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type Browser, e2eSuite, screenshot, type Server } from "./harness.ts";

describe("citizen: find a procedure", () => {
  const suite = e2eSuite({ data: "reference" });
  let server: Server;
  let browser: Browser;
  before(() => {
    ({ server, browser } = suite);
  });

  test("search without diacritics, then the procedure's components, limit and fees", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByLabel("Tên thủ tục").fill("chung thuc ban sao tu ban chinh");
    const first = page.getByTestId("procedure-item").first();
    await first.getByRole("link", { name: /Chứng thực bản sao từ bản chính/ }).waitFor();
    await screenshot(page, "citizen-search");
    await first.getByRole("link", { name: /Chứng thực bản sao từ bản chính/ }).click();
    await page.getByRole("heading", { level: 1, name: /Chứng thực bản sao từ bản chính/ }).waitFor();
    await page.getByRole("heading", { name: "Thành phần hồ sơ" }).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /Trong ngày \(tiếp nhận trước 15:00\)/);
    assert.match(text, /Phí, lệ phí/);
    assert.match(text, /Dịch vụ công trực tuyến một phần/);
    await page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" }).waitFor();
    await screenshot(page, "procedure-detail");
    await page.close();
  });

  test("filter by field, and a search with no match says so", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?field=${encodeURIComponent("Hộ tịch")}`);
    await page.getByTestId("procedure-item").first().waitFor();
    const names = await page.getByTestId("procedure-item").allTextContents();
    assert.ok(names.length > 0 && names.every((n) => n.includes("Hộ tịch")), names.join("\n"));
    await page.getByLabel("Tên thủ tục").fill("khong co thu tuc nay xyz");
    await page.getByText("Không tìm thấy thủ tục phù hợp").waitFor();
    await page.close();
  });

  test("the procedure page fits a phone", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/thu-tuc/1.001193`);
    await page.getByRole("heading", { level: 1, name: /khai sinh/ }).waitFor();
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await screenshot(page, "procedure-detail-phone");
    await page.close();
  });
});
