// The unit's own text in sections III–V: figures as {names} are filled from the computation; a count typed as
// digits or a name nobody computed blocks the document, named.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDocx } from "../../documents/testing/docx-inspect.ts";
import { zeroCounts } from "../../figures/results-fields.ts";
import { dossierRowValues } from "../sheet/figures.ts";
import { assembleSheet } from "../sheet/sheet.ts";
import type { ReportBlockedError } from "./check.ts";
import { reportToDocx } from "./document.ts";
import { checkEdits } from "./edits.ts";
import type { ReportInputs } from "./figures.ts";
import { reportMeta } from "./meta.ts";

const total = { key: "total", ...zeroCounts(), received: 12, receivedDirect: 12, finishedEarly: 9, finishedLate: 3 };
const inputs: ReportInputs = {
  sheet: assembleSheet({
    unit: "X",
    from: "2024-01-01",
    to: "2024-06-30",
    dossiers: dossierRowValues({ total, byField: [], byChannel: null, apologies: 3 }),
    catalogue: {},
    records: { "1.1.1": 38, "1.1.2": 19 },
    manual: {},
  }),
  results: { rows: [{ ...total, key: "Hộ tịch" }], total },
};
const meta = reportMeta({ name: "Xã Hoằng Hợp", kind: "commune", parentName: null }, { date: "2024-06-04" });

test("typed counts and unknown names are found; figures as names and plain numbers of another kind pass", () => {
  const found = checkEdits(
    {
      assessment: ["Đã hoàn thành 21 nhiệm vụ; tỷ lệ 96,43%.", "Còn {finishedLate} hồ sơ quá hạn."],
      directions: ["Giải quyết {nope} hồ sơ.", "Thực hiện Nghị định 61/2018/NĐ-CP; Kế hoạch số 01/KH-UBND năm 2024."],
    },
    { finishedLate: 3 },
  );
  assert.deepEqual(
    found.map((f) => [f.code, f.section, f.paragraph, f.text]),
    [
      ["literal-figure", "assessment", 1, "21 nhiệm vụ"],
      ["literal-figure", "assessment", 1, "96,43 %"],
      ["unknown-figure", "directions", 1, "{nope}"],
    ],
  );
});

test("the edited sections are printed with live figures; a typed figure blocks the document", async () => {
  const view = await openDocx(
    await reportToDocx(inputs, meta, {
      assessment: [
        "Đã hoàn thành {tasksDone}/{tasksPlanned} nhiệm vụ; còn {finishedLate} hồ sơ quá hạn, đã xin lỗi {apologies} trường hợp.",
      ],
      proposals: ["Đề nghị UBND huyện hỗ trợ trang thiết bị cho Bộ phận một cửa."],
    }),
  );
  assert.ok(view.paragraphs.includes("Đã hoàn thành 19/38 nhiệm vụ; còn 3 hồ sơ quá hạn, đã xin lỗi 3 trường hợp."));
  assert.ok(view.paragraphs.includes("Đề nghị UBND huyện hỗ trợ trang thiết bị cho Bộ phận một cửa."));
  assert.ok(!view.paragraphs.includes("Không có."), "section V replaced");
  assert.ok(
    view.paragraphs.some((p) => p.startsWith("1. Tiếp tục triển khai")),
    "section IV kept",
  );
  await assert.rejects(
    reportToDocx(inputs, meta, { assessment: ["Đã hoàn thành 21 nhiệm vụ."] }),
    (e: ReportBlockedError) =>
      e.findings.length === 1 && e.findings[0]!.on === "text" && e.findings[0]!.code === "literal-figure",
  );
});
