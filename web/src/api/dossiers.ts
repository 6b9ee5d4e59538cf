// Dossiers at the desk: the lists (keyset-paged by cursor), intake, the NDJSON import.
import { api, type Query } from "../api.ts";
import type { DossierFormJson } from "../../../src/documents/form-data.ts";
import type { Dossier, DossierImportSummary, DossierStock, DossierSummary, Page } from "../types.ts";

export const dossiers = {
  /** A list page; `path` is "/dossiers" or a queue's own list. */
  list: (query: Query, signal?: AbortSignal, path = "/dossiers") => api.get<Page<DossierSummary>>(path, query, signal),
  get: (code: string, signal?: AbortSignal) =>
    api.get<Dossier>(`/dossiers/${encodeURIComponent(code)}`, undefined, signal),
  /** A lifecycle action; the body carries the revision the user saw, the key makes a retry apply it once. */
  act: (code: string, action: string, body: unknown, idempotencyKey: string) =>
    api.post<Dossier>(`/dossiers/${encodeURIComponent(code)}/actions/${action}`, body, { idempotencyKey }),
  stock: (unit: string | undefined, signal?: AbortSignal) => api.get<DossierStock>("/dossiers/stock", { unit }, signal),
  /** Intake; `dryRun` in the body previews the dossier without storing it. */
  create: (body: unknown, idempotencyKey?: string) => api.post<Dossier>("/dossiers", body, { idempotencyKey }),
  import: (ndjson: string, createMissing: boolean) =>
    api.post<DossierImportSummary>("/dossiers/import", undefined, {
      raw: { contentType: "application/x-ndjson", text: ndjson },
      query: { createMissing: createMissing ? "true" : "false" },
    }),
  /** A form's filled values, those its .docx prints (form "01": the quick-print receipt). */
  formView: (code: string, form: string, signal?: AbortSignal) =>
    api.get<DossierFormJson>(`/dossiers/${encodeURIComponent(code)}/documents/${form}`, { format: "json" }, signal),
};
