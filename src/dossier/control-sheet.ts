// Phiếu kiểm soát quá trình giải quyết hồ sơ (form 06): a pure view of the log. Each hand-off says who handed
// the dossier to whom and when, who received it and when; each step (the time one holder keeps it) is judged
// early / on time / late against its own deadline.
import { localDate } from "../calendar/local-time.ts";
import type { LifecycleEvent, LifecycleEventType } from "./events.ts";
import { type DossierState, INITIAL_STATE, evolve } from "./evolve.ts";
import type { Role } from "./status.ts";

export type StepOutcome = "early" | "on_time" | "late";

/** Who holds the dossier: the applicant, or a unit (with a person or a role when known). */
export type Party = { kind: "applicant" } | { kind: "staff"; unit: string; user: string | null; role: Role | null };

export interface ControlSheetRow {
  /** The index of the step this hand-off starts; null for the return to the applicant. */
  step: number | null;
  type: LifecycleEventType;
  at: Date;
  from: Party;
  to: Party;
  /** Người nhận: the first person at the receiving end who acted on the dossier after the hand-off. */
  receivedBy: string | null;
  receivedAt: Date | null;
  /** When the step ended (the next hand-off), null while it runs. */
  stepEnd: Date | null;
  /** The step deadline, moved by the supplement pauses inside the step. */
  stepDeadline: Date | null;
  outcome: StepOutcome | null;
  /** Supplement pauses (clock stopped) during the step. */
  pauses: { from: Date; to: Date | null }[];
}

export interface ControlSheet {
  rows: ControlSheetRow[];
  /** The dossier's own result: resolution against the deadline in force at that moment. */
  outcome: StepOutcome | null;
}

/** Step deadlines: given per step, or computed from the step's start (e.g. a share of the time limit). */
export interface StepPlan {
  deadline(step: number, start: Date): Date | null;
  /** The calendar's resume: a step deadline moved by a pause. */
  resume(dueAt: Date, pausedAt: Date, resumedAt: Date): Date;
}

/** A plan from the steps' deadlines, in order. */
export function planFromDeadlines(deadlines: readonly Date[], resume: StepPlan["resume"]): StepPlan {
  return { deadline: (step) => deadlines[step] ?? null, resume };
}

/** A plan from each step's share of the time limit, turned into a deadline by `stepDue(start, share)`. */
export function planFromShares(
  shares: readonly number[],
  stepDue: (start: Date, share: number) => Date,
  resume: StepPlan["resume"],
): StepPlan {
  return {
    deadline: (step, start) => {
      const share = shares[step];
      return share === undefined ? null : stepDue(start, share);
    },
    resume,
  };
}

/** Early: an earlier local date than the deadline; on time: not after it; late: after it (DOMAIN §4). */
export function classify(finishedAt: Date, deadline: Date): StepOutcome {
  if (finishedAt.getTime() > deadline.getTime()) return "late";
  return localDate(finishedAt) < localDate(deadline) ? "early" : "on_time";
}

function handoff(before: DossierState, e: LifecycleEvent): Party | undefined {
  const unit = before.currentUnit ?? e.actor.unit;
  switch (e.type) {
    case "received":
      return { kind: "staff", unit: e.payload.unit, user: e.actor.id, role: e.actor.role };
    case "accepted":
      return { kind: "staff", unit: before.unit ?? e.actor.unit, user: e.actor.id, role: e.actor.role };
    case "assigned":
      return { kind: "staff", unit, user: e.payload.assignee, role: null };
    case "transferred":
      return { kind: "staff", unit: e.payload.toUnit, user: e.payload.toUser ?? null, role: null };
    case "result_proposed":
      return { kind: "staff", unit, user: null, role: "leader" };
    case "result_approved":
      return { kind: "staff", unit, user: null, role: null };
    case "resolved":
    case "declined":
      return { kind: "staff", unit: before.unit ?? unit, user: null, role: "front_desk" };
    case "returned":
      return { kind: "applicant" };
    default:
      return undefined;
  }
}

function receives(to: Party, e: LifecycleEvent): boolean {
  if (to.kind === "applicant") return false;
  if (to.user !== null) return e.actor.id === to.user;
  if (e.actor.unit !== to.unit) return false;
  return to.role === null || e.actor.role === to.role;
}

export function controlSheet(log: readonly LifecycleEvent[], plan?: StepPlan): ControlSheet {
  const rows: ControlSheetRow[] = [];
  let state = INITIAL_STATE;
  let holder: Party = { kind: "applicant" };
  let outcome: StepOutcome | null = null;
  let step = 0;
  for (const e of log) {
    const before = state;
    state = evolve(state, e);
    const open = rows.at(-1);
    if (open !== undefined && open.receivedBy === null && open.to.kind === "staff" && receives(open.to, e)) {
      open.receivedBy = e.actor.id;
      open.receivedAt = e.at;
    }
    if (open !== undefined && e.type === "supplement_requested" && e.payload.clockPaused && state.pauseCounts) {
      open.pauses.push({ from: e.at, to: null });
    }
    if (open !== undefined && e.type === "supplement_received") {
      const pause = open.pauses.at(-1);
      if (pause !== undefined && pause.to === null) pause.to = e.at;
    }
    if ((e.type === "resolved" || e.type === "declined") && before.dueAt !== null)
      outcome = classify(e.at, before.dueAt);
    const to = handoff(before, e);
    if (to === undefined) continue;
    if (open !== undefined) close(open, e.at, plan);
    const direct = e.type === "received" || e.type === "accepted";
    rows.push({
      step: to.kind === "applicant" ? null : step++,
      type: e.type,
      at: e.at,
      from: holder,
      to,
      receivedBy: direct ? e.actor.id : null,
      receivedAt: direct ? e.at : null,
      stepEnd: null,
      stepDeadline: null,
      outcome: null,
      pauses: [],
    });
    holder = to;
  }
  const last = rows.at(-1);
  if (last !== undefined && last.step !== null && plan !== undefined) last.stepDeadline = deadline(last, plan);
  return { rows, outcome };
}

function deadline(row: ControlSheetRow, plan: StepPlan): Date | null {
  let due = plan.deadline(row.step!, row.at);
  if (due === null) return null;
  for (const p of row.pauses) if (p.to !== null) due = plan.resume(due, p.from, p.to);
  return due;
}

function close(row: ControlSheetRow, end: Date, plan: StepPlan | undefined): void {
  if (row.step === null) return;
  row.stepEnd = end;
  if (plan === undefined) return;
  row.stepDeadline = deadline(row, plan);
  if (row.stepDeadline !== null) row.outcome = classify(end, row.stepDeadline);
}
