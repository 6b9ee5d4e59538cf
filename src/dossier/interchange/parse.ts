// parseDossierLine: one JSON line of the interchange format → a DossierRecord, or the first rule it breaks.
import {
  CHANNELS,
  type Channel,
  type CompetentLevel,
  type DossierEvent,
  type DossierEventType,
  type DossierRecord,
  type ReturnVia,
} from "../record.ts";
import { type InterchangeError, type InterchangeErrorCode, interchangeError } from "./errors.ts";
import { readInstant } from "./instant.ts";
import { checkEvents } from "./rules.ts";

export type ParseResult = { ok: DossierRecord } | { error: InterchangeError };

export const EVENT_TYPES: readonly DossierEventType[] = [
  "supplement_requested",
  "supplement_received",
  "extended",
  "transferred",
  "resolved",
  "declined",
  "returned",
  "withdrawn",
  "stopped",
  "refused",
];
const LEVELS: readonly CompetentLevel[] = ["province", "district", "commune"];
const VIAS: readonly ReturnVia[] = ["direct", "postal", "online"];

class Rejected {
  constructor(readonly error: InterchangeError) {}
}
const reject = (code: InterchangeErrorCode, path?: string, detail?: string): never => {
  throw new Rejected(interchangeError(code, path, detail));
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseDossierLine(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: interchangeError("invalid-json", undefined, (e as Error).message) };
  }
  try {
    return { ok: readDossier(value) };
  } catch (e) {
    if (e instanceof Rejected) return { error: e.error };
    throw e;
  }
}

function readDossier(value: unknown): DossierRecord {
  if (!isObject(value)) return reject("not-an-object");
  const unit = object(value, "unit", true)!;
  const procedure = object(value, "procedure", true)!;
  const channel = value["channel"];
  if (channel === undefined) reject("missing-field", "channel");
  if (!CHANNELS.includes(channel as Channel)) reject("invalid-channel", "channel", JSON.stringify(channel));
  const level = procedure["level"];
  if (level !== undefined && !LEVELS.includes(level as CompetentLevel)) {
    reject("invalid-level", "procedure.level", JSON.stringify(level));
  }
  const applicant = object(value, "applicant", false);
  const fee = object(value, "fee", false);
  const rawEvents = value["events"] ?? [];
  if (!Array.isArray(rawEvents)) return reject("invalid-field", "events", "một mảng");
  const record: DossierRecord = {
    code: text(value, "code", "code", true)!,
    unit: prune({
      code: text(unit, "code", "unit.code", true)!,
      name: text(unit, "name", "unit.name", false),
      parent: unit["parent"] === null ? null : text(unit, "parent", "unit.parent", false),
    }),
    procedure: prune({
      code: text(procedure, "code", "procedure.code", true)!,
      name: text(procedure, "name", "procedure.name", false),
      field: text(procedure, "field", "procedure.field", false),
      level: level as CompetentLevel | undefined,
      limit: text(procedure, "limit", "procedure.limit", false),
    }),
    channel: channel as Channel,
    receivedAt: instant(value, "receivedAt", "receivedAt") ?? null,
    dueAt: instant(value, "dueAt", "dueAt") ?? null,
    events: rawEvents.map(readEvent),
  };
  if (applicant !== undefined) record.applicant = readApplicant(applicant);
  const digitized = flag(value, "digitized", "digitized");
  if (digitized !== undefined) record.digitized = digitized;
  const eResult = flag(value, "eResult", "eResult");
  if (eResult !== undefined) record.eResult = eResult;
  if (fee !== undefined) {
    const amount = fee["amount"];
    if (amount === undefined) reject("missing-field", "fee.amount");
    if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
      reject("invalid-field", "fee.amount", "một số không âm");
    }
    const paidOnline = flag(fee, "paidOnline", "fee.paidOnline");
    record.fee = { amount: amount as number, ...(paidOnline === undefined ? {} : { paidOnline }) };
  }
  const problem = checkEvents(record);
  if (problem !== undefined) throw new Rejected(problem);
  return record;
}

function readApplicant(a: Json): NonNullable<DossierRecord["applicant"]> {
  const idNumber = a["idNumber"];
  if (
    idNumber !== undefined &&
    idNumber !== null &&
    (typeof idNumber !== "string" || !/^(\d{12}|\d{9})$/.test(idNumber))
  ) {
    reject("invalid-id-number", "applicant.idNumber", JSON.stringify(idNumber));
  }
  return prune({
    name: text(a, "name", "applicant.name", false),
    idNumber: idNumber === null ? undefined : (idNumber as string | undefined),
    phone: text(a, "phone", "applicant.phone", false),
    address: text(a, "address", "applicant.address", false),
  });
}

function readEvent(raw: unknown, i: number): DossierEvent {
  const path = `events[${i}]`;
  if (!isObject(raw)) return reject("invalid-field", path, "một đối tượng");
  const type = raw["type"];
  if (type === undefined) reject("missing-field", `${path}.type`);
  if (!EVENT_TYPES.includes(type as DossierEventType))
    reject("unknown-event-type", `${path}.type`, JSON.stringify(type));
  const at = instant(raw, "at", `${path}.at`);
  if (at === undefined) return reject("missing-field", `${path}.at`);
  const event: DossierEvent = { type: type as DossierEventType, at };
  const dueAt = instant(raw, "dueAt", `${path}.dueAt`);
  const apology = flag(raw, "apology", `${path}.apology`);
  const toUnit = text(raw, "toUnit", `${path}.toUnit`, false);
  const via = raw["via"];
  const reason = text(raw, "reason", `${path}.reason`, false);
  switch (event.type) {
    case "supplement_received":
      if (dueAt === undefined) reject("due-required", `${path}.dueAt`);
      break;
    case "extended":
      if (dueAt === undefined) reject("due-required", `${path}.dueAt`);
      if (apology === undefined) reject("apology-required", `${path}.apology`);
      break;
    case "transferred":
      if (toUnit === undefined) reject("to-unit-required", `${path}.toUnit`);
      break;
    case "returned":
      if (via === undefined || via === null) reject("via-required", `${path}.via`);
      if (!VIAS.includes(via as ReturnVia)) reject("invalid-via", `${path}.via`, JSON.stringify(via));
      break;
    case "refused":
    case "declined":
      if (reason === undefined) reject("reason-required", `${path}.reason`);
      break;
    case "supplement_requested":
    case "resolved":
    case "withdrawn":
    case "stopped":
      break;
    default: {
      const _: never = event.type;
      return _;
    }
  }
  // Only the fields each type carries are kept, so that re-import compares like with like.
  if (dueAt !== undefined && (event.type === "supplement_received" || event.type === "extended")) event.dueAt = dueAt;
  if (apology !== undefined && event.type === "extended") event.apology = apology;
  if (toUnit !== undefined && event.type === "transferred") event.toUnit = toUnit;
  if (event.type === "returned") event.via = via as ReturnVia;
  if (reason !== undefined) event.reason = reason;
  return event;
}

function object(v: Json, key: string, required: boolean): Json | undefined {
  const o = v[key];
  if (o === undefined || o === null) return required ? reject("missing-field", key) : undefined;
  return isObject(o) ? o : reject("invalid-field", key, "một đối tượng");
}

/** A non-empty string, or undefined when absent (null counts as absent for optional fields). */
function text(v: Json, key: string, path: string, required: boolean): string | undefined {
  const s = v[key];
  if (s === undefined || s === null) return required ? reject("missing-field", path) : undefined;
  if (typeof s !== "string" || s.trim() === "") return reject("invalid-field", path, "một chuỗi không rỗng");
  return s;
}

function flag(v: Json, key: string, path: string): boolean | undefined {
  const b = v[key];
  if (b === undefined || b === null) return undefined;
  return typeof b === "boolean" ? b : reject("invalid-field", path, "true hoặc false");
}

function instant(v: Json, key: string, path: string): Date | undefined {
  const s = v[key];
  if (s === undefined || s === null) return undefined;
  if (typeof s !== "string") return reject("invalid-instant", path, JSON.stringify(s));
  const at = readInstant(s);
  return typeof at === "string" ? reject(at, path, JSON.stringify(s)) : at;
}

function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
