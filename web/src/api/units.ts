// The unit tree (GET /api/units) and a unit's office hours.
import { api } from "../api.ts";
import type { OfficerList, Unit, UnitImportReport } from "../types.ts";
import { type ImportFile, postImport } from "./imports.ts";

export const units = {
  /** Every unit the caller may see, or the subtree under one. */
  list: (query: { under?: string } = {}, signal?: AbortSignal) => api.get<{ units: Unit[] }>("/units", query, signal),
  /** The unit's dossier ledger (form 07) for a period, as a document to download. */
  ledgerUrl: (code: string, query: { from?: string; to?: string; format: "docx" }) =>
    api.url(`/units/${encodeURIComponent(code)}/ledger`, query),
  officers: (code: string, signal?: AbortSignal) =>
    api.get<OfficerList>(`/units/${encodeURIComponent(code)}/officers`, undefined, signal),
  /** Units as a JSON array (docs/units.md). */
  import: (file: ImportFile) => postImport<UnitImportReport>("/units/import", file),
  setOfficeHours: (code: string, body: unknown) => api.put(`/units/${encodeURIComponent(code)}/office-hours`, body),
};
