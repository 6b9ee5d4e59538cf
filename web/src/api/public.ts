// The citizen portal's endpoints (no session): a dossier looked up by its receipt's secret or the phone,
// published statistics and feedback, ratings and online supplements.
import { api } from "../api.ts";
import type { LookupResult, PublicFeedbackList, PublicStatistics } from "../types.ts";

export const publicApi = {
  lookup: (query: { code: string; secret?: string; phone?: string }) => api.get<LookupResult>("/public/lookup", query),
  statistics: (period: { from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<PublicStatistics>("/public/statistics", { ...period }, signal),
  feedback: (signal?: AbortSignal) => api.get<PublicFeedbackList>("/public/feedback", undefined, signal),
  sendFeedback: (body: unknown) => api.post<{ id?: string | number }>("/public/feedback", body),
  /** An online submission; the key makes a retried click submit once. */
  submit: (body: unknown, idempotencyKey: string) =>
    api.post<{ code: string; lookupSecret: string }>("/public/submissions", body, { idempotencyKey }),
  rate: (body: { code: string; secret: string } & Record<string, unknown>) => api.post("/public/ratings", body),
  supplement: (body: { code: string; secret: string; attachments: unknown[]; note?: string }) =>
    api.post<LookupResult>("/public/supplements", body),
};
