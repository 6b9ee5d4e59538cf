import assert from "node:assert/strict";
import test from "node:test";
import { Procedure as ProcedureSchema } from "../../../../src/catalog/procedure.ts";
import type { Procedure } from "../../types.ts";
import { toFormValues, toProcedureBody } from "./procedure-form.ts";

const latest = ProcedureSchema.parse({
  code: "1.001193",
  version: 2,
  name: "Đăng ký khai sinh",
  field: "Hộ tịch",
  level: "commune",
  agency: "UBND cấp xã",
  components: [
    { name: "Tờ khai đăng ký khai sinh", form: "original", count: 1 },
    { name: "Giấy chứng sinh", form: "original", count: 1, condition: "Nếu sinh tại cơ sở y tế" },
  ],
  timeLimit: { value: 0, unit: "same_day", cutoff: "15:00" },
  fees: [{ name: "Lệ phí", amount: null, basis: "Thông tư 85/2019/TT-BTC", note: "Miễn nếu đúng hạn" }],
  onlineLevel: "full",
  steps: [
    { name: "Tiếp nhận", role: "front_desk", share: 20 },
    { name: "Xử lý", role: "officer", unit: "Tư pháp", share: 80 },
  ],
  links: [{ agency: "Công an xã", kind: "same_level" }],
  effectiveFrom: "2025-07-01",
  legalBasis: ["Luật Hộ tịch 2014"],
}) as unknown as Procedure;

test("fields the API adds to a version (placeholder…) are not sent back", () => {
  const fromApi = { ...latest, placeholder: false, createdAt: "2025-07-01" } as Procedure;
  const body = toProcedureBody(fromApi, toFormValues(fromApi), "2026-12-10");
  assert.ok(!("placeholder" in body) && !("createdAt" in body));
  ProcedureSchema.parse(body);
});

test("an unchanged form saves the same procedure as the next version on the chosen date", () => {
  const body = toProcedureBody(latest, toFormValues(latest), "2026-12-10");
  const parsed = ProcedureSchema.parse(body);
  assert.deepEqual(parsed, { ...ProcedureSchema.parse(latest), version: 3, effectiveFrom: "2026-12-10" });
});

test("edits land in the catalogue's shape: trimmed texts, blank options dropped, the cut-off only for same day", () => {
  const values = toFormValues(latest);
  values.name = "  Đăng ký khai sinh (sửa đổi) ";
  values.limitUnit = "working_days";
  values.limitValue = 3;
  values.components.push({ name: "Giấy tờ tùy thân", form: "copy", count: 1, condition: "   " });
  values.fees = [{ name: "Lệ phí", amount: 8000, per: "", note: "" }];
  const body = ProcedureSchema.parse(toProcedureBody(latest, values, "2027-01-01"));
  assert.equal(body.name, "Đăng ký khai sinh (sửa đổi)");
  assert.deepEqual(body.timeLimit, { value: 3, unit: "working_days" });
  assert.deepEqual(body.components[2], { name: "Giấy tờ tùy thân", form: "copy", count: 1 });
  assert.deepEqual(body.fees, [{ name: "Lệ phí", amount: 8000 }]);
  assert.deepEqual(
    body.links,
    [{ agency: "Công an xã", kind: "same_level" }],
    "fields the form does not show are kept",
  );
});
