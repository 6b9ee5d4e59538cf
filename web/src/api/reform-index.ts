// The CCHC index (docs/reform-index.md): a unit's card (scorecard with every assessment, the phase and the
// reader's rights), scoring a sub-criterion, the standings of a province's communes, and the download links
// of the scorecard and of a cited evidence file.
import { api } from "../api.ts";
import type { Card, Standings } from "../pages/reform-index/types.ts";

type UnitYear = { unit: string; year: number };

export const reformIndex = {
  card: (query: UnitYear, signal?: AbortSignal) => api.get<Card>("/reform/index/card", query, signal),
  standings: (query: UnitYear, signal?: AbortSignal) => api.get<Standings>("/reform/index/standings", query, signal),
  /** Self-score, explanation or appraisal of one sub-criterion (the fields the open phase allows). */
  assess: (q: UnitYear & { code: string }, body: Record<string, unknown>) =>
    api.put(`/reform/index/assessments/${q.unit}/${q.year}/${q.code}`, body),
  exportUrl: (query: UnitYear & { format: "xlsx" | "docx" | "pdf" }) => api.url("/reform/index/card/export", query),
  evidenceUrl: (q: UnitYear & { code: string; fileId: string }) =>
    api.url(`/reform/index/evidence/${q.unit}/${q.year}/${q.code}/${q.fileId}`),
};
