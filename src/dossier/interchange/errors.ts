// Why a line of the interchange file is rejected (CONTRACTS §2): a stable code, a message, the field.

export type InterchangeErrorCode =
  | "invalid-json"
  | "not-an-object"
  | "missing-field"
  | "invalid-field"
  | "instant-without-offset"
  | "invalid-instant"
  | "invalid-channel"
  | "invalid-level"
  | "invalid-id-number"
  | "invalid-via"
  | "unknown-event-type"
  | "received-at-missing"
  | "refused-after-receipt"
  | "due-without-receipt"
  | "due-before-receipt"
  | "due-required"
  | "apology-required"
  | "to-unit-required"
  | "via-required"
  | "reason-required"
  | "events-out-of-order"
  | "event-before-receipt"
  | "event-after-end"
  | "supplement-not-requested"
  | "supplement-already-requested";

export const INTERCHANGE_MESSAGES: Readonly<Record<InterchangeErrorCode, string>> = {
  "invalid-json": "the line is not valid JSON",
  "not-an-object": "the line is not a JSON object",
  "missing-field": "a required field is missing",
  "invalid-field": "a field has the wrong type or is empty",
  "instant-without-offset": "an instant has no UTC offset (write e.g. 2020-07-06T08:15:00+07:00)",
  "invalid-instant": "not an ISO 8601 instant",
  "invalid-channel": "channel must be direct, postal, online_partial or online_full",
  "invalid-level": "procedure.level must be province, district or commune",
  "invalid-id-number": "applicant.idNumber must be a string of 12 digits (citizen ID) or 9 digits (old ID card)",
  "invalid-via": "via must be direct, postal or online",
  "unknown-event-type": "unknown event type",
  "received-at-missing":
    "receivedAt is missing but the dossier has no refused event (only a dossier refused at intake has no receivedAt)",
  "refused-after-receipt":
    "a received dossier cannot be refused: after receipt it ends by resolved, withdrawn or stopped",
  "due-without-receipt": "a dossier refused at intake has no appointment (dueAt)",
  "due-before-receipt": "the appointment (dueAt) is before receivedAt",
  "due-required": "this event requires dueAt (the new appointment)",
  "apology-required": "an extended event requires apology: true or false",
  "to-unit-required": "a transferred event requires toUnit",
  "via-required": "a returned event requires via",
  "reason-required": "a refused event requires its written reason",
  "events-out-of-order": "events are not in time order",
  "event-before-receipt": "an event is before receivedAt",
  "event-after-end": "an event follows the end of the dossier (only returned may follow resolved)",
  "supplement-not-requested": "supplement_received without an open supplement_requested before it",
  "supplement-already-requested":
    "supplement_requested while a previous request is still open (list everything missing once)",
};

export interface InterchangeError {
  code: InterchangeErrorCode;
  message: string;
  /** The field at fault, e.g. `events[2].dueAt`. */
  path?: string;
}

export function interchangeError(code: InterchangeErrorCode, path?: string, detail?: string): InterchangeError {
  const where = path === undefined ? "" : `${path}: `;
  const more = detail === undefined ? "" : ` (${detail})`;
  return { code, message: `${where}${INTERCHANGE_MESSAGES[code]}${more}`, ...(path === undefined ? {} : { path }) };
}
