// timestamptz text → Date, as the driver's own parser (postgres-date) parses it, without its regular expressions
// for the one shape the server sends every time: `YYYY-MM-DD HH:MM:SS[.ffffff]±HH` (issue 20: a CPU profile of
// the server under 32 clients spent 6.3 % in postgres-date; a list page parses ~240 instants). The fast path does
// postgres-date's own arithmetic on the same substrings (parseFloat of the fraction, Date.UTC, the offset
// subtracted); anything else — an offset with minutes, BC, a year outside 0100–9999, infinity — goes to
// postgres-date itself. timestamptz.test.ts holds the two equal on generated and hand-picked texts.
import pg from "pg";

/** The driver's own timestamptz parser (postgres-date), taken before engine.ts registers parseTimestamptz. */
export const driverParse = pg.types.getTypeParser(1184, "text") as (text: string) => Date | number | null;
const parseDate = driverParse;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether text[from, to) is all ASCII digits. */
function digits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The value of the ASCII digits text[from, to). */
function num(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** pg's text of a timestamptz as a Date (or postgres-date's answer for what the fast path does not take). */
export function parseTimestamptz(text: string): Date | number | null {
  const n = text.length;
  if (
    n < 22 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32 || // space
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    !digits(text, 0, 4) ||
    !digits(text, 5, 7) ||
    !digits(text, 8, 10) ||
    !digits(text, 11, 13) ||
    !digits(text, 14, 16) ||
    !digits(text, 17, 19)
  ) {
    return parseDate(text);
  }
  let zone = 19;
  if (text.charCodeAt(19) === 46) {
    zone = 20;
    while (zone < n && isDigit(text.charCodeAt(zone))) zone++;
    if (zone === 20) return parseDate(text);
  }
  const sign = text.charCodeAt(zone);
  if ((sign !== 43 && sign !== 45) || zone + 3 !== n || !digits(text, zone + 1, n)) return parseDate(text);
  const year = num(text, 0, 4);
  if (year < 100) return parseDate(text); // postgres-date's own handling of years 0–99
  // postgres-date: ms = 1000 * parseFloat(".ffffff"), truncated by Date.UTC
  const ms = zone > 19 ? 1000 * Number.parseFloat(text.slice(19, zone)) : 0;
  const date = new Date(
    Date.UTC(year, num(text, 5, 7) - 1, num(text, 8, 10), num(text, 11, 13), num(text, 14, 16), num(text, 17, 19), ms),
  );
  const offset = (sign === 45 ? -1 : 1) * num(text, zone + 1, n) * 3600 * 1000;
  if (offset !== 0) date.setTime(date.getTime() - offset);
  return date;
}
