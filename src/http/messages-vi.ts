// Vietnamese wording of every validation issue a schema did not word itself: the API's invalidParams reasons are
// shown to clerks and citizens as they are, so "Too big: expected string to have <=200 characters" must never
// reach them. Installed once for the whole process (z.config), below any message a schema states.
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const KIND_VI: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  bigint: "số nguyên",
  boolean: "giá trị đúng/sai",
  array: "danh sách",
  object: "đối tượng",
  date: "ngày",
  null: "rỗng",
};

const FORMAT_VI: Record<string, string> = {
  email: "Địa chỉ thư điện tử không hợp lệ",
  url: "Địa chỉ web không hợp lệ",
  uuid: "Mã định danh không hợp lệ",
  datetime: "Thời điểm không hợp lệ (ISO 8601 có múi giờ, ví dụ 2026-03-02T09:00:00+07:00)",
  date: "Ngày không hợp lệ (định dạng YYYY-MM-DD)",
  time: "Giờ không hợp lệ (định dạng HH:mm)",
  regex: "Không đúng định dạng",
};

const fallback = z.locales.vi().localeError;

function sizeMessage(issue: Issue & { code: "too_big" | "too_small" }): string | undefined {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (!big && limit === 1) return "Không được để trống";
      return big ? `Tối đa ${limit} ký tự` : `Tối thiểu ${limit} ký tự`;
    case "array":
    case "set":
      if (!big && limit === 1) return "Cần ít nhất một mục";
      return big ? `Tối đa ${limit} mục` : `Cần ít nhất ${limit} mục`;
    case "number":
    case "int":
    case "bigint":
      if (big) return inclusive ? `Không được lớn hơn ${limit}` : `Phải nhỏ hơn ${limit}`;
      return inclusive ? `Không được nhỏ hơn ${limit}` : `Phải lớn hơn ${limit}`;
    case "file":
      return big ? `Tệp quá lớn (tối đa ${limit} byte)` : `Tệp quá nhỏ (tối thiểu ${limit} byte)`;
    default:
      return undefined;
  }
}

/** The Vietnamese message for an issue, or undefined to keep the schema's own. */
export function vietnameseIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Thiếu giá trị bắt buộc";
      return `Phải là ${KIND_VI[issue.expected] ?? issue.expected}`;
    case "too_big":
    case "too_small":
      return sizeMessage(issue) ?? fallback(issue)?.toString();
    case "invalid_format":
      return FORMAT_VI[issue.format] ?? "Không đúng định dạng";
    case "invalid_value":
      return issue.values.length <= 8
        ? `Giá trị không hợp lệ; chọn một trong: ${issue.values.map(String).join(", ")}`
        : "Giá trị không hợp lệ";
    case "not_multiple_of":
      return `Phải là bội số của ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `Trường không được hỗ trợ: ${issue.keys.join(", ")}`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return "Giá trị không hợp lệ";
    default:
      return undefined;
  }
}

let installed = false;

/** Makes Vietnamese the wording of every schema's default messages in this process (idempotent). */
export function installVietnameseMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => vietnameseIssue(issue) });
}
