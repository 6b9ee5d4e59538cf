import { sql } from "kysely";
import { defineRoute } from "../route.ts";
import { Health } from "../schemas/system.ts";

export const health = defineRoute({
  method: "GET",
  url: "/api/health",
  summary: "Tình trạng dịch vụ",
  tags: ["system"],
  access: "public",
  response: Health,
  async handler({ ctx }) {
    await sql`select 1`.execute(ctx.database.db);
    const health = { status: "ok", engine: ctx.database.engine, time: ctx.now().toISOString() };
    if (!ctx.reads) return health;
    // with a read replica (docs/deploy-replicas.md): whether reads go to it now; a standby down is no outage
    await ctx.reads.probe();
    const { up, lagMs } = ctx.reads.standby;
    return { ...health, replica: { up, lagMs: Number.isFinite(lagMs) ? Math.round(lagMs) : null } };
  },
});
