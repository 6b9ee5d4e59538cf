// The province of the units a query names, for tables keyed by (province_code, unit_code, …) since migration
// 0019: a unit's province is its topmost ancestor (units.province_code, fixed for life), so adding
// `province_code = <the unit's province>` selects the same rows and lets the key's index (and a Citus router)
// be used. A caller that knows the province passes it; otherwise it is read from the units reference table in
// the same statement (PostgreSQL evaluates the uncorrelated sub-select once, as an InitPlan, and probes the key).
import { type RawBuilder, sql } from "kysely";

/** `= any(…)` of the provinces of these units: the one given, or the units table's. */
export function provinceOfUnits(unitCodes: readonly string[], known?: string | null): RawBuilder<string> {
  return known
    ? sql<string>`any(${[known]}::text[])`
    : sql<string>`any(array(select u.province_code from units u where u.code = any(${[...unitCodes]}::text[])))`;
}
