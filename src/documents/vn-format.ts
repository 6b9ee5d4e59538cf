// How Vietnamese documents print dates, times and numbers. Instants are shown in local time (UTC+7)
// through the calendar helpers, never through the host's time zone.
import { localDate, localMinuteOfDay } from "../calendar/local-time.ts";

const pad2 = (n: number): string => String(n).padStart(2, "0");

function parts(at: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const [y, m, d] = localDate(at).split("-").map(Number) as [number, number, number];
  const minutes = localMinuteOfDay(at);
  return { year: y, month: m, day: d, hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/** "06/7/2020": day padded, month not (the style of the one-stop forms). */
export function shortDate(at: Date): string {
  const p = parts(at);
  return `${pad2(p.day)}/${p.month}/${p.year}`;
}

/** "08 giờ 15 phút". */
export function clockText(at: Date): string {
  const p = parts(at);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút`;
}

/** "08 giờ 15 phút, ngày 06/7/2020". */
export function instantText(at: Date): string {
  return `${clockText(at)}, ngày ${shortDate(at)}`;
}

/**
 * "ngày 06 tháng 7 năm 2020" as Decree 30/2020/NĐ-CP (Phụ lục I, mục II.5) writes it: days below 10 and
 * the months January and February take a leading zero.
 */
export function decreeDate(at: Date): string {
  const p = parts(at);
  const month = p.month < 3 ? pad2(p.month) : String(p.month);
  return `ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** "Huế, ngày 06 tháng 7 năm 2020". */
export function placeDateLine(place: string, at: Date): string {
  return `${place}, ${decreeDate(at)}`;
}

/** Local date "YYYY-MM-DD" to "06/7/2020". */
export function isoDateText(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${pad2(d)}/${m}/${y}`;
}

/** Counts with a dot between thousands, as Vietnamese documents print them ("5.970"). */
export function countText(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Percentage with a decimal comma and two decimals at most ("71,2"). */
export function percentText(part: number, whole: number): string {
  if (whole === 0) return "0";
  const value = Math.round((part / whole) * 10_000) / 100;
  return String(value).replace(".", ",");
}

/** Upper case for titles; JavaScript's Unicode mapping keeps Vietnamese diacritics. */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi-VN").normalize("NFC");
}
