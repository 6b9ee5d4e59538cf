// The "what to fix" tasks: one per lost criterion, in order, each naming its criterion, due in the next year.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { checkTask } from "../records/rules.ts";
import { walk } from "./criteria.ts";
import { DEFAULT_COMMUNE_SET } from "./default-commune-set.ts";
import { fixDeadline, fixTasks } from "./fix-plan.ts";

const leafCodes = [...walk(DEFAULT_COMMUNE_SET.fields)].filter((n) => !n.children.length).map((n) => n.code);

test("property: one valid task per lost criterion, naming it, due 15/11 of the next year", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.constantFrom(...leafCodes)), fc.integer({ min: 2000, max: 2099 }), (codes, year) => {
      const lost = codes.map((code) => ({ code, name: `Tiêu chí ${code}`, lost: 0.5, max: 2, reason: "Thiếu" }));
      const tasks = fixTasks(DEFAULT_COMMUNE_SET, lost, year, "UBND xã");
      assert.deepEqual(
        tasks.map((t) => t.criterion),
        codes,
      );
      for (const t of tasks) {
        assert.ok(t.content.includes(`tiêu chí ${t.criterion} `), t.content);
        assert.equal(t.deadline, fixDeadline(year + 1));
        assert.deepEqual(checkTask({ ...t, planId: 1, ordinal: 1 }), []);
      }
    }),
  );
});

test("a task carries the reason and the evidence the appraiser wants, in the criterion's area", () => {
  const [task] = fixTasks(
    DEFAULT_COMMUNE_SET,
    [{ code: "6.2", name: "Công khai tài sản công", lost: 2, max: 2, reason: "Không có tài liệu kiểm chứng" }],
    2022,
    "UBND xã Vĩnh Long",
  );
  assert.equal(task?.area, "public_finance");
  assert.equal(task?.outputKind, "report");
  assert.equal(
    task?.content,
    'Khắc phục tiêu chí 6.2 "Công khai tài sản công" (năm 2022 bị trừ 2/2 điểm). Lý do: Không có tài liệu kiểm chứng. Tài liệu kiểm chứng cần có: Tài liệu công khai quản lý, sử dụng tài sản công.',
  );
  assert.equal(task?.deadline, "2023-11-15");
});
