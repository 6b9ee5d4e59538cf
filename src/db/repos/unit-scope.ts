// Unit-scoped queries name their province (issue 19, docs/deploy-national.md "Queries"): a tenant row's
// province_code is its unit's province — the unit's topmost ancestor, stored as units.province_code and fixed
// for life (units are never modified, a reorganisation creates new units; a dossier keeps its receiving unit's
// province, ADR 0003). So "unit_code in U" is the same rows as "province_code in P(U) and unit_code in U",
// and the second lets the (province_code, unit_code, …) indexes and a Citus router see the shard.
// With the provinces given (a caller holding the unit directory) they are literal parameters; otherwise they
// are read from the units reference table inside the same statement (no extra round trip).
import { type RawBuilder, sql } from "kysely";
import type { UnitDirectory } from "./units.ts";

/**
 * The provinces of some units by the directory (the topmost ancestor of each), sorted, without repeats; undefined
 * when the directory does not know one of them (a unit created since it was loaded): then the query reads them.
 */
export function provincesOfUnits(directory: UnitDirectory, unitCodes: readonly string[]): string[] | undefined {
  const provinces = new Set<string>();
  for (const unit of unitCodes) {
    const province = directory.find(unit) && directory.provinceOf(unit);
    if (!province) return undefined;
    provinces.add(province);
  }
  return [...provinces].sort();
}

export interface UnitScope {
  /** The units in scope (a unit's subtree); undefined: every unit of every province. */
  unitCodes?: readonly string[];
  /** Their provinces when the caller knows them (provincesOfUnits); else read from `units` in the query. */
  provinces?: readonly string[] | undefined;
}

/** `= any(…)` of the provinces of the units: the given list, or the units reference table's rows. */
export function provinceSet(units: readonly string[], provinces?: readonly string[] | undefined): RawBuilder<unknown> {
  return provinces
    ? sql`any(${[...provinces]}::text[])`
    : sql`any(array(select u.province_code from units u where u.code = any(${[...units]}::text[])))`;
}

/**
 * The condition `<alias>.province_code = any(P) and <alias>.<unitColumn> = any(U)` over a table alias (or a
 * bare table when `alias` is empty); `true` when the scope is every unit.
 */
export function inUnits(scope: UnitScope, alias = "", unitColumn = "unit_code"): RawBuilder<boolean> {
  if (!scope.unitCodes) return sql<boolean>`true`;
  const province = sql.ref(alias ? `${alias}.province_code` : "province_code");
  const unit = sql.ref(alias ? `${alias}.${unitColumn}` : unitColumn);
  return sql<boolean>`(${province} = ${provinceSet(scope.unitCodes, scope.provinces)}
    and ${unit} = any(${[...scope.unitCodes]}::text[]))`;
}
