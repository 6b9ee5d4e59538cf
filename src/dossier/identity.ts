// Applicant identity: citizen ID numbers (CCCD / CMND) and Vietnamese mobile numbers.

/**
 * Province codes of birth registration in the 12-digit citizen ID (Circular 07/2016/TT-BCA, Annex I):
 * the 63 provinces before the 2025 mergers. IDs issued keep their code for life.
 */
export const BIRTH_PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 " +
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 " +
    "083 084 086 087 089 091 092 093 094 095 096"
  ).split(" "),
);

export type IdNumberProblem = "id-format" | "id-old-format" | "id-province" | "id-century" | "id-birth-year";

export const ID_PROBLEM_MESSAGES: Readonly<Record<IdNumberProblem, string>> = {
  "id-format": "Số định danh cá nhân phải gồm 12 chữ số",
  "id-old-format": "Chứng minh nhân dân 9 số chỉ được chấp nhận khi nhập dữ liệu cũ",
  "id-province": "Ba chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh (001–096)",
  "id-century": "Chữ số thứ tư (thế kỷ và giới tính) không hợp lệ",
  "id-birth-year": "Năm sinh trong số định danh ở tương lai",
};

export interface IdNumberCheck {
  /** 12: citizen ID (CCCD); 9: old identity card (CMND). */
  kind: "citizen_id" | "old_id";
  birthProvince?: string;
  sex?: "male" | "female";
  birthYear?: number;
}

/**
 * Validates an ID number. A 12-digit number must have a birth-province code, a century/sex digit for the
 * 20th or 21st century (0–3) and a birth year not after `now`. 9-digit old IDs only with `allowOld` (import).
 */
export function checkIdNumber(
  text: string,
  options: { allowOld?: boolean; now?: Date } = {},
): { ok: IdNumberCheck } | { problem: IdNumberProblem; message: string } {
  const bad = (problem: IdNumberProblem) => ({ problem, message: ID_PROBLEM_MESSAGES[problem] });
  if (/^\d{9}$/.test(text)) return options.allowOld ? { ok: { kind: "old_id" } } : bad("id-old-format");
  if (!/^\d{12}$/.test(text)) return bad("id-format");
  const province = text.slice(0, 3);
  if (!BIRTH_PROVINCE_CODES.has(province)) return bad("id-province");
  const centurySex = Number(text[3]);
  if (centurySex > 3) return bad("id-century");
  const birthYear = (centurySex < 2 ? 1900 : 2000) + Number(text.slice(4, 6));
  const now = options.now ?? new Date();
  if (birthYear > Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4)))
    return bad("id-birth-year");
  return {
    ok: { kind: "citizen_id", birthProvince: province, sex: centurySex % 2 === 0 ? "male" : "female", birthYear },
  };
}

/** Vietnamese mobile prefixes after 2018's renumbering: 03x, 05x, 07x, 08x, 09x. */
const MOBILE = /^0[35789]\d{8}$/;

/** Normalizes `+84 905 123 456`, `84905123456`, `0905.123.456` to `0905123456`; undefined if not a mobile number. */
export function normalizePhone(text: string): string | undefined {
  let digits = text.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return MOBILE.test(digits) ? digits : undefined;
}

export function isMobilePhone(text: string): boolean {
  return MOBILE.test(text);
}
