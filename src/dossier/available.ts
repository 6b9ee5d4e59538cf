// Which actions a dossier in a given state allows, and why not (issue 12): the one statement of the checks that
// depend on the state and the actor's role only. decide() runs them before the command's own requirements;
// the HTTP layer lists them with the dossier so the web shows the reason instead of guessing it.
import type { Action } from "./commands.ts";
import { type DossierError, type DossierErrorCode, dossierError } from "./errors.ts";
import type { DossierState } from "./evolve.ts";
import type { Role } from "./status.ts";
import { ACTION_TABLE, ACTIONS } from "./table.ts";

export interface AvailabilityContext {
  /**
   * The role the actor would act in for an action (for staff: a role the action table allows, held at the
   * dossier's unit), or undefined when it holds none. A bare role applies to every action.
   */
  roleFor: Role | ((action: Action) => Role | undefined);
  /** The procedure's process has a leader-approval step (DossierDeps.approvalRequired). */
  approvalRequired?: boolean;
}

export type Availability = { action: Action; allowed: true } | { action: Action; allowed: false; reason: DossierError };

/** The checks of the phase and the role, in decide's order (refusal after receipt, phase, role). */
const ENTRY_CODES: readonly DossierErrorCode[] = ["refusal-after-receipt", "illegal-transition", "role-not-allowed"];

/** Whether an error code is one of the entry checks (decide answers them before looking at the command's time). */
export function isEntryRefusal(code: DossierErrorCode): boolean {
  return ENTRY_CODES.includes(code);
}

/** The first reason `action` is not available in `state` for `role`; undefined when it is. */
export function unavailableReason(
  state: DossierState,
  action: Action,
  role: Role | undefined,
  approvalRequired = false,
): DossierError | undefined {
  const rule = ACTION_TABLE[action];
  const err = (code: DossierErrorCode) => dossierError(code, state.status);
  if (action === "refuse" && state.receivedAt !== null) return err("refusal-after-receipt");
  if (!rule.from.includes(state.status)) return err("illegal-transition");
  if (role === undefined || !rule.roles.includes(role)) return err("role-not-allowed");
  // requirements that follow from the state alone (the command cannot supply them)
  switch (action) {
    case "approve":
      return !state.proposed || state.approved ? err("nothing-to-approve") : undefined;
    case "extend":
      // at most one re-appointment (Decree 61/2018 art. 19(2)(d)); imported history may carry more
      return state.extensionCount >= 1 ? err("second-extension") : undefined;
    case "resolve":
      return approvalRequired && !state.approved ? err("approval-required") : undefined;
    case "rate":
      return state.rating !== null ? err("already-rated") : undefined;
    default:
      return undefined;
  }
}

/** Every action (or those given), allowed or with the reason it is not. */
export function availableActions(
  state: DossierState,
  context: AvailabilityContext,
  actions: readonly Action[] = ACTIONS,
): Availability[] {
  return actions.map((action) => {
    const role = typeof context.roleFor === "function" ? context.roleFor(action) : context.roleFor;
    const reason = unavailableReason(state, action, role, context.approvalRequired);
    return reason === undefined ? { action, allowed: true } : { action, allowed: false, reason };
  });
}
