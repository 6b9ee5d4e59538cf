// Unit import/export as JSON: an array of units or a unit file `{ "sources": [...], "units": [...] }`.
import { z } from "zod";
import { type ImportError, type ImportResult, parseRow } from "../catalog/import-error.ts";
import { Source } from "../catalog/procedure-json.ts";
import { Unit } from "./unit.ts";
import { validateUnitTree } from "./tree.ts";

export const UnitFile = z
  .object({ description: z.string().optional(), sources: z.array(Source).min(1), units: z.array(z.unknown()) })
  .strict();
export type UnitFile = z.infer<typeof UnitFile>;

/**
 * Validates each unit on its own (schema only, no tree rules): the first stage of an import into a database,
 * where parents and successors may already be stored. Rows are 1-based positions in the array.
 */
export function parseUnitsJson(input: unknown): { ok: { unit: Unit; row: number }[]; errors: ImportError[] } {
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
  if (items && typeof items === "object" && !Array.isArray(items) && "units" in items) {
    items = (items as { units: unknown }).units;
  }
  if (!Array.isArray(items))
    return { ok: [], errors: [{ row: 0, code: "not_array", message: "Dữ liệu phải là một mảng đơn vị" }] };
  const ok: { unit: Unit; row: number }[] = [];
  const errors: ImportError[] = [];
  items.forEach((item, i) => {
    const parsed = parseRow(Unit, item, i + 1);
    if ("errors" in parsed) errors.push(...parsed.errors);
    else ok.push({ unit: parsed.value, row: i + 1 });
  });
  return { ok, errors };
}

/** Validates each unit on its own, then the tree rules over the valid ones (rows are 1-based positions). */
export function importUnitsJson(input: unknown): ImportResult<Unit> {
  const { ok: valid, errors } = parseUnitsJson(input);
  const treeErrors = validateUnitTree(valid.map((v) => v.unit)).map((e) => ({ ...e, row: valid[e.row - 1]!.row }));
  const badRows = new Set(treeErrors.map((e) => e.row));
  const accepted = valid.filter((v) => !badRows.has(v.row));
  return {
    ok: accepted.map((v) => v.unit),
    errors: [...errors, ...treeErrors].sort((a, b) => a.row - b.row),
    rows: accepted.map((v) => v.row),
  };
}

export function exportUnitsJson(units: readonly Unit[]): string {
  return `${JSON.stringify(units, null, 2)}\n`;
}
