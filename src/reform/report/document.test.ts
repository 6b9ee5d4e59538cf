// The periodic report's .docx opened and read back: every figure in its text is the named figure of the one
// computation (and that is the sheet's JSON value or the results' total), every cell of Phụ lục 01b and of
// the results appendix is the JSON's; Decree 30 layout pieces present; a check violation blocks the document.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatValue } from "../../documents/grid.ts";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { CHANNELS, type Channel } from "../../dossier/record.ts";
import { periodBounds } from "../../figures/period.ts";
import { resultsReport } from "../../figures/results.ts";
import type { ResultCounts } from "../../figures/results-fields.ts";
import { dossier } from "../../figures/test-dossiers.ts";
import { catalogueRowValues, dossierRowValues } from "../sheet/figures.ts";
import { assembleSheet } from "../sheet/sheet.ts";
import { ReportBlockedError } from "./check.ts";
import { appendixSpecs, composeReport, reportToDocx } from "./document.ts";
import { figureText, figuresUsed, type ReportInputs } from "./figures.ts";
import { reportMeta } from "./meta.ts";
import { namePeriod } from "./period-kind.ts";
import { reportTemplate } from "./template.ts";

const PERIOD = { from: "2023-12-15", to: "2024-06-14" };
const CHANNEL_LIST: Channel[] = ["direct", "postal", "online_partial", "online_full", "online_full", "online_partial"];
const FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai", "Hoạt động xây dựng", "Bảo trợ xã hội"];

/** 60 dossiers over the period: every channel and field, early / on time / late / open / withdrawn, apologies. */
function sampleDossiers() {
  return Array.from({ length: 60 }, (_, i) => {
    const day = 1 + (i % 27);
    const month = i % 2 === 0 ? "2024-02" : "2024-04";
    const received = `${month}-${String(day).padStart(2, "0")} 08:00`;
    const due = `${month}-${String(day).padStart(2, "0")} 17:00`;
    const end = i % 5;
    const events: NonNullable<Parameters<typeof dossier>[0]["events"]> =
      end === 0
        ? [["resolved", `${month}-${String(day).padStart(2, "0")} 09:00`]]
        : end === 1
          ? [["resolved", `${month}-${String(day).padStart(2, "0")} 16:59`]]
          : end === 2
            ? [
                [
                  "extended",
                  `${month}-${String(day).padStart(2, "0")} 16:00`,
                  { apology: true, dueAt: new Date(`${month}-28T17:00:00+07:00`) },
                ],
                ["resolved", `${month}-28 10:00`],
              ]
            : end === 3
              ? [["withdrawn", `${month}-${String(day).padStart(2, "0")} 10:00`]]
              : [];
    return dossier({
      code: `H57.12-${i}`,
      unit: "H57.12",
      channel: CHANNEL_LIST[i % 6],
      field: FIELDS[i % 5],
      received,
      due,
      events,
    });
  });
}

/** Records consistent with each other (seed 001's, with its 21 tasks done in the text and the appendix alike). */
const RECORDS = {
  "1.1.1": 38,
  "1.1.2": 21,
  "1.1.3": 16,
  "1.2.1": 6,
  "1.2.2": 0,
  "1.2.3": 0,
  "4.1.1": 17,
  "4.1.2": 17,
  "4.1.3": 0,
  "6.1": 1,
};

function inputs(records: Record<string, number> = RECORDS): ReportInputs {
  const list = sampleDossiers();
  const byField = resultsReport(list, { ...PERIOD, by: "field" });
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      resultsReport(
        list.filter((d) => d.channel === c),
        PERIOD,
      ).total,
    ]),
  ) as unknown as Record<Channel, ResultCounts>;
  const { start, end } = periodBounds(PERIOD);
  const apologies = list
    .flatMap((d) => d.events)
    .filter((e) => e.type === "extended" && e.apology && e.at >= start && e.at < end).length;
  const sheet = assembleSheet({
    unit: "H57.12",
    ...PERIOD,
    dossiers: dossierRowValues({ total: byField.total, byField: byField.rows, byChannel, apologies }),
    catalogue: catalogueRowValues(
      [
        {
          code: "1.001009",
          effectiveFrom: "2020-01-01",
          onlineLevel: "full",
          boundaryFree: true,
          links: [],
          hasSteps: true,
          charged: true,
        },
      ],
      PERIOD,
    ),
    records,
    manual: { "7.1": 2 },
  });
  return { sheet, results: byField };
}

const META = reportMeta(
  { name: "Xã Hoằng Hợp", kind: "commune", parentName: "Huyện Hoằng Hóa" },
  {
    date: "2024-06-04",
    number: "57",
    signature: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Quang Công" },
  },
);

/** The table rows of a .docx: the text of each cell. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&amp;/g, "&")).join(""),
    ),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("every figure in the text is the one computation's, and that is the JSON's", async () => {
  const data = inputs();
  const view = await openDocx(await reportToDocx(data, META));
  const composed = composeReport(data, META);
  const template = reportTemplate(namePeriod(PERIOD), "commune", META.unitName);
  const sheetValue = (code: string) => data.sheet.rows.find((r) => r.code === code)!.value;
  let checked = 0;
  for (const section of template.sections) {
    for (const paragraph of section.paragraphs) {
      const names = figuresUsed(paragraph);
      if (!names.length) continue;
      // the template with each {name} as a capture group, matched against the paragraph in the document
      const pattern = new RegExp(`^${escapeRegExp(paragraph).replace(/\\\{[A-Za-z0-9.]+\\\}/g, "(.+?)")}$`);
      const found = view.paragraphs.map((p) => pattern.exec(p)).find(Boolean);
      assert.ok(found, `paragraph in the document: ${paragraph.slice(0, 60)}`);
      names.forEach((name, i) => {
        assert.equal(found![i + 1], figureText(composed.figures[name]), name);
        checked++;
      });
    }
  }
  assert.ok(checked >= 50, `${checked} figures checked`);
  // the named figures are the sheet's rows and the results' totals
  const f = composed.figures;
  assert.equal(f.received, sheetValue("3.3.1"));
  assert.equal(f.received, data.results.total.received);
  assert.equal(f.direct, sheetValue("3.3.1.direct"));
  assert.equal(f.onTimeOrEarly, sheetValue("3.3.2"));
  assert.equal(f.tasksDone, 21);
  assert.equal(f.apologies, sheetValue("3.5"));
  assert.equal(f.finishedLate, data.results.total.finishedLate);
  assert.equal(f.openOverdue, data.results.total.openOverdue);
  assert.ok((f.received as number) > 40 && (f.apologies as number) > 0 && (f.finishedLate as number) > 0);
  const sentence = view.paragraphs.find((p) => p.startsWith("Tổng số hồ sơ đã tiếp nhận"))!;
  assert.ok(sentence.includes(`: ${f.received} hồ sơ; trong đó trực tiếp ${f.direct} hồ sơ`), sentence);
});

test("every cell of Phụ lục 01b and of the results appendix is the JSON's", async () => {
  const data = inputs();
  const view = await openDocx(await reportToDocx(data, META));
  const rows = tableRows(view.xml);
  for (const row of data.sheet.rows) {
    const cells = rows.find((r) => r.length === 5 && r[1] === row.label);
    assert.ok(cells, `01b row ${row.code}`);
    assert.equal(cells![2], row.unitOfMeasure, row.code);
    assert.equal(cells![3], row.value === null ? "" : formatValue(row.value), row.code);
  }
  // Phụ lục 4 as src/documents lays it out from the results JSON: each cell of the document is that spec's
  const spec = appendixSpecs(data, META, namePeriod(PERIOD)).find((x) => x.caption[0] === "Phụ lục 4")!;
  const expected = [...spec.body, ...(spec.total ? [spec.total] : [])];
  assert.equal(expected.length, data.results.rows.length + 1);
  for (const values of expected) {
    const key = String(values[0] === "Tổng cộng" ? "Tổng cộng" : values[1]);
    const cells = rows.find((c) => c.includes(key) && c.length >= values.length)!;
    assert.ok(cells, `results row ${key}`);
    assert.deepEqual(
      cells.slice(-values.length + (values[0] === "Tổng cộng" ? 1 : 2)),
      values.slice(values[0] === "Tổng cộng" ? 1 : 2).map(formatValue),
      key,
    );
  }
  for (const r of [...data.results.rows, { ...data.results.total, key: "Tổng cộng" }]) {
    const cells = rows.find((c) => c.includes(r.key) && c.length >= 10)!;
    const at = cells.indexOf(r.key) + 1;
    assert.deepEqual([cells[at], cells[at + 1]], [formatValue(r.carriedOver), formatValue(r.received)], r.key);
  }
});

test("Decree 30 layout: issuing body, number, place and date, title, sections I–V, recipients, signature", async () => {
  const view = await openDocx(await reportToDocx(inputs(), META));
  const p = view.paragraphs;
  for (const line of [
    "ỦY BAN NHÂN DÂN",
    "XÃ HOẰNG HỢP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 57/BC-UBND",
    "Hoằng Hợp, ngày 04 tháng 6 năm 2024",
    "BÁO CÁO",
    "Tình hình, kết quả công tác cải cách hành chính 6 tháng đầu năm 2024; nhiệm vụ trọng tâm 6 tháng cuối năm 2024",
    "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
    "III. ĐÁNH GIÁ CHUNG",
    "V. KIẾN NGHỊ, ĐỀ XUẤT",
    "Nơi nhận:",
    "- UBND huyện Hoằng Hóa (b/c);",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Quang Công",
    "Phụ lục 01b",
    "CỦA UBND XÃ HOẰNG HỢP 6 THÁNG ĐẦU NĂM 2024",
    "(Kèm theo Báo cáo số 57/BC-UBND ngày 04 tháng 6 năm 2024 của UBND xã Hoằng Hợp)",
  ]) {
    assert.ok(p.includes(line), line);
  }
  assert.ok(p.some((x) => x.startsWith("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI")));
  assert.deepEqual([...view.fonts], ["Times New Roman"]);
  assert.equal(view.page.width, 11906);
});

test("a violation blocks the document and is named: done > planned, a results total that is not the sum", async () => {
  await assert.rejects(
    reportToDocx(inputs({ ...RECORDS, "1.1.2": 40 }), META),
    (e: ReportBlockedError) =>
      e instanceof ReportBlockedError &&
      e.findings.some((f) => f.on === "sheet" && f.code === "part-exceeds-whole" && f.text.includes("1.1.2, 1.1.1")),
  );
  const data = inputs();
  const broken: ReportInputs = {
    ...data,
    results: { ...data.results, total: { ...data.results.total, received: data.results.total.received + 1 } },
  };
  await assert.rejects(reportToDocx(broken, META), (e: ReportBlockedError) =>
    e.findings.some((f) => f.on === "results" && f.code === "total-is-not-sum"),
  );
});

test("seed 000's appendix system: Phụ lục 1–5 in order, then 01b; plans and procedures as computed", async () => {
  const plans = [
    ["Kế hoạch CCHC năm (62/KH-UBND)", "2019-12-25", 30, 30],
    ["Kế hoạch tự kiểm tra CCHC năm (03/KH-UBND)", "2020-01-02", 7, 7],
    ["Kế hoạch tuyên truyền CCHC (04/KH-UBND)", "2020-01-02", 5, 5],
  ] as const;
  const data: ReportInputs = {
    ...inputs(),
    procedures: { province: 0, district: 0, commune: 153 },
    records: {
      appendix1: plans.map(([plan, issuedOn, planned, done], i) => ({
        stt: i + 1,
        kind: "annual",
        plan,
        number: "",
        unit: "H57.12",
        issuedOn,
        planned,
        done,
      })),
      appendix3: [
        {
          key: "legal.issued",
          label: "1. Số lượng VB QPPL đã ban hành",
          previousYear: 2,
          quarters: [0, 1, 0, null],
          total: 1,
        },
      ],
      appendix5: [{ key: "cadre.total", label: "Tổng số", previousYear: 10, reportYear: 9 }],
    },
  };
  const view = await openDocx(await reportToDocx(data, META));
  const labels = ["Phụ lục 1", "Phụ lục 2", "Phụ lục 3", "Phụ lục 4", "Phụ lục 5", "Phụ lục 01b"];
  const at = labels.map((l) => view.paragraphs.indexOf(l));
  assert.ok(
    at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!)),
    `in order: ${at.join(", ")}`,
  );
  const rows = tableRows(view.xml);
  assert.deepEqual(
    rows.find((r) => r[1] === "Kế hoạch CCHC năm (62/KH-UBND)"),
    ["1", "Kế hoạch CCHC năm (62/KH-UBND)", "25/12/2019", "30", "30", ""],
  );
  assert.deepEqual(rows.find((r) => r[1]?.startsWith("Số TTHC được công khai"))?.slice(2), [
    "153",
    "",
    "",
    "153",
    "100%",
    "",
  ]);
  assert.deepEqual(
    rows.find((r) => r[0] === "1. Số lượng VB QPPL đã ban hành"),
    ["1. Số lượng VB QPPL đã ban hành", "2", "0", "1", "0", "", "1"],
  );
  assert.deepEqual(
    rows.find((r) => r[0] === "Tổng số"),
    ["Tổng số", "10", "9"],
  );
});
