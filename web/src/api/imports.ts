// Bulk imports (units, the procedure catalogue): a JSON array, or CSV where the endpoint accepts it.
import { api } from "../api.ts";
import type { ProcedureImportReport, UnitImportReport } from "../types.ts";

/** A file to import, read in the browser: parsed JSON, or the CSV text as it is. */
export type ImportFile = { json: unknown } | { csv: string };

/** What an import answers: counts by outcome, and the rows it refused with why. */
export type ImportSummary = ProcedureImportReport | UnitImportReport;

export function postImport<T extends ImportSummary>(path: string, file: ImportFile): Promise<T> {
  return "csv" in file
    ? api.post<T>(path, undefined, { raw: { contentType: "text/csv", text: file.csv } })
    : api.post<T>(path, file.json);
}
