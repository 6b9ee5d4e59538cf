// decide: a command, by an actor, at an instant → the events to append, or a typed refusal.
// Pure: deadline arithmetic is injected (deps), so the calendar is not imported here.
import { isEntryRefusal, unavailableReason } from "./available.ts";
import type { Action, CommandOf, DossierCommand } from "./commands.ts";
import { type DossierError, dossierError } from "./errors.ts";
import type { EventPayloads, Evidence, LifecycleEvent, LifecycleEventType } from "./events.ts";
import type { DossierState } from "./evolve.ts";
import { ACTION_TABLE } from "./table.ts";
import type { Actor, DossierStatus } from "./status.ts";

/** Deadline arithmetic, from src/calendar bound to the dossier's unit and procedure. */
export interface DossierDeps<L> {
  /** The appointment for a receipt at `receivedAt` with the procedure's time limit. */
  appointment(receivedAt: Date, limit: L): Date;
  /**
   * The deadline after a supplement: `dueAt` moved by the pause from `pausedAt` to `resumedAt`.
   * A procedure configured to restart the clock binds this to `appointment(resumedAt, limit)` instead.
   */
  resume(dueAt: Date, pausedAt: Date, resumedAt: Date): Date;
  /**
   * The procedure's internal process has a leader-approval step (phê duyệt): `resolve` then needs an approval
   * after the latest proposal. Absent or false: resolve as soon as the result exists.
   */
  approvalRequired?: boolean;
}

export type Decision = { events: LifecycleEvent[] } | { error: DossierError };

type Built = {
  [K in LifecycleEventType]: { type: K; payload: EventPayloads[K]; to?: DossierStatus };
}[LifecycleEventType];

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === "";
const hasEvidence = (e: Evidence | undefined): boolean =>
  e !== undefined && ((e.document !== undefined && !blank(e.document.id)) || !blank(e.record));

export function decide<L>(
  state: DossierState,
  command: DossierCommand<L>,
  actor: Actor,
  now: Date,
  deps: DossierDeps<L>,
): Decision {
  // what the state and the role allow (available.ts): phase and role first, then the command's time, then what
  // follows from the state alone (approval, one extension, one rating), then what the command carries (build)
  const blocked = unavailableReason(state, command.action, actor.role, deps.approvalRequired === true);
  if (blocked !== undefined && isEntryRefusal(blocked.code)) return { error: blocked };
  if (state.lastEventAt !== null && now.getTime() < state.lastEventAt.getTime()) {
    return fail("time-before-last-event", state);
  }
  if (blocked !== undefined) return { error: blocked };
  const built = build(state, command, actor, now, deps);
  if ("code" in built) return { error: built };
  const to = built.to ?? target(state, command.action);
  const event = {
    type: built.type,
    payload: built.payload,
    at: now,
    actor: { ...actor },
    fromState: state.status,
    toState: to,
    attachments: [...(command.attachments ?? [])],
    ...(blank(command.reason) ? {} : { reason: command.reason!.trim() }),
  } as LifecycleEvent;
  return { events: [event] };
}

function fail(code: DossierError["code"], state: DossierState): { error: DossierError } {
  return { error: dossierError(code, state.status) };
}

function target(state: DossierState, action: Action): DossierStatus {
  const to = ACTION_TABLE[action].to;
  if (to === "same") return state.status as DossierStatus;
  if (to === "resume") return state.resumeTo ?? "received";
  return to;
}

type Err = (code: DossierError["code"]) => DossierError;
type IntakeAction = "submit_online" | "receive" | "accept" | "refuse" | "request_supplement" | "receive_supplement";
type WorkAction = "assign" | "start_processing" | "transfer" | "propose_result" | "approve";
type PaymentAction = "request_payment" | "record_payment";
type ClosingAction = Exclude<Action, IntakeAction | WorkAction | PaymentAction>;

function build<L>(
  state: DossierState,
  command: DossierCommand<L>,
  actor: Actor,
  now: Date,
  deps: DossierDeps<L>,
): Built | DossierError {
  const err: Err = (code) => dossierError(code, state.status);
  switch (command.action) {
    case "submit_online":
    case "receive":
    case "accept":
    case "refuse":
    case "request_supplement":
    case "receive_supplement":
      return buildIntake(state, command, now, deps, err);
    case "assign":
    case "start_processing":
    case "transfer":
    case "propose_result":
    case "approve":
      return buildWork(state, command, actor, err);
    case "request_payment":
    case "record_payment":
      return buildPayment(state, command, err);
    default:
      return buildClosing(state, command, now, err);
  }
}

/** Submission, receipt, acceptance, refusal and the supplement round-trip (DOMAIN §3). */
function buildIntake<L>(
  state: DossierState,
  command: CommandOf<IntakeAction, L>,
  now: Date,
  deps: DossierDeps<L>,
  err: Err,
): Built | DossierError {
  switch (command.action) {
    case "submit_online":
      if (command.channel !== "online_partial" && command.channel !== "online_full") return err("invalid-channel");
      if ((command.missing ?? []).length > 0) {
        // online, a required component counts as handed in only with a file: the counter rule (Decree 61/2018
        // art. 15(2)(a)) applied to electronic dossiers (Decree 45/2020/NĐ-CP; docs/lifecycle.md)
        const missing = [...command.missing!];
        const message = `Hồ sơ nộp trực tuyến chưa có tệp đính kèm cho thành phần bắt buộc. Còn thiếu: ${missing.join("; ")}`;
        return { ...err("incomplete-dossier"), message, missing };
      }
      return { type: "submitted", payload: { channel: command.channel, unit: command.unit } };
    case "receive":
      if (command.channel !== "direct" && command.channel !== "postal") return err("invalid-channel");
      if (blank(command.receiptNo)) return err("receipt-required");
      if ((command.missing ?? []).length > 0) {
        const missing = [...command.missing!];
        const base = err("incomplete-dossier");
        return { ...base, message: `${base.message}. Còn thiếu: ${missing.join("; ")}`, missing };
      }
      return {
        type: "received",
        payload: {
          channel: command.channel,
          unit: command.unit,
          receiptNo: command.receiptNo,
          dueAt: deps.appointment(now, command.limit),
        },
      };
    case "accept":
      if (blank(command.receiptNo)) return err("receipt-required");
      return {
        type: "accepted",
        payload: { receiptNo: command.receiptNo, dueAt: deps.appointment(now, command.limit) },
      };
    case "refuse":
      if (blank(command.reason)) return err("reason-required");
      if (state.status !== "initial") return { type: "refused", payload: {} };
      if (command.channel === undefined) return err("invalid-channel");
      if (blank(command.unit)) return err("unit-required");
      return { type: "refused", payload: { channel: command.channel, unit: command.unit! } };
    case "request_supplement": {
      const missing = command.missing.map((m) => m.trim()).filter((m) => m !== "");
      if (missing.length === 0) return err("missing-list-required");
      // before receipt the applicant is asked once for everything missing (DOMAIN §3); after receipt a second
      // request is allowed but counts as late in the national index
      if (state.receivedAt === null && state.intakeSupplementCount >= 1) return err("supplement-already-requested");
      return { type: "supplement_requested", payload: { missing, clockPaused: state.receivedAt !== null } };
    }
    case "receive_supplement": {
      const { dueAt, pausedAt } = state;
      const moved =
        dueAt !== null && pausedAt !== null && state.pauseCounts ? deps.resume(dueAt, pausedAt, now) : dueAt;
      return { type: "supplement_received", payload: { dueAt: state.receivedAt === null ? null : moved } };
    }
    default: {
      const _: never = command;
      return _;
    }
  }
}

/** Assignment, processing, transfer between units, proposal and approval of the result. */
function buildWork<L>(
  state: DossierState,
  command: CommandOf<WorkAction, L>,
  actor: Actor,
  err: Err,
): Built | DossierError {
  switch (command.action) {
    case "assign":
      if (blank(command.assignee)) return err("assignee-required");
      return { type: "assigned", payload: { assignee: command.assignee } };
    case "start_processing":
      if (actor.role === "officer" && state.assignee !== null && state.assignee !== actor.id)
        return err("not-assignee");
      return { type: "processing_started", payload: {} };
    case "transfer":
      if (blank(command.toUnit)) return err("unit-required");
      if (command.toUnit === state.currentUnit) return err("same-unit");
      return {
        type: "transferred",
        payload: {
          toUnit: command.toUnit,
          link: command.link,
          ...(blank(command.toUser) ? {} : { toUser: command.toUser }),
        },
      };
    case "propose_result":
      if ((command.attachments ?? []).length === 0) return err("draft-required");
      return { type: "result_proposed", payload: {} };
    case "approve":
      return { type: "result_approved", payload: {} };
    default: {
      const _: never = command;
      return _;
    }
  }
}

function buildPayment<L>(state: DossierState, command: CommandOf<PaymentAction, L>, err: Err): Built | DossierError {
  if (command.action === "request_payment") {
    if (!validAmount(command.amount) || command.amount === 0) return err("invalid-amount");
    return { type: "payment_requested", payload: { amount: command.amount } };
  }
  if (!validAmount(command.amount) || command.amount < (state.paymentDue ?? 0)) return err("invalid-amount");
  return { type: "payment_recorded", payload: { amount: command.amount, paidOnline: command.paidOnline } };
}

/** The result, return, the ways a dossier ends early, the re-appointment and the rating. */
function buildClosing<L>(
  state: DossierState,
  command: CommandOf<ClosingAction, L>,
  now: Date,
  err: Err,
): Built | DossierError {
  switch (command.action) {
    case "resolve":
      return resolve(command, err);
    case "decline":
      // trả lại hồ sơ: the written notice must say why (Decree 61/2018 art. 19(2)(c)); the notice itself is optional
      if (blank(command.reason)) return err("reason-required");
      return {
        type: "declined",
        payload: { reason: command.reason!.trim(), ...(hasEvidence(command.notice) ? { notice: command.notice } : {}) },
      };
    case "return":
      if (!hasEvidence(command.handover)) return err("handover-required");
      return { type: "returned", payload: { via: command.via, handover: command.handover } };
    case "withdraw":
    case "stop":
      if (blank(command.reason)) return err("reason-required");
      return { type: command.action === "withdraw" ? "withdrawn" : "stopped", payload: {} };
    case "extend":
      return extend(state, command, now, err);
    case "rate":
      if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5) return err("invalid-rating");
      return {
        type: "rated",
        payload: { score: command.score, ...(blank(command.comment) ? {} : { comment: command.comment }) },
      };
    default: {
      const _: never = command;
      return _;
    }
  }
}

function extend(state: DossierState, command: CommandOf<"extend">, now: Date, err: Err): Built | DossierError {
  // At most one re-appointment: checked with the state (available.ts); imported history may carry more (flagged).
  if (blank(command.reason)) return err("reason-required");
  if (!hasEvidence(command.apology)) return err("apology-required");
  // the new appointment is after the deadline in force and still ahead. An extension on or after the due date is
  // recorded (the letter is owed all the same) and shown as a late apology (apology.ts), never as a timely one.
  if (state.dueAt === null || !(command.dueAt.getTime() > Math.max(state.dueAt.getTime(), now.getTime())))
    return err("due-not-later");
  return { type: "extended", payload: { dueAt: command.dueAt, apology: true, letter: command.apology } };
}

function resolve<L>(command: CommandOf<"resolve", L>, err: Err): Built | DossierError {
  if (!hasEvidence(command.result)) return err("result-required");
  const { eResult, resultDigitized } = command;
  // an electronic or a digitized result is a file: a recorded fact alone is neither
  const file = command.result.document !== undefined && !blank(command.result.document.id);
  if ((eResult === true || resultDigitized === true) && !file) return err("result-file-required");
  return {
    type: "resolved",
    payload: {
      result: command.result,
      ...(typeof eResult === "boolean" ? { eResult } : {}),
      ...(typeof resultDigitized === "boolean" ? { resultDigitized } : {}),
    },
  };
}

function validAmount(amount: number): boolean {
  return Number.isFinite(amount) && amount >= 0;
}
