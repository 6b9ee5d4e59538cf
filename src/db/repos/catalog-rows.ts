// The procedure catalogue's rows and the bookkeeping every catalogue write shares: a stored version ↔ its row,
// an override ↔ its row, the catalogue's error, and the generation caches of the catalogue compare
// (catalog-versions.ts, catalog-overrides.ts, catalog-import.ts write; catalog-search.ts reads).
import type { Insertable, Selectable } from "kysely";
import type { Procedure, ProcedureOverride } from "../../catalog/procedure.ts";
import type { TimeLimit } from "../../catalog/time-limit.ts";
import type { ProcedureOverridesTable, ProceduresTable } from "../schema.ts";

/** A stored version: the schema's procedure plus whether a dossier import made it up (no catalogue data). */
export type StoredProcedure = Procedure & { placeholder: boolean };

export function procedureFromRow(row: Selectable<ProceduresTable>): StoredProcedure {
  return {
    code: row.code,
    version: row.version,
    name: row.name,
    field: row.field,
    level: row.level as Procedure["level"],
    agency: row.agency ?? "",
    components: row.components as Procedure["components"],
    timeLimit: row.time_limit as TimeLimit,
    fees: row.fees as Procedure["fees"],
    onlineLevel: row.online_level as Procedure["onlineLevel"],
    boundaryFree: row.boundary_free,
    steps: row.steps as Procedure["steps"],
    restartOnSupplement: row.restart_on_supplement,
    links: row.links as Procedure["links"],
    effectiveFrom: row.effective_from,
    legalBasis: (row.legal_basis ?? []) as string[],
    unconfirmed: (row.unconfirmed ?? []) as string[],
    placeholder: row.placeholder,
  };
}

export function procedureToRow(p: Procedure): Insertable<ProceduresTable> {
  return {
    code: p.code,
    version: p.version,
    effective_from: p.effectiveFrom,
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agency,
    time_limit: JSON.stringify(p.timeLimit),
    fees: JSON.stringify(p.fees),
    online_level: p.onlineLevel,
    boundary_free: p.boundaryFree,
    restart_on_supplement: p.restartOnSupplement,
    components: JSON.stringify(p.components),
    steps: JSON.stringify(p.steps),
    links: JSON.stringify(p.links),
    legal_basis: JSON.stringify(p.legalBasis),
    unconfirmed: JSON.stringify(p.unconfirmed),
  };
}

export const withoutPlaceholder = ({ placeholder: _, ...p }: StoredProcedure): Procedure => p;

export function overrideFromRow(row: Selectable<ProcedureOverridesTable>): ProcedureOverride {
  return {
    provinceCode: row.province_code,
    procedureCode: row.procedure_code,
    version: row.version,
    effectiveFrom: row.effective_from,
    timeLimit: (row.time_limit ?? null) as ProcedureOverride["timeLimit"],
    fees: (row.fees ?? null) as ProcedureOverride["fees"],
    steps: (row.steps ?? null) as ProcedureOverride["steps"],
  };
}

export class CatalogError extends Error {
  override name = "CatalogError";
  constructor(
    readonly code: "version-order" | "not-found",
    message: string,
  ) {
    super(message);
  }
}

// Every catalogue write of this process bumps this; caches of the catalogue (procedureInForce) compare it.
let generation = 0;

/** A number that changes whenever this process writes the catalogue (procedures or overrides). */
export function catalogueGeneration(): number {
  return generation;
}

/** Marks the catalogue changed (the dossier importer's placeholder procedures). */
export function catalogueChanged(): void {
  generation++;
}

/** A catalogue write: the generation moves once it has committed (or failed), so no reader caches the old rows. */
export async function changing<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    generation++;
  }
}
