// The unit's work queues at an instant: due soon, overdue, and late without an apology (DOMAIN §3, seed 002).
// Working-time arithmetic is injected: the calendar knows office hours and holidays, this module does not.
import type { LifecycleEvent } from "./events.ts";
import { type DossierState, project } from "./evolve.ts";
import { OPEN_STATUSES } from "./status.ts";

export type QueueName = "overdue" | "due_soon" | "within" | "paused";

/**
 * "Due soon" warns from this many working days before the deadline: the apology must go out at the latest one
 * calendar day before the due date (apology.ts), so the officer needs the warning a day ahead of that.
 */
export const DUE_SOON_WORKING_DAYS = 2;

/** The due-soon threshold in working minutes for a calendar whose working day lasts `workingDayMinutes`. */
export function dueSoonMinutesOf(workingDayMinutes: number): number {
  return DUE_SOON_WORKING_DAYS * workingDayMinutes;
}

export interface QueueDeps {
  /** Working minutes from `at` until `dueAt` (zero or negative once past). */
  remaining(at: Date, dueAt: Date): number;
  /** Below this many working minutes left, an open dossier is due soon (dueSoonMinutesOf: two working days). */
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
 * Late, and no timely apology: none dated at least one calendar day before the appointment it failed — the
 * appointment before any extension (the receipt appointment as moved by supplement resumptions, the one the
 * applicant was last given). A late apology never takes a dossier out of this queue.
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
  /** An apology was recorded on or after the due date: too late to count (apology.ts). */
  lateApology: boolean;
}

export function dossierFlags(state: DossierState): DossierFlags {
  return {
    repeatedSupplement: state.supplementCount > 1,
    extraExtensions: state.extensionCount > 1,
    lateApology: state.lateApology && !state.apologyInTime,
  };
}

/** Late, and the apology was recorded but too late (on or after the due date): its own queue and column. */
export function lateWithLateApology(state: DossierState, at: Date): boolean {
  return isLate(state, at) && !state.apologyInTime && state.lateApology;
}

export interface Queues<T> {
  overdue: T[];
  dueSoon: T[];
  lateWithoutApology: T[];
  /** Of lateWithoutApology: those whose apology came too late. */
  lateApology: T[];
}

/** Sorts dossiers into the unit's queues at `at` (overdue and due soon by deadline, earliest first). */
export function classifyQueues<T extends { state: DossierState }>(
  dossiers: readonly T[],
  at: Date,
  deps: QueueDeps,
): Queues<T> {
  const out: Queues<T> = { overdue: [], dueSoon: [], lateWithoutApology: [], lateApology: [] };
  for (const d of dossiers) {
    const q = queueOf(d.state, at, deps);
    if (q === "overdue") out.overdue.push(d);
    else if (q === "due_soon") out.dueSoon.push(d);
    if (lateWithoutApology(d.state, at)) out.lateWithoutApology.push(d);
    if (lateWithLateApology(d.state, at)) out.lateApology.push(d);
  }
  const byDue = (a: T, b: T) => a.state.dueAt!.getTime() - b.state.dueAt!.getTime();
  out.overdue.sort(byDue);
  out.dueSoon.sort(byDue);
  return out;
}
