// The bridge between the live log and the interchange record (CONTRACTS §2):
// recordTimeline() is what export writes for a live dossier; logFromRecord() turns an imported line into
// a log that project() folds like any other (actor `system`, id `import`).
import type { LifecycleEvent } from "./events.ts";
import { type DossierState, INITIAL_STATE, evolve } from "./evolve.ts";
import type { DossierEvent, DossierRecord } from "./record.ts";
import type { Actor, DossierStatus } from "./status.ts";

export type RecordTimeline = Pick<DossierRecord, "channel" | "receivedAt" | "dueAt" | "events">;

/**
 * The interchange view of a live log, or undefined for a dossier that has no place in the format
 * (never received and not refused: still submitted, or withdrawn before receipt).
 * Intake-stage supplement requests and internal steps (assign, propose, approve, payment, rating) are left out.
 */
export function recordTimeline(log: readonly LifecycleEvent[]): RecordTimeline | undefined {
  let state: DossierState = INITIAL_STATE;
  const events: DossierEvent[] = [];
  for (const e of log) {
    const before = state;
    state = evolve(state, e);
    const reason = e.reason === undefined ? {} : { reason: e.reason };
    switch (e.type) {
      case "supplement_requested":
        if (e.payload.clockPaused)
          events.push({ type: e.type, at: e.at, reason: e.reason ?? e.payload.missing.join("; ") });
        break;
      case "supplement_received":
        if (e.payload.dueAt !== null && before.receivedAt !== null)
          events.push({ type: e.type, at: e.at, dueAt: e.payload.dueAt });
        break;
      case "extended":
        events.push({ type: e.type, at: e.at, dueAt: e.payload.dueAt, apology: e.payload.apology });
        break;
      case "transferred":
        events.push({ type: e.type, at: e.at, toUnit: e.payload.toUnit });
        break;
      case "returned":
        events.push({ type: e.type, at: e.at, via: e.payload.via });
        break;
      case "declined":
        events.push({ type: e.type, at: e.at, reason: e.payload.reason });
        break;
      case "resolved":
      case "withdrawn":
      case "stopped":
      case "refused":
        events.push({ type: e.type, at: e.at, ...reason });
        break;
      case "submitted":
      case "received":
      case "accepted":
      case "assigned":
      case "processing_started":
      case "result_proposed":
      case "result_approved":
      case "payment_requested":
      case "payment_recorded":
      case "rated":
        break;
      default: {
        const _: never = e;
        return _;
      }
    }
  }
  if (state.channel === null || (state.receivedAt === null && state.status !== "refused")) return undefined;
  return { channel: state.channel, receivedAt: state.receivedAt, dueAt: state.originalDueAt, events };
}

const IMPORTED = "nhập từ dữ liệu cũ";

/**
 * The log of an imported dossier. The record must carry its receipt appointment (`dueAt`): when the line
 * had none, the caller computes it from the procedure's limit first. Throws on a record without one.
 */
export function logFromRecord(record: DossierRecord): LifecycleEvent[] {
  const actor: Actor = { id: "import", role: "system", unit: record.unit.code };
  const log: LifecycleEvent[] = [];
  let state: DossierState = INITIAL_STATE;
  const push = (e: LifecycleEvent) => {
    log.push(e);
    state = evolve(state, e);
  };
  const base = (to: DossierStatus, reason?: string) => ({
    at: new Date(0),
    actor,
    fromState: state.status,
    toState: to,
    attachments: [],
    ...(reason === undefined ? {} : { reason }),
  });
  if (record.receivedAt !== null) {
    if (record.dueAt === null) throw new RangeError(`${record.code}: compute dueAt from the procedure's limit first`);
    const payload = { channel: record.channel, unit: record.unit.code, receiptNo: record.code, dueAt: record.dueAt };
    push({ ...base("received"), at: record.receivedAt, type: "received", payload });
  }
  for (const e of record.events) {
    const same = state.status as DossierStatus;
    switch (e.type) {
      case "supplement_requested":
        push({
          ...base("awaiting_supplement", e.reason),
          at: e.at,
          type: e.type,
          payload: { missing: [e.reason ?? IMPORTED], clockPaused: true },
        });
        break;
      case "supplement_received":
        push({ ...base(state.resumeTo ?? "received"), at: e.at, type: e.type, payload: { dueAt: e.dueAt ?? null } });
        break;
      case "extended":
        push({ ...base(same), at: e.at, type: e.type, payload: { dueAt: e.dueAt!, apology: e.apology === true } });
        break;
      case "transferred":
        push({ ...base("processing"), at: e.at, type: e.type, payload: { toUnit: e.toUnit! } });
        break;
      case "resolved":
        push({ ...base("resolved", e.reason), at: e.at, type: e.type, payload: { result: { record: IMPORTED } } });
        break;
      case "declined":
        push({
          ...base("declined", e.reason),
          at: e.at,
          type: e.type,
          payload: { reason: e.reason ?? IMPORTED, notice: { record: IMPORTED } },
        });
        break;
      case "returned":
        push({
          ...base("returned"),
          at: e.at,
          type: e.type,
          payload: { via: e.via ?? "direct", handover: { record: IMPORTED } },
        });
        break;
      case "withdrawn":
      case "stopped":
        push({ ...base(e.type, e.reason), at: e.at, type: e.type, payload: {} });
        break;
      case "refused":
        push({
          ...base("refused", e.reason),
          at: e.at,
          type: e.type,
          payload: { channel: record.channel, unit: record.unit.code },
        });
        break;
      default: {
        const _: never = e.type;
        return _;
      }
    }
  }
  return log;
}
