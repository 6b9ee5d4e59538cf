// The reform records' figures for the 01b sheet: `loadRecordFigures(db, { unit, from, to })` of
// src/db/repos/reform/sheet-figures.ts (the reform records module, built separately), keyed by 01b code with
// only the codes something is recorded for. Loaded lazily: until that module exists, nothing is recorded and
// those rows are null (or typed by hand). Values for computed or group rows are ignored: never overridden.
import type { Kysely } from "kysely";
import { isComputedRow, sheetRow } from "../../../reform/sheet/rows.ts";
import type { Database } from "../../schema.ts";

type LoadRecordFigures = (
  db: Kysely<Database>,
  query: { unit: string; from: string; to: string },
) => Promise<Record<string, number>>;

const MODULE = new URL("../reform/sheet-figures.ts", import.meta.url).href;

let loader: Promise<LoadRecordFigures | null> | undefined;

async function load(): Promise<LoadRecordFigures | null> {
  try {
    const mod = (await import(MODULE)) as { loadRecordFigures?: LoadRecordFigures };
    return typeof mod.loadRecordFigures === "function" ? mod.loadRecordFigures : null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("sheet-figures")) return null;
    throw error;
  }
}

/** True when the reform records module is present. */
export async function recordsAvailable(): Promise<boolean> {
  loader ??= load();
  return (await loader) !== null;
}

export async function loadRecords(
  db: Kysely<Database>,
  query: { unit: string; from: string; to: string },
): Promise<Record<string, number>> {
  loader ??= load();
  const loadRecordFigures = await loader;
  if (!loadRecordFigures) return {};
  const figures = await loadRecordFigures(db, { unit: query.unit, from: query.from, to: query.to });
  const kept: Record<string, number> = {};
  for (const [code, value] of Object.entries(figures)) {
    const def = sheetRow(code);
    if (def && !def.group && !isComputedRow(def) && typeof value === "number") kept[code] = value;
  }
  return kept;
}
