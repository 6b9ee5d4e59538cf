// The forms of one stored dossier through the real routes (both engines): each form opened and checked for the
// dossier's own values, 404 for a form the dossier has no event for, the register numbers each form takes (per
// unit, per year, under the office's name of the day), PDF (503 without LibreOffice). The unit's ledger, the
// report appendices and the CLI: documents-ledger.db.test.ts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { findSoffice } from "../../documents/pdf.ts";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { type DocumentsFixture, docUrl, startDocumentsFixture } from "./documents.fixtures.ts";
import { APPLICANT, type Fixture } from "./dossiers.fixtures.ts";

let stoppedCode: string;
let f: Fixture;
let c: Record<string, string>;
let code: string;
let refusedCode: string;
let secret: string;
let at: DocumentsFixture["at"];
let download: DocumentsFixture["download"];
let fixture: DocumentsFixture;
before(async () => {
  fixture = await startDocumentsFixture();
  ({ f, c, code, refusedCode, secret, at, download } = fixture);
});
after(() => fixture.close());

test("form 01: the dossier's code, applicant, appointment and papers, and the QR code of the lookup page", async () => {
  const r = await download(c["motcua.01"], docUrl(code, "01"));
  assert.equal(r.status, 200);
  assert.equal(r.headers["content-type"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const disposition = String(r.headers["content-disposition"]);
  assert.match(
    disposition,
    /^attachment; filename="Mau 01 - Giay tiep nhan ho so va hen tra ket qua - P1\.01-260309-0001\.docx"; filename\*=UTF-8''/,
  );
  assert.ok(decodeURIComponent(disposition.split("UTF-8''")[1]!).startsWith("Mẫu 01 - Giấy tiếp nhận"));
  const doc = await openDocx(r.bytes);
  assert.ok(doc.text.includes(code));
  assert.ok(doc.text.includes(APPLICANT.name.normalize("NFC")));
  assert.ok(doc.text.includes("09 giờ 00 phút, ngày 12/3/2026"), "the receipt's appointment");
  assert.ok(doc.text.includes("Tờ khai đăng ký khai sinh") && doc.text.includes("Giấy chứng sinh"));
  // dated 2026: the commune's public-service centre (Decree 118/2025/NĐ-CP), number 01 of its 2026 register
  assert.ok(doc.text.includes("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN HÒA"), doc.text.slice(0, 300));
  assert.ok(doc.paragraphs.includes("Số: 01/GTN-TTPVHCC"), "the register's number, not the dossier code");
  assert.ok(!doc.paragraphs.some((p) => p.startsWith("Số: ") && p.includes(code)));
  assert.equal(doc.paragraphs[0], "Mẫu số 01");
  assert.ok(doc.text.includes("An Hòa, ngày 09 tháng 3 năm 2026"));
  assert.ok(doc.text.includes("03 ngày làm việc"));
  assert.ok(doc.text.includes("motcua.01"), "the receiving officer's name");
  assert.equal(doc.media.filter((m) => m.endsWith(".png")).length, 1, "the QR code image");
  assert.ok(doc.text.includes(`http://127.0.0.1:3000/tra-cuu?code=${encodeURIComponent(code)}&secret=${secret}`));
  const byName = await download(c["motcua.01"], docUrl(code, "receipt"));
  assert.equal(byName.status, 200);
  assert.ok((await openDocx(byName.bytes)).paragraphs.includes("Số: 01/GTN-TTPVHCC"), "a reprint keeps its number");
});

test("form 01 as JSON (the quick-print receipt): the .docx's number, ID, officer, appointment and QR code", async () => {
  const r = await download(c["motcua.01"], docUrl(code, "01", "json"));
  assert.equal(r.status, 200);
  assert.match(String(r.headers["content-type"]), /^application\/json/);
  const json = r.json();
  const doc = await openDocx((await download(c["motcua.01"], docUrl(code, "01"))).bytes);
  assert.equal(json.number, "01/GTN-TTPVHCC", "the register's number, kept on every print");
  assert.ok(doc.paragraphs.includes(`Số: ${json.number}`));
  assert.equal(json.form.numberLine, "Mẫu số 01");
  assert.equal(json.office.nameUpper, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN HÒA", "named as on the receipt date");
  assert.equal(json.applicant.idNumber, APPLICANT.idNumber);
  assert.ok(doc.paragraphs.includes(`Số định danh cá nhân: ${json.applicant.idNumber}`));
  assert.equal(json.signer.name, "motcua.01", "the receiving officer");
  assert.ok(doc.paragraphs.includes(json.signer.name));
  assert.equal(json.dossier.dueAtText, "09 giờ 00 phút, ngày 12/3/2026");
  assert.ok(doc.paragraphs.includes(`5. Thời gian trả kết quả giải quyết hồ sơ: ${json.dossier.dueAtText}`));
  assert.deepEqual(
    json.components.map((x: { name: string }) => x.name),
    ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
  );
  assert.equal(json.qr.url, `http://127.0.0.1:3000/tra-cuu?code=${encodeURIComponent(code)}&secret=${secret}`);
  assert.match(json.qr.src, /^data:image\/png;base64,/);
  const refused = await download(c["motcua.01"], docUrl(refusedCode, "01", "json"));
  assert.equal(refused.status, 404, "a refused dossier has no receipt");
  assert.equal(refused.json().code, "document-not-available");
  assert.equal((await download(c["motcua.02"], docUrl(code, "01", "json"))).status, 404, "another commune's staff");
});

test("form 02 lists everything missing; form 04 carries the apology's reason and new appointment", async () => {
  const supplement = await openDocx((await download(c["cv.01"], docUrl(code, "02"))).bytes);
  assert.ok(supplement.text.includes("Giấy chứng sinh (bản chính)"));
  assert.ok(supplement.text.includes("Tờ khai có chữ ký của người đi khai"));
  assert.ok(supplement.text.includes(code));
  assert.ok(supplement.text.includes("ngày 10 tháng 3 năm 2026"), "dated on the day of the request");
  const apology = await openDocx((await download(c["cv.01"], docUrl(code, "04"))).bytes);
  assert.ok(apology.text.includes("Cần xác minh thông tin với nơi sinh"));
  assert.ok(apology.text.includes("17 giờ 00 phút, ngày 18/3/2026"), "the new appointment");
  // 12/3 09:00 moved by the supplement pause (Tuesday 10:00 → Wednesday 10:00, one working day)
  assert.ok(apology.text.includes("09 giờ 00 phút, ngày 13/3/2026"), "the appointment in force when it was written");
  assert.ok(apology.text.includes("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"));
});

test("form 06: the hand-offs with officer and unit names; forms without their event are 404", async () => {
  const sheet = await openDocx((await download(c["ld.01"], docUrl(code, "06"))).bytes);
  assert.ok(sheet.text.includes("cv.01") && sheet.text.includes("motcua.01"));
  assert.ok(sheet.text.includes("Xã An Hòa"));
  assert.ok(sheet.text.includes("Tổ chức, cá nhân"));
  for (const form of ["03", "05"]) {
    const r = await download(c["motcua.01"], docUrl(code, form));
    assert.equal(r.status, 404, form);
    assert.equal(r.json().code, "document-not-available");
  }
  const bad = await download(c["motcua.01"], docUrl(code, "09"));
  assert.equal(bad.status, 400);
});

test("form 03 of a refusal at the counter, form 05 of a stopped dossier", async () => {
  const refusal = await openDocx((await download(c["motcua.01"], docUrl(refusedCode, "03"))).bytes);
  assert.ok(refusal.paragraphs.includes("Số: 01/PTC-TTPVHCC"), "the refusals' own register");
  assert.ok(refusal.text.includes("Không thuộc thẩm quyền của xã"));
  assert.ok(refusal.text.includes(refusedCode));
  assert.equal((await download(c["motcua.01"], docUrl(refusedCode, "01"))).status, 404, "no receipt");
  at("2026-03-16T09:00:00+07:00");
  const other = await f.intake(c["motcua.01"]!);
  const stop = await f.act(c["motcua.01"]!, other.body.code, "assign", {
    revision: other.body.revision,
    assignee: "cv.01",
  });
  const stopped = await f.act(c["cv.01"]!, other.body.code, "stop", {
    revision: stop.body.revision,
    reason: "Người nộp đã chuyển đi nơi khác",
  });
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
  stoppedCode = other.body.code;
  const notice = await openDocx((await download(c["cv.01"], docUrl(other.body.code, "05"))).bytes);
  assert.ok(notice.text.includes("Người nộp đã chuyển đi nơi khác"));
  assert.ok(notice.text.includes("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"));
});

test("the notice returning a declined dossier states the reasons; the control sheet and the ledger show the return", async () => {
  at("2026-03-16T10:00:00+07:00");
  const d = await f.intake(c["motcua.01"]!);
  let rev = d.body.revision as number;
  for (const [who, action, body] of [
    ["motcua.01", "assign", { assignee: "cv.01" }],
    ["cv.01", "start_processing", {}],
    ["cv.01", "decline", { reason: "Người yêu cầu không thuộc đối tượng đăng ký tại xã" }],
  ] as const) {
    const r = await f.act(c[who]!, d.body.code, action, { revision: rev, ...body });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    rev = r.body.revision;
  }
  const r = await download(c["cv.01"], docUrl(d.body.code, "declined-notice"));
  assert.equal(r.status, 200);
  const notice = await openDocx(r.bytes);
  assert.ok(notice.paragraphs.includes("THÔNG BÁO TRẢ LẠI HỒ SƠ"));
  assert.ok(notice.text.includes("Người yêu cầu không thuộc đối tượng đăng ký tại xã"), "the reasons");
  assert.equal(notice.paragraphs[0], "Mẫu thông báo trả lại hồ sơ");
  // the stop notice of the other test took 01 of the notices' register ("TB"): never the same printed number
  assert.ok(notice.paragraphs.some((p) => /^Số: \d{2}\/TB-TTPVHCC$/.test(p)));
  const stopNumber = (await openDocx((await download(c["cv.01"], docUrl(stoppedCode, "05"))).bytes)).paragraphs.find(
    (p) => p.startsWith("Số: "),
  );
  assert.notEqual(
    stopNumber,
    notice.paragraphs.find((p) => p.startsWith("Số: ")),
  );
  const sheet = await openDocx((await download(c["cv.01"], docUrl(d.body.code, "06"))).bytes);
  assert.ok(sheet.text.includes("Trả lại hồ sơ, không đủ điều kiện giải quyết: Người yêu cầu không thuộc"));
  assert.equal((await download(c["cv.01"], docUrl(code, "declined-notice"))).status, 404, "not declined");
  const ledger = await openDocx(
    (await download(c["motcua.01"], "/api/units/P1.01/ledger?from=2026-03-16&to=2026-03-16")).bytes,
  );
  assert.ok(ledger.text.includes("Trả lại hồ sơ (không đủ điều kiện giải quyết)"));
});

test("an administrator names the unit's office from a date: later forms print it and its symbol", async () => {
  await f.t.addStaff("qt.01", "P1.01", ["admin"]);
  const admin = await f.t.login("qt.01");
  const url = "/api/units/P1.01/office-names";
  const body = {
    validFrom: "2026-03-18",
    name: "Trung tâm Phục vụ hành chính công xã An Hòa (điểm số 1)",
    symbol: "TTAH",
  };
  const put = (cookie: string, payload: Record<string, unknown>) =>
    f.t.request({ method: "PUT", url, cookie, payload });
  assert.equal((await put(c["motcua.01"]!, body)).statusCode, 403);
  assert.equal((await put(admin, { ...body, symbol: "tt ah" })).statusCode, 400);
  assert.equal((await put(admin, body)).statusCode, 200);
  const got = JSON.parse((await f.t.request({ method: "GET", url, cookie: c["motcua.01"]! })).body);
  assert.equal(got.settings.length, 1);
  at("2026-03-18T08:00:00+07:00");
  const r = await f.intake(c["motcua.01"]!);
  const doc = await openDocx((await download(c["motcua.01"], docUrl(r.body.code, "01"))).bytes);
  assert.ok(doc.text.includes("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN HÒA (ĐIỂM SỐ 1)"));
  assert.ok(
    doc.paragraphs.some((p) => /^Số: \d{2}\/GTN-TTAH$/.test(p)),
    "the unit's symbol",
  );
  const first = await openDocx((await download(c["motcua.01"], docUrl(code, "01"))).bytes);
  assert.ok(first.paragraphs.includes("Số: 01/GTN-TTPVHCC"), "a number keeps the text it was first printed with");
  assert.ok(first.text.includes("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN HÒA") && !first.text.includes("ĐIỂM SỐ 1"));
});

test("either side of 1 July 2025: the commune's desk, then its public-service centre, one register through the year", async () => {
  const receiptOn = async (iso: string) => {
    at(iso);
    const r = await f.intake(c["motcua.02"]!, { unitCode: "P1.02" });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return openDocx((await download(c["motcua.02"], docUrl(r.body.code, "01"))).bytes);
  };
  const june = await receiptOn("2025-06-30T16:00:00+07:00");
  assert.ok(june.text.includes("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"), june.text.slice(0, 200));
  assert.ok(june.paragraphs.includes("Số: 01/GTN-BPMC"));
  const july = await receiptOn("2025-07-01T08:00:00+07:00");
  assert.ok(july.text.includes("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"), july.text.slice(0, 200));
  assert.ok(july.paragraphs.includes("Số: 02/GTN-TTPVHCC"), "the year's register goes on under the new name");
  const nextYear = await receiptOn("2026-01-05T08:00:00+07:00");
  assert.ok(nextYear.paragraphs.includes("Số: 01/GTN-TTPVHCC"), "a new year starts at 01");
});

test("PDF: 503 pdf-unavailable with the install message when LibreOffice is missing; a PDF when it is there", async (t) => {
  const saved = process.env["MOTCUA_SOFFICE"];
  process.env["MOTCUA_SOFFICE"] = "/nonexistent/soffice";
  try {
    const r = await download(c["motcua.01"], docUrl(code, "01", "pdf"));
    assert.equal(r.status, 503);
    assert.equal(r.json().code, "pdf-unavailable");
    assert.match(r.json().detail, /apt-get install libreoffice-writer-nogui/);
  } finally {
    if (saved === undefined) delete process.env["MOTCUA_SOFFICE"];
    else process.env["MOTCUA_SOFFICE"] = saved;
  }
  if (!(await findSoffice())) return t.skip("LibreOffice (soffice) is not installed");
  const pdf = await download(c["motcua.01"], docUrl(code, "01", "pdf"));
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers["content-type"], "application/pdf");
  assert.match(String(pdf.headers["content-disposition"]), /\.pdf"; filename\*=UTF-8''.*\.pdf$/);
  assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
});
