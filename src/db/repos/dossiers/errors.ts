// Why the dossier service refuses a request, besides the core's lifecycle refusals (DossierRefusal):
// a stable code, the HTTP status it maps to, a Vietnamese message, and the fields at fault.
import type { DossierError } from "../../../dossier/errors.ts";

export interface FieldProblem {
  name: string;
  reason: string;
}

export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422,
    readonly code: string,
    message: string,
    readonly invalidParams?: FieldProblem[],
  ) {
    super(message);
  }
}

/** A command the lifecycle refuses (decide() returned an error): the core's code and Vietnamese message. */
export class DossierRefusal extends Error {
  override name = "DossierRefusal";
  constructor(readonly error: DossierError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

/** Refusals about the dossier's state (409); the others are about what the command carries (422). */
const STATE_CONFLICTS = new Set<string>([
  "illegal-transition",
  "refusal-after-receipt",
  "second-extension",
  "already-rated",
  "nothing-to-approve",
  "not-assignee",
  "same-unit",
  "time-before-last-event",
  "supplement-already-requested",
  "approval-required",
]);

export function refusalStatus(error: DossierError): 403 | 409 | 422 {
  if (error.code === "role-not-allowed") return 403;
  return STATE_CONFLICTS.has(error.code) ? 409 : 422;
}

export const dossierNotFound = (code: string) => new ServiceError(404, "not-found", `Không tìm thấy hồ sơ ${code}.`);

/** PostgreSQL unique violation (e.g. the idempotency key stored by a concurrent twin). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === "23505" && (constraint === undefined || e.constraint === constraint);
}
