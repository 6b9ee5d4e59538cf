// Who sees and keeps which reform records: a unit's reform officer keeps those of the unit and below
// (reform.manage); leaders, reform officers and admins read them (reform.read). Shared by the reform routes.
import type { Actor } from "../../people/policy.ts";
import { can, scopeRoots } from "../../people/policy.ts";
import { localDate } from "../../calendar/local-time.ts";
import type { AppContext } from "../context.ts";
import { forbidden, notFound } from "../errors.ts";

/** The units whose records the actor may read: `unit`'s subtree when given (403 if not allowed). */
export async function readScope(ctx: AppContext, actor: Actor | undefined, unit: string | undefined) {
  const units = await ctx.units.fresh();
  if (unit) {
    if (!units.find(unit)) throw notFound(`đơn vị ${unit}`);
    if (!can(actor, "reform.read", unit, units.parentOf)) throw forbidden();
    return units.subtree(unit);
  }
  if (actor?.isSuperuser) return units.all().map((u) => u.code);
  return [...new Set(scopeRoots(actor!, "reform.read").flatMap((root) => units.subtree(root)))];
}

/** The unit's province, after checking the actor may keep its records (403 otherwise, 404 unknown unit). */
export async function manageUnit(ctx: AppContext, actor: Actor | undefined, unit: string): Promise<string> {
  const units = await ctx.units.fresh();
  if (!units.find(unit)) throw notFound(`đơn vị ${unit}`);
  if (!can(actor, "reform.manage", unit, units.parentOf)) throw forbidden();
  return units.provinceOf(unit) ?? unit;
}

export async function mayRead(ctx: AppContext, actor: Actor | undefined, unit: string): Promise<void> {
  const units = await ctx.units.fresh();
  if (!can(actor, "reform.read", unit, units.parentOf)) throw forbidden();
}

/** Today's local date, or the `asOf` asked for. */
export const asOfOr = (ctx: AppContext, asOf: string | undefined) => asOf ?? localDate(ctx.now());

export const changedBy = (ctx: AppContext, actor: Actor | undefined) => ({
  userId: actor?.userId ?? null,
  now: ctx.now(),
});
