export type CalendarErrorCode =
  | "invalid-limit"
  | "invalid-office-hours"
  | "invalid-lunar-date"
  | "invalid-date"
  | "out-of-range";

/** A calendar input the engine refuses, with a stable code callers can map (e.g. the CLI to exit 2). */
export class CalendarError extends Error {
  override name = "CalendarError";
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
