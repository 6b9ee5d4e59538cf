// Instants in the interchange format: ISO 8601 with an offset in, `+07:00` local time out.
import { formatLocal } from "../../calendar/local-time.ts";

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export type InstantProblem = "instant-without-offset" | "invalid-instant";

/** Parses an instant with an offset; rejects an offset-less instant and impossible dates (2020-02-30). */
export function readInstant(text: string): Date | InstantProblem {
  const m = ISO.exec(text);
  if (m === null) return "invalid-instant";
  const [, y, mo, d, h, mi, s, , offset] = m;
  if (offset === undefined) return "instant-without-offset";
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return "invalid-instant";
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return "invalid-instant";
  if (offset !== "Z" && Number(offset.slice(1, 3)) > 23) return "invalid-instant";
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? "invalid-instant" : at;
}

/** `YYYY-MM-DDTHH:mm:ss+07:00`, with milliseconds only when there are some (so nothing is lost). */
export function writeInstant(at: Date): string {
  const local = formatLocal(at);
  const ms = at.getTime() % 1000;
  if (ms === 0) return local;
  return `${local.slice(0, 19)}.${String((ms + 1000) % 1000).padStart(3, "0")}${local.slice(19)}`;
}
