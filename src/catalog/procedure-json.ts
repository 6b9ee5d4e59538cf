// Catalogue import/export as JSON: an array of procedure versions, or a catalogue file
// `{ "sources": [...], "procedures": [...] }` as shipped in src/catalog/data/procedures.json.
import { z } from "zod";
import { type ImportError, type ImportResult, parseRow } from "./import-error.ts";
import { Procedure } from "./procedure.ts";
import { duplicateVersionError } from "./versions.ts";

/** A public source cited by a data file. */
export const Source = z
  .object({
    title: z.string().min(1),
    url: z.string().url().optional(),
    document: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const CatalogFile = z
  .object({
    description: z.string().optional(),
    sources: z.array(Source).min(1),
    procedures: z.array(z.unknown()),
  })
  .strict();
export type CatalogFile = z.infer<typeof CatalogFile>;

/** Validates each element independently; bad elements are reported, good ones returned. */
export function importProceduresJson(input: unknown): ImportResult<Procedure> {
  let items: unknown = input;
  if (typeof input === "string") {
    try {
      items = JSON.parse(input);
    } catch (e) {
      return {
        ok: [],
        errors: [{ row: 0, code: "invalid_json", message: `JSON không hợp lệ: ${(e as Error).message}` }],
      };
    }
  }
  if (items && typeof items === "object" && !Array.isArray(items) && "procedures" in items) {
    items = (items as { procedures: unknown }).procedures;
  }
  if (!Array.isArray(items)) {
    return { ok: [], errors: [{ row: 0, code: "not_array", message: "Dữ liệu phải là một mảng thủ tục" }] };
  }
  const ok: Procedure[] = [];
  const rows: number[] = [];
  const errors: ImportError[] = [];
  items.forEach((item, index) => {
    const parsed = parseRow(Procedure, item, index + 1);
    if ("errors" in parsed) errors.push(...parsed.errors);
    else {
      const dup = duplicateVersionError(ok, parsed.value, index + 1);
      if (dup) errors.push(dup);
      else {
        ok.push(parsed.value);
        rows.push(index + 1);
      }
    }
  });
  return { ok, errors, rows };
}

/** Plain JSON array, stable key order, two-space indent. */
export function exportProceduresJson(procedures: readonly Procedure[]): string {
  return `${JSON.stringify(procedures, null, 2)}\n`;
}
