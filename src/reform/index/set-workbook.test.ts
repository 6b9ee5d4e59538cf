// The spreadsheet layout of a criteria set: the default set survives a round trip through the sheets and an
// .xlsx file; every problem is named with its cell, and nothing is read when any is found.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readWorkbook, writeWorkbook } from "../records/workbook.ts";
import type { CriteriaSetError } from "./criteria.ts";
import { DEFAULT_COMMUNE_SET } from "./default-commune-set.ts";
import { CRITERIA_SHEET, INFO_SHEET, setToSheets, sheetsToSet } from "./set-workbook.ts";

test("the default set round-trips through the sheets and an .xlsx file", async () => {
  assert.deepEqual(sheetsToSet(setToSheets(DEFAULT_COMMUNE_SET)), DEFAULT_COMMUNE_SET);
  const file = await writeWorkbook(setToSheets(DEFAULT_COMMUNE_SET));
  assert.deepEqual(sheetsToSet(await readWorkbook(file)), DEFAULT_COMMUNE_SET);
});

test("a province's table typed by hand: labels, decimal commas, tiers in percent", () => {
  const sheets = new Map<string, unknown[][]>([
    [
      INFO_SHEET,
      [
        ["Trường", "Giá trị"],
        ["Mã bộ tiêu chí", "qt-2024-xa"],
        ["Phiên bản", 1],
        ["Tên bộ tiêu chí", "Bộ chỉ số CCHC cấp xã năm 2024"],
        ["Mã tỉnh", "45"],
        ["Năm áp dụng", "2024"],
        ["Điểm khảo sát tối đa", "30"],
        ["Khảo sát bắt buộc", "Có"],
        ["Xếp loại", "Xuất sắc: 90; Tốt: 80; Khá: 70; Trung bình: 50; Yếu: 0"],
      ],
    ],
    [
      CRITERIA_SHEET,
      [
        setToSheets(DEFAULT_COMMUNE_SET).get(CRITERIA_SHEET)![0]!,
        ["1", "Công tác chỉ đạo, điều hành"],
        ["1.1", "Mức độ thực hiện kế hoạch", "2", "Theo mức tỷ lệ", "100%: 2; 80%: 1", "plan_completion", "", "0,5"],
        ["1.2", "Sáng kiến", 2, "Đếm, có mức trần", "1", "initiatives"],
        ["1.3", "Báo cáo", "1,5"],
      ],
    ],
  ]);
  const set = sheetsToSet(sheets);
  assert.equal(set.survey.max, 30);
  assert.equal(set.survey.optional, false);
  const [field] = set.fields;
  assert.deepEqual(
    field?.children.map((c) => [c.code, c.max, c.rule?.kind]),
    [
      ["1.1", 2, "tiers"],
      ["1.2", 2, "count"],
      ["1.3", 1.5, undefined],
    ],
  );
  assert.deepEqual(field?.children[0]?.rule, {
    kind: "tiers",
    tiers: [
      { min: 1, points: 2 },
      { min: 0.8, points: 1 },
    ],
  });
  assert.equal(field?.children[0]?.unprovenDeduction, 0.5);
});

test("every problem named with its cell; a tree problem found by the set's own checks", () => {
  const header = setToSheets(DEFAULT_COMMUNE_SET).get(CRITERIA_SHEET)![0]!;
  const info = setToSheets(DEFAULT_COMMUNE_SET).get(INFO_SHEET)!;
  const bad = new Map<string, unknown[][]>([
    [INFO_SHEET, info],
    [
      CRITERIA_SHEET,
      [
        header,
        ["1", "Lĩnh vực"],
        ["1.1.1", "Không có cha", 1],
        ["1.2", "Sai cách chấm", 1, "lung tung"],
        ["1.3", "Sai nguồn", 1, "ratio", "", "khong_co"],
        ["1.4", "Sai mức", 1, "tiers", "nhiều"],
        ["x", "Sai mã"],
      ],
    ],
  ]);
  assert.throws(
    () => sheetsToSet(bad),
    (e: CriteriaSetError) => {
      assert.equal(e.code, "set-workbook-invalid");
      assert.deepEqual(
        e.problems.map((p) => p.split(":")[0]),
        ["Tiêu chí!A3", "Tiêu chí!D4", "Tiêu chí!F5", "Tiêu chí!D6", "Tiêu chí!A7"],
      );
      return true;
    },
  );
  assert.throws(() => sheetsToSet(new Map()), { code: "set-workbook-invalid" });
  const over = new Map<string, unknown[][]>([
    [INFO_SHEET, info],
    [CRITERIA_SHEET, [header, ["1", "L", 1], ["1.1", "A", 2]]],
  ]);
  assert.throws(
    () => sheetsToSet(over),
    (e: CriteriaSetError) => e.code === "criteria-set-invalid" && /vượt điểm tối đa/.test(e.problems.join()),
  );
});
