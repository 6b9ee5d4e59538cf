// Documents of stored dossiers through the real routes (both engines): each form opened and checked for the
// dossier's own values, 404 for a form the dossier has no event for, who may download, the unit ledger,
// the results appendix reopened with exceljs against the JSON report, PDF (503 without LibreOffice).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { run as documentCommand } from "../../cli/commands/document.ts";
import { CliFailure, UsageError } from "../../cli/errors.ts";
import { testEngine } from "../../db/testing.ts";
import { findSoffice } from "../../documents/pdf.ts";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { FORGED } from "../../documents/testing/fixtures.ts";
import { checkWellFormed } from "../../documents/testing/xml-check.ts";
import { APPLICANT, type Fixture, startFixture } from "./dossiers.fixtures.ts";

let f: Fixture;
let c: Record<string, string>;
let code: string;
let refusedCode: string;
let stoppedCode: string;
let secret: string;
const at = (iso: string) => {
  f.clock.now = new Date(iso);
};

async function download(cookie: string | undefined, url: string) {
  const r = await f.t.request({ method: "GET", url, ...(cookie ? { cookie } : {}) });
  return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload, json: () => JSON.parse(r.body) };
}

const docUrl = (dossier: string, form: string, format = "docx") =>
  `/api/dossiers/${encodeURIComponent(dossier)}/documents/${form}?format=${format}`;

before(async () => {
  f = await startFixture("2026-03-09T09:00:00+07:00"); // Monday
  c = f.cookies;
  let r = await f.intake(c["motcua.01"]!);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  code = r.body.code;
  secret = r.body.lookupSecret;
  let rev = r.body.revision as number;
  const step = async (who: string, action: string, body: Record<string, unknown> = {}) => {
    const out = await f.act(c[who]!, code, action, { revision: rev, ...body });
    assert.equal(out.status, 200, `${action}: ${JSON.stringify(out.body)}`);
    rev = out.body.revision;
  };
  await step("motcua.01", "assign", { assignee: "cv.01" });
  await step("cv.01", "start_processing");
  at("2026-03-10T10:00:00+07:00");
  await step("cv.01", "request_supplement", {
    missing: ["Giấy chứng sinh (bản chính)", "Tờ khai có chữ ký của người đi khai"],
    reason: "Hồ sơ chưa đủ giấy tờ",
  });
  at("2026-03-11T10:00:00+07:00");
  await step("motcua.01", "receive_supplement");
  r = await f.get(c["motcua.01"]!, code);
  assert.equal(r.status, 200);
  at("2026-03-13T09:00:00+07:00");
  await step("cv.01", "extend", {
    reason: "Cần xác minh thông tin với nơi sinh",
    dueAt: "2026-03-18T17:00:00+07:00",
    apology: { record: "Thư xin lỗi số 12/TXL-UBND" },
  });
  const refused = await f.intake(c["motcua.01"]!, { refuse: true, reason: "Không thuộc thẩm quyền của xã" });
  assert.equal(refused.status, 201, JSON.stringify(refused.body));
  refusedCode = refused.body.code;
});
/** Set once the last test has closed the app to let the CLI open the database. */
let closedForCli = false;
after(async () => {
  if (!closedForCli) return f.t.close();
  if (testEngine === "postgres") await f.t.database.drop().catch(() => {});
  else rmSync(f.t.database.target, { recursive: true, force: true });
});

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

test("who may download: another commune's staff and the other province get 404 (as if none), no session 401", async () => {
  for (const who of ["motcua.02", "cv.02", "motcua.p2"]) {
    const r = await download(c[who], docUrl(code, "01"));
    assert.equal(r.status, 404, who);
  }
  assert.equal((await download(undefined, docUrl(code, "01"))).status, 401);
  assert.equal((await download(c["ld.p1"], docUrl(code, "01"))).status, 200, "the province's leader");
  const ledger = await download(c["motcua.02"], "/api/units/P1.01/ledger?from=2026-03-01&to=2026-03-31");
  assert.equal(ledger.status, 403);
});

test("form 07: the unit's ledger lists the dossiers received in the period", async () => {
  const r = await download(c["motcua.01"], "/api/units/P1.01/ledger?from=2026-03-01&to=2026-03-31");
  assert.equal(r.status, 200);
  const doc = await openDocx(r.bytes);
  assert.ok(doc.text.includes(code));
  assert.ok(!doc.text.includes(refusedCode), "a refused dossier was never received");
  assert.ok(doc.text.includes(APPLICANT.name.normalize("NFC")));
  assert.ok(doc.text.includes("Gia hạn, có văn bản xin lỗi"));
  assert.equal(doc.page.orient, "landscape");
  assert.ok(doc.paragraphs.includes("Quyển số: 01"));
  assert.ok(doc.paragraphs.includes("Mẫu số 07"));
  const empty = await openDocx(
    (await download(c["motcua.01"], "/api/units/P1.01/ledger?from=2026-02-01&to=2026-02-28")).bytes,
  );
  assert.ok(!empty.text.includes(code));
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

test("a forged or malformed applicant's name prints as text on the receipt and the unit's ledger (no 500)", async () => {
  at("2026-03-17T09:00:00+07:00");
  const names = [FORGED, "||</w:t></w:r></w:p><w:p>||", "Lê\u0001Văn <Bình> & ||"];
  for (const name of names) {
    const r = await f.intake(c["motcua.01"]!, { applicant: { ...APPLICANT, name } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const receipt = await download(c["motcua.01"], docUrl(r.body.code, "01"));
    assert.equal(receipt.status, 200);
    const doc = await openDocx(receipt.bytes);
    assert.doesNotThrow(() => checkWellFormed(doc.xml));
    assert.doesNotMatch(doc.xml, /<w:color /, "no run coloured by the data");
    assert.ok(doc.text.includes(name.replace("\u0001", "")), name);
  }
  const ledger = await download(c["motcua.01"], "/api/units/P1.01/ledger?from=2026-03-01&to=2026-03-31");
  assert.equal(ledger.status, 200);
  const doc = await openDocx(ledger.bytes);
  assert.doesNotThrow(() => checkWellFormed(doc.xml));
  assert.ok(doc.text.includes(FORGED));
  assert.doesNotMatch(doc.xml, /<w:color /);
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

test("Phụ lục 4 as .xlsx has the results report's totals; the other appendices render", async () => {
  const q = "from=2026-03-01&to=2026-03-31&unit=P1";
  const report = (await download(c["ld.p1"], `/api/reports/results?${q}`)).json();
  const r = await download(c["ld.p1"], `/api/reports/results/appendix?${q}&format=xlsx`);
  assert.equal(r.status, 200);
  assert.equal(r.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(r.bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  let totalRow: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === "Tổng cộng") totalRow = row;
  });
  assert.ok(totalRow, "a totals row");
  const t = report.total;
  const expected = [
    t.carriedOver,
    t.received,
    t.receivedSaturday,
    t.finishedEarly,
    t.finishedOnTime,
    t.finishedLate,
    t.openWithinDeadline + t.openOverdue,
    t.openWithinDeadline,
    t.openOverdue,
  ];
  assert.deepEqual(
    expected.map((_, i) => totalRow!.getCell(3 + i).value),
    expected,
  );
  assert.ok(t.received >= 2 && t.refusedAtIntake >= 1, JSON.stringify(t));
  for (const kind of ["channels", "late", "satisfaction"]) {
    const x = await download(c["ld.p1"], `/api/reports/${kind}/appendix?${q}&format=docx`);
    assert.equal(x.status, 200, kind);
    const doc = await openDocx(x.bytes);
    assert.ok(doc.text.includes("Tổng cộng"), kind);
  }
  const channels = await openDocx(
    (await download(c["ld.p1"], `/api/reports/channels/appendix?${q}&format=docx`)).bytes,
  );
  assert.ok(channels.text.includes("Trực tiếp"));
  assert.equal((await download(c["motcua.01"], `/api/reports/results/appendix?${q}`)).status, 403);
});

test("appendices name units, not codes, under the issuing body in capitals, with the report's line; seed 004's layout", async () => {
  const q = "from=2026-03-01&to=2026-03-31&unit=P1";
  const byUnit = await download(c["ld.p1"], `/api/reports/results/appendix?${q}&by=unit&format=xlsx`);
  assert.equal(byUnit.status, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(byUnit.bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.worksheets[0]!.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === "string") texts.push(cell.value);
    });
  });
  assert.ok(texts.includes("Xã An Hòa"), texts.join(" | "));
  assert.ok(!texts.includes("P1.01"), "no unit code as a label");
  assert.equal(texts[0], "ỦY BAN NHÂN DÂN");
  assert.equal(texts[2], texts[2]!.toLocaleUpperCase("vi-VN"), "the issuing body in upper case");
  const r = await download(
    c["ld.p1"],
    `/api/reports/results/appendix?${q}&layout=004&format=docx&reportNumber=82/BC-UBND&reportDate=2026-04-02`,
  );
  assert.equal(r.status, 200);
  const doc = await openDocx(r.bytes);
  assert.ok(doc.paragraphs.includes("Lĩnh vực, công việc giải quyết theo cấp"));
  assert.ok(
    doc.paragraphs.some((p) => /^\(Kèm theo Báo cáo số 82\/BC-UBND ngày 02\/4\/2026 của UBND /.test(p)),
    doc.text,
  );
  assert.ok(!doc.paragraphs.some((p) => p.startsWith("Số:")));
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

test("motcua document: a dossier's form and a unit's ledger written to --out from the same database", async () => {
  closedForCli = true;
  await f.t.app.close();
  await f.t.database.close(); // an embedded directory is opened by one process at a time: the command opens it next
  const dir = mkdtempSync(join(tmpdir(), "motcua-document-"));
  const saved = process.env["DATABASE_URL"];
  const data = testEngine === "postgres" ? [] : ["--data", f.t.database.target];
  if (testEngine === "postgres") process.env["DATABASE_URL"] = f.t.database.target;
  else delete process.env["DATABASE_URL"];
  try {
    const apology = join(dir, "04.docx");
    assert.equal(await documentCommand(["04", "--dossier", code, "--out", apology, ...data]), 0);
    const doc = await openDocx(readFileSync(apology));
    assert.ok(doc.text.includes("17 giờ 00 phút, ngày 18/3/2026") && doc.text.includes(code));
    const ledger = join(dir, "ledger.docx");
    const args = ["07", "--unit", "P1.01", "--from", "2026-03-01", "--to", "2026-03-31", "--out", ledger];
    assert.equal(await documentCommand([...args, ...data]), 0);
    assert.ok((await openDocx(readFileSync(ledger))).text.includes(code));
    await assert.rejects(documentCommand([...args.slice(0, -1), join(dir, "x.txt"), ...data]), UsageError);
    await assert.rejects(documentCommand([...args, "--format", "pdf", ...data]), /does not match/);
    await assert.rejects(documentCommand(["07", "--unit", "P1.01", "--out", ledger, ...data]), UsageError);
    const xlsx = join(dir, "phu-luc-4.xlsx");
    const appendix = ["appendix", "results", "--unit", "P1", "--from", "2026-03-01", "--to", "2026-03-31"];
    assert.equal(await documentCommand([...appendix, "--out", xlsx, ...data]), 0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    book.worksheets[0]!.eachRow((row) => {
      cells.push(row.getCell(1).value);
    });
    assert.ok(cells.includes("Tổng cộng"), "the totals row");
    for (const kind of ["channels", "late", "satisfaction"]) {
      const out = join(dir, `${kind}.docx`);
      assert.equal(
        await documentCommand(["appendix", kind, "--from", "2026-03-01", "--to", "2026-03-31", "--out", out, ...data]),
        0,
      );
      assert.ok((await openDocx(readFileSync(out))).text.includes("Tổng cộng"), kind);
    }
    await assert.rejects(
      documentCommand(["appendix", "nosuch", "--from", "2026-03-01", "--to", "2026-03-31", "--out", xlsx, ...data]),
      UsageError,
    );
    await assert.rejects(
      documentCommand([...appendix.slice(0, 2), "--unit", "NOPE", ...appendix.slice(4), "--out", xlsx, ...data]),
      (e: unknown) => e instanceof CliFailure && e.exitCode === 2,
    );
    await assert.rejects(
      documentCommand(["03", "--dossier", code, "--out", join(dir, "x.docx"), ...data]),
      (e: unknown) => e instanceof CliFailure && e.exitCode === 2 && /chưa có mẫu 03/.test(e.message),
    );
    await assert.rejects(documentCommand(["09", "--dossier", code, "--out", join(dir, "x.docx"), ...data]), UsageError);
  } finally {
    if (saved === undefined) delete process.env["DATABASE_URL"];
    else process.env["DATABASE_URL"] = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
