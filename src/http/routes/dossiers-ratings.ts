// GET /api/ratings/officers — ratings counted per officer rated (đánh giá cán bộ): each rating names the officer
// who handed the result over, or the assignee when the system returned it (src/db/repos/dossiers/ratings.ts).
import { z } from "zod";
import { officerRatings } from "../../db/repos/dossiers/ratings.ts";
import { localDate } from "../../calendar/index.ts";
import { periodBounds } from "../../figures/period.ts";
import { validationFailed } from "../errors.ts";
import { defineRoute, LocalDate } from "../route.ts";
import { reportScope } from "./reports.ts";
import { OfficerRatingsReport } from "../schemas/people.ts";

export const listOfficerRatings = defineRoute({
  method: "GET",
  url: "/api/ratings/officers",
  summary: "Đánh giá của người dân theo từng cán bộ (cán bộ trả kết quả, hoặc cán bộ được giao xử lý)",
  tags: ["dossiers"],
  access: "staff",
  response: OfficerRatingsReport,
  query: z.object({
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    unit: z.string().min(1).max(32).optional(),
  }),
  async handler({ ctx, actor, query }) {
    const today = localDate(ctx.now());
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw validationFailed([{ name: "from", reason: "Từ ngày phải trước hoặc bằng đến ngày" }]);
    const scope = await reportScope(ctx.units, actor, query.unit);
    const { start, end } = periodBounds({ from, to });
    const officers = await officerRatings(ctx.database.db, {
      from: start,
      to: end,
      ...(scope.unitCodes ? { units: scope.unitCodes } : {}),
    });
    return { unit: scope.unit, from, to, officers };
  },
});
