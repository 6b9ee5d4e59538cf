// Staff as the dossier API names them: full names for the timeline, and the officer a dossier is assigned to.
import type { Kysely } from "kysely";
import { lineage } from "../../../people/policy.ts";
import type { Database } from "../../schema.ts";
import { inUnits, provincesOfUnits } from "../unit-scope.ts";
import type { UnitDirectory } from "../units.ts";
import { ServiceError } from "./errors.ts";

/** user id (as the log writes it) → full name. */
export async function staffNames(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, string>> {
  const numeric = [...new Set([...ids].filter((id) => /^\d+$/.test(id)).map(Number))];
  if (numeric.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "full_name"]).where("id", "in", numeric).execute();
  return new Map(rows.map((r) => [String(r.id), r.full_name]));
}

/**
 * The user to assign (by username or id): an active staff member holding officer or leader at a unit covering
 * `unitCode`. The log stores the id, so `start_processing` can compare it with the acting user.
 */
export async function findAssignee(
  db: Kysely<Database>,
  units: UnitDirectory,
  nameOrId: string,
  unitCode: string,
): Promise<string> {
  const key = nameOrId.trim();
  const user = await db
    .selectFrom("users")
    .select(["id", "active", "kind"])
    .where((eb) => (/^\d+$/.test(key) ? eb("id", "=", Number(key)) : eb("username", "=", key)))
    .executeTakeFirst();
  // one answer whatever the reason (unknown, inactive, another unit or province): a refusal must not tell who
  // exists elsewhere, nor name another province's unit (issue 14)
  const reason = `Không có cán bộ xử lý hồ sơ "${key}" tại đơn vị ${unitCode}`;
  const refused = new ServiceError(422, "invalid-assignee", reason, [{ name: "assignee", reason }]);
  if (!user?.active || user.kind !== "staff") throw refused;
  const covering = new Set(lineage(unitCode, units.parentOf));
  const grants = await db
    .selectFrom("role_grants")
    .select(["role", "unit_code"])
    .where("user_id", "=", user.id)
    .where(inUnits({ unitCodes: [...covering], provinces: provincesOfUnits(units, [...covering]) }))
    .execute();
  if (!grants.some((g) => (g.role === "officer" || g.role === "leader") && covering.has(g.unit_code))) {
    throw refused;
  }
  return String(user.id);
}
