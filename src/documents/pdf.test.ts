import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { renderAppendix, resultsAppendixSpec } from "./appendices.ts";
import { renderForm } from "./forms.ts";
import { convertToPdf, findSoffice, PdfUnavailableError } from "./pdf.ts";
import { context2020 } from "./testing/fixtures.ts";
import { seed000Rows } from "./testing/seed-tables.ts";

const run = promisify(execFile);
const soffice = await findSoffice();

/** Page 1 rendered to an 8-bit grey PGM by pdftoppm: the share of pixels darker than mid-grey. */
async function inkShare(pdf: Buffer, dir: string): Promise<number> {
  const input = join(dir, "in.pdf");
  await writeFile(input, pdf);
  await run("pdftoppm", ["-gray", "-r", "50", "-f", "1", "-l", "1", input, join(dir, "page")]);
  const pgm = await readFile(join(dir, "page-1.pgm"));
  // Header: "P5\n<width> <height>\n<maxval>\n", then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  assert.ok(header, "a binary PGM");
  const [whole, w, h] = header;
  const pixels = pgm.subarray(whole.length);
  assert.equal(pixels.length, Number(w) * Number(h));
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

async function pdfText(pdf: Buffer, dir: string): Promise<string> {
  const input = join(dir, "text.pdf");
  await writeFile(input, pdf);
  return (await run("pdftotext", ["-layout", input, "-"])).stdout;
}

test("a form and an appendix convert to PDF in parallel, page 1 is not blank and Vietnamese survives", {
  skip: soffice
    ? false
    : "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils",
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), "motcua-pdf-test-"));
  try {
    const receipt = await renderForm({ form: "receipt", context: context2020() });
    const appendix = await renderAppendix(resultsAppendixSpec(seed000Rows), "docx");
    const [receiptPdf, appendixPdf] = await Promise.all([
      convertToPdf(receipt, "docx"),
      convertToPdf(appendix, "docx"),
    ]);
    assert.equal(receiptPdf.subarray(0, 5).toString("latin1"), "%PDF-");
    const ink = await inkShare(receiptPdf, dir);
    assert.ok(ink > 0.01 && ink < 0.5, `ink on page 1: ${(ink * 100).toFixed(2)} %`);
    const text = (await pdfText(receiptPdf, dir)).normalize("NFC");
    for (const phrase of [
      "Độc lập - Tự do - Hạnh phúc",
      "Nguyễn Văn An",
      "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      "Lê Thị Hồng",
      "08 giờ 15 phút, ngày 06/7/2020",
    ]) {
      assert.ok(text.includes(phrase), `PDF text has "${phrase}"`);
    }
    const fonts = (await run("pdffonts", [join(dir, "text.pdf")])).stdout;
    assert.match(fonts, /LiberationSerif|TimesNewRoman|Times/, "a Times-metric font, not a fallback");
    const appendixText = (await pdfText(appendixPdf, dir)).normalize("NFC");
    assert.ok(appendixText.includes("KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT CÔNG VIỆC"));
    assert.ok(appendixText.includes("Bảo trợ xã hội (Cấp huyện)"));
    assert.ok((await inkShare(appendixPdf, dir)) > 0.005);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("without LibreOffice the PDF request says in Vietnamese what to install", async () => {
  await assert.rejects(convertToPdf(Buffer.from("x"), "docx", { soffice: "/nonexistent/soffice" }), (e: unknown) => {
    assert.ok(e instanceof PdfUnavailableError);
    assert.equal(e.code, "pdf-unavailable");
    assert.match(e.message, /apt-get install libreoffice-writer-nogui fonts-liberation2/);
    assert.match(e.message, /chưa cài LibreOffice/);
    return true;
  });
  assert.equal(await findSoffice({ PATH: "/nonexistent" }), undefined);
  assert.equal(await findSoffice({ MOTCUA_SOFFICE: "/nonexistent/soffice", PATH: process.env["PATH"] }), undefined);
});
