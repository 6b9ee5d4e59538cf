// GET /api/units/:code/officers: the active staff holding a role at the unit or a unit below it, for the people
// who hand dossiers on (front desk, officers, leaders) to pick an assignee from. The assignee the `assign`
// action stores is the user id (src/db/repos/dossiers/staff.ts findAssignee), so the list leads with it.
import { z } from "zod";
import { can, type StaffRole } from "../../people/policy.ts";
import { forbidden, notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";

export interface Officer {
  id: number;
  username: string;
  fullName: string;
  /** Roles held at the unit or below it, by name. */
  roles: StaffRole[];
}

export const listUnitOfficers = defineRoute({
  method: "GET",
  url: "/api/units/:code/officers",
  summary: "Cán bộ đang hoạt động có vai trò tại đơn vị và các đơn vị trực thuộc (để giao xử lý hồ sơ)",
  tags: ["units"],
  access: "staff",
  params: z.object({ code: z.string() }),
  async handler({ ctx, actor, params }) {
    const units = await ctx.units.fresh();
    if (!units.find(params.code)) throw notFound(`đơn vị ${params.code}`);
    const allowed =
      can(actor, "dossier.process", params.code, units.parentOf) ||
      can(actor, "dossier.receive", params.code, units.parentOf);
    if (!allowed) throw forbidden();
    const rows = await ctx.database.db
      .selectFrom("users")
      .innerJoin("role_grants", "role_grants.user_id", "users.id")
      .select(["users.id", "users.username", "users.full_name", "role_grants.role"])
      .where("users.active", "=", true)
      .where("users.kind", "=", "staff")
      .where("role_grants.unit_code", "in", units.subtree(params.code))
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
    return { officers: [...byId.values()] };
  },
});
