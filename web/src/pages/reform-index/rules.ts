// What the CCHC index pages show per node: which edit the reader is offered in the open phase, and the node's
// status. Display only: the server decides what is allowed (phases.ts, the route's rights) and refuses the rest.
import type { Assessment, Card, ScoredNode } from "./types.ts";

/** The edits of AssessModal. */
export type AssessMode = "self" | "explanation" | "appraisal1" | "appraisal2" | "final";

/** What the reader may do on a leaf in the open phase (the server checks again). */
export function modeFor(card: Pick<Card, "phase" | "may">, node: ScoredNode): AssessMode | null {
  if (node.children.length || node.max === null || node.source === "auto") return null;
  const { phase, may } = card;
  if (phase === "self" && may.self) return "self";
  if (phase === "explanation" && may.self) return "explanation";
  if ((phase === "appraisal1" || phase === "appraisal2" || phase === "final") && may.appraise) return phase;
  return null;
}

/** The node's status: computed, not scored, self-scored, appraised in a round, final. */
export function statusOf(node: ScoredNode, a: Assessment | undefined): { text: string; color: string } {
  if (node.children.length) return { text: "", color: "" };
  if (node.max === null) return { text: "Chờ điểm tối đa", color: "default" };
  if (node.source === "auto") return { text: "Tự động", color: "blue" };
  if (!a || (a.selfScore === null && a.appraisal1 === null)) return { text: "Chưa chấm", color: "orange" };
  if (a.final !== null) return { text: "Đã chốt", color: "green" };
  if (a.appraisal2 !== null) return { text: "Đã thẩm định lần 2", color: "green" };
  if (a.appraisal1 !== null) return { text: "Đã thẩm định lần 1", color: "cyan" };
  return { text: "Đã tự chấm", color: "geekblue" };
}
