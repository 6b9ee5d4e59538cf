// Who may see and act on a dossier: a role held at a unit covers that unit and every unit below it (can()).
// Reading needs dossier.read at the dossier's current or receiving unit; an action needs a role that the
// ACTION_TABLE allows, held at the current unit (or, for returning the result and withdrawal, the receiving
// unit, whose front desk hands the result over).
import { type Availability, availableActions } from "../../dossier/available.ts";
import type { Action } from "../../dossier/commands.ts";
import type { DossierState } from "../../dossier/evolve.ts";
import type { Actor as CoreActor, Role } from "../../dossier/status.ts";
import { ACTION_TABLE } from "../../dossier/table.ts";
import type { DossierRow } from "../../db/repos/dossiers/service.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import { type Actor, can, STAFF_ROLES, type StaffRole, scopeRoots } from "../../people/policy.ts";
import { dossierNotFound } from "../../db/repos/dossiers/errors.ts";
import { ApiError, forbidden } from "../errors.ts";

/** Actions staff do through POST /api/dossiers/:code/actions/:action (intake and rating have their own routes). */
export const STAFF_ACTIONS = [
  "accept",
  "refuse",
  "request_supplement",
  "receive_supplement",
  "assign",
  "start_processing",
  "transfer",
  "propose_result",
  "approve",
  "request_payment",
  "record_payment",
  "resolve",
  "decline",
  "return",
  "withdraw",
  "stop",
  "extend",
] as const satisfies readonly Action[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const AT_RECEIVING_UNIT: ReadonlySet<Action> = new Set<Action>(["return", "withdraw"]);

/**
 * A dossier the actor may not read is answered exactly like one that does not exist (404, same message):
 * a 403 would tell a guesser which codes exist in other units and provinces.
 */
export function outOfScope(code: string): ApiError {
  return new ApiError(404, "not-found", "Không tìm thấy", dossierNotFound(code).message);
}

export function canReadDossier(actor: Actor | undefined, row: DossierRow, units: UnitDirectory): boolean {
  return (
    can(actor, "dossier.read", row.current_unit_code, units.parentOf) ||
    can(actor, "dossier.read", row.unit_code, units.parentOf)
  );
}

/** Units whose dossiers the actor may list; undefined = every unit (superuser). */
export function readableUnits(actor: Actor, units: UnitDirectory): string[] | undefined {
  if (actor.isSuperuser) return undefined;
  return [...new Set(scopeRoots(actor, "dossier.read").flatMap((root) => units.subtree(root)))];
}

/** The staff roles the ACTION_TABLE allows for each action, in its order (worked out once). */
const STAFF_ROLES_OF = new Map(
  Object.entries(ACTION_TABLE).map(([action, spec]) => [
    action as Action,
    spec.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly Role[]).includes(r)),
  ]),
);

/** The role and unit the actor acts in for `action` on this dossier, or undefined when it may not. */
export function actingAs(
  actor: Actor,
  action: Action,
  row: Pick<DossierRow, "current_unit_code" | "unit_code">,
  units: UnitDirectory,
): { role: StaffRole; unit: string } | undefined {
  const allowed = STAFF_ROLES_OF.get(action) ?? [];
  if (actor.isSuperuser && allowed[0]) return { role: allowed[0], unit: row.current_unit_code };
  const where = AT_RECEIVING_UNIT.has(action) ? [row.current_unit_code, row.unit_code] : [row.current_unit_code];
  for (const unit of where) {
    const covering = units.lineage(unit);
    for (const role of allowed) {
      if (actor.grants.some((g) => g.role === role && covering.includes(g.unitCode))) return { role, unit };
    }
  }
  return undefined;
}

export function coreActor(actor: Actor, as: { role: StaffRole; unit: string }): CoreActor {
  return { id: String(actor.userId), role: as.role, unit: as.unit };
}

/** The core actor for an action, or 403 (role and scope are both checked here, before decide()). */
export function authorizeAction(actor: Actor, action: Action, row: DossierRow, units: UnitDirectory): CoreActor {
  if (!canReadDossier(actor, row, units)) throw outOfScope(row.code);
  const as = actingAs(actor, action, row, units);
  if (!as) {
    throw forbidden(`Tài khoản không có vai trò được "${ACTION_TABLE[action].vi}" hồ sơ tại đơn vị này.`);
  }
  return coreActor(actor, as);
}

/**
 * Every staff action, allowed for this actor now or with the reason it is not (src/dossier/available.ts: the
 * phase, the role it holds here, the leader's approval, one extension) — the same checks decide() runs.
 */
export function actionAvailability(
  actor: Actor,
  row: DossierRow,
  state: DossierState,
  units: UnitDirectory,
  rules: { approvalRequired?: boolean } = {},
): Availability[] {
  const roleFor = (action: Action) => actingAs(actor, action, row, units)?.role;
  return availableActions(state, { roleFor, approvalRequired: rules.approvalRequired }, STAFF_ACTIONS);
}

/** The staff actions this actor may attempt now (actionAvailability's allowed ones). */
export function allowedActions(
  actor: Actor,
  row: DossierRow,
  state: DossierState,
  units: UnitDirectory,
  rules: { approvalRequired?: boolean } = {},
): StaffAction[] {
  return actionAvailability(actor, row, state, units, rules)
    .filter((a) => a.allowed)
    .map((a) => a.action as StaffAction);
}

/**
 * Why the actions the dossier's state allows are not offered to this actor (not the role's, waiting for the
 * approval, already extended…): what the web shows beside the buttons instead of guessing.
 */
export function unavailableActions(availability: readonly Availability[]) {
  return availability.flatMap((a) =>
    a.allowed || a.reason.code === "illegal-transition"
      ? []
      : [{ action: a.action, code: a.reason.code, message: a.reason.message }],
  );
}
