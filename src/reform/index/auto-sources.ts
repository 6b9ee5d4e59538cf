// The automatic index values drawn from outside the reform records: the periodic report register (report
// timeliness), the dossiers (apology compliance) and the catalogue (published procedures). Pure: the database
// layer (src/db/repos/reform-index/inputs.ts) loads the inputs. Absent input = no value (never a silent 0).
import type { AutoValue } from "./score.ts";

/** A periodic CCHC report of the register: its period, due date and first submission (local dates). */
export interface ReportFiling {
  from: string;
  to: string;
  dueOn: string | null;
  submittedOn: string | null;
}

/**
 * 1.2 "Báo cáo CCHC định kỳ đủ, đúng hạn": reports whose period ends in the year and which are due by `today`,
 * submitted on or before their due date ÷ those due. A report not yet due is not counted; one due and never
 * submitted is late (register.ts isLate). Reports never issued are not in the register and not counted [U].
 */
export function reportTimeliness(filings: readonly ReportFiling[], today: string): AutoValue | undefined {
  const due = filings.filter((f) => f.dueOn !== null && (f.dueOn < today || f.submittedOn !== null));
  if (!due.length) return undefined;
  const late = due.filter((f) => f.submittedOn === null || f.submittedOn > (f.dueOn as string));
  return {
    kind: "ratio",
    numerator: due.length - late.length,
    denominator: due.length,
    label: "Báo cáo CCHC định kỳ gửi đúng hạn/báo cáo đến hạn",
    items: late.map(
      (f) => `kỳ ${f.from}–${f.to}: hạn ${f.dueOn}, ${f.submittedOn ? `gửi ${f.submittedOn} (trễ)` : "chưa gửi (trễ)"}`,
    ),
  };
}

/** Dossiers finished late in the year, split by a timely apology (figures/late.ts lateByUnit). */
export interface LateApologies {
  late: number;
  withApology: number;
  withoutApologyCodes: string[];
}

/**
 * Apology compliance: late dossiers with an apology letter sent before the appointment (Decree 61/2018 art.
 * 19(2)(d)) ÷ late dossiers. No late dossier: nothing needed an apology, the maximum.
 */
export function apologyCompliance(late: LateApologies | undefined): AutoValue | undefined {
  if (!late) return undefined;
  return {
    kind: "ratio",
    numerator: late.withApology,
    denominator: late.late,
    noneMeans: "full",
    label: "Hồ sơ trễ hạn có văn bản xin lỗi đúng hạn/hồ sơ trễ hạn",
    items: late.withoutApologyCodes.map((c) => `${c} chưa xin lỗi đúng hạn`),
  };
}

/** The commune-level procedures in force at the year end, and those published with complete information. */
export interface ProcedureCatalogue {
  inForce: number;
  published: number;
  /** Codes in force but not published in full (placeholder, or no components, steps or time limit). */
  incomplete: string[];
}

/** Published procedures: commune-level procedures published in full ÷ in force (the catalogue). */
export function publishedProcedures(c: ProcedureCatalogue | undefined): AutoValue | undefined {
  if (!c?.inForce) return undefined;
  return {
    kind: "ratio",
    numerator: c.published,
    denominator: c.inForce,
    label: "TTHC cấp xã công khai đầy đủ/TTHC cấp xã đang áp dụng",
    items: c.incomplete.map((code) => `${code} chưa đủ thông tin công khai`),
  };
}
