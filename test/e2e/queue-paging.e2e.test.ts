// Issue 20: the staff lists page by the API's cursor. On the demo province, a leader's "Tất cả hồ sơ" shows its
// total (exact under 1,000 dossiers, else "khoảng …"), Trang sau shows the next page's dossiers (the API's
// nextCursor), Trang trước the first page again.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { openAs, demoSuite } from "./harness.ts";

const suite = demoSuite();

/** Waits for the list's answer, then for its rows; returns the API's page and the codes shown. */
async function shown(page: Page, action: () => Promise<unknown>) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/dossiers");
  await action();
  const body = (await (await answer).json()) as { items: { code: string }[]; total: number; totalExact: boolean };
  const links = page.locator(".ant-table-tbody a[href^='/can-bo/ho-so/']");
  await links.nth(body.items.length - 1).waitFor();
  // the table has drawn this answer, not the previous page
  await page
    .locator(".ant-table-tbody tr.ant-table-row")
    .first()
    .getByText(body.items[0]!.code, { exact: true })
    .waitFor();
  return { body, codes: await links.allTextContents() };
}

test("Tất cả hồ sơ: total, Trang sau / Trang trước by cursor", async () => {
  const page = await openAs(suite, "phuxuan.lanhdao");
  const first = await shown(page, () => page.goto(`${suite.server.url}/can-bo/hang-doi/tat-ca`));
  assert.equal(first.codes.length, 20);
  assert.deepEqual(
    first.codes,
    first.body.items.map((d) => d.code),
  );
  const pager = page.getByTestId("cursor-pager");
  const total = first.body.totalExact ? `${first.body.total}` : "khoảng";
  const text = (await pager.textContent()) ?? "";
  assert.ok(text.includes(total.replace(/\B(?=(\d{3})+(?!\d))/g, ".")), text);
  await pager.getByText("Trang 1").waitFor();

  const second = await shown(page, () => pager.getByRole("button", { name: "Trang sau" }).click());
  assert.equal(second.codes.length, 20);
  assert.ok(!second.codes.some((c) => first.codes.includes(c)), "page 2 repeats none of page 1");
  await pager.getByText("Trang 2").waitFor();

  const back = await shown(page, () => pager.getByRole("button", { name: "Trang trước" }).click());
  assert.deepEqual(back.codes, first.codes);
  assert.ok(await pager.getByRole("button", { name: "Trang trước" }).isDisabled());
  await page.close();
});
