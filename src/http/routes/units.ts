import { z } from "zod";
import { notFound } from "../errors.ts";
import { defineRoute } from "../route.ts";
import { presentUnit } from "./presenters.ts";

export const listUnits = defineRoute({
  method: "GET",
  url: "/api/units",
  summary: "Cây đơn vị hành chính",
  tags: ["units"],
  access: "public",
  query: z.object({ under: z.string().optional() }),
  async handler({ ctx, query }) {
    const units = await ctx.units.fresh();
    if (query.under && !units.find(query.under)) throw notFound(`đơn vị ${query.under}`);
    const codes = query.under ? new Set(units.subtree(query.under)) : undefined;
    const rows = units.all().filter((unit) => !codes || codes.has(unit.code));
    rows.sort((a, b) => a.code.localeCompare(b.code));
    return { units: rows.map(presentUnit) };
  },
});

export const getUnit = defineRoute({
  method: "GET",
  url: "/api/units/:code",
  summary: "Một đơn vị",
  tags: ["units"],
  access: "public",
  params: z.object({ code: z.string() }),
  async handler({ ctx, params }) {
    const unit = (await ctx.units.fresh()).find(params.code);
    if (!unit) throw notFound(`đơn vị ${params.code}`);
    return presentUnit(unit);
  },
});
