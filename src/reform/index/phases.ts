// The phases of an index year (REFORM.md §2, the scoring app [TV]): self-assessment → appraisal round 1 →
// explanation (giải trình) → appraisal round 2 → final, each open until its deadline (a local date, inclusive);
// after the last deadline, or when the year is locked, nothing changes. A phase without a deadline stays open
// until the next phase's deadline is set and passed.

export const PHASES = {
  self: "Tự đánh giá, chấm điểm",
  appraisal1: "Thẩm định lần 1",
  explanation: "Giải trình",
  appraisal2: "Thẩm định lần 2",
  final: "Chốt kết quả",
  closed: "Đã khóa",
} as const;
export type Phase = keyof typeof PHASES;

export interface PhaseDeadlines {
  self: string | null;
  appraisal1: string | null;
  explanation: string | null;
  appraisal2: string | null;
  final: string | null;
  locked: boolean;
}

/** No deadline set and not locked: an index year not configured yet stays in self-assessment. */
export const NO_DEADLINES: PhaseDeadlines = Object.freeze({
  self: null,
  appraisal1: null,
  explanation: null,
  appraisal2: null,
  final: null,
  locked: false,
});

const ORDER = ["self", "appraisal1", "explanation", "appraisal2", "final"] as const;

/** The open phase on `today` (YYYY-MM-DD). */
export function phaseOn(d: PhaseDeadlines, today: string): Phase {
  if (d.locked) return "closed";
  for (const phase of ORDER) {
    const until = d[phase];
    if (until === null || today <= until) return phase;
  }
  return "closed";
}

/** The assessment fields each phase lets change. */
export const EDITABLE: Record<Phase, readonly string[]> = {
  self: ["selfScore", "selfNote", "evidence"],
  appraisal1: ["appraisal1", "appraiserNote"],
  explanation: ["explanation", "explanationEvidence"],
  appraisal2: ["appraisal2", "appraiserNote"],
  final: ["final", "appraiserNote"],
  closed: [],
};

/** Fields of a change not allowed in the phase (empty = allowed). */
export function refusedFields(phase: Phase, changed: readonly string[]): string[] {
  return changed.filter((f) => !EDITABLE[phase].includes(f));
}

/** Deadlines in phase order (each on or after the previous one). */
export function deadlineProblems(d: PhaseDeadlines): string[] {
  const problems: string[] = [];
  let last: string | null = null;
  for (const phase of ORDER) {
    const until = d[phase];
    if (until === null) continue;
    if (last !== null && until < last) problems.push(`${PHASES[phase]}: hạn ${until} trước hạn giai đoạn trước`);
    last = until;
  }
  return problems;
}
