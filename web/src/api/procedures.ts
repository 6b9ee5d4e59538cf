// The procedure catalogue: search, one procedure (as in force on a day), its versions, the fields.
import { api } from "../api.ts";
import type {
  Procedure,
  ProcedureFields,
  ProcedureImportReport,
  ProcedureSearch,
  ProcedureVersions,
} from "../types.ts";
import { type ImportFile, postImport } from "./imports.ts";

/** The search's query (GET /api/procedures); the answer is the server's ProcedureSearch. */
export interface ProcedureQuery {
  q?: string;
  field?: string;
  online?: string;
  level?: string;
  page?: number;
  pageSize?: number;
}

const path = (code: string) => `/procedures/${encodeURIComponent(code)}`;

export const procedures = {
  search: (query: ProcedureQuery, signal?: AbortSignal) =>
    api.get<ProcedureSearch>("/procedures", { ...query }, signal),
  /** The procedure, as in force on `at` (YYYY-MM-DD) when given. */
  get: (code: string, query: { at?: string } = {}, signal?: AbortSignal) =>
    api.get<Procedure>(path(code), query, signal),
  versions: (code: string, signal?: AbortSignal) =>
    api.get<ProcedureVersions>(`${path(code)}/versions`, undefined, signal),
  fields: (signal?: AbortSignal) => api.get<ProcedureFields>("/procedures/fields", undefined, signal),
  /** The national catalogue as JSON or CSV (docs/catalog.md). */
  import: (file: ImportFile) => postImport<ProcedureImportReport>("/procedures/import", file),
  /** A new version of a procedure. */
  create: (body: unknown) => api.post<Procedure>("/procedures", body),
};
