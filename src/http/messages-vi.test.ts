import assert from "node:assert/strict";
import test from "node:test";
import { z } from "zod";
import { installVietnameseMessages } from "./messages-vi.ts";

installVietnameseMessages();

const messageOf = (schema: z.ZodType, input: unknown): string => {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, `expected ${JSON.stringify(input)} to be refused`);
  return result.error?.issues[0]?.message ?? "";
};

test("a name past its length limit is refused in Vietnamese (issue 15: 'Too big: expected string…')", () => {
  assert.equal(messageOf(z.object({ name: z.string().max(200) }), { name: "x".repeat(201) }), "Tối đa 200 ký tự");
  assert.equal(messageOf(z.string().min(1), ""), "Không được để trống");
  assert.equal(messageOf(z.string().min(12), "ngắn"), "Tối thiểu 12 ký tự");
});

test("types, numbers, lists, formats and choices have Vietnamese wording", () => {
  assert.equal(messageOf(z.object({ n: z.number() }), {}), "Thiếu giá trị bắt buộc");
  assert.equal(messageOf(z.number(), "a"), "Phải là số");
  assert.equal(messageOf(z.number().int().max(5), 6), "Không được lớn hơn 5");
  assert.equal(messageOf(z.number().positive(), 0), "Phải lớn hơn 0");
  assert.equal(messageOf(z.array(z.string()).min(1), []), "Cần ít nhất một mục");
  assert.equal(messageOf(z.email(), "không-phải-thư"), "Địa chỉ thư điện tử không hợp lệ");
  assert.equal(messageOf(z.enum(["direct", "postal"]), "fax"), "Giá trị không hợp lệ; chọn một trong: direct, postal");
  assert.equal(messageOf(z.strictObject({}), { x: 1 }), "Trường không được hỗ trợ: x");
});

test("a schema's own message is kept", () => {
  assert.equal(messageOf(z.string().min(1, "Nhập mã hồ sơ"), ""), "Nhập mã hồ sơ");
});

test("no default message is left in English", () => {
  const schemas: [z.ZodType, unknown][] = [
    [z.string().max(3), "abcd"],
    [z.number().min(1), 0],
    [z.iso.date(), "2026-13-01"],
    [z.iso.datetime({ offset: true }), "hôm qua"],
    [z.boolean(), "có"],
    [z.array(z.number()).max(1), [1, 2]],
    [z.union([z.string(), z.number()]), null],
  ];
  for (const [schema, input] of schemas) {
    const message = messageOf(schema, input);
    assert.doesNotMatch(message, /\b(expected|Invalid|Too|must|received)\b/, message);
  }
});
