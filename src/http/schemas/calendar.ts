// Answer of GET /api/calendar/:year (routes/calendar.ts): the year as src/calendar/year-view.ts describes it,
// with the unit asked about and its office hours.
import { z } from "zod";

const Kind = z.enum(["day_off", "working_day"]);

/** One weekday off or worked weekend day, with where it comes from: the law, an official notice, an override. */
export const CalendarDay = z.object({
  date: z.string(),
  kind: Kind,
  /** The holiday's name when the law names the day, else null. */
  name: z.string().nullable(),
  source: z.discriminatedUnion("type", [
    z.object({ type: z.literal("law"), law: z.unknown() }),
    z.object({ type: z.literal("official"), citations: z.array(z.unknown()) }),
    z.object({
      type: z.literal("override"),
      scope: z.string(),
      note: z.string().nullable(),
      source: z.string().nullable(),
    }),
  ]),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** A unit's opening windows by weekday and whether its Saturdays count (docs/calendar.md). */
export const OfficeHoursView = z.object({
  isDefault: z.boolean(),
  windows: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
  saturdayService: z.boolean(),
  saturdayCounts: z.boolean(),
  workingDayMinutes: z.number(),
});
export type OfficeHoursView = z.infer<typeof OfficeHoursView>;

export const YearCalendar = z.object({
  year: z.number().int(),
  /** Monday–Friday dates that are not working days. */
  daysOff: z.array(z.string()),
  /** Weekend dates that are worked (swapped working days). */
  workingSaturdays: z.array(z.string()),
  days: z.array(CalendarDay),
  base: z.object({ type: z.enum(["law", "official"]) }).loose(),
  overrides: z.array(
    z.object({
      scope: z.string(),
      date: z.string(),
      kind: Kind,
      note: z.string().nullable(),
      source: z.string().nullable(),
    }),
  ),
  unit: z.object({ code: z.string(), name: z.string(), provinceCode: z.string().optional() }).nullable(),
  officeHours: OfficeHoursView,
});
export type YearCalendar = z.infer<typeof YearCalendar>;

const OverrideDay = z.object({
  date: z.string(),
  kind: Kind,
  note: z.string().nullable(),
  source: z.string().nullable(),
});

/** PUT /api/calendar/overrides: the days added, replaced and removed, and the scope's overrides after the edit. */
export const OverridesEditAnswer = z.object({
  scope: z.string(),
  added: z.array(OverrideDay),
  replaced: z.array(OverrideDay).describe("Ngày đã có điều chỉnh, được thay (bản cũ)"),
  removed: z.array(OverrideDay),
  overrides: z.array(
    OverrideDay.extend({ scope: z.string(), createdAt: z.string(), createdBy: z.number().int().nullable() }),
  ),
});
export type OverridesEditAnswer = z.infer<typeof OverridesEditAnswer>;

const Window = z.object({ start: z.string(), end: z.string() });

/** PUT /api/units/:code/office-hours: the hours as entered (windows null: the defaults) and as the calendar uses them. */
export const OfficeHoursAnswer = z.object({
  unit: z.string(),
  input: z.object({
    windows: z.record(z.string(), z.array(Window)).nullable(),
    saturdayService: z.boolean(),
    saturdayCounts: z.boolean(),
  }),
  officeHours: OfficeHoursView,
});
export type OfficeHoursAnswer = z.infer<typeof OfficeHoursAnswer>;
