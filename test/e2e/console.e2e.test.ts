// The clerk's console at a phone's width and on a 1366 px laptop (issue 15): staff tables scroll inside their card
// instead of widening the page, and the results report is not cut on the right.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { openAs, demoSuite } from "./harness.ts";

const suite = demoSuite();

/** The page's width in CSS pixels against the viewport's: a wider page scrolls sideways as a whole. */
const widths = (page: Page) =>
  page.evaluate<{ page: number; viewport: number }>(
    "({ page: document.documentElement.scrollWidth, viewport: window.innerWidth })",
  );

test("at 390 px the queue's table scrolls inside its card, the page keeps the phone's width", async () => {
  const phone = { width: 390, height: 844 };
  const page = await openAs(suite, "phuxuan.lanhdao", "/can-bo/hang-doi/tat-ca", { viewport: phone });
  await page.locator(".ant-table-tbody a[href^='/can-bo/ho-so/']").nth(19).waitFor();
  const w = await widths(page);
  assert.ok(w.page <= w.viewport, `page ${w.page} px wide at a ${w.viewport} px viewport`);
  // the table itself is wider than the phone: it scrolls inside its own box
  const table = await page
    .locator(".ant-table-content, .ant-table-body")
    .first()
    .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
  assert.ok(table.scroll > table.client, `the table (${table.scroll} px) fits in ${table.client} px`);
  // reports whose tables have no scroll box of their own: the staff layout gives them one
  for (const report of ["bao-cao/chi-so", "bao-cao/cchc"]) {
    await page.goto(`${suite.server.url}/can-bo/${report}`);
    await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    const r = await widths(page);
    assert.ok(r.page <= r.viewport, `${report}: page ${r.page} px wide at a ${r.viewport} px viewport`);
  }
  await page.close();
});

test("at 1366×768 the results report is not cut on the right", async () => {
  const laptop = { width: 1366, height: 768 };
  const page = await openAs(suite, "phuxuan.lanhdao", "/can-bo/bao-cao/ket-qua", { viewport: laptop });
  await page.locator(".ant-table-tbody tr.ant-table-row").first().waitFor();
  const w = await widths(page);
  assert.ok(w.page <= w.viewport, `page ${w.page} px wide at a ${w.viewport} px viewport`);
  await page.close();
});
