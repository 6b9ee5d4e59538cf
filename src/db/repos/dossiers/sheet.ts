// The control sheet (phiếu kiểm soát, form 06) of a stored dossier: the pure view of its log, with each step's
// deadline from the procedure's process steps (their share of the time limit) on the receiving unit's calendar.
import type { TimeLimit, WorkingCalendar } from "../../../calendar/index.ts";
import { type ControlSheet, controlSheet, planFromShares } from "../../../dossier/control-sheet.ts";
import type { LifecycleEvent } from "../../../dossier/events.ts";
import { findProcedureVersion, type StoredProcedure } from "../catalog.ts";
import type { DossierRow, ServiceContext } from "./service.ts";

/** Working minutes of a limit; undefined for calendar-day and same-day limits (no share of them is defined). */
function limitMinutes(limit: TimeLimit, calendar: WorkingCalendar): number | undefined {
  if (limit.unit === "working_days") return limit.value * calendar.workingDayMinutes;
  if (limit.unit === "working_hours") return limit.value * 60;
  return undefined;
}

export async function controlSheetOf(
  ctx: ServiceContext,
  row: DossierRow,
  log: readonly LifecycleEvent[],
  calendar: WorkingCalendar,
  /** The dossier's procedure version when the caller has it at hand (intake): saves reading it again. */
  known?: StoredProcedure,
): Promise<ControlSheet> {
  const limit = row.time_limit as TimeLimit | null;
  const procedure =
    row.procedure_version === null
      ? undefined
      : known?.code === row.procedure_code && known.version === row.procedure_version
        ? known
        : await findProcedureVersion(ctx.db, row.procedure_code, row.procedure_version);
  const minutes = limit ? limitMinutes(limit, calendar) : undefined;
  const shares = procedure?.steps.map((s) => s.share) ?? [];
  if (minutes === undefined || shares.length === 0) return controlSheet(log);
  const plan = planFromShares(
    shares,
    (start, share) => calendar.addWorkingMinutes(start, (minutes * share) / 100),
    (dueAt, pausedAt, resumedAt) => calendar.resume(dueAt, pausedAt, resumedAt),
  );
  return controlSheet(log, plan);
}
