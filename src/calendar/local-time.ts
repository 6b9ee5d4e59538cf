// Local time in Vietnam. Since 1975 Vietnam keeps UTC+07:00 all year (no daylight saving), so local
// calendar arithmetic is a fixed shift: fast and identical to SQL's AT TIME ZONE 'Asia/Ho_Chi_Minh'
// for every instant motcua stores.
export const VN_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** Local date `YYYY-MM-DD` of an instant. */
export function localDate(at: Date | number): string {
  return new Date(+at + OFFSET_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of the local date of an instant. */
export function localDayNumber(at: Date | number): number {
  return Math.floor((+at + OFFSET_MS) / DAY_MS);
}

/** Local day of week, 0 = Sunday … 6 = Saturday. */
export function localWeekday(at: Date | number): number {
  return new Date(+at + OFFSET_MS).getUTCDay();
}

/** Minutes since local midnight. */
export function localMinuteOfDay(at: Date | number): number {
  const ms = (+at + OFFSET_MS) % DAY_MS;
  return Math.floor((ms < 0 ? ms + DAY_MS : ms) / 60_000);
}

/** The instant of local midnight starting `YYYY-MM-DD`. */
export function startOfLocalDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** The instant at local `date` + `minutes` after midnight. */
export function localInstant(date: string, minutes = 0): Date {
  return new Date(startOfLocalDate(date).getTime() + minutes * 60_000);
}

/** Formats an instant as `YYYY-MM-DDTHH:mm:ss+07:00` (CONTRACTS.md §5). */
export function formatLocal(at: Date | number): string {
  return `${new Date(+at + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 instant that carries an offset; returns undefined for anything else. */
export function parseInstant(text: string): Date | undefined {
  if (!ISO_WITH_OFFSET.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
