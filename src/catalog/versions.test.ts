import assert from "node:assert/strict";
import { test } from "node:test";
import { Procedure, ProcedureOverride } from "./procedure.ts";
import { describeTimeLimit, TimeLimit } from "./time-limit.ts";
import { findEffectiveProcedure, findVersionInForce, newVersion } from "./versions.ts";

const v1 = Procedure.parse({
  code: "1.004873",
  name: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  timeLimit: { value: 3, unit: "working_days" },
  onlineLevel: "full",
  effectiveFrom: "2020-01-01",
});

test("an edit creates a new version; the version in force depends on the date", () => {
  const v2 = newVersion([v1], { ...v1, timeLimit: { value: 2, unit: "working_days" } }, "2025-07-01");
  assert.equal(v2.version, 2);
  assert.equal(findVersionInForce([v1, v2], v1.code, "2025-06-30")?.version, 1);
  assert.equal(findVersionInForce([v1, v2], v1.code, "2025-07-01")?.version, 2);
  assert.equal(findVersionInForce([v1, v2], v1.code, "2019-12-31"), undefined);
  assert.throws(() => newVersion([v1, v2], v1, "2025-07-01"), /sau/);
});

test("a province's override replaces limit, fees or steps for that province only", () => {
  const override = ProcedureOverride.parse({
    provinceCode: "46",
    procedureCode: v1.code,
    effectiveFrom: "2025-01-01",
    timeLimit: { value: 1, unit: "working_days" },
  });
  const hue = findEffectiveProcedure([v1], [override], v1.code, "46", "2025-03-01")!;
  assert.deepEqual(hue.timeLimit, { value: 1, unit: "working_days" });
  assert.deepEqual(hue.fees, v1.fees);
  assert.deepEqual(findEffectiveProcedure([v1], [override], v1.code, "48", "2025-03-01")!.timeLimit, v1.timeLimit);
  assert.deepEqual(findEffectiveProcedure([v1], [override], v1.code, "46", "2024-12-31")!.timeLimit, v1.timeLimit);
});

test("time limits: units, cut-off format and wording", () => {
  assert.ok(TimeLimit.safeParse({ value: 0.5, unit: "working_days" }).success);
  assert.ok(!TimeLimit.safeParse({ value: 1, unit: "same_day", cutoff: "25:00" }).success);
  assert.ok(!TimeLimit.safeParse({ value: 0, unit: "working_days" }).success);
  assert.ok(!TimeLimit.safeParse({ value: 1, unit: "days" }).success);
  assert.equal(describeTimeLimit({ value: 3, unit: "working_days" }), "03 ngày làm việc");
  assert.equal(
    describeTimeLimit({ value: 1, unit: "same_day", cutoff: "15:00" }),
    "Trong ngày (tiếp nhận trước 15:00)",
  );
  assert.equal(describeTimeLimit({ value: 30, unit: "calendar_days" }), "30 ngày");
});
