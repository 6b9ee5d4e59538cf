import assert from "node:assert/strict";
import { test } from "node:test";
import { foldVietnamese, searchProcedures } from "./fold.ts";
import { Procedure } from "./procedure.ts";

test("foldVietnamese lowercases, strips every diacritic and maps đ to d, NFC or NFD alike", () => {
  assert.equal(foldVietnamese("Chứng thực bản sao từ bản chính"), "chung thuc ban sao tu ban chinh");
  assert.equal(foldVietnamese("ĐĂNG KÝ KHAI SINH"), "dang ky khai sinh");
  assert.equal(foldVietnamese("Đặc khu Hoàng Sa".normalize("NFD")), "dac khu hoang sa");
  assert.equal(foldVietnamese("  Ủy  ban   nhân dân "), "uy ban nhan dan");
  assert.equal(foldVietnamese("ưởỡạ ỳ"), "uooa y");
});

const make = (code: string, name: string, field: string) =>
  Procedure.parse({
    code,
    name,
    field,
    level: "commune",
    agency: "UBND cấp xã",
    timeLimit: { value: 1, unit: "same_day", cutoff: "15:00" },
    onlineLevel: "partial",
    effectiveFrom: "2025-07-01",
  });

const catalogue = [
  make("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực"),
  make("2.000913", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch", "Chứng thực"),
  make("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực"),
  make("2.000635", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", "Hộ tịch"),
  make("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"),
];

test('"chung thuc ban sao" ranks "Chứng thực bản sao từ bản chính" first', () => {
  const hits = searchProcedures(catalogue, "chung thuc ban sao");
  assert.equal(hits[0]!.procedure.code, "2.000815");
  assert.ok(!hits.some((h) => h.procedure.code === "1.001193"));
});

test("queries with diacritics, upper case, a field name or a code also work", () => {
  assert.equal(searchProcedures(catalogue, "ĐĂNG KÝ KHAI SINH")[0]!.procedure.code, "1.001193");
  assert.equal(searchProcedures(catalogue, "trích lục")[0]!.procedure.code, "2.000635");
  assert.equal(searchProcedures(catalogue, "2.000913")[0]!.procedure.code, "2.000913");
  assert.deepEqual(searchProcedures(catalogue, "   "), []);
  assert.deepEqual(searchProcedures(catalogue, "xyz"), []);
});
