// The shipped reference data, read for the demo's tests (the CLI reads it back from the database instead).
import { readFileSync } from "node:fs";
import { importProceduresJson } from "../catalog/procedure-json.ts";
import type { Procedure } from "../catalog/procedure.ts";
import { STARTER_CATALOG_URL } from "../catalog/starter.ts";
import { STARTER_UNIT_URLS } from "../units/starter.ts";
import type { Unit } from "../units/unit.ts";
import { parseUnitsJson } from "../units/unit-json.ts";

export function starterUnits(): Unit[] {
  return STARTER_UNIT_URLS.flatMap((url) => {
    const parsed = parseUnitsJson(JSON.parse(readFileSync(url, "utf8")));
    if (parsed.errors.length) throw new Error(`${url.pathname}: ${JSON.stringify(parsed.errors[0])}`);
    return parsed.ok.map((item) => item.unit);
  });
}

export function starterProcedures(): Procedure[] {
  const parsed = importProceduresJson(readFileSync(STARTER_CATALOG_URL, "utf8"));
  if (parsed.errors.length) throw new Error(`procedures.json: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.ok;
}
