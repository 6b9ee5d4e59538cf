// The catalogue as the 01b sheet reads it: every version (not a placeholder) of the procedures of the given
// competent levels that took effect by the period's end, with its links, boundary-free flag, online level,
// whether its process steps are defined and whether it charges a fee. The counting is pure
// (src/reform/sheet/figures.ts catalogueRowValues).
import type { Kysely } from "kysely";
import type { CompetentLevel } from "../../../dossier/record.ts";
import type { CatalogueVersion } from "../../../reform/sheet/figures.ts";
import type { Database } from "../../schema.ts";

const ONLINE_LEVELS = new Set(["full", "partial", "none"]);

export async function catalogueVersions(
  db: Kysely<Database>,
  query: { to: string; levels: readonly CompetentLevel[] },
): Promise<CatalogueVersion[]> {
  if (!query.levels.length) return [];
  const rows = await db
    .selectFrom("procedures")
    .select(["code", "effective_from", "online_level", "boundary_free", "links", "steps", "fees", "level"])
    .where("effective_from", "<=", query.to)
    .where("placeholder", "=", false)
    .where("level", "in", [...query.levels])
    .orderBy("code")
    .orderBy("effective_from")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    effectiveFrom: String(r.effective_from),
    onlineLevel: (ONLINE_LEVELS.has(r.online_level) ? r.online_level : "none") as CatalogueVersion["onlineLevel"],
    boundaryFree: Boolean(r.boundary_free),
    links: ((r.links as { kind?: string }[] | null) ?? [])
      .filter((l) => l.kind === "same_level" || l.kind === "between_levels")
      .map((l) => ({ kind: l.kind as "same_level" | "between_levels" })),
    hasSteps: Array.isArray(r.steps) && r.steps.length > 0,
    charged: Array.isArray(r.fees) && (r.fees as { amount?: number | null }[]).some((f) => f.amount !== 0),
    level: r.level as CompetentLevel,
  }));
}
