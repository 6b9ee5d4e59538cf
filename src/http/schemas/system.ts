// GET /api/health: the service answers and its database too; with a read replica, whether reads go to it.
import { z } from "zod";

export const Health = z.object({
  status: z.literal("ok"),
  engine: z.string(),
  time: z.string(),
  /** Only with a read replica (docs/deploy-replicas.md): a standby down is no outage. */
  replica: z.object({ up: z.boolean(), lagMs: z.number().nullable() }).optional(),
});
