// Bulk imports (units, the procedure catalogue): a JSON array, or CSV where the endpoint accepts it.
import { api } from "../api.ts";

/** A file to import, read in the browser: parsed JSON, or the CSV text as it is. */
export type ImportFile = { json: unknown } | { csv: string };

/** What an import answers: counts by outcome, and the rows it refused with why. */
export interface ImportSummary {
  errors?: { row: number; field?: string; code?: string; message: string }[];
  [k: string]: unknown;
}

export function postImport(path: string, file: ImportFile): Promise<ImportSummary> {
  return "csv" in file
    ? api.post<ImportSummary>(path, undefined, { raw: { contentType: "text/csv", text: file.csv } })
    : api.post<ImportSummary>(path, file.json);
}
