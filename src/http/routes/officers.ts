// GET /api/units/:code/officers: the active staff holding a role at the unit or a unit below it, for the people
// who hand dossiers on (front desk, officers, leaders) to pick an assignee from. The assignee the `assign`
// action stores is the user id (src/db/repos/dossiers/staff.ts findAssignee), so the list leads with it.
import { z } from "zod";
import { listOfficers } from "../../db/repos/staff-directory.ts";
import { can } from "../../people/policy.ts";
import { forbidden, notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { OfficerList } from "../schemas/people.ts";

export type { Officer } from "../../db/repos/staff-directory.ts";

export const listUnitOfficers = defineRoute({
  method: "GET",
  url: "/api/units/:code/officers",
  summary: "Cán bộ đang hoạt động có vai trò tại đơn vị và các đơn vị trực thuộc (để giao xử lý hồ sơ)",
  tags: ["units"],
  access: "staff",
  response: OfficerList,
  params: z.object({ code: z.string() }),
  async handler({ ctx, actor, params }) {
    const units = await ctx.units.fresh();
    if (!units.find(params.code)) throw notFound(`đơn vị ${params.code}`);
    const allowed =
      can(actor, "dossier.process", params.code, units.parentOf) ||
      can(actor, "dossier.receive", params.code, units.parentOf);
    if (!allowed) throw forbidden();
    return { officers: await listOfficers(ctx.database.db, units.subtree(params.code)) };
  },
});
