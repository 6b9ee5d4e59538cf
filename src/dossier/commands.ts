// What an actor asks for. decide() turns a command into events or refuses it (decide.ts).
import type { Evidence, TransferLink } from "./events.ts";
import type { Channel, ReturnVia } from "./record.ts";
import type { Attachment } from "./status.ts";

/** A command that carries only the common fields. */
type NoFields = unknown;

/** Fields of each command besides the common ones. `L` is the calendar's time-limit type, opaque here. */
export interface CommandFields<L> {
  /** `missing`: the required components without an uploaded file (src/dossier/completeness.ts); refused when any. */
  submit_online: { channel: "online_partial" | "online_full"; unit: string; missing?: readonly string[] };
  /**
   * Counter (direct) or postal intake; the appointment is computed from `limit`, never typed in. `missing`: the
   * required components not handed in (completeness.ts, from the procedure's list); non-empty refuses the receipt.
   */
  receive: { channel: Channel; unit: string; receiptNo: string; limit: L; missing?: readonly string[] };
  accept: { receiptNo: string; limit: L };
  /** `channel` and `unit` are required when refusing at the counter a dossier not yet registered. */
  refuse: { channel?: Channel; unit?: string };
  request_supplement: { missing: string[] };
  receive_supplement: NoFields;
  assign: { assignee: string };
  start_processing: NoFields;
  transfer: { toUnit: string; toUser?: string; link: TransferLink };
  propose_result: NoFields;
  approve: NoFields;
  request_payment: { amount: number };
  record_payment: { amount: number; paidOnline: boolean };
  /**
   * `eResult`: the result is issued as an electronic document (kết quả điện tử); `resultDigitized`: the paper
   * result was scanned into the system (số hóa kết quả). Either, when true, needs the result file itself.
   */
  resolve: { result: Evidence; eResult?: boolean; resultDigitized?: boolean };
  /** Trả lại hồ sơ (không đủ điều kiện giải quyết): the reason (required) and the written notice, if attached. */
  decline: { notice?: Evidence };
  return: { via: ReturnVia; handover: Evidence };
  withdraw: NoFields;
  stop: NoFields;
  /** The new appointment and the apology letter (form 04) that announces it. */
  extend: { dueAt: Date; apology: Evidence };
  rate: { score: number; comment?: string };
}

export type Action = keyof CommandFields<unknown>;

interface CommandBase {
  reason?: string;
  attachments?: Attachment[];
}

export type DossierCommand<L = unknown> = {
  [K in Action]: CommandBase & { action: K } & CommandFields<L>[K];
}[Action];

export type CommandOf<K extends Action, L = unknown> = Extract<DossierCommand<L>, { action: K }>;
