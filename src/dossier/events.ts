// The append-only log: one event per accepted command. The current state is a fold of it (evolve.ts).
import type { Channel, ReturnVia } from "./record.ts";
import type { Actor, Attachment, DossierStatus, Phase } from "./status.ts";

/** Proof that a result exists or was handed over: the document itself, or a written record of it. */
export interface Evidence {
  /** The result document (quyết định, giấy chứng nhận, bản sao đã chứng thực…). */
  document?: Attachment;
  /** A recorded fact instead of a file: "ký nhận sổ theo dõi số 12", a postal tracking number, an e-result id. */
  record?: string;
}

/** Liên thông: to a unit of the same level, or up/down a level. */
export type TransferLink = "same_level" | "across_levels";

/** What each event type carries besides the common fields. */
export interface EventPayloads {
  /** Online submission (nộp trực tuyến), state 1. */
  submitted: { channel: Channel; unit: string };
  /** Counter or postal intake, with the receipt slip (phiếu tiếp nhận và hẹn trả kết quả, form 01). */
  received: { channel: Channel; unit: string; receiptNo: string; dueAt: Date };
  /** An online submission accepted as complete, with its receipt slip. */
  accepted: { receiptNo: string; dueAt: Date };
  /** Refused at the counter (from `initial`) names the channel and unit; an online submission has them. */
  refused: { channel?: Channel; unit?: string };
  /** Form 02: everything missing, listed once. `clockPaused` is false before receipt (no clock yet). */
  supplement_requested: { missing: string[]; clockPaused: boolean };
  /** The new appointment; null when the request was made before receipt. */
  supplement_received: { dueAt: Date | null };
  assigned: { assignee: string };
  processing_started: Record<string, never>;
  /** `link` is unknown for imported history. */
  transferred: { toUnit: string; toUser?: string; link?: TransferLink };
  result_proposed: Record<string, never>;
  result_approved: Record<string, never>;
  payment_requested: { amount: number };
  payment_recorded: { amount: number; paidOnline: boolean };
  /** The result, and (when recorded) whether it is electronic and whether it was digitized (quality index). */
  resolved: { result: Evidence; eResult?: boolean; resultDigitized?: boolean };
  /**
   * Trả lại hồ sơ: after appraisal the dossier does not qualify; the written notice states why (Decree
   * 61/2018/NĐ-CP art. 19(1)(b) as amended; Decree 118/2025/NĐ-CP). `reason` is the notice's reason (also the
   * event's common `reason`); `notice` the notice itself or its record when one was attached.
   */
  declined: { reason: string; notice?: Evidence };
  returned: { via: ReturnVia; handover: Evidence };
  withdrawn: Record<string, never>;
  stopped: Record<string, never>;
  /** Gia hạn: the new appointment promised with the apology letter (form 04). Never replaces the deadline. */
  extended: { dueAt: Date; apology: boolean; letter?: Evidence };
  rated: { score: number; comment?: string };
}

export type LifecycleEventType = keyof EventPayloads;

export const LIFECYCLE_EVENT_TYPES: readonly LifecycleEventType[] = [
  "submitted",
  "received",
  "accepted",
  "refused",
  "supplement_requested",
  "supplement_received",
  "assigned",
  "processing_started",
  "transferred",
  "result_proposed",
  "result_approved",
  "payment_requested",
  "payment_recorded",
  "resolved",
  "declined",
  "returned",
  "withdrawn",
  "stopped",
  "extended",
  "rated",
];

interface EventBase {
  at: Date;
  actor: Actor;
  fromState: Phase;
  toState: DossierStatus;
  reason?: string;
  attachments: Attachment[];
}

export type LifecycleEvent = {
  [K in LifecycleEventType]: EventBase & { type: K; payload: EventPayloads[K] };
}[LifecycleEventType];

export type EventOf<K extends LifecycleEventType> = Extract<LifecycleEvent, { type: K }>;
