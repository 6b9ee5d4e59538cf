// The rules that tie a dossier's events together (CONTRACTS §2), checked after each field is well-formed.
import type { DossierRecord } from "../record.ts";
import { type InterchangeError, interchangeError } from "./errors.ts";

/** The first broken rule, or undefined. */
export function checkEvents(record: DossierRecord): InterchangeError | undefined {
  const { receivedAt, dueAt, events } = record;
  const refusedAt = events.findIndex((e) => e.type === "refused");
  if (receivedAt === null) {
    if (refusedAt < 0) return interchangeError("received-at-missing", "receivedAt");
    if (dueAt !== null) return interchangeError("due-without-receipt", "dueAt");
  } else {
    if (refusedAt >= 0) return interchangeError("refused-after-receipt", `events[${refusedAt}]`);
    if (dueAt !== null && dueAt.getTime() < receivedAt.getTime())
      return interchangeError("due-before-receipt", "dueAt");
  }
  const resolvedAt = events.findIndex((e) => e.type === "resolved");
  const declinedAt = events.findIndex((e) => e.type === "declined");
  if (resolvedAt >= 0 && declinedAt >= 0) {
    return interchangeError("declined-and-resolved", `events[${Math.max(resolvedAt, declinedAt)}].type`);
  }
  // after resolved or declined only one returned may follow; after any other end nothing
  let ended: "resolved" | "declined" | "final" | null = null;
  let supplementOpen = false;
  for (const [i, e] of events.entries()) {
    const path = `events[${i}]`;
    const previous = events[i - 1];
    if (previous !== undefined && e.at.getTime() < previous.at.getTime()) {
      return interchangeError("events-out-of-order", `${path}.at`);
    }
    if (ended === "final" || ((ended === "resolved" || ended === "declined") && e.type !== "returned")) {
      return interchangeError("event-after-end", `${path}.type`, e.type);
    }
    if (e.type !== "refused" && (receivedAt === null || e.at.getTime() < receivedAt.getTime())) {
      return interchangeError("event-before-receipt", `${path}.at`);
    }
    switch (e.type) {
      case "supplement_requested":
        if (supplementOpen) return interchangeError("supplement-already-requested", path);
        supplementOpen = true;
        break;
      case "supplement_received":
        if (!supplementOpen) return interchangeError("supplement-not-requested", path);
        supplementOpen = false;
        break;
      case "resolved":
        ended = "resolved";
        break;
      case "declined":
        ended = "declined";
        break;
      case "returned":
      case "withdrawn":
      case "stopped":
      case "refused":
        ended = "final";
        break;
      case "extended":
      case "transferred":
        break;
      default: {
        const _: never = e.type;
        return _;
      }
    }
  }
  return undefined;
}
