// The application shell against a real server: Vietnamese portal, SPA fallback, staff sign-in with the
// session cookie, a wrong password shown next to the form, and the phone layout.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type Browser, e2eSuite, type Server, signIn } from "./harness.ts";

describe("application shell", () => {
  const suite = e2eSuite();
  let server: Server;
  let browser: Browser;
  before(async () => {
    ({ server, browser } = suite);
    await server.addStaff("motcua.xa", "Nguyễn Thị Hoa", "P1.01", ["front_desk"]);
  });

  test("the portal is in Vietnamese and deep links fall back to the app", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tra-cuu`);
    assert.equal(await page.locator("html").getAttribute("lang"), "vi");
    await page.getByRole("heading", { name: "Tra cứu hồ sơ" }).waitFor();
    await page.getByRole("link", { name: "Phản ánh, kiến nghị" }).click();
    await page.getByRole("heading", { name: "Phản ánh, kiến nghị", level: 1 }).waitFor();
    await page.close();
  });

  test("anonymous public pages log nothing in the browser console (no 401 from the session probe)", async () => {
    const page = await browser.newPage();
    const logged: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") logged.push(`${m.type()}: ${m.text()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) logged.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    for (const path of ["/", "/tra-cuu", "/phan-anh-kien-nghi"]) {
      await page.goto(`${server.url}${path}`);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
    }
    assert.deepEqual(logged, []);
    await page.close();
  });

  test("a wrong password is refused with the server's Vietnamese message", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel("Tên đăng nhập").fill("motcua.xa");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    assert.equal(new URL(page.url()).pathname, "/dang-nhap");
    await page.close();
  });

  test("staff sign in, see their name and role, and a protected page needs the session", async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, "motcua.xa");
    await page.getByTestId("current-user").filter({ hasText: "Nguyễn Thị Hoa" }).waitFor();
    await page.getByRole("link", { name: "Tiếp nhận hồ sơ" }).waitFor();
    await page.getByRole("heading", { name: "Tiếp nhận hồ sơ", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(`${server.url}/dang-nhap`);
    await page.goto(`${server.url}/can-bo/tiep-nhan`);
    await page.waitForURL(`${server.url}/dang-nhap`);
    await page.close();
  });

  test("the citizen portal fits a phone screen", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${server.url}/tra-cuu`);
    await page.getByLabel("Mã hồ sơ").waitFor();
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await page.close();
  });
});
