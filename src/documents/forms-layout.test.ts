// Forms 06 and 07 as offices use them (issue 13): one table row per hand-off and per dossier, the header
// row(s) marked w:tblHeader so Word and LibreOffice repeat them on every page, the ledger in landscape.
// Then forms 01–07 rendered through LibreOffice to PDF and PNG: page count, orientation, header on each page.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { renderForm } from "./forms.ts";
import { convertToPdf, findSoffice } from "./pdf.ts";
import { openDocx } from "./testing/docx-inspect.ts";
import { context2025, ledger2025 } from "./testing/fixtures.ts";
import type { FormRequest, Handoff, LedgerEntry } from "./types.ts";

const run = promisify(execFile);

/** The rows of the last table of a document (the form's grid; the heading is a layout table before it). */
function gridRows(xml: string): { cells: number; header: boolean; text: string }[] {
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const grid = tables.at(-1) ?? "";
  return [...grid.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => ({
    cells: (row.match(/<w:tc>/g) ?? []).length,
    header: /<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/.test(row),
    text: [...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(" "),
  }));
}

const at = (day: number, hour: number) => new Date(Date.UTC(2025, 9, day, hour - 7, 0));

function handoffs(n: number): Handoff[] {
  return Array.from({ length: n }, (_, i) => ({
    fromUnit: i === 0 ? "Bộ phận Một cửa" : `Bước ${i}`,
    toUnit: `Bước ${i + 1}`,
    toOfficer: `Cán bộ ${i + 1}`,
    at: at(6, 8 + i),
    result: "onTime" as const,
  }));
}

function entries(n: number): LedgerEntry[] {
  const base = ledger2025().entries[0]!;
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    code: `H57.12-2510${String(1 + (i % 28)).padStart(2, "0")}-${String(i + 1).padStart(4, "0")}`,
    applicantName: `Người nộp số ${i + 1}`,
    receivedAt: at(1 + (i % 28), 9),
  }));
}

const controlSheet = (n: number): FormRequest => ({
  form: "control-sheet",
  context: context2025(),
  handoffs: handoffs(n),
});
const ledger = (n: number): FormRequest => ({ form: "ledger", ledger: { ...ledger2025(), entries: entries(n) } });

test("form 06: one row per hand-off under one repeated header row", async () => {
  for (const n of [1, 3, 13]) {
    const rows = gridRows((await openDocx(await renderForm(controlSheet(n)))).xml);
    assert.equal(rows.length, 1 + n, `${n} hand-offs`);
    assert.deepEqual(
      rows.map((r) => r.header),
      [true, ...new Array<boolean>(n).fill(false)],
    );
    for (const [i, row] of rows.slice(1).entries()) {
      assert.equal(row.cells, 4);
      assert.match(row.text, new RegExp(`^${i + 1} ?\\. Giao: `));
    }
  }
});

test("form 07: one row per dossier under two repeated header rows, landscape", async () => {
  for (const n of [0, 1, 21]) {
    const doc = await openDocx(await renderForm(ledger(n)));
    const rows = gridRows(doc.xml);
    assert.equal(rows.length, 2 + n, `${n} dossiers`);
    assert.deepEqual(
      rows.map((r) => r.header),
      [true, true, ...new Array<boolean>(n).fill(false)],
    );
    for (const [i, row] of rows.slice(2).entries()) {
      assert.equal(row.cells, 13, "13 columns");
      assert.ok(row.text.startsWith(`${i + 1} H57.12-`), row.text);
    }
    assert.equal(doc.page.orient, "landscape");
    assert.ok(doc.page.width > doc.page.height);
  }
});

const soffice = await findSoffice();

interface PdfPage {
  width: number;
  height: number;
}

async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test("forms 01–07 and the decline notice render to PDF and PNG: A4, the ledger landscape over several pages with its header on each", {
  skip: soffice ? false : "LibreOffice (soffice) is not installed",
  timeout: 300_000,
}, async () => {
  const context = context2025();
  const late = new Date(context.dossier.dueAt.getTime() + 2 * 86_400_000);
  const forms: [string, FormRequest, { landscape: boolean; minPages: number }][] = [
    ["01", { form: "receipt", context }, { landscape: false, minPages: 1 }],
    [
      "02",
      { form: "supplement-request", context, supplement: { items: ["Tờ khai"] } },
      { landscape: false, minPages: 1 },
    ],
    ["03", { form: "refusal", context, reason: "Không thuộc thẩm quyền" }, { landscape: false, minPages: 1 }],
    [
      "04",
      { form: "apology", context, apology: { reason: "Cần xác minh", newDueAt: late } },
      { landscape: false, minPages: 1 },
    ],
    [
      "05",
      { form: "stop-notice", context, stop: { reason: "Người nộp đề nghị", stoppedAt: late } },
      { landscape: false, minPages: 1 },
    ],
    [
      "TL",
      { form: "declined-notice", context, decline: { reason: "Không đủ điều kiện", declinedAt: late } },
      { landscape: false, minPages: 1 },
    ],
    ["06", controlSheet(30), { landscape: false, minPages: 2 }],
    ["07", ledger(40), { landscape: true, minPages: 2 }],
  ];
  const dir = await mkdtemp(join(tmpdir(), "motcua-forms-render-"));
  try {
    for (const [number, request, expected] of forms) {
      const pdf = join(dir, `${number}.pdf`);
      await writeFile(pdf, await convertToPdf(await renderForm(request), "docx"));
      const pages = await pdfPages(pdf);
      assert.ok(pages.length >= expected.minPages, `form ${number}: ${pages.length} pages`);
      for (const page of pages) {
        assert.deepEqual(
          [Math.round(Math.min(page.width, page.height)), Math.round(Math.max(page.width, page.height))],
          [595, 842],
          "A4",
        );
        assert.equal(page.width > page.height, expected.landscape, `form ${number} orientation`);
      }
      await run("pdftoppm", ["-png", "-r", "30", pdf, join(dir, `${number}-page`)]);
      const png = pngSize(await readFile(join(dir, `${number}-page-${pages.length > 9 ? "01" : "1"}.png`)));
      assert.equal(png.width > png.height, expected.landscape, `form ${number} PNG orientation`);
      if (number === "06" || number === "07") {
        const heading = number === "06" ? "TÊN CƠ QUAN" : "Mã hồ sơ";
        for (let p = 1; p <= pages.length; p++) {
          const { stdout } = await run("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]);
          assert.ok(stdout.replace(/\s+/g, " ").includes(heading), `form ${number}, page ${p} repeats the header row`);
        }
        const { stdout: all } = await run("pdftotext", [pdf, "-"]);
        const last = number === "06" ? "Cán bộ 30" : "Người nộp số 40";
        assert.ok(all.replace(/\s+/g, " ").includes(last), `the last row (${last}) is printed`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
