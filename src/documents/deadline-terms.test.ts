// One word for each deadline (issue 15): the label tables of the screen, the CSV and Excel exports and the
// report appendices name timeliness against "hạn", and no source of the web, the API, the CLI or the documents
// uses another word for the appointment, the new appointment or the deadline (deadline-terms.ts).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { resultsToCsv } from "../figures/export-csv.ts";
import { resultsReport } from "../figures/results.ts";
import { RESULT_FIELD_LABELS } from "../figures/results-labels.ts";
import { dossier } from "../figures/test-dossiers.ts";
import { resultsAppendixSpec, resultsByFieldSpec } from "./appendices.ts";
import { DEADLINE_TERMS, deadlineVariantsIn, TIMELINESS_LABELS } from "./deadline-terms.ts";
import { resultsWorkbook } from "./results-xlsx.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TIMELINESS = Object.values(TIMELINESS_LABELS);

const report = resultsReport(
  [
    dossier({
      field: "Hộ tịch",
      received: "2026-03-02 08:00",
      due: "2026-03-03 17:00",
      events: [["resolved", "2026-03-03 10:00"]],
    }),
    dossier({ field: "Chứng thực", received: "2026-03-04 08:00", due: "2026-03-04 17:00" }),
  ],
  { from: "2026-03-01", to: "2026-03-31", unit: null },
);

test("the figures' label table names timeliness with the terms: every label against the deadline says hạn", () => {
  for (const [field, label] of Object.entries(TIMELINESS_LABELS)) {
    assert.equal(RESULT_FIELD_LABELS[field]?.label, label, field);
  }
  for (const label of TIMELINESS) assert.match(label, / hạn$/);
});

test("the results .xlsx headings: the screen's timeliness words, never 'hẹn'", () => {
  const sheet = resultsWorkbook({ ...report, rows: report.rows.map((r) => ({ ...r })) }).worksheets[0]!;
  const headings: string[] = [];
  for (let row = 5; row <= 7; row++) sheet.getRow(row).eachCell((c) => headings.push(String(c.value)));
  for (const label of TIMELINESS) assert.ok(headings.includes(label), `${label} in ${headings.join(" | ")}`);
  assert.deepEqual(
    headings.filter((h) => /hẹn/i.test(h)),
    [],
  );
});

test("the CSV header and the appendices' headers: the same words", () => {
  const header = resultsToCsv({ ...report, rows: report.rows.map((r) => ({ ...r })) }).split(/\r?\n/)[0]!;
  for (const label of TIMELINESS) assert.ok(header.includes(label), `${label} in ${header}`);
  for (const spec of [resultsAppendixSpec(report.rows), resultsByFieldSpec(report.rows)]) {
    const texts = spec.header.flat().map((c) => c.text);
    assert.deepEqual(
      texts.filter((t) => /hẹn/i.test(t)),
      [],
    );
    assert.ok(texts.includes(TIMELINESS_LABELS.finishedOnTime) && texts.includes(TIMELINESS_LABELS.openOverdue));
  }
});

test("the variants are found, the terms and the form titles are not", () => {
  for (const wrong of [
    '{ title: "Trễ hẹn" }',
    'label="Ngày hẹn lại (sau xin lỗi)"',
    '{ title: "Hẹn trả", dataIndex: "dueAt" }',
    "parts.push(`Hẹn trả: ` + text)",
    '<span data-testid="appointment">Hẹn trả kết quả: {x}</span>',
    'message: "Chọn ngày hẹn mới"',
    '{ title: "Hẹn trả ban đầu" }',
  ]) {
    assert.equal(deadlineVariantsIn(wrong).length > 0, true, wrong);
  }
  for (const right of [
    '{ title: "Ngày hẹn trả", dataIndex: "dueAt" }',
    'label="Ngày hẹn trả mới (sau xin lỗi)"',
    "Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    '{ title: "Hạn giải quyết", dataIndex: "dueAt" }',
    "Trước hạn, Đúng hạn, Trễ hạn, Trong hạn, Quá hạn",
    `Ngày hẹn trả kết quả: ${DEADLINE_TERMS.appointment}`,
    "Thời hạn giải quyết",
  ]) {
    assert.deepEqual(deadlineVariantsIn(right), [], right);
  }
});

/**
 * Sources that quote official texts verbatim keep their words: the 2018 form titles (form-catalog.ts:
 * "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"), the templates, and the CCHC report's criteria (src/reform,
 * REFORM.md: "giải quyết đúng hẹn"). Tests may type anything an applicant would write.
 */
const QUOTES_OFFICIAL_TEXT = [
  "src/documents/form-catalog.ts",
  "src/documents/form-templates.ts",
  "src/documents/deadline-terms.ts",
  "src/reform/",
];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "testing" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|test-/.test(e.name) ? [path] : [];
  });
}

test("no screen, export, CLI table, API message or document names a deadline with another word", () => {
  const files = [...sources("src"), ...sources("web/src")].filter(
    (f) => !QUOTES_OFFICIAL_TEXT.some((q) => f.startsWith(q)),
  );
  assert.ok(files.length > 100, `scanned ${files.length} files`);
  const found = files.flatMap((f) =>
    deadlineVariantsIn(readFileSync(join(ROOT, f), "utf8")).map(
      (v) => `${relative(ROOT, join(ROOT, f))}:${v.line}: "${v.found}" → ${v.use}`,
    ),
  );
  assert.deepEqual(found, []);
});
