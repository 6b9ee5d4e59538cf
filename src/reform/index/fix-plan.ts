// The "what to fix this year" plan: each criterion that lost points in an index year becomes a task of the
// next year's plan to raise the index (Kế hoạch nâng cao Chỉ số CCHC, PLAN_KINDS.index_improvement), named
// after the criterion, with what was lost and why, and the evidence the appraiser wants to see. Seed 003's
// commune did this by hand (all plan tasks by 15/11/2023, one initiative by 30/05/2023, ...); the default
// deadline, 15 November of the plan year, is the latest of those dates [U: provinces set their own].
import type { OutputKind, ReformArea, Task } from "../records/model.ts";
import { type CriteriaSet, findNode } from "./criteria.ts";
import { type LostPoint, vn } from "./score.ts";

/** The reform area of a criterion by its field (the first code segment) in the default set's order. */
const AREA_OF_FIELD: Record<string, ReformArea> = {
  "1": "direction",
  "2": "institution",
  "3": "procedure",
  "4": "apparatus",
  "5": "civil_service",
  "6": "public_finance",
  "7": "digital",
};

export interface FixTask extends Omit<Task, "planId" | "ordinal"> {
  /** The criterion the task fixes (the link that keeps the plan idempotent). */
  criterion: string;
}

export const fixDeadline = (planYear: number) => `${planYear}-11-15`;

/** One task per lost criterion, in the lost list's order; `lead` names who carries them out. */
export function fixTasks(set: CriteriaSet, lost: readonly LostPoint[], year: number, lead: string): FixTask[] {
  return lost.map((l) => {
    const node = findNode(set, l.code);
    const evidence = node?.evidence.length ? ` Tài liệu kiểm chứng cần có: ${node.evidence.join("; ")}.` : "";
    const reason = l.reason ? ` Lý do: ${l.reason}.` : "";
    return {
      criterion: l.code,
      area: AREA_OF_FIELD[l.code.split(".")[0] as string] ?? "direction",
      content: `Khắc phục tiêu chí ${l.code} "${l.name}" (năm ${year} bị trừ ${vn(l.lost)}/${vn(l.max)} điểm).${reason}${evidence}`,
      outputKind: (node?.evidence.length ? "report" : "other") as OutputKind,
      lead,
      supporting: [],
      deadline: fixDeadline(year + 1),
      kind: "one_off",
      source: "own",
      progress: 0,
      completedOn: null,
      output: null,
      evidence: [],
      note: `Chỉ số CCHC năm ${year}, tiêu chí ${l.code}`,
    };
  });
}
