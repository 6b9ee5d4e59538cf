// Who may download a dossier's forms, the unit's ledger (form 07) and the report appendices through the real
// routes (both engines): the results appendix reopened with exceljs against the JSON report, forged names printed
// as text, and `motcua document` writing the same papers from the same database. The forms of one dossier:
// documents-forms.db.test.ts.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { run as documentCommand } from "../../cli/commands/document.ts";
import { CliFailure, UsageError } from "../../cli/errors.ts";
import { testEngine } from "../../db/testing.ts";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { FORGED } from "../../documents/testing/fixtures.ts";
import { checkWellFormed } from "../../documents/testing/xml-check.ts";
import { type DocumentsFixture, docUrl, startDocumentsFixture } from "./documents.fixtures.ts";
import { APPLICANT, type Fixture } from "./dossiers.fixtures.ts";

let f: Fixture;
let c: Record<string, string>;
let code: string;
let refusedCode: string;
let at: DocumentsFixture["at"];
let download: DocumentsFixture["download"];
let fixture: DocumentsFixture;
before(async () => {
  fixture = await startDocumentsFixture();
  ({ f, c, code, refusedCode, at, download } = fixture);
});
after(() => fixture.close());

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

test("motcua document: a dossier's form and a unit's ledger written to --out from the same database", async () => {
  await fixture.closeForCli(); // the last test: the command opens the database next
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
