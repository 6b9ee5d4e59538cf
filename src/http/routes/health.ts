import { sql } from "kysely";
import { defineRoute } from "../route.ts";

export const health = defineRoute({
  method: "GET",
  url: "/api/health",
  summary: "Tình trạng dịch vụ",
  tags: ["system"],
  access: "public",
  async handler({ ctx }) {
    await sql`select 1`.execute(ctx.database.db);
    return { status: "ok", engine: ctx.database.engine, time: ctx.now().toISOString() };
  },
});
