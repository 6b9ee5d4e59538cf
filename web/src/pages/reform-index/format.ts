// Numbers and dates of the CCHC index pages, the Vietnamese way (decimal comma, dd/mm/yyyy).
import type { Phase, ScoredNode } from "./types.ts";

/** 84.66 → "84,66"; null → "—". */
export const points = (x: number | null | undefined): string =>
  x === null || x === undefined ? "—" : String(Math.round(x * 100) / 100).replace(".", ",");

export const vnDate = (d: string | null | undefined): string => (d ? d.split("-").reverse().join("/") : "—");

/** The phases in order with their Vietnamese names (src/reform/index/phases.ts). */
export const PHASE_ORDER: { key: Exclude<Phase, "closed">; name: string }[] = [
  { key: "self", name: "Tự đánh giá, chấm điểm" },
  { key: "appraisal1", name: "Thẩm định lần 1" },
  { key: "explanation", name: "Giải trình" },
  { key: "appraisal2", name: "Thẩm định lần 2" },
  { key: "final", name: "Chốt kết quả" },
];

/** The lowest score a leaf takes: penalty and signed nodes go down to −max. */
export const minOf = (n: Pick<ScoredNode, "rule" | "max">): number =>
  n.rule === "penalty" || n.rule === "signed" ? -(n.max ?? 0) : 0;

export function* leaves(nodes: readonly ScoredNode[]): Generator<ScoredNode> {
  for (const n of nodes) {
    if (n.children.length) yield* leaves(n.children);
    else yield n;
  }
}
