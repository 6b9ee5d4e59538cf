// The applicant (người nộp hồ sơ): a person or an organisation, checked at intake. A citizen ID must be a valid
// 12-digit number; a phone must be a Vietnamese mobile number (stored normalized, used for lookup by phone).
import { z } from "zod";
import { checkIdNumber, normalizePhone } from "../../../dossier/identity.ts";
import { type FieldProblem, ServiceError } from "./errors.ts";

export const Applicant = z
  .object({
    kind: z.enum(["person", "organisation"]).default("person"),
    name: z.string().trim().min(1, "Nhập họ và tên người nộp").max(200),
    idNumber: z.string().trim().max(20).optional(),
    phone: z.string().trim().max(30).optional(),
    email: z.string().trim().email("Thư điện tử không hợp lệ").max(200).optional(),
    address: z.string().trim().max(500).optional(),
    /** Mã số doanh nghiệp / mã số thuế, for an organisation. */
    taxCode: z.string().trim().max(20).optional(),
    representative: z.string().trim().max(200).optional(),
  })
  .strict();
export type Applicant = z.infer<typeof Applicant>;

const blankToUndefined = (text: string | undefined) =>
  text === undefined || text.trim() === "" ? undefined : text.trim();

/** The applicant as stored (phone normalized), or 400 with every problem at once. */
export function checkApplicant(input: Applicant, options: { now: Date; phoneRequired: boolean }): Applicant {
  const problems: FieldProblem[] = [];
  const out: Applicant = { ...input };
  const idNumber = blankToUndefined(input.idNumber);
  if (idNumber !== undefined) {
    const checked = checkIdNumber(idNumber, { now: options.now });
    if ("problem" in checked) problems.push({ name: "applicant.idNumber", reason: checked.message });
    out.idNumber = idNumber;
  } else delete out.idNumber;
  const phone = blankToUndefined(input.phone);
  if (phone !== undefined) {
    const normalized = normalizePhone(phone);
    if (normalized === undefined) {
      problems.push({ name: "applicant.phone", reason: "Số điện thoại di động không hợp lệ (ví dụ 0905123456)" });
    } else out.phone = normalized;
  } else {
    delete out.phone;
    if (options.phoneRequired) {
      problems.push({ name: "applicant.phone", reason: "Nhập số điện thoại để nhận thông báo và tra cứu hồ sơ" });
    }
  }
  for (const key of ["email", "address", "taxCode", "representative"] as const) {
    if (blankToUndefined(out[key]) === undefined) delete out[key];
  }
  if (problems.length) throw new ServiceError(400, "validation-failed", problems[0]!.reason, problems);
  return out;
}
