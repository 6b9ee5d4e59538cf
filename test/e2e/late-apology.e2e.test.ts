// A late dossier and its apology (thư xin lỗi, mẫu 04). Two dossiers received at the counter on a Monday with
// a 3-working-day limit; on Wednesday, the day before the appointment (the letter must go out at the latest one
// day before the due date, Decree 61/2018 art. 19(2)(d)), the officer sees both as due soon (two working days) and
// extends one with an apology letter. After the appointment both are overdue, and only the one without a timely
// apology is on the late-without-apology list; an apology written after the missed appointment does not take
// the other off it (docs/lifecycle.md). The server's clock and the browser's walk the week together.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { e2eSuite, fixedClock, PASSWORD, PHU_XUAN_STAFF, type Server, screenshot, signIn } from "./harness.ts";

const UNIT = "19753"; // Phường Phú Xuân
const PROCEDURE = "1.004873"; // 3 working days

/** Counter intake through the API (the browser journey of intake is intake.e2e.test.ts). */
async function receive(server: Server, cookie: string, name: string): Promise<string> {
  const response = await fetch(`${server.url}/api/dossiers`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({
      unitCode: UNIT,
      procedureCode: PROCEDURE,
      channel: "direct",
      applicant: { name, phone: "0905123456" },
      components: ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu"],
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { code: string }).code;
}

async function login(server: Server, username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** The codes a queue page shows, once the page has drawn the server's answer (not an empty table before it). */
async function queueCodes(page: Page, server: Server, queue: string): Promise<string[]> {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/dossiers");
  await page.goto(`${server.url}/can-bo/hang-doi/${queue}`);
  const { items } = (await (await answer).json()) as { items: { code: string }[] };
  const links = page.locator(".ant-table-tbody a[href^='/can-bo/ho-so/']");
  if (items.length === 0) await page.locator(".ant-table-tbody .ant-empty").waitFor();
  else await links.nth(items.length - 1).waitFor();
  return links.allTextContents();
}

const clock = fixedClock("2026-03-16T08:00:00+07:00"); // Monday
let apologised = "";
let silent = "";
const at = async (page: Page, instant: string) => {
  clock.set(instant);
  await page.clock.setFixedTime(new Date(instant));
};
const suite = e2eSuite({
  data: "reference",
  now: clock.now,
  staff: PHU_XUAN_STAFF,
  setup: async (server) => {
    const frontDesk = await login(server, "motcua.phuxuan");
    apologised = await receive(server, frontDesk, "Võ Văn Hùng");
    silent = await receive(server, frontDesk, "Huỳnh Thị Thu");
  },
});

test("the day before the appointment: both due soon; the officer extends one with an apology letter", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await at(page, "2026-03-18T15:00:00+07:00"); // Wednesday, the day before the Thursday 08:00 appointment
  await signIn(page, server.url, "chuyenvien.phuxuan");
  assert.deepEqual((await queueCodes(page, server, "sap-den-han")).sort(), [apologised, silent].sort());
  assert.deepEqual(await queueCodes(page, server, "tre-han-chua-xin-loi"), []);

  await page.goto(`${server.url}/can-bo/ho-so/${apologised}`);
  assert.match((await page.getByTestId("due-at").textContent()) ?? "", /19\/03\/2026/);
  await page.locator('[data-action="extend"]').click();
  const dialog = page.getByRole("dialog");
  const date = dialog.getByLabel("Ngày hẹn trả mới");
  await date.click();
  await date.fill("24/03/2026 16:00");
  await date.press("Enter");
  await dialog.getByLabel("Thư xin lỗi (số, ký hiệu)").fill("Thư xin lỗi số 12/TXL-UBND");
  await dialog.getByLabel("Lý do chậm trễ").fill("Chờ xác minh thông tin hộ tịch tại nơi cư trú trước đây.");
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await dialog.waitFor({ state: "hidden" });
  // the new appointment is shown beside the original, which is kept; the letter is on the timeline
  await page.getByText("Ngày hẹn trả mới (sau xin lỗi)").waitFor();
  await page.getByText("24/03/2026").first().waitFor();
  assert.match((await page.getByTestId("due-at").textContent()) ?? "", /19\/03\/2026/);
  await page.getByTestId("timeline").getByText("Thư xin lỗi: Thư xin lỗi số 12/TXL-UBND").waitFor();
  // the letter itself (form 04) is produced from the dossier
  const href = await page.locator('a[href*="/documents/04?format=docx"]').getAttribute("href");
  const letter = await page.request.get(`${server.url}${href}`);
  assert.equal(letter.status(), 200);
  assert.ok((await letter.body()).subarray(0, 2).equals(Buffer.from("PK")), "a .docx");
  await screenshot(page, "late-extension-apology");
  await page.close();
});

test("after the appointment: both overdue, only the one without a timely apology is late without apology", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await at(page, "2026-03-20T09:00:00+07:00"); // Friday
  await signIn(page, server.url, "lanhdao.phuxuan");
  assert.deepEqual((await queueCodes(page, server, "qua-han")).sort(), [apologised, silent].sort());
  assert.deepEqual(await queueCodes(page, server, "tre-han-chua-xin-loi"), [silent]);
  await screenshot(page, "late-without-apology");

  // An apology written now, after the missed appointment, does not take the dossier off the list.
  await signIn(page, server.url, "chuyenvien.phuxuan");
  await page.goto(`${server.url}/can-bo/ho-so/${silent}`);
  await page.locator('[data-action="extend"]').click();
  const dialog = page.getByRole("dialog");
  const date = dialog.getByLabel("Ngày hẹn trả mới");
  await date.click();
  await date.fill("25/03/2026 16:00");
  await date.press("Enter");
  await dialog.getByLabel("Thư xin lỗi (số, ký hiệu)").fill("Thư xin lỗi số 13/TXL-UBND");
  await dialog.getByLabel("Lý do chậm trễ").fill("Thiếu sót trong theo dõi hạn xử lý.");
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByText("Ngày hẹn trả mới (sau xin lỗi)").waitFor();
  assert.deepEqual(await queueCodes(page, server, "tre-han-chua-xin-loi"), [silent]);
  await page.close();
});

test("the public apologies name the dossier, never the applicant", async () => {
  const { server, browser } = suite;
  const page = await browser.newPage();
  await page.goto(`${server.url}/thong-ke`);
  await page.getByText(apologised).first().waitFor();
  const text = (await page.locator("main").textContent()) ?? "";
  assert.ok(!text.includes("Võ Văn Hùng"), "no applicant's name on the public page");
  await page.close();
});
