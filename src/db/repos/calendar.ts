// The calendar as data (docs/calendar.md): national overrides (scope `*`) and province overrides from
// calendar_overrides, and each unit's office hours from units. CalendarRegistry turns them into the
// WorkingCalendar every deadline uses; it is loaded once (async) and then answers synchronously, so intake,
// supplement and extension never query the database for the calendar.
import type { Kysely } from "kysely";
import {
  buildCalendar,
  type CalendarOverrides,
  checkIsoDate,
  compileOfficeHours,
  DEFAULT_OFFICE_HOURS,
  layerOverrides,
  localDate,
  type OfficeHours,
  type OfficeWindow,
  type OpeningDay,
  type OverrideDay,
  type OverrideKind,
  type OverrideLayer,
  resolveOfficeHours,
  type UnitOfficeHoursInput,
  type WorkingCalendar,
} from "../../calendar/index.ts";
import type { Database } from "../schema.ts";
import { type ChangedBy, writeAudit } from "./audit.ts";
import type { UnitDirectory, UnitRow } from "./units.ts";

export const NATIONAL_SCOPE = "*";

// ——— Office hours as stored on a unit ———

/**
 * units.office_hours holds the unit file's shape (`{weekdays, saturday}`, src/units/unit.ts); when Monday–Friday
 * differ, `days` names the days that differ from `weekdays`. units.saturday_service / saturday_counts hold the
 * two switches. Null = the default hours.
 */
interface StoredOfficeHours {
  weekdays?: OfficeWindow[];
  saturday?: OfficeWindow[];
  days?: Partial<Record<OpeningDay, OfficeWindow[]>>;
}

const WEEKDAYS: readonly OpeningDay[] = ["monday", "tuesday", "wednesday", "thursday", "friday"];

/** What the administrator set on a unit, as the office-hours form shows it. */
export function officeHoursInputOf(
  unit: Pick<UnitRow, "officeHours" | "saturdayService" | "saturdayCounts">,
): UnitOfficeHoursInput {
  const stored = unit.officeHours as StoredOfficeHours | null | undefined;
  const base = { saturdayService: unit.saturdayService, saturdayCounts: unit.saturdayCounts };
  if (!stored) return { windows: null, ...base };
  const windows: Partial<Record<OpeningDay, OfficeWindow[]>> = {};
  for (const day of WEEKDAYS) windows[day] = stored.days?.[day] ?? stored.weekdays ?? [];
  if (stored.saturday?.length) windows.saturday = stored.saturday;
  return { windows, ...base };
}

/** The calendar's office hours of a unit (defaults filled in). */
export function officeHoursOf(unit: Pick<UnitRow, "officeHours" | "saturdayService" | "saturdayCounts">): OfficeHours {
  return resolveOfficeHours(officeHoursInputOf(unit), DEFAULT_OFFICE_HOURS);
}

/** The stored form of checked input: the unit file's shape, `days` only for the weekdays that differ. */
export function storedOfficeHours(input: UnitOfficeHoursInput): StoredOfficeHours | null {
  if (input.windows === null) return null;
  const list = (day: OpeningDay) => [...(input.windows?.[day] ?? [])].map((w) => ({ start: w.start, end: w.end }));
  const counts = new Map<string, number>();
  for (const day of WEEKDAYS) counts.set(JSON.stringify(list(day)), (counts.get(JSON.stringify(list(day))) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const stored: StoredOfficeHours = { weekdays: JSON.parse(common), saturday: list("saturday") };
  const differing = WEEKDAYS.filter((day) => JSON.stringify(list(day)) !== common);
  if (differing.length) stored.days = Object.fromEntries(differing.map((day) => [day, list(day)]));
  return stored;
}

// ——— Overrides ———

export interface StoredOverride extends OverrideDay {
  scope: string;
  createdAt: Date;
  createdBy: number | null;
}

export async function loadOverrides(db: Kysely<Database>, scope?: string): Promise<StoredOverride[]> {
  let query = db.selectFrom("calendar_overrides").selectAll();
  if (scope !== undefined) query = query.where("scope", "=", scope);
  const rows = await query.orderBy("scope").orderBy("day").execute();
  return rows.map((row) => ({
    scope: row.scope,
    date: row.day,
    kind: row.kind,
    note: row.note,
    source: row.source,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }));
}

// ——— The registry ———

export class CalendarNotLoadedError extends Error {
  override name = "CalendarNotLoadedError";
  readonly code = "calendar-not-loaded";
}

export class UnknownUnitError extends Error {
  override name = "UnknownUnitError";
  readonly code = "unknown-unit";
}

export class CalendarRegistry {
  private byScope = new Map<string, OverrideDay[]>();
  /** (province layer key, compiled office hours) → calendar: a province's communes with the same hours share one. */
  private byProfile = new Map<string, WorkingCalendar>();
  /** unit code → its calendar, valid while the unit directory returns the same row object. */
  private byUnit = new Map<string, { row: UnitRow; calendar: WorkingCalendar }>();
  private loadedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    /** Another process (a second server, the CLI) may edit: reload after this long in `fresh()`. */
    private readonly ttlMs = 30_000,
  ) {}

  get loaded(): boolean {
    return this.loadedAt > 0;
  }

  /** Reads every override; clears every cached calendar. */
  async load(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const rows = await loadOverrides(this.db);
        const byScope = new Map<string, OverrideDay[]>();
        for (const { scope, date, kind, note, source } of rows) {
          const list = byScope.get(scope) ?? [];
          list.push({ date, kind, note, source });
          byScope.set(scope, list);
        }
        this.byScope = byScope;
        this.byProfile.clear();
        this.byUnit.clear();
        this.loadedAt = Date.now();
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  /** Loads when never loaded or older than the TTL. */
  async fresh(): Promise<this> {
    if (!this.loaded || Date.now() - this.loadedAt > this.ttlMs) await this.load();
    return this;
  }

  private assertLoaded(): void {
    if (!this.loaded) throw new CalendarNotLoadedError("CalendarRegistry: call load() before using it");
  }

  /** The override layers that apply in a province: national first, then the province's own. */
  layersFor(provinceCode: string | undefined): OverrideLayer[] {
    this.assertLoaded();
    const layers: OverrideLayer[] = [{ scope: NATIONAL_SCOPE, days: this.byScope.get(NATIONAL_SCOPE) ?? [] }];
    if (provinceCode && provinceCode !== NATIONAL_SCOPE) {
      layers.push({ scope: provinceCode, days: this.byScope.get(provinceCode) ?? [] });
    }
    return layers;
  }

  /** A calendar for explicit office hours in a province (or nationally, with `undefined`). */
  calendarFor(provinceCode: string | undefined, hours: OfficeHours): WorkingCalendar {
    const layers = this.layersFor(provinceCode).filter((l) => l.days.length > 0);
    // provinces without their own overrides share the national calendar
    const layerKey = layers.map((l) => l.scope).join(",");
    const key = `${layerKey}|${compileOfficeHours(hours).key}`;
    let calendar = this.byProfile.get(key);
    if (!calendar) {
      const overrides: CalendarOverrides[] = layers.map(layerOverrides);
      calendar = buildCalendar({ officeHours: hours, layers: overrides });
      this.byProfile.set(key, calendar);
    }
    return calendar;
  }

  /**
   * The working calendar of a unit: national data + national overrides + its province's overrides + its office
   * hours. Synchronous: call `load()` (or `fresh()`) first. Throws UnknownUnitError for a unit not in `units`.
   */
  calendarForUnit(units: UnitDirectory, unitCode: string): WorkingCalendar {
    this.assertLoaded();
    const row = units.find(unitCode);
    if (!row) throw new UnknownUnitError(`Không tìm thấy đơn vị ${unitCode}`);
    const cached = this.byUnit.get(unitCode);
    if (cached?.row === row) return cached.calendar;
    const calendar = this.calendarFor(units.provinceOf(unitCode) ?? row.provinceCode, officeHoursOf(row));
    this.byUnit.set(unitCode, { row, calendar });
    return calendar;
  }
}

const registries = new WeakMap<Kysely<Database>, CalendarRegistry>();

/** The one registry of a database handle: routes and commands share it, so an edit invalidates everyone's cache. */
export function calendarRegistryOf(db: Kysely<Database>): CalendarRegistry {
  let registry = registries.get(db);
  if (!registry) {
    registry = new CalendarRegistry(db);
    registries.set(db, registry);
  }
  return registry;
}

// ——— Edits ———

export type CalendarEditErrorCode = "past-date-locked" | "override-not-found" | "duplicate-date" | "reason-required";

/** An edit the rules refuse, with a stable code. */
export class CalendarEditError extends Error {
  override name = "CalendarEditError";
  constructor(
    readonly code: CalendarEditErrorCode,
    message: string,
    readonly dates: string[] = [],
  ) {
    super(message);
  }
}

export interface OverrideEdit {
  /** `*` (national) or a province code; who may edit it is the route's policy. */
  scope: string;
  add: { date: string; kind: OverrideKind; note: string; source: string | null }[];
  remove: string[];
  /** An audited correction of past dates: allowed only with a reason. */
  force: boolean;
  reason: string | null;
}

export interface OverrideEditResult {
  scope: string;
  added: OverrideDay[];
  replaced: OverrideDay[];
  removed: OverrideDay[];
}

/**
 * Adds and removes override rows of one scope in one transaction, with one audit_log row. Dates before `today`
 * (local) are refused unless `force` with a reason: the schedule of the past stays as it was. Adding a date that
 * already has a row replaces it (the old row is kept in the audit detail).
 */
export async function editOverrides(
  db: Kysely<Database>,
  edit: OverrideEdit,
  by: ChangedBy,
): Promise<OverrideEditResult> {
  const dates = [...edit.add.map((a) => a.date), ...edit.remove];
  for (const date of dates) checkIsoDate(date);
  const repeated = dates.filter((d, i) => dates.indexOf(d) !== i);
  if (repeated.length) {
    throw new CalendarEditError(
      "duplicate-date",
      `Ngày ${repeated[0]} xuất hiện nhiều lần trong cùng một lần sửa`,
      repeated,
    );
  }
  const today = localDate(by.now);
  const past = dates.filter((d) => d < today).sort();
  if (past.length && !edit.force) {
    throw new CalendarEditError(
      "past-date-locked",
      `Không sửa lịch của ngày đã qua (${past.join(", ")}): lịch quá khứ giữ nguyên như đã áp dụng. ` +
        "Nếu cần đính chính, gửi lại với force=true và nêu lý do.",
      past,
    );
  }
  if (edit.force && past.length && !edit.reason?.trim()) {
    throw new CalendarEditError("reason-required", "Sửa lịch của ngày đã qua phải nêu lý do đính chính", past);
  }
  const result = await db.transaction().execute(async (trx) => {
    const before = dates.length
      ? await trx
          .selectFrom("calendar_overrides")
          .selectAll()
          .where("scope", "=", edit.scope)
          .where("day", "in", dates)
          .forUpdate()
          .execute()
      : [];
    const existing = new Map(before.map((r) => [r.day, { date: r.day, kind: r.kind, note: r.note, source: r.source }]));
    const missing = edit.remove.filter((d) => !existing.has(d));
    if (missing.length) {
      throw new CalendarEditError(
        "override-not-found",
        `Không có ngày điều chỉnh ${missing.join(", ")} trong phạm vi ${edit.scope} để xóa`,
        missing,
      );
    }
    if (edit.remove.length) {
      await trx
        .deleteFrom("calendar_overrides")
        .where("scope", "=", edit.scope)
        .where("day", "in", edit.remove)
        .execute();
    }
    for (const a of edit.add) {
      await trx
        .insertInto("calendar_overrides")
        .values({ scope: edit.scope, day: a.date, kind: a.kind, note: a.note, source: a.source, created_by: by.userId })
        .onConflict((oc) =>
          oc.columns(["scope", "day"]).doUpdateSet({
            kind: a.kind,
            note: a.note,
            source: a.source,
            created_by: by.userId,
            created_at: by.now,
          }),
        )
        .execute();
    }
    const added = edit.add.map(({ date, kind, note, source }) => ({ date, kind, note, source }));
    const outcome: OverrideEditResult = {
      scope: edit.scope,
      added: added.filter((a) => !existing.has(a.date)),
      replaced: added.filter((a) => existing.has(a.date)),
      removed: edit.remove.map((d) => existing.get(d)!),
    };
    await writeAudit(trx, by, {
      action: past.length ? "calendar.override.correct" : "calendar.override.edit",
      subject: `calendar:${edit.scope}`,
      detail: { ...outcome, before: [...existing.values()], force: edit.force, reason: edit.reason, past },
    });
    return outcome;
  });
  await calendarRegistryOf(db).load();
  return result;
}

/** Sets a unit's office hours (already checked with checkOfficeHours) and records the change in audit_log. */
export async function setOfficeHours(
  db: Kysely<Database>,
  unitCode: string,
  input: UnitOfficeHoursInput,
  by: ChangedBy,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("units")
      .select(["office_hours", "saturday_service", "saturday_counts"])
      .where("code", "=", unitCode)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const stored = storedOfficeHours(input);
    await trx
      .updateTable("units")
      .set({
        office_hours: stored === null ? null : JSON.stringify(stored),
        saturday_service: input.saturdayService,
        saturday_counts: input.saturdayCounts,
      })
      .where("code", "=", unitCode)
      .execute();
    await writeAudit(trx, by, {
      action: "unit.office-hours.set",
      subject: `unit:${unitCode}`,
      detail: { before, after: { officeHours: stored, ...input } },
    });
  });
}
