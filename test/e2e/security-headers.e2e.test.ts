// The built web app under the server's Content-Security-Policy (docs/security.md): public and staff pages,
// the reports with their charts, and a dossier's PDF shown in a frame raise no CSP violation; another site
// cannot frame the console.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { type Browser, e2eSuite, type Server, signIn } from "./harness.ts";

/** Collects the page's CSP violations (the event the browser fires, and its console report). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  // a script string: this file is compiled without the DOM's types
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) =>
    window.reportCspViolation(e.violatedDirective + " " + e.blockedURI));`);
  return violations;
}

describe("content security policy", () => {
  const suite = e2eSuite({ data: "reference" });
  let server: Server;
  let browser: Browser;
  before(async () => {
    ({ server, browser } = suite);
    await server.addStaff("csp.lanhdao", "Lê Văn Hùng", "46", ["leader", "admin"]);
  });

  test("public pages, staff pages and report charts run without a CSP violation", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const first = await page.goto(`${server.url}/`);
    const csp = first!.headers()["content-security-policy"]!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    for (const path of ["/", "/tra-cuu", "/thong-ke", "/phan-anh-kien-nghi"]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState("networkidle");
    }
    await signIn(page, server.url, "csp.lanhdao");
    for (const path of ["/can-bo", "/can-bo/bao-cao", "/can-bo/bao-cao/ket-qua", "/can-bo/quan-tri/thu-tuc"]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState("networkidle");
    }
    assert.deepEqual(violations, []);
    await page.close();
  });

  test("another site cannot frame the console", async () => {
    const page = await browser.newPage();
    // the outer page's load event waits for its frame, refused or not
    await page.setContent(`<iframe id="f" src="${server.url}/dang-nhap"></iframe>`, { waitUntil: "load" });
    const framed = page.frames().find((f) => f.url().startsWith(server.url));
    const content = framed ? await framed.content().catch(() => "") : "";
    assert.doesNotMatch(content, /Đăng nhập/, "the login page rendered inside another site's frame");
    await page.close();
  });
});
