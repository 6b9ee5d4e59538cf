// Huế's administrator imports units from a JSON file on the Đơn vị page (JsonImport → units.import → POST
// /api/units/import): the server's counts are shown and the new unit is stored; a file that
// is not JSON is refused in Vietnamese before anything is sent.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { e2eSuite, openAs } from "./harness.ts";

describe("administrator: units imported from a file", () => {
  const suite = e2eSuite({ data: "reference" });
  before(() => suite.server.addStaff("quantri.hue", "Trần Quản Trị", "46", ["admin"]));

  test("a JSON array of units is imported, counted and listed; a broken file is refused", async () => {
    const page = await openAs(suite, "quantri.hue", "/can-bo/quan-tri/don-vi");
    const upload = page.locator("input[type=file]");
    let posted = 0;
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/units/import") posted++;
    });

    await upload.setInputFiles({ name: "hong.json", mimeType: "application/json", buffer: Buffer.from("[{") });
    await page.getByRole("alert").filter({ hasText: "Tệp không phải JSON hợp lệ." }).waitFor();
    assert.equal(posted, 0, "a broken file is never sent");

    const units = [{ code: "46.E2E", name: "Phường Thử Nhập", kind: "ward", parentCode: "46" }];
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/units/import");
    await upload.setInputFiles({
      name: "don-vi.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(units)),
    });
    const response = await answer;
    assert.equal(response.status(), 200, await response.text());
    const counts = Object.entries((await response.json()) as Record<string, unknown>).filter(
      ([, v]) => typeof v === "number",
    );
    assert.ok(counts.length > 0, "the server answers with counts");
    await page
      .getByRole("status")
      .filter({ hasText: counts.map(([k, v]) => `${k}: ${v}`).join(" · ") })
      .waitFor();
    assert.equal(posted, 1);
    const stored = await page.request.get(`${suite.server.url}/api/units/46.E2E`);
    assert.equal(stored.status(), 200);
    assert.equal(((await stored.json()) as { name: string }).name, "Phường Thử Nhập");
    await page.close();
  });
});
