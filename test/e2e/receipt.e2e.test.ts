// One receipt (issue 15): the counter's quick-print page carries form 01's content, as the .docx does: "Mẫu số 01",
// the register number, the office, the applicant's ID number, the appointment, the receiving officer by name and
// the QR code of the lookup page with its secret.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eSuite, openAs } from "./harness.ts";

const ID_NUMBER = "046090004321";
const suite = e2eSuite({ data: "reference", staff: [["motcua.phuxuan", "Nguyễn Thị Hoa", "19753", ["front_desk"]]] });

/** Receives a dossier at the counter through the API, from the signed-in page (same origin, its session). */
const receive = (applicant: Record<string, string>) => `(async () => {
  const procedure = await (await fetch("/api/procedures/1.000656")).json();
  const r = await fetch("/api/dossiers", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({
      unitCode: "19753",
      procedureCode: "1.000656",
      channel: "direct",
      applicant: ${JSON.stringify(applicant)},
      components: procedure.components.map((c) => c.name),
    }),
  });
  return { status: r.status, body: await r.json() };
})()`;

test("the printed receipt shows form 01's number, ID number, officer, register number and QR code", async () => {
  const { server } = suite;
  const page = await openAs(suite, "motcua.phuxuan", undefined, { viewport: { width: 1366, height: 768 } });
  const created = await page.evaluate<{ status: number; body: { code: string; lookupSecret: string } }>(
    receive({ name: "Trần Văn Nam", idNumber: ID_NUMBER, phone: "0905123456", address: "Phường Phú Xuân" }),
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { code, lookupSecret } = created.body;
  await page.goto(`${server.url}/can-bo/ho-so/${encodeURIComponent(code)}/phieu-tiep-nhan`);
  await page.getByTestId("receipt-code").filter({ hasText: code }).waitFor();
  assert.equal(await page.getByTestId("receipt-form-number").textContent(), "Mẫu số 01");
  await page.getByText("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").waitFor();
  assert.equal(await page.getByTestId("receipt-id-number").textContent(), ID_NUMBER);
  assert.equal(await page.getByTestId("receipt-staff").textContent(), "Nguyễn Thị Hoa");
  assert.match((await page.getByTestId("receipt-number").textContent()) ?? "", /^Số: 01\/GTN-[A-ZĐ0-9]+$/);
  assert.match((await page.getByTestId("receipt-due").textContent()) ?? "", /^\d{2} giờ \d{2} phút, ngày \d/);
  const qr = page.getByTestId("receipt-qr");
  assert.match((await qr.getAttribute("src")) ?? "", /^data:image\/png;base64,/);
  // the image has been decoded and laid out at its printed size (3 cm), not a broken icon
  type Img = { naturalWidth: number; getBoundingClientRect(): { width: number } };
  const size = await qr.evaluate((img) => ({
    natural: (img as unknown as Img).naturalWidth,
    shown: (img as unknown as Img).getBoundingClientRect().width,
  }));
  assert.ok(size.natural > 100 && size.shown > 100, JSON.stringify(size));
  const alt = (await qr.getAttribute("alt")) ?? "";
  assert.ok(alt.includes(`/tra-cuu?code=${encodeURIComponent(code)}&secret=${lookupSecret}`), alt);
  // the slip and the official .docx carry one number: the register's, given once
  const json = await page.evaluate<{ number: string }>(
    `fetch("/api/dossiers/${encodeURIComponent(code)}/documents/01?format=json").then((r) => r.json())`,
  );
  assert.equal(`Số: ${json.number}`, await page.getByTestId("receipt-number").textContent());
  // printed: the slip without the page's buttons, the QR code and the officer's name still on it
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "In phiếu" }).isVisible(), false);
  assert.ok(await qr.isVisible());
  assert.ok(await page.getByTestId("receipt-staff").isVisible());
  await page.close();
});
