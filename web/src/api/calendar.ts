// The working calendar of a year (as it applies to a unit) and its overrides.
import { api } from "../api.ts";
import type { OfficeHoursView } from "../pages/admin/OfficeHoursCard.tsx";

export interface CalendarDay {
  date: string;
  kind: "day_off" | "working_day";
  name: string | null;
  source: { type: "law" | "official" | "override"; scope?: string; note?: string | null };
}

export interface YearCalendar {
  year: number;
  days: CalendarDay[];
  overrides: { scope: string; date: string; kind: string; note: string | null }[];
  unit: { code: string; name: string; provinceCode?: string } | null;
  officeHours: OfficeHoursView;
}

export const calendar = {
  year: (year: number, unit: string | undefined, signal?: AbortSignal) =>
    api.get<YearCalendar>(`/calendar/${year}`, { unit }, signal),
  setOverrides: (body: unknown) => api.put("/calendar/overrides", body),
};
