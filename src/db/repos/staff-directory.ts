// Staff accounts as the administration pages list them: the users of a set of units with their role grants,
// and the active staff holding a role in a set of units (the people a dossier can be assigned to).
import type { Kysely } from "kysely";
import type { StaffRole } from "../../people/policy.ts";
import type { Database } from "../schema.ts";
import { inUnits } from "./unit-scope.ts";

export interface UserWithGrants {
  id: number;
  username: string;
  fullName: string;
  unitCode: string | null;
  active: boolean;
  grants: { role: string; unitCode: string }[];
}

/** The users whose unit is one of `unitCodes`, with every grant they hold, by username. */
export async function listUsersOfUnits(db: Kysely<Database>, unitCodes: readonly string[]): Promise<UserWithGrants[]> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("role_grants", "role_grants.user_id", "users.id")
    .select([
      "users.id",
      "users.username",
      "users.full_name",
      "users.unit_code",
      "users.active",
      "role_grants.role",
      "role_grants.unit_code as grant_unit",
    ])
    .where("users.unit_code", "in", unitCodes)
    .orderBy("users.username")
    .execute();
  const byId = new Map<number, UserWithGrants>();
  for (const row of rows) {
    const user = byId.get(row.id) ?? {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      unitCode: row.unit_code,
      active: row.active,
      grants: [],
    };
    if (row.role && row.grant_unit) user.grants.push({ role: row.role, unitCode: row.grant_unit });
    byId.set(row.id, user);
  }
  return [...byId.values()];
}

export interface Officer {
  id: number;
  username: string;
  fullName: string;
  /** Roles held at the unit or below it, by name. */
  roles: StaffRole[];
}

/** Active staff holding a role at one of `unitCodes`, by username, each with the roles held there. */
export async function listOfficers(db: Kysely<Database>, unitCodes: readonly string[]): Promise<Officer[]> {
  const rows = await db
    .selectFrom("users")
    .innerJoin("role_grants", "role_grants.user_id", "users.id")
    .select(["users.id", "users.username", "users.full_name", "role_grants.role"])
    .where("users.active", "=", true)
    .where("users.kind", "=", "staff")
    .where(inUnits({ unitCodes }, "role_grants"))
    .orderBy("users.username")
    .orderBy("role_grants.role")
    .execute();
  const byId = new Map<number, Officer>();
  for (const row of rows) {
    const officer = byId.get(row.id) ?? { id: row.id, username: row.username, fullName: row.full_name, roles: [] };
    const role = row.role as StaffRole;
    if (!officer.roles.includes(role)) officer.roles.push(role);
    byId.set(row.id, officer);
  }
  return [...byId.values()];
}
