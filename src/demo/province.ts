// The demo province: which units receive dossiers on a given day (the communes in force since 1 July 2025, and
// before that their predecessors where the unit tree has them), with each unit's calendars and office windows.
import {
  DEFAULT_OFFICE_HOURS,
  getCalendar,
  type OfficeHours as CalendarHours,
  type OfficeWindow,
  type WorkingCalendar,
} from "../calendar/index.ts";
import { isUnitCode } from "../dossier/code.ts";
import type { Unit } from "../units/unit.ts";
import type { Random } from "./random.ts";

/** The 2025 reorganisation: districts abolished, communes merged (DOMAIN.md §1). */
export const REORGANISATION_DATE = "2025-07-01";

const COMMUNE_LEVEL = new Set(["commune", "ward", "special_zone"]);
const SATURDAY_MORNING: readonly OfficeWindow[] = [{ start: "07:30", end: "11:30" }];

export interface ReceivingUnit {
  unit: Unit;
  /** Topmost ancestor: the tenant the dossier belongs to. */
  province: Unit;
  /** Province code of birth registration in the citizen ID of most local applicants (Huế 046, Đà Nẵng 048). */
  idProvince: string;
  /** Relative volume of dossiers. */
  weight: number;
  /** Deadlines (Saturday service counts only when the unit says so). */
  deadline: WorkingCalendar;
  /** When the counter is open: the deadline calendar plus Saturday service hours. */
  intake: WorkingCalendar;
  weekdayWindows: readonly OfficeWindow[];
  saturdayWindows: readonly OfficeWindow[];
  /** Where an inter-agency (liên thông) dossier goes: the district before 2025, else the province. */
  transferTarget: string;
}

export interface DemoProvince {
  units: ReadonlyMap<string, Unit>;
  /** Units receiving dossiers before the reorganisation date. */
  before: readonly ReceivingUnit[];
  /** Units receiving dossiers from the reorganisation date on. */
  after: readonly ReceivingUnit[];
  /** Commune-level units in force today that receive dossiers (they get demo staff). */
  current: readonly ReceivingUnit[];
  /** Units left out because a dossier code cannot carry their code (see formatDossierCode). */
  skipped: readonly string[];
}

export function provinceOf(units: ReadonlyMap<string, Unit>, code: string): Unit {
  let unit = units.get(code);
  if (!unit) throw new RangeError(`unknown unit ${code}`);
  const seen = new Set<string>();
  while (unit.parentCode && !seen.has(unit.code)) {
    seen.add(unit.code);
    const parent = units.get(unit.parentCode);
    if (!parent) break;
    unit = parent;
  }
  return unit;
}

/** The unit's name on a date (former names kept by the tree), e.g. "Tỉnh Thừa Thiên Huế" in 2024. */
export function nameAt(unit: Unit, date: string): string {
  const former = [...unit.formerNames].sort((a, b) => a.until.localeCompare(b.until)).find((f) => date <= f.until);
  return former?.name ?? unit.name;
}

/** "phường Kim Trà, thị xã Hương Trà, tỉnh Thừa Thiên Huế": the unit and its parents as named on `date`. */
export function placeName(units: ReadonlyMap<string, Unit>, code: string, date: string): string {
  const parts: string[] = [];
  for (let unit = units.get(code); unit; unit = unit.parentCode ? units.get(unit.parentCode) : undefined) {
    const name = nameAt(unit, date);
    parts.push(name.charAt(0).toLowerCase() + name.slice(1));
    if (parts.length > 4) break;
  }
  return parts.join(", ");
}

function calendars(unit: Unit): Pick<ReceivingUnit, "deadline" | "intake" | "weekdayWindows" | "saturdayWindows"> {
  const weekdayWindows = unit.officeHours?.weekdays ?? DEFAULT_OFFICE_HOURS.windows.monday ?? [];
  const saturdayService = unit.saturdayService.enabled;
  const saturdayWindows = saturdayService
    ? unit.officeHours?.saturday?.length
      ? unit.officeHours.saturday
      : SATURDAY_MORNING
    : [];
  const windows = {
    monday: weekdayWindows,
    tuesday: weekdayWindows,
    wednesday: weekdayWindows,
    thursday: weekdayWindows,
    friday: weekdayWindows,
    saturday: saturdayWindows,
  };
  const hours = (saturdayCounts: boolean): CalendarHours => ({ windows, saturdayCounts });
  const deadline = getCalendar({ officeHours: hours(unit.saturdayService.countsTowardDeadline) });
  const intake = saturdayService ? getCalendar({ officeHours: hours(true) }) : deadline;
  return { deadline, intake, weekdayWindows, saturdayWindows };
}

/** Wards are busier than rural communes; each unit also gets its own size. Hoàng Sa has no resident population. */
function volumeOf(unit: Unit, random: Random): number {
  const base = unit.kind === "ward" ? 1.3 : unit.kind === "commune" ? 0.8 : 0;
  return base * random.between(0.7, 1.3);
}

export function buildProvince(allUnits: readonly Unit[], random: Random): DemoProvince {
  const units = new Map(allUnits.map((u) => [u.code, u]));
  const skipped: string[] = [];
  const receiving = (unit: Unit, weight: number): ReceivingUnit => {
    const province = provinceOf(units, unit.code);
    const parent = unit.parentCode ? units.get(unit.parentCode) : undefined;
    return {
      unit,
      province,
      idProvince: (province.officialCode ?? province.code).padStart(3, "0"),
      weight,
      ...calendars(unit),
      transferTarget: parent?.code ?? province.code,
    };
  };
  const usable = (unit: Unit) => {
    if (isUnitCode(unit.code)) return true;
    skipped.push(unit.code);
    return false;
  };
  const current = allUnits.filter((u) => COMMUNE_LEVEL.has(u.kind) && u.effectiveTo === null && usable(u));
  const after: ReceivingUnit[] = [];
  const before: ReceivingUnit[] = [];
  for (const unit of current) {
    const weight = volumeOf(unit, random);
    if (weight <= 0) continue;
    after.push(receiving(unit, weight));
    const predecessors = allUnits.filter(
      (p) =>
        p.successorCode === unit.code &&
        COMMUNE_LEVEL.has(p.kind) &&
        p.effectiveTo !== null &&
        p.effectiveTo < REORGANISATION_DATE &&
        usable(p),
    );
    // Before the reorganisation the dossiers went to the predecessors where the tree has them; a commune
    // whose predecessors are not in the data stands in for its own area.
    if (predecessors.length === 0) before.push(receiving(unit, weight));
    for (const p of predecessors) before.push(receiving(p, (weight * random.between(0.6, 1.1)) / predecessors.length));
  }
  return {
    units,
    before,
    after,
    current: after,
    skipped: [...new Set(skipped)],
  };
}

/** The counter's windows on a local date, or none when it is closed. */
export function openWindows(unit: ReceivingUnit, date: string, weekday: number): readonly OfficeWindow[] {
  if (!unit.intake.isWorkingDay(date)) return [];
  if (weekday >= 1 && weekday <= 5) return unit.weekdayWindows;
  // A swapped working Saturday keeps normal hours; otherwise it is Saturday service.
  return unit.deadline.isWorkingDay(date) ? unit.weekdayWindows : unit.saturdayWindows;
}
