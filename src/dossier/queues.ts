// The unit's work queues at an instant: due soon, overdue, and late without an apology (DOMAIN §3, seed 002).
// Working-time arithmetic is injected: the calendar knows office hours and holidays, this module does not.
import type { LifecycleEvent } from "./events.ts";
import { type DossierState, project } from "./evolve.ts";
import { OPEN_STATUSES } from "./status.ts";

export type QueueName = "overdue" | "due_soon" | "within" | "paused";

export interface QueueDeps {
  /** Working minutes from `at` until `dueAt` (zero or negative once past). */
  remaining(at: Date, dueAt: Date): number;
  /** Below this many working minutes left, an open dossier is due soon. */
  dueSoonMinutes: number;
}

/** The state as it was just before `at` (events strictly before it, as CONTRACTS §3 reads "before"). */
export function projectAt(log: readonly LifecycleEvent[], at: Date): DossierState {
  return project(log.filter((e) => e.at.getTime() < at.getTime()));
}

const isOpen = (s: DossierState): boolean => (OPEN_STATUSES as readonly string[]).includes(s.status);

/** Paused with a pause that counts: the clock is stopped, the dossier is within its deadline. */
const clockStopped = (s: DossierState): boolean => s.status === "awaiting_supplement" && s.paused && s.pauseCounts;

/** The queue of an open dossier at `at`; undefined when it is not open (not received, or ended). */
export function queueOf(state: DossierState, at: Date, deps: QueueDeps): QueueName | undefined {
  if (!isOpen(state) || state.dueAt === null) return undefined;
  if (clockStopped(state)) return "paused";
  if (at.getTime() > state.dueAt.getTime()) return "overdue";
  return deps.remaining(at, state.dueAt) < deps.dueSoonMinutes ? "due_soon" : "within";
}

/**
 * Late at `at`: resolved (or declined: trả lại hồ sơ, timed like resolved) after the deadline in force, or open, not paused, and past it. An extension never
 * makes a dossier on time (CONTRACTS §2): it only promises a new appointment with an apology.
 */
export function isLate(state: DossierState, at: Date): boolean {
  if (state.dueAt === null) return false;
  const due = state.dueAt.getTime();
  if (state.resolvedAt !== null) return state.resolvedAt.getTime() > due;
  if (state.declinedAt !== null) return state.declinedAt.getTime() > due;
  if (state.status === "returned" && state.endedAt !== null) return state.endedAt.getTime() > due;
  if (!isOpen(state) || clockStopped(state)) return false;
  return at.getTime() > due;
}

/**
 * Late, and no apology dated at or before the appointment it failed — the appointment before any extension
 * (the receipt appointment as moved by supplement resumptions, which is the one the applicant was last given).
 */
export function lateWithoutApology(state: DossierState, at: Date): boolean {
  return isLate(state, at) && !state.apologyInTime;
}

/** Facts to show beside a dossier. */
export interface DossierFlags {
  /** More than one supplement request: late in the national quality index (Decision 766). */
  repeatedSupplement: boolean;
  /** More than one extension: only imported history can carry it (live extend refuses a second). */
  extraExtensions: boolean;
}

export function dossierFlags(state: DossierState): DossierFlags {
  return { repeatedSupplement: state.supplementCount > 1, extraExtensions: state.extensionCount > 1 };
}

export interface Queues<T> {
  overdue: T[];
  dueSoon: T[];
  lateWithoutApology: T[];
}

/** Sorts dossiers into the unit's queues at `at` (overdue and due soon by deadline, earliest first). */
export function classifyQueues<T extends { state: DossierState }>(
  dossiers: readonly T[],
  at: Date,
  deps: QueueDeps,
): Queues<T> {
  const out: Queues<T> = { overdue: [], dueSoon: [], lateWithoutApology: [] };
  for (const d of dossiers) {
    const q = queueOf(d.state, at, deps);
    if (q === "overdue") out.overdue.push(d);
    else if (q === "due_soon") out.dueSoon.push(d);
    if (lateWithoutApology(d.state, at)) out.lateWithoutApology.push(d);
  }
  const byDue = (a: T, b: T) => a.state.dueAt!.getTime() - b.state.dueAt!.getTime();
  out.overdue.sort(byDue);
  out.dueSoon.sort(byDue);
  return out;
}
