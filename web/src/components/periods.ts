// Reporting period presets as the picker offers them: a kind (month, quarter, half-year, year), a year and an
// index, resolved to dates by src/figures/period.ts (the same functions the server and the CLI use), with the
// province's cut day (1 = calendar periods; 15 = "from the 15th of the month before to the 14th").
import { type Period, type PeriodKind, standardPeriod } from "../../../src/figures/period.ts";

export type { Period, PeriodKind };

export interface Preset {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 1 for a year. */
  index: number;
}

export const PERIOD_KINDS: PeriodKind[] = ["month", "quarter", "half-year", "year"];

export const KIND_NAME: Record<PeriodKind, string> = {
  month: "Tháng",
  quarter: "Quý",
  "half-year": "6 tháng",
  year: "Năm",
};

const ROMAN = ["I", "II", "III", "IV"];

/** How many periods of a kind a year has. */
export function indexCount(kind: PeriodKind): number {
  return { month: 12, quarter: 4, "half-year": 2, year: 1 }[kind];
}

export function indexName(kind: PeriodKind, index: number): string {
  if (kind === "month") return `Tháng ${index}`;
  if (kind === "quarter") return `Quý ${ROMAN[index - 1]}`;
  if (kind === "half-year") return index === 1 ? "6 tháng đầu năm" : "6 tháng cuối năm";
  return "Cả năm";
}

/** "Quý III/2026", "Tháng 3/2026", "6 tháng đầu năm 2026", "Năm 2026". */
export function presetName(p: Preset): string {
  if (p.kind === "year") return `Năm ${p.year}`;
  if (p.kind === "half-year") return `${indexName(p.kind, p.index)} ${p.year}`;
  return `${indexName(p.kind, p.index)}/${p.year}`;
}

export function presetRange(p: Preset, cutDay = 1): Period {
  return standardPeriod(p.kind, p.year, p.kind === "year" ? 1 : p.index, cutDay);
}

/**
 * The preset a period is, if any. A cut period ends in its own last month, so its year is the year of `to`
 * (with cut day 15, the year 2026 is 15/12/2025–14/12/2026).
 */
export function matchPreset(period: Period, cutDay = 1): Preset | null {
  const year = Number(period.to.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  for (const kind of PERIOD_KINDS) {
    for (let index = 1; index <= indexCount(kind); index++) {
      const range = presetRange({ kind, year, index }, cutDay);
      if (range.from === period.from && range.to === period.to) return { kind, year, index };
    }
  }
  return null;
}

/** The period of `kind` that contains the local date `date` (YYYY-MM-DD) under the cut day. */
export function presetContaining(kind: PeriodKind, date: string, cutDay = 1): Preset {
  const year = Number(date.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (let index = 1; index <= indexCount(kind); index++) {
      const range = presetRange({ kind, year: y, index }, cutDay);
      if (range.from <= date && date <= range.to) return { kind, year: y, index };
    }
  }
  throw new RangeError(`no ${kind} period contains ${date}`);
}

/**
 * Switching to another kind: the period of that kind containing today when the current period does (this
 * year → this quarter), else the one containing the current period's last day (2025 → quý IV/2025).
 */
export function switchKind(current: Period, kind: PeriodKind, cutDay = 1, today?: string): Preset {
  const day = today && current.from <= today && today <= current.to ? today : current.to;
  return presetContaining(kind, day, cutDay);
}

/** Years to offer: the current one and the ten before it, and the shown period's year when older or newer. */
export function yearOptions(currentYear: number, shown?: number): number[] {
  const years = Array.from({ length: 11 }, (_, i) => currentYear - i);
  if (shown !== undefined && !years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a);
}
