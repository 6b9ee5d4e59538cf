import assert from "node:assert/strict";
import { test } from "node:test";
import { documentToSheets, FORMAT, parseDocument, sheetsToDocument } from "./interchange.ts";
import { readWorkbook, writeWorkbook } from "./workbook.ts";

const DOC = {
  format: FORMAT,
  version: 1,
  plans: [
    {
      unit: "X",
      kind: "annual",
      number: "62/KH-UBND",
      title: "Kế hoạch CCHC năm 2020",
      issuedOn: "2019-12-25",
      issuer: "UBND phường Hương Xuân",
      year: 2020,
      periodFrom: "2020-01-01",
      periodTo: "2020-12-31",
      evidence: [{ fileId: "f1", pages: "1-4" }],
      tasks: [
        {
          ordinal: 1,
          area: "direction",
          content: "Ban hành kế hoạch tuyên truyền",
          outputKind: "plan",
          lead: "Văn phòng",
          supporting: ["Tư pháp", "Văn hóa"],
          deadline: "2020-01-31",
          kind: "one_off",
          source: "own",
          progress: 100,
          completedOn: "2020-01-02",
          output: { number: "02/KH-UBND", date: "2020-01-02", title: "KH tuyên truyền" },
          evidence: [],
        },
        {
          ordinal: 2,
          area: "procedure",
          content: "Niêm yết TTHC",
          outputKind: "report",
          lead: "Một cửa",
          kind: "recurring",
          source: "above",
        },
      ],
    },
  ],
  records: [
    {
      kind: "outreach",
      unit: "X",
      on: "2020-03-01",
      data: { form: "loudspeaker", title: "Chuyên mục CCHC", count: 6 },
    },
    {
      kind: "legal_document",
      unit: "X",
      on: "2020-02-10",
      data: {
        number: "01/NQ-HĐND",
        title: "Nghị quyết",
        status: "issued",
        checks: ["2020-02-20"],
        reviews: [],
        proposal: { kind: "self_amend", on: "2020-05-01" },
      },
    },
    { kind: "fact", unit: "X", on: "2020-01-01", data: { fact: "video_conferencing", value: 2 } },
    {
      kind: "qualification",
      unit: "X",
      on: "2020-09-30",
      data: { group: "cadre", total: 9, meetingStandard: 9, university: 6, intermediate: 3 },
    },
  ],
};

test("a valid document parses with every task numbered and every record keyed", () => {
  const parsed = parseDocument(DOC);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.plans[0]!.tasks.length, 2);
  assert.equal(parsed.records[1]!.record.ref, "legal_document:01/nq-hđnd");
});

test("problems say where they are, with the rule's code; duplicates are caught", () => {
  const bad = structuredClone(DOC) as typeof DOC & { plans: Record<string, unknown>[] };
  const plan = bad.plans[0]! as (typeof DOC.plans)[number];
  (plan.tasks[0] as Record<string, unknown>).output = null;
  (plan.tasks[1] as Record<string, unknown>).ordinal = 1;
  bad.plans.push({ ...plan });
  (bad.records[0] as Record<string, unknown>).on = "2020-13-01";
  const { problems } = parseDocument(bad);
  const seen = problems.map((p) => [p.at, p.code]);
  assert.deepEqual(seen, [
    ["plans[0].tasks[0].output", "task-done-without-output"],
    ["plans[0].tasks[1]", "ordinal-taken"],
    ["plans[1].tasks[0].output", "task-done-without-output"],
    ["plans[1].tasks[1]", "ordinal-taken"],
    ["plans[1]", "duplicate-plan"],
    ["records[0].on", "validation-failed"],
  ]);
  assert.equal(parseDocument({ format: "khac" }).problems[0]!.code, "unknown-format");
});

test("the spreadsheet round trip: document → .xlsx → document gives the same records", async () => {
  const sheets = documentToSheets(DOC as never);
  const again = sheetsToDocument(await readWorkbook(await writeWorkbook(sheets)));
  assert.deepEqual(again.problems, []);
  const a = parseDocument(DOC);
  const b = parseDocument(again.document);
  assert.deepEqual(b.problems, []);
  assert.deepEqual(
    b.plans.map((p) => [p.plan, p.tasks.map((t) => t.task)]),
    a.plans.map((p) => [p.plan, p.tasks.map((t) => t.task)]),
  );
  const byRef = (x: typeof a) => x.records.map((r) => r.record).sort((p, q) => p.ref.localeCompare(q.ref));
  assert.deepEqual(byRef(b), byRef(a), "the sheets group records by kind");
});

test("a province's own spreadsheet: labels without diacritics, dd/mm/yyyy dates, tasks joined to their plan", () => {
  const sheets = new Map<string, unknown[][]>([
    [
      "Kế hoạch",
      [
        [
          "Mã đơn vị",
          "Loại kế hoạch",
          "Số, ký hiệu",
          "Trích yếu",
          "Ngày ban hành",
          "Cơ quan ban hành",
          "Năm",
          "Cột lạ",
        ],
        ["X", "ke hoach cchc nam", "01/QĐ-UBND", "KH CCHC 2024", "02/01/2024", "UBND xã", 2024, "bỏ qua"],
      ],
    ],
    [
      "Nhiệm vụ",
      [
        [
          "Mã đơn vị",
          "Số kế hoạch",
          "Lĩnh vực",
          "Nội dung nhiệm vụ",
          "Sản phẩm đầu ra",
          "Chủ trì",
          "Loại nhiệm vụ",
          "Nguồn nhiệm vụ",
        ],
        [
          "X",
          "01/qđ-ubnd",
          "Cải cách thể chế",
          "Rà soát VBQPPL",
          "Báo cáo",
          "Tư pháp",
          "Thường xuyên",
          "Cấp trên giao",
        ],
        ["X", "99/KH", "Cải cách thể chế", "Nhiệm vụ lạc", "Báo cáo", "Tư pháp", "", ""],
      ],
    ],
    [
      "Khảo sát",
      [
        ["Mã đơn vị", "Ngày", "Số phiếu khảo sát", "Hình thức khảo sát"],
        ["X", "15/05/2024", 28, "Phát phiếu"],
      ],
    ],
  ]);
  const { document, problems } = sheetsToDocument(sheets);
  assert.deepEqual(
    problems.map((p) => [p.at, p.code]),
    [["Nhiệm vụ!3", "unknown-plan"]],
  );
  const parsed = parseDocument(document);
  assert.deepEqual(parsed.problems, []);
  const plan = parsed.plans[0]!;
  assert.deepEqual([plan.plan.kind, plan.plan.issuedOn, plan.plan.periodTo], ["annual", "2024-01-02", "2024-12-31"]);
  assert.deepEqual(
    [plan.tasks[0]!.task.area, plan.tasks[0]!.task.kind, plan.tasks[0]!.task.source],
    ["institution", "recurring", "above"],
  );
  assert.deepEqual(parsed.records[0]!.record.data, { forms: 28, method: 1, title: null });
  assert.equal(parsed.records[0]!.at, "Khảo sát!2");
});
