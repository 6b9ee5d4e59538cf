// The scorecard export read back: the .xlsx with the reform records' reader (every node's figures, the totals,
// the lost points) and the .docx from its XML (the same figures, the evidence pages, the appraiser's note).
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_COMMUNE_SET } from "../reform/index/default-commune-set.ts";
import { type Assessment, scorecard } from "../reform/index/score.ts";
import { readWorkbook } from "../reform/records/workbook.ts";
import {
  type ExportAssessment,
  lostPointsSpec,
  renderScorecard,
  type ScorecardExport,
  scorecardExport,
  scorecardSpec,
} from "./reform-index-scorecard.ts";
import { openDocx } from "./testing/docx-inspect.ts";

const assessed = (a: Partial<Assessment>): Assessment => ({
  selfScore: null,
  evidence: [],
  appraisal1: null,
  appraisal2: null,
  final: null,
  ...a,
});

/** Seed 003's 6.2 (self 2, appraised 0: no evidence), 2.3 (self 2, kept), 6.3 (self 1); e-results 16/100. */
function card(): ScorecardExport {
  const stored = new Map<string, Assessment>([
    [
      "6.2",
      assessed({
        selfScore: 2,
        selfNote: "Đã công khai",
        appraisal1: 0,
        appraiserNote: "Không có tài liệu kiểm chứng",
      }),
    ],
    ["2.3", assessed({ selfScore: 2, evidence: [{ fileId: "f1", pages: "3-4" }] })],
    ["6.3", assessed({ selfScore: 1, evidence: [{ fileId: "f2", pages: "1" }] })],
  ]);
  const sc = scorecard(DEFAULT_COMMUNE_SET, {
    auto: { e_result_rate: { kind: "ratio", numerator: 16, denominator: 100, label: "Hồ sơ có kết quả điện tử" } },
    assessments: stored,
  });
  const assessments: Record<string, ExportAssessment> = {
    "6.2": { ...stored.get("6.2")!, evidence: [] },
    "2.3": { ...stored.get("2.3")!, evidence: [{ name: "Biên bản triển khai.pdf", pages: "3-4" }] },
    "6.3": { ...stored.get("6.3")!, evidence: [{ name: "Báo cáo giải ngân.pdf", pages: "1" }] },
  };
  return scorecardExport({ ...sc, unit: "VL", unitName: "Xã Vĩnh Long", year: 2022, phase: "appraisal1" }, assessments);
}

test("the export names the phase and carries the scorecard's self total (self-scores and automatic ones)", () => {
  const c = card();
  assert.equal(c.phaseName, "Thẩm định lần 1");
  // 2.3: 2, 6.2: 2, 6.3: 1 (self) + 3.11.2: 0,16 (automatic)
  assert.equal(c.selfTotal, 5.16);
  // scored: 2.3: 2, 6.2: 0 (appraised), 6.3: 1, 3.11.2: 0,16
  assert.equal(c.total, 3.16);
  assert.equal(c.max, 7);
});

test("the .xlsx holds every node with its self, appraised and reached score, the totals and the lost points", async () => {
  const c = card();
  const sheets = await readWorkbook(await renderScorecard(c, "xlsx"));
  assert.deepEqual([...sheets.keys()], ["Bảng điểm", "Bị trừ điểm"]);
  const rows = sheets.get("Bảng điểm")!;
  const byCode = new Map(rows.filter((r) => typeof r[0] === "string").map((r) => [r[0] as string, r]));
  assert.deepEqual(byCode.get("6.2")?.slice(2, 7), [2, 2, 0, "", 0]);
  assert.match(String(byCode.get("6.2")?.[7]), /Ý kiến thẩm định: Không có tài liệu kiểm chứng/);
  assert.deepEqual(byCode.get("2.3")?.slice(2, 7), [2, 2, "", "", 2]);
  assert.match(String(byCode.get("2.3")?.[7]), /Biên bản triển khai\.pdf, tr\. 3-4/);
  assert.deepEqual(byCode.get("3.11.2")?.slice(2, 7), [1, 0.16, "", "", 0.16]);
  assert.match(String(byCode.get("3.11.2")?.[7]), /16\/100 = 16%/);
  const total = rows.find((r) => r[0] === "Tổng điểm")!;
  assert.deepEqual(total.slice(2, 8), [7, 5.16, "", "", 3.16, "45,14%, xếp loại Yếu"]);
  const lost = sheets.get("Bị trừ điểm")!;
  const lostRows = lost.filter((r) => typeof r[0] === "number");
  assert.deepEqual(
    lostRows.map((r) => r.slice(1, 5)),
    [
      ["3.11.2", "Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử", 0.84, 1],
      ["6.2", "Công khai, minh bạch trong quản lý, sử dụng tài sản công", 2, 2],
      ["6.3", "Giải ngân vốn đầu tư phát triển nguồn NSNN hằng năm", 1, 2],
    ],
  );
  assert.equal(lost.find((r) => r[0] === "Tổng số điểm bị trừ")?.[3], 3.84);
});

test("the .docx carries the same figures, the evidence pages and the lost-points table", async () => {
  const doc = await openDocx(await renderScorecard(card(), "docx"));
  assert.ok(doc.paragraphs.includes("BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"));
  assert.ok(doc.paragraphs.includes("XÃ VĨNH LONG"));
  assert.ok(doc.paragraphs.includes("CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM"));
  assert.ok(doc.paragraphs.includes("Tài liệu kiểm chứng: Biên bản triển khai.pdf, tr. 3-4"));
  assert.ok(doc.paragraphs.includes("3,16"), "the reached total with a decimal comma");
  assert.ok(doc.paragraphs.includes("5,16"), "the self total");
  assert.ok(doc.paragraphs.includes("0,84"), "3.11.2's lost points");
  assert.equal(doc.page.orient, "landscape");
  assert.deepEqual([...doc.fonts], ["Times New Roman"]);
});

test("the specs tile their headers and a unit without lost points gets an empty list, not a failure", async () => {
  const c = { ...card(), lost: [] };
  assert.equal(lostPointsSpec(c).body.length, 0);
  assert.equal(scorecardSpec(c).header.length, 2);
  const doc = await openDocx(await renderScorecard(c, "docx"));
  assert.ok(doc.paragraphs.includes("Không có tiêu chí bị trừ điểm."));
});
