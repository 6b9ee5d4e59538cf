// The current state is a fold of the log: evolve() applies one event, project() folds them all.
// evolve trusts its events (decide.ts made them); it never refuses one.
import { apologyTimely } from "./apology.ts";
import type { LifecycleEvent } from "./events.ts";
import type { Channel, ReturnVia } from "./record.ts";
import type { DossierStatus, Phase } from "./status.ts";

export interface DossierState {
  status: Phase;
  /** Number of events folded: the expected version for optimistic concurrency. */
  version: number;
  channel: Channel | null;
  /** The receiving unit (đơn vị tiếp nhận); it keeps the dossier for its whole life. */
  unit: string | null;
  /** Where the dossier is now (after transfers, liên thông). */
  currentUnit: string | null;
  assignee: string | null;
  receiptNo: string | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  /** The appointment on the receipt slip, never overwritten. */
  originalDueAt: Date | null;
  /** The deadline in force: the receipt appointment, moved only by supplement resumptions (CONTRACTS §2). */
  dueAt: Date | null;
  /** The new appointment promised with an extension; it never replaces the deadline in force. */
  extendedDueAt: Date | null;
  /** Awaiting a supplement with the clock stopped. */
  paused: boolean;
  pausedAt: Date | null;
  /** Whether the pause stops the clock: the request was made at or before the deadline in force. */
  pauseCounts: boolean;
  /** Where a supplement or payment wait goes back to. */
  resumeTo: DossierStatus | null;
  supplementCount: number;
  /** Supplement requests made before receipt (an online submission is asked once for everything missing). */
  intakeSupplementCount: number;
  extensionCount: number;
  /** An apology letter exists. */
  apology: boolean;
  /**
   * The first timely apology (projected to `apology_at`; the SQL queues read "no apology at or before the
   * deadline missed" from it, and a late apology leaves it null so it never counts as one).
   */
  apologyAt: Date | null;
  /** The first apology recorded too late (on or after the due date). */
  lateApologyAt: Date | null;
  /**
   * Some apology was timely: dated at least one calendar day (local dates) before the deadline in force when it
   * was issued (Decree 61/2018 art. 19(2)(d); apology.ts).
   */
  apologyInTime: boolean;
  /** Some apology was recorded too late (on or after the due date): shown apart, never counted as an apology. */
  lateApology: boolean;
  proposed: boolean;
  approved: boolean;
  paymentDue: number | null;
  paid: number;
  resolvedAt: Date | null;
  /** When it was returned as not qualifying (trả lại hồ sơ, `declined`): an end, timed like `resolvedAt`. */
  declinedAt: Date | null;
  /** When the dossier ended: resolved, declined (or returned without either), withdrawn, stopped, refused. */
  endedAt: Date | null;
  returnedAt: Date | null;
  returnedVia: ReturnVia | null;
  rating: number | null;
  lastEventAt: Date | null;
}

export const INITIAL_STATE: DossierState = Object.freeze({
  status: "initial",
  version: 0,
  channel: null,
  unit: null,
  currentUnit: null,
  assignee: null,
  receiptNo: null,
  submittedAt: null,
  receivedAt: null,
  originalDueAt: null,
  dueAt: null,
  extendedDueAt: null,
  paused: false,
  pausedAt: null,
  pauseCounts: false,
  resumeTo: null,
  supplementCount: 0,
  intakeSupplementCount: 0,
  extensionCount: 0,
  apology: false,
  apologyAt: null,
  lateApologyAt: null,
  apologyInTime: false,
  lateApology: false,
  proposed: false,
  approved: false,
  paymentDue: null,
  paid: 0,
  resolvedAt: null,
  declinedAt: null,
  endedAt: null,
  returnedAt: null,
  returnedVia: null,
  rating: null,
  lastEventAt: null,
}) as DossierState;

type IntakeEvent = "submitted" | "received" | "accepted" | "refused" | "supplement_requested" | "supplement_received";
type EventOf<K extends LifecycleEvent["type"]> = Extract<LifecycleEvent, { type: K }>;
const INTAKE_EVENTS: ReadonlySet<string> = new Set<IntakeEvent>([
  "submitted",
  "received",
  "accepted",
  "refused",
  "supplement_requested",
  "supplement_received",
]);
const isIntake = (event: LifecycleEvent): event is EventOf<IntakeEvent> => INTAKE_EVENTS.has(event.type);

export function evolve(state: DossierState, event: LifecycleEvent): DossierState {
  const base = { ...state, status: event.toState, version: state.version + 1, lastEventAt: event.at };
  return isIntake(event) ? evolveIntake(state, base, event) : evolveLater(state, base, event);
}

/** Submission, receipt and the supplement round-trip: where the dossier is and when its clock runs. */
function evolveIntake(state: DossierState, base: DossierState, event: EventOf<IntakeEvent>): DossierState {
  switch (event.type) {
    case "submitted":
      return {
        ...base,
        channel: event.payload.channel,
        unit: event.payload.unit,
        currentUnit: event.payload.unit,
        submittedAt: event.at,
      };
    case "received":
      return {
        ...base,
        channel: event.payload.channel,
        unit: event.payload.unit,
        currentUnit: event.payload.unit,
        receiptNo: event.payload.receiptNo,
        receivedAt: event.at,
        originalDueAt: event.payload.dueAt,
        dueAt: event.payload.dueAt,
      };
    case "accepted":
      return {
        ...base,
        receiptNo: event.payload.receiptNo,
        receivedAt: event.at,
        originalDueAt: event.payload.dueAt,
        dueAt: event.payload.dueAt,
      };
    case "refused": {
      const { channel, unit } = event.payload;
      const where = unit === undefined ? {} : { unit, currentUnit: unit };
      return { ...base, ...where, channel: channel ?? state.channel, endedAt: event.at };
    }
    case "supplement_requested": {
      const running = event.payload.clockPaused;
      return {
        ...base,
        resumeTo:
          event.fromState === "initial" || event.fromState === "awaiting_supplement" ? state.resumeTo : event.fromState,
        paused: running,
        pausedAt: running ? event.at : null,
        pauseCounts: running && state.dueAt !== null && event.at.getTime() <= state.dueAt.getTime(),
        supplementCount: state.supplementCount + (state.receivedAt === null ? 0 : 1),
        intakeSupplementCount: state.intakeSupplementCount + (state.receivedAt === null ? 1 : 0),
      };
    }
    case "supplement_received":
      return {
        ...base,
        dueAt: event.payload.dueAt ?? state.dueAt,
        paused: false,
        pausedAt: null,
        pauseCounts: false,
        resumeTo: null,
      };
    default: {
      const _: never = event;
      return _;
    }
  }
}

/** Everything after intake: work on the dossier, payment, the result and the end of the file. */
function evolveLater(
  state: DossierState,
  base: DossierState,
  event: EventOf<Exclude<LifecycleEvent["type"], IntakeEvent>>,
): DossierState {
  switch (event.type) {
    case "assigned":
      return { ...base, assignee: event.payload.assignee };
    case "processing_started":
      return { ...base, assignee: state.assignee ?? event.actor.id };
    case "transferred":
      return {
        ...base,
        currentUnit: event.payload.toUnit,
        assignee: event.payload.toUser ?? null,
        proposed: false,
        approved: false,
      };
    case "result_proposed":
      return { ...base, proposed: true, approved: false };
    case "result_approved":
      return { ...base, approved: true };
    case "payment_requested":
      return { ...base, resumeTo: event.fromState as DossierStatus, paymentDue: event.payload.amount };
    case "payment_recorded":
      return { ...base, resumeTo: null, paymentDue: null, paid: state.paid + event.payload.amount };
    case "resolved":
      return { ...base, resolvedAt: event.at, endedAt: event.at };
    case "declined":
      return { ...base, declinedAt: event.at, endedAt: event.at };
    case "returned":
      return { ...base, returnedAt: event.at, returnedVia: event.payload.via, endedAt: state.endedAt ?? event.at };
    case "withdrawn":
    case "stopped":
      return { ...base, endedAt: event.at, paused: false, pausedAt: null, pauseCounts: false };
    case "extended": {
      const inTime = event.payload.apology && apologyTimely(event.at, state.dueAt);
      return {
        ...base,
        extendedDueAt: event.payload.dueAt,
        extensionCount: state.extensionCount + 1,
        apology: state.apology || event.payload.apology,
        apologyAt: state.apologyAt ?? (inTime ? event.at : null),
        lateApologyAt: state.lateApologyAt ?? (event.payload.apology && !inTime ? event.at : null),
        apologyInTime: state.apologyInTime || inTime,
        lateApology: state.lateApology || (event.payload.apology && !inTime),
      };
    }
    case "rated":
      return { ...base, rating: event.payload.score };
    default: {
      const _: never = event;
      return _;
    }
  }
}

export function project(events: readonly LifecycleEvent[], from: DossierState = INITIAL_STATE): DossierState {
  return events.reduce(evolve, from);
}
