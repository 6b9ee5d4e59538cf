// A year as a person reads it: every weekday off and every worked weekend day, each with where it comes from
// (the law, an official notice and its citation, or an administrator's override), for GET /api/calendar/:year.
import { type CalendarOverrides, holidaysOf } from "./arrangement.ts";
import { OFFICIAL_YEARS, type Source } from "./data/official-2020-2026.ts";
import { type HolidayLaw, lawOf, statutoryHolidays } from "./holidays.ts";

export type OverrideKind = "day_off" | "working_day";

/** One stored override (a row of calendar_overrides). */
export interface OverrideDay {
  date: string;
  kind: OverrideKind;
  note: string | null;
  source: string | null;
}

/** The overrides of one scope: `*` (national) or a province code. Layers apply in order, later ones win. */
export interface OverrideLayer {
  scope: string;
  days: readonly OverrideDay[];
}

export type DaySource =
  | { type: "law"; law: HolidayLaw }
  | { type: "official"; citations: readonly Source[] }
  | { type: "override"; scope: string; note: string | null; source: string | null };

export interface CalendarDay {
  date: string;
  kind: OverrideKind;
  /** The holiday's name when the law names the day (incl. compensatory days), else null. */
  name: string | null;
  source: DaySource;
}

export interface YearView {
  year: number;
  /** Monday–Friday dates that are not working days (what `motcua holidays` prints). */
  daysOff: string[];
  /** Saturday/Sunday dates that are worked (swapped working days). */
  workingSaturdays: string[];
  days: CalendarDay[];
  /** The base of the year: the computed default by law, or the official arrangement with its notices. */
  base: { type: "law"; law: HolidayLaw } | { type: "official"; citations: readonly Source[]; unconfirmed: string[] };
  /** Every override of the year in the layers, whatever its effect (a Saturday closure shows only here). */
  overrides: (OverrideDay & { scope: string })[];
}

const OFFICIAL = new Map(OFFICIAL_YEARS.map((y) => [y.year, y]));

/** An override layer as the arithmetic takes it. */
export function layerOverrides(layer: OverrideLayer): CalendarOverrides {
  return {
    daysOff: layer.days.filter((d) => d.kind === "day_off").map((d) => d.date),
    workingDays: layer.days.filter((d) => d.kind === "working_day").map((d) => d.date),
  };
}

export function describeYear(year: number, layers: readonly OverrideLayer[] = []): YearView {
  const { daysOff, workingSaturdays } = holidaysOf(year, layers.map(layerOverrides));
  const official = OFFICIAL.get(year);
  const base: YearView["base"] = official
    ? { type: "official", citations: official.sources, unconfirmed: official.unconfirmed }
    : { type: "law", law: lawOf(year) };
  const names = new Map<string, string>();
  for (const h of statutoryHolidays(year)) if (!names.has(h.date)) names.set(h.date, h.name);
  const inYear = (d: OverrideDay) => d.date.startsWith(`${year}-`);
  const sourceOf = (date: string, kind: OverrideKind): DaySource => {
    for (let i = layers.length - 1; i >= 0; i--) {
      const hit = layers[i]!.days.find((d) => d.date === date);
      if (hit?.kind === kind) return { type: "override", scope: layers[i]!.scope, note: hit.note, source: hit.source };
      if (hit) break;
    }
    return official ? { type: "official", citations: official.sources } : { type: "law", law: lawOf(year) };
  };
  const days: CalendarDay[] = [
    ...daysOff.map((date) => ({ date, kind: "day_off" as const })),
    ...workingSaturdays.map((date) => ({ date, kind: "working_day" as const })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ date, kind }) => ({
      date,
      kind,
      name: kind === "day_off" ? (names.get(date) ?? null) : null,
      source: sourceOf(date, kind),
    }));
  const overrides = layers.flatMap((l) => l.days.filter(inYear).map((d) => ({ scope: l.scope, ...d })));
  overrides.sort((a, b) => a.date.localeCompare(b.date));
  return { year, daysOff, workingSaturdays, days, base, overrides };
}
