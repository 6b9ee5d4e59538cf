// The working calendar of a year (as it applies to a unit) and its overrides.
import { api } from "../api.ts";
import type { YearCalendar } from "../types.ts";

export const calendar = {
  year: (year: number, unit: string | undefined, signal?: AbortSignal) =>
    api.get<YearCalendar>(`/calendar/${year}`, { unit }, signal),
  setOverrides: (body: unknown) => api.put("/calendar/overrides", body),
};
