// The report's issuing body, place, recipients and signature for a unit of the directory (reportMeta names
// them from the unit's and its parent's names).
import { type MetaOptions, reportMeta } from "../../../reform/report/meta.ts";
import type { ReportMeta } from "../../../reform/report/document.ts";
import type { UnitDirectory } from "../units.ts";

export function metaForUnit(units: UnitDirectory, code: string, options: MetaOptions): ReportMeta {
  const unit = units.find(code);
  if (!unit) throw new RangeError(`unknown unit ${code}`);
  const parent = unit.parentCode ? units.find(unit.parentCode) : undefined;
  return reportMeta({ name: unit.name, kind: unit.kind, parentName: parent?.name ?? null }, options);
}
