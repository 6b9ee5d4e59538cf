// The dashboard's stock figures as of now (issue 15): open dossiers, overdue and within the deadline, in the
// caller's units (or a unit's subtree), counted with the overdue queue's own conditions and count
// (src/db/repos/dossiers/stock.ts), so the headline equals the queue it links to and every officer's queue.
import { z } from "zod";
import { stockFigures } from "../../db/repos/dossiers/stock.ts";
import { can } from "../../people/policy.ts";
import { forbidden } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { readableUnits } from "./dossiers-access.ts";
import { serviceOf } from "./dossiers.ts";
import { DossierStock } from "../schemas/dossiers.ts";

export const getDossierStock = defineRoute({
  method: "GET",
  url: "/api/dossiers/stock",
  summary: "Hồ sơ đang giải quyết tại thời điểm hiện tại: đang quá hạn, còn trong hạn (khớp hàng đợi quá hạn)",
  tags: ["dossiers"],
  access: "staff",
  response: DossierStock,
  query: z.object({ unit: z.string().min(1).max(32).optional() }),
  async handler({ ctx, actor, query }) {
    const units = await ctx.units.fresh();
    let scope = readableUnits(actor!, units);
    if (query.unit) {
      if (!can(actor, "dossier.read", query.unit, units.parentOf)) throw forbidden();
      scope = units.subtree(query.unit);
    }
    const stock = await stockFigures(serviceOf(ctx), { units: scope, userId: actor!.userId });
    return { ...stock, unit: query.unit ?? null };
  },
});
