import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildDocument, checkDocument, type FormRow, placeViolations, serverViolations } from "./manual.ts";

const full = (key: string, over: Partial<Record<string, number>> = {}): FormRow => ({
  key,
  carriedOver: 2,
  received: 10,
  receivedSaturday: 0,
  receivedDirect: 6,
  receivedPostal: 1,
  receivedOnlinePartial: 2,
  receivedOnlineFull: 1,
  finishedEarly: 5,
  finishedOnTime: 3,
  finishedLate: 1,
  withdrawn: 0,
  stopped: 0,
  openWithinDeadline: 2,
  openOverdue: 1,
  refusedAtIntake: 0,
  ...over,
});

describe("manual figures form", () => {
  test("a consistent document passes and its total is the sum of the rows", () => {
    const doc = buildDocument([full("Hộ tịch"), full("Chứng thực")]);
    assert.equal(doc.total.received, 20);
    assert.equal(doc.total.openOverdue, 2);
    assert.deepEqual(checkDocument(doc), []);
  });

  test("parts that do not sum and a missing figure are placed on the row's fields", () => {
    const rows = [full("Hộ tịch", { receivedDirect: 7 }), { ...full("Chứng thực"), withdrawn: null }];
    const violations = checkDocument(buildDocument(rows));
    const codes = violations.map((v) => v.code);
    assert.ok(codes.includes("parts-do-not-sum"), codes.join());
    assert.ok(violations.some((v) => v.row === "Chứng thực" && v.message === "Chưa nhập số liệu"));
    const placed = placeViolations(violations, ["Hộ tịch", "Chứng thực"]);
    const direct = placed.fields.find((f) => f.name.join() === "rows,0,receivedDirect");
    assert.ok(direct?.errors.some((e) => e.startsWith("Các thành phần không cộng đúng tổng (cần 10, có 11)")));
    assert.ok(placed.fields.some((f) => f.name.join() === "rows,1,withdrawn"));
  });

  test("the server's invalidParams read back as rule, row and fields", () => {
    const [v] = serverViolations([
      { name: "Hộ tịch.carriedOver+received+finishedEarly", reason: "identity: cần 12, có 11" },
    ]);
    assert.deepEqual(v, {
      row: "Hộ tịch",
      fields: ["carriedOver", "received", "finishedEarly"],
      code: "identity",
      message:
        "Kỳ trước chuyển qua + mới tiếp nhận phải bằng đã giải quyết + rút + dừng + đang giải quyết (cần 12, có 11)",
    });
    const placed = placeViolations(
      serverViolations([
        { name: "Hộ tịch.received", reason: "part-exceeds-whole: cần ≤ 3, có 4" },
        { name: "total.received", reason: "total-is-not-sum: cần 3, có 4" },
      ]),
      ["Hộ tịch"],
    );
    assert.deepEqual(placed.fields[0]?.name, ["rows", 0, "received"]);
    assert.deepEqual(placed.other, ["Tổng cộng: Dòng tổng cộng khác tổng các dòng (cần 3, có 4)"]);
  });
});
