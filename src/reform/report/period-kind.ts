// What a reporting period is called in a CCHC report (REFORM.md §6(b)): quý I, 6 tháng đầu năm, 9 tháng,
// năm — whatever the province's cut day (a Q3 cut on the 15th runs 15/6–14/9, BNV 581/BNV-CCHC) — and the
// period that follows it ("nhiệm vụ kỳ tới").
import { type PeriodKind, standardPeriod } from "../../figures/period.ts";

export type ReportKind = "quarter" | "half-year" | "nine-months" | "year" | "month" | "other";

export interface PeriodName {
  kind: ReportKind;
  year: number;
  /** Quarter 1–4, half 1–2, month 1–12. */
  index: number;
  /** The cut day the period matches (1 = calendar period). */
  cutDay: number;
  /** "quý III năm 2020", "6 tháng đầu năm 2024", "năm 2024", "từ ngày 01/01/2024 đến ngày 10/02/2024". */
  title: string;
  /** The next period's name: "quý IV năm 2020", "6 tháng cuối năm 2024", "năm 2025". */
  next: string;
  /** Short form for the report title's braces: "quý III", "6 tháng", "năm". */
  short: string;
}

const ROMAN = ["", "I", "II", "III", "IV"];

function matches(kind: PeriodKind, year: number, index: number, period: { from: string; to: string }) {
  for (let cut = 1; cut <= 28; cut++) {
    const p = standardPeriod(kind, year, index, cut);
    if (p.from === period.from && p.to === period.to) return cut;
  }
  return 0;
}

function dmy(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** Names a period; an arbitrary range is "từ ngày … đến ngày …". */
export function namePeriod(period: { from: string; to: string }): PeriodName {
  const year = Number(period.to.slice(0, 4));
  const candidates: [PeriodKind, number][] = [
    ["year", 1],
    ["half-year", 1],
    ["half-year", 2],
    ["quarter", 1],
    ["quarter", 2],
    ["quarter", 3],
    ["quarter", 4],
  ];
  for (const [kind, index] of candidates) {
    const cutDay = matches(kind, year, index, period);
    if (!cutDay) continue;
    if (kind === "year") {
      return { kind, year, index, cutDay, title: `năm ${year}`, next: `năm ${year + 1}`, short: "năm" };
    }
    if (kind === "half-year") {
      return index === 1
        ? {
            kind,
            year,
            index,
            cutDay,
            title: `6 tháng đầu năm ${year}`,
            next: `6 tháng cuối năm ${year}`,
            short: "6 tháng",
          }
        : {
            kind,
            year,
            index,
            cutDay,
            title: `6 tháng cuối năm ${year}`,
            next: `6 tháng đầu năm ${year + 1}`,
            short: "6 tháng cuối năm",
          };
    }
    const next = index === 4 ? `quý I năm ${year + 1}` : `quý ${ROMAN[index + 1]} năm ${year}`;
    return {
      kind: "quarter",
      year,
      index,
      cutDay,
      title: `quý ${ROMAN[index]} năm ${year}`,
      next,
      short: `quý ${ROMAN[index]}`,
    };
  }
  // nine months: 01/01–30/09 (or cut: 15/12–14/9)
  for (let cut = 1; cut <= 28; cut++) {
    const q1 = standardPeriod("quarter", year, 1, cut);
    const q3 = standardPeriod("quarter", year, 3, cut);
    if (q1.from === period.from && q3.to === period.to) {
      return {
        kind: "nine-months",
        year,
        index: 1,
        cutDay: cut,
        title: `9 tháng năm ${year}`,
        next: `quý IV năm ${year}`,
        short: "9 tháng",
      };
    }
  }
  for (let month = 1; month <= 12; month++) {
    const cutDay = matches("month", year, month, period);
    if (cutDay) {
      const next =
        month === 12 ? `tháng 01 năm ${year + 1}` : `tháng ${String(month + 1).padStart(2, "0")} năm ${year}`;
      return {
        kind: "month",
        year,
        index: month,
        cutDay,
        title: `tháng ${String(month).padStart(2, "0")} năm ${year}`,
        next,
        short: "tháng",
      };
    }
  }
  const title = `từ ngày ${dmy(period.from)} đến ngày ${dmy(period.to)}`;
  return { kind: "other", year, index: 0, cutDay: 1, title, next: "kỳ tới", short: "kỳ" };
}
