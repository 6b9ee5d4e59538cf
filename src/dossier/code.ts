// Mã hồ sơ: `<unit code>-YYMMDD-XXXX` — receiving unit, local receipt date, 4-digit daily sequence per unit.
import { localDate } from "../calendar/local-time.ts";

export interface DossierCode {
  unit: string;
  /** Local receipt date `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
  date: string;
  sequence: number;
}

/** Unit codes as the national catalogue writes them: letters, digits, dots (`H57.12`, `000.00.12.H57`). */
const UNIT_CODE = /^[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*$/;
const CODE = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

export function isUnitCode(text: string): boolean {
  return UNIT_CODE.test(text);
}

/** Formats a dossier code; throws on a malformed unit code or a sequence outside 1–9999 (a programming error). */
export function formatDossierCode(unit: string, receivedAt: Date, sequence: number): string {
  if (!isUnitCode(unit)) throw new RangeError(`not a unit code: ${JSON.stringify(unit)}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`daily sequence out of range 1–9999: ${sequence}`);
  }
  const [y, m, d] = localDate(receivedAt).split("-") as [string, string, string];
  return `${unit}-${y.slice(2)}${m}${d}-${String(sequence).padStart(4, "0")}`;
}

/** Parses a dossier code; undefined when it is not one. Two-digit years are 2000–2099. */
export function findDossierCode(code: string): DossierCode | undefined {
  const m = CODE.exec(code);
  if (m === null) return undefined;
  const [, unit, yy, mm, dd, seq] = m as unknown as [string, string, string, string, string, string];
  if (!isUnitCode(unit)) return undefined;
  const date = `20${yy}-${mm}-${dd}`;
  if (!isCalendarDate(date)) return undefined;
  const sequence = Number(seq);
  if (sequence === 0) return undefined;
  return { unit, date, sequence };
}

export function isCalendarDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}
