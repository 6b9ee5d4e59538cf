// One word for each deadline (issue 15): screens, Excel and CSV exports, CLI tables and documents name each
// concept with the same Vietnamese term. docs/lifecycle.md ("Words for deadlines") gives the reasons;
// deadline-terms.test.ts checks the label tables and scans the sources for the variants below.

/** The concepts and their terms (labels start with a capital: "Ngày hẹn trả"). */
export const DEADLINE_TERMS = {
  /**
   * The appointment written on the receipt (form 01, "giấy tiếp nhận hồ sơ và hẹn trả kết quả"): `dueAt` of a
   * dossier (`dossiers.due_at`, the original appointment), the `received`/`accepted` events' `dueAt`.
   */
  appointment: "ngày hẹn trả",
  /**
   * A later appointment given to the applicant: after a supplement (`supplement_received.dueAt`) or in the
   * apology letter (form 04: `extended.dueAt`, `extendedDueAt`, `newDueAt`).
   */
  newAppointment: "ngày hẹn trả mới",
  /**
   * The deadline for resolving the dossier in force (`deadlineAt`, the late report's `dueAt`): the receipt's
   * appointment moved by supplement pauses, never by an extension. Timeliness is measured against it.
   */
  deadline: "hạn giải quyết",
  /** The procedure's time limit, a duration ("03 ngày làm việc"), not an instant. */
  timeLimit: "thời hạn giải quyết",
} as const;

/**
 * Timeliness is measured against the deadline in force (hạn), so its five labels say "hạn", never "hẹn":
 * a dossier resolved after the receipt's appointment but before a deadline a supplement moved is on time.
 */
export const TIMELINESS_LABELS = {
  finishedEarly: "Trước hạn",
  finishedOnTime: "Đúng hạn",
  finishedLate: "Trễ hạn",
  openWithinDeadline: "Trong hạn",
  openOverdue: "Quá hạn",
} as const;

/** Words that name one of the concepts above with another word: the variant and the term to use instead. */
export const DEADLINE_VARIANTS: readonly { pattern: RegExp; use: string }[] = [
  {
    pattern: /(trước|đúng|trễ|quá) hẹn(?! trả)/iu,
    use: "trước / đúng / trễ / quá hạn (against the deadline in force)",
  },
  { pattern: /hẹn lại/iu, use: DEADLINE_TERMS.newAppointment },
  { pattern: /ngày hẹn mới/iu, use: DEADLINE_TERMS.newAppointment },
  { pattern: /hẹn trả ban đầu/iu, use: DEADLINE_TERMS.appointment },
  // a label that starts with "Hẹn trả" ("Hẹn trả: …", "Hẹn trả kết quả: …"); "và hẹn trả kết quả" in a title is fine
  { pattern: /(^|["'`>]\s*)Hẹn trả(?!\p{L})/u, use: "Ngày hẹn trả" },
  { pattern: /ngày hết hạn|hạn chót|hạn xử lý/iu, use: DEADLINE_TERMS.deadline },
];

/** The variants found in a text, each with its line (1-based) and the term to use. */
export function deadlineVariantsIn(text: string): { line: number; found: string; use: string }[] {
  const out: { line: number; found: string; use: string }[] = [];
  text.split("\n").forEach((content, i) => {
    for (const { pattern, use } of DEADLINE_VARIANTS) {
      const m = pattern.exec(content);
      if (m) out.push({ line: i + 1, found: m[0].trim(), use });
    }
  });
  return out;
}
