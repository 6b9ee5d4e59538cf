// Unit tree helpers. Parent links are followed whatever their dates (CONTRACTS.md §3: --unit U covers U and
// every unit below it); successor links are a separate relation and are not followed here.
import type { ImportError } from "../catalog/import-error.ts";
import type { Unit } from "./unit.ts";

export type UnitIndex = ReadonlyMap<string, Unit>;

export function indexUnits(units: readonly Unit[]): Map<string, Unit> {
  return new Map(units.map((u) => [u.code, u]));
}

/** Every unit below `code` (children, grandchildren, …), not including itself. */
export function descendantsOf(units: readonly Unit[], code: string): Unit[] {
  const children = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.parentCode === null) continue;
    const list = children.get(u.parentCode) ?? [];
    list.push(u);
    children.set(u.parentCode, list);
  }
  const out: Unit[] = [];
  const seen = new Set([code]);
  const stack = [code];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (seen.has(child.code)) continue; // a cycle must not loop forever
      seen.add(child.code);
      out.push(child);
      stack.push(child.code);
    }
  }
  return out;
}

/** The topmost ancestor of `code` (itself if it has no parent); undefined if unknown or in a cycle. */
export function findProvinceOf(index: UnitIndex, code: string): Unit | undefined {
  let unit = index.get(code);
  const seen = new Set<string>();
  while (unit && unit.parentCode !== null) {
    if (seen.has(unit.code)) return undefined;
    seen.add(unit.code);
    const parent = index.get(unit.parentCode);
    if (!parent) return unit; // a dangling parent: the topmost known ancestor
    unit = parent;
  }
  return unit;
}

/** Whether the unit is in force on `date` (YYYY-MM-DD). */
export function isInForce(unit: Unit, date: string): boolean {
  return (
    (unit.effectiveFrom === null || unit.effectiveFrom <= date) &&
    (unit.effectiveTo === null || date <= unit.effectiveTo)
  );
}

/**
 * The unit in force on `date` for `code`: the unit itself if in force, else its successor chain followed
 * forward (a merged commune → the new ward). Undefined if none is in force on that date.
 */
export function findUnitInForce(index: UnitIndex, code: string, date: string): Unit | undefined {
  let unit = index.get(code);
  const seen = new Set<string>();
  while (unit && !seen.has(unit.code)) {
    if (isInForce(unit, date)) return unit;
    seen.add(unit.code);
    if (unit.successorCode === null || (unit.effectiveTo !== null && date < unit.effectiveTo)) return undefined;
    unit = index.get(unit.successorCode);
  }
  return undefined;
}

/** Units whose successor link points at `code` (the units merged into it). */
export function predecessorsOf(units: readonly Unit[], code: string): Unit[] {
  return units.filter((u) => u.successorCode === code);
}

/** Tree rules: unique codes, parents and successors exist, no parent cycle, successor starts after the end. */
export function validateUnitTree(units: readonly Unit[]): ImportError[] {
  const errors: ImportError[] = [];
  const index = new Map<string, Unit>();
  const rowOf = new Map<string, number>();
  units.forEach((u, i) => {
    if (index.has(u.code)) {
      errors.push({ row: i + 1, field: "code", code: "duplicate_code", message: `Mã đơn vị ${u.code} bị trùng` });
    } else {
      index.set(u.code, u);
      rowOf.set(u.code, i + 1);
    }
  });
  for (const [code, u] of index) {
    const row = rowOf.get(code)!;
    if (u.parentCode !== null && !index.has(u.parentCode)) {
      errors.push({
        row,
        field: "parentCode",
        code: "unknown_parent",
        message: `Không có đơn vị cấp trên mã ${u.parentCode}`,
      });
    }
    if (u.successorCode !== null) {
      const next = index.get(u.successorCode);
      if (!next) {
        errors.push({
          row,
          field: "successorCode",
          code: "unknown_successor",
          message: `Không có đơn vị kế thừa mã ${u.successorCode}`,
        });
      } else if (next.code === u.code) {
        errors.push({
          row,
          field: "successorCode",
          code: "self_successor",
          message: "Đơn vị không thể kế thừa chính nó",
        });
      } else if (u.effectiveTo && next.effectiveFrom && next.effectiveFrom <= u.effectiveTo) {
        errors.push({
          row,
          field: "successorCode",
          code: "dates_out_of_order",
          message: `Đơn vị kế thừa ${next.code} phải có hiệu lực sau ngày ${u.effectiveTo}`,
        });
      }
    }
    // Walk up: a cycle is reported once, on the unit where it is first found.
    const seen = new Set<string>([code]);
    let parent = u.parentCode === null ? undefined : index.get(u.parentCode);
    while (parent) {
      if (seen.has(parent.code)) {
        if (parent.code === code) {
          errors.push({
            row,
            field: "parentCode",
            code: "parent_cycle",
            message: `Đơn vị ${code} nằm trong vòng lặp cấp trên`,
          });
        }
        break;
      }
      seen.add(parent.code);
      parent = parent.parentCode === null ? undefined : index.get(parent.parentCode);
    }
  }
  return errors.sort((a, b) => a.row - b.row);
}
