// The unit tree, read from the database and cached in memory (a province has a few hundred units).
import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { ImportError } from "../../catalog/import-error.ts";
import { canonicalJson } from "../../catalog/canonical.ts";
import { lineage, type ParentOf } from "../../people/policy.ts";
import { descendantsOf, findProvinceOf, indexUnits, validateUnitTree } from "../../units/tree.ts";
import type { Unit } from "../../units/unit.ts";
import { parseUnitsJson } from "../../units/unit-json.ts";
import type { Database, UnitsTable } from "../schema.ts";

export interface UnitRow {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  provinceCode: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  successorCode: string | null;
  officeHours: unknown;
  saturdayService: boolean;
  saturdayCounts: boolean;
  placeholder: boolean;
}

export class UnitDirectory {
  private byCode = new Map<string, UnitRow>();
  /** lineage()'s answers until the next refresh (every staff answer asks it once per action). */
  private lineages = new Map<string, readonly string[]>();
  private loadedAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 30_000,
  ) {}

  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom("units").selectAll().execute();
    this.byCode = new Map(
      rows.map((row) => [
        row.code,
        {
          code: row.code,
          name: row.name,
          kind: row.kind,
          parentCode: row.parent_code,
          provinceCode: row.province_code,
          effectiveFrom: row.effective_from,
          effectiveTo: row.effective_to,
          successorCode: row.successor_code,
          officeHours: row.office_hours,
          saturdayService: row.saturday_service,
          saturdayCounts: row.saturday_counts,
          placeholder: row.placeholder,
        },
      ]),
    );
    this.lineages = new Map();
    this.loadedAt = Date.now();
  }

  /** Refreshes when the cache is older than its TTL (another process may have added units). */
  async fresh(): Promise<this> {
    if (Date.now() - this.loadedAt > this.ttlMs) await this.refresh();
    return this;
  }

  find(code: string): UnitRow | undefined {
    return this.byCode.get(code);
  }

  all(): UnitRow[] {
    return [...this.byCode.values()];
  }

  parentOf = (code: string): string | null | undefined => this.byCode.get(code)?.parentCode;

  /** The unit and its ancestors, nearest first (policy.ts's lineage over this directory, kept until refresh). */
  lineage(code: string): readonly string[] {
    const known = this.lineages.get(code);
    if (known) return known;
    const chain = lineage(code, this.parentOf);
    this.lineages.set(code, chain);
    return chain;
  }

  /** The unit and every unit below it, following parent links whatever their dates. */
  subtree(code: string): string[] {
    const children = new Map<string, string[]>();
    for (const unit of this.byCode.values()) {
      if (!unit.parentCode) continue;
      const list = children.get(unit.parentCode) ?? [];
      list.push(unit.code);
      children.set(unit.parentCode, list);
    }
    const result: string[] = [];
    const stack = [code];
    const seen = new Set<string>();
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      result.push(next);
      stack.push(...(children.get(next) ?? []));
    }
    return result;
  }

  /** The topmost ancestor: a unit's province (CONTRACTS.md §2). */
  provinceOf(code: string): string | undefined {
    let unit = this.byCode.get(code);
    const seen = new Set<string>();
    while (unit?.parentCode && !seen.has(unit.code)) {
      seen.add(unit.code);
      const parent = this.byCode.get(unit.parentCode);
      if (!parent) break;
      unit = parent;
    }
    return unit?.code;
  }
}

// ——— Import and export ———

/** A stored unit as the `Unit` schema describes it (the shape of import and export). */
export function unitFromRow(row: Selectable<UnitsTable>): Unit {
  return {
    code: row.code,
    officialCode: row.official_code,
    name: row.name,
    kind: row.kind as Unit["kind"],
    parentCode: row.parent_code,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    successorCode: row.successor_code,
    formerNames: (row.former_names ?? []) as Unit["formerNames"],
    officeHours: (row.office_hours ?? null) as Unit["officeHours"],
    saturdayService: { enabled: row.saturday_service, countsTowardDeadline: row.saturday_counts },
    ...(row.basis ? { basis: row.basis } : {}),
    unconfirmed: (row.unconfirmed ?? []) as string[],
  };
}

function unitToRow(unit: Unit, provinceCode: string): Insertable<UnitsTable> {
  return {
    code: unit.code,
    official_code: unit.officialCode,
    name: unit.name,
    kind: unit.kind,
    parent_code: unit.parentCode,
    province_code: provinceCode,
    effective_from: unit.effectiveFrom,
    effective_to: unit.effectiveTo,
    // set after every new unit exists: the successor may come later in the file
    successor_code: null,
    former_names: JSON.stringify(unit.formerNames),
    office_hours: unit.officeHours === null ? null : JSON.stringify(unit.officeHours),
    saturday_service: unit.saturdayService.enabled,
    saturday_counts: unit.saturdayService.countsTowardDeadline,
    basis: unit.basis ?? null,
    unconfirmed: JSON.stringify(unit.unconfirmed),
  };
}

export interface UnitImportReport {
  /** Rows read (valid or not); file-level errors have row 0. */
  read: number;
  created: number;
  unchanged: number;
  /** Non-empty means nothing was stored: a unit import is all-or-nothing (a tree is one piece). */
  errors: ImportError[];
  /** Codes of the units created, parents first. */
  createdCodes: string[];
}

export interface UnitImportOptions {
  /** Whether the caller may create this unit (given the parent links of stored and incoming units). */
  mayCreate?: (unit: Unit, parentOf: ParentOf) => boolean;
}

/**
 * Imports units (JSON array or unit file). A unit already stored with the same content is unchanged; one with
 * different content is an error (a unit is never modified: a reorganisation creates new units), except a
 * placeholder made up by a dossier import, which the real unit under the same parent completes. Parents and
 * successors may be stored already or come in the same file. province_code is the topmost ancestor.
 * One transaction: any error leaves the database as it was.
 */
export async function importUnits(
  db: Kysely<Database>,
  input: unknown,
  options: UnitImportOptions = {},
): Promise<UnitImportReport> {
  const parsed = parseUnitsJson(input);
  const read = parsed.ok.length + new Set(parsed.errors.filter((e) => e.row > 0).map((e) => e.row)).size;
  const fail = (errors: ImportError[]): UnitImportReport => ({
    read,
    created: 0,
    unchanged: 0,
    errors: errors.sort((a, b) => a.row - b.row),
    createdCodes: [],
  });
  if (parsed.errors.some((e) => e.row === 0)) return fail(parsed.errors);
  return db.transaction().execute(async (trx) => {
    // One importer at a time: the checks below read the tree they are about to extend.
    await sql`lock table units in share row exclusive mode`.execute(trx);
    const storedRows = await trx.selectFrom("units").selectAll().execute();
    const placeholders = new Set(storedRows.filter((row) => row.placeholder).map((row) => row.code));
    const storedUnits = storedRows.map(unitFromRow);
    const errors = [...parsed.errors];
    const { incoming, completing, unchanged } = sortIncoming(parsed.ok, indexUnits(storedUnits), placeholders, errors);
    const { index, parentOf } = checkTree(storedUnits, completing, incoming, options, errors);
    if (errors.length) return fail(errors);
    const createdCodes = await writeUnits(trx, incoming, completing, index, parentOf);
    return { read, created: createdCodes.length, unchanged, errors: [], createdCodes };
  });
}

type Numbered = { unit: Unit; row: number };

/**
 * Each parsed unit: new (incoming), completing a placeholder under the same parent (made up by a dossier
 * import), unchanged, or an error (a duplicate row, or a stored unit with other content) pushed to `errors`.
 */
function sortIncoming(
  parsed: readonly Numbered[],
  storedByCode: Map<string, Unit>,
  placeholders: ReadonlySet<string>,
  errors: ImportError[],
): { incoming: Numbered[]; completing: Numbered[]; unchanged: number } {
  const completing: Numbered[] = [];
  const incoming: Numbered[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const item of parsed) {
    const { unit, row } = item;
    const firstRow = seen.get(unit.code);
    if (firstRow !== undefined) {
      errors.push({
        row,
        field: "code",
        code: "duplicate_code",
        message: `Mã đơn vị ${unit.code} trùng dòng ${firstRow}`,
      });
      continue;
    }
    seen.set(unit.code, row);
    const existing = storedByCode.get(unit.code);
    if (!existing) incoming.push(item);
    else if (placeholders.has(unit.code) && existing.parentCode === unit.parentCode) completing.push(item);
    else if (canonicalJson(existing) === canonicalJson(unit)) unchanged++;
    else
      errors.push({
        row,
        field: "code",
        code: "unit-exists",
        message: `Đơn vị ${unit.code} đã có với nội dung khác; không sửa đơn vị đã có (sắp xếp lại đơn vị thì tạo đơn vị mới)`,
      });
  }
  return { incoming, completing, unchanged };
}

/** Tree rules over stored + incoming units; only incoming (and completing) rows can be at fault. */
function checkTree(
  storedUnits: readonly Unit[],
  completing: readonly Numbered[],
  incoming: readonly Numbered[],
  options: UnitImportOptions,
  errors: ImportError[],
): { index: Map<string, Unit>; parentOf: ParentOf } {
  const completed = new Set(completing.map((c) => c.unit.code));
  const stored = storedUnits.filter((u) => !completed.has(u.code));
  const checked = [...completing, ...incoming];
  const all = [...stored, ...checked.map((i) => i.unit)];
  for (const e of validateUnitTree(all)) {
    if (e.row > stored.length) errors.push({ ...e, row: checked[e.row - stored.length - 1]!.row });
  }
  const index = indexUnits(all);
  const parentOf: ParentOf = (code) => index.get(code)?.parentCode;
  if (options.mayCreate) {
    for (const { unit, row } of checked) {
      if (options.mayCreate(unit, parentOf)) continue;
      errors.push({
        row,
        field: "parentCode",
        code: "forbidden",
        message: unit.parentCode
          ? `Không có quyền tạo đơn vị dưới đơn vị ${unit.parentCode}`
          : "Chỉ quản trị hệ thống được tạo đơn vị cấp tỉnh",
      });
    }
  }
  return { index, parentOf };
}

/** Inserts the new units parents first, completes placeholders, then links successors; the created codes. */
async function writeUnits(
  trx: Kysely<Database>,
  incoming: readonly Numbered[],
  completing: readonly Numbered[],
  index: Map<string, Unit>,
  parentOf: ParentOf,
): Promise<string[]> {
  const ordered = parentsFirst(
    incoming.map((i) => i.unit),
    parentOf,
  );
  for (const unit of ordered) {
    const province = findProvinceOf(index, unit.code)!;
    await trx.insertInto("units").values(unitToRow(unit, province.code)).execute();
  }
  for (const { unit } of completing) {
    const { code: _, province_code: __, ...values } = unitToRow(unit, "");
    await trx
      .updateTable("units")
      .set({ ...values, placeholder: false })
      .where("code", "=", unit.code)
      .where("placeholder", "=", true)
      .execute();
  }
  for (const unit of [...completing.map((c) => c.unit), ...ordered]) {
    if (unit.successorCode === null) continue;
    await trx.updateTable("units").set({ successor_code: unit.successorCode }).where("code", "=", unit.code).execute();
  }
  return [...completing.map((c) => c.unit.code), ...ordered.map((u) => u.code)];
}

/** Each unit after its parent (depth order, then code). */
function parentsFirst(units: Unit[], parentOf: ParentOf): Unit[] {
  const depth = (code: string) => lineage(code, parentOf).length;
  return [...units].sort((a, b) => depth(a.code) - depth(b.code) || a.code.localeCompare(b.code));
}

/** Every stored unit, parents first; placeholders (made up by a dossier import) are left out. */
export async function exportUnits(db: Kysely<Database>, options: { under?: string } = {}): Promise<Unit[]> {
  const rows = await db.selectFrom("units").selectAll().where("placeholder", "=", false).execute();
  let units = rows.map(unitFromRow);
  if (options.under) {
    const keep = new Set([options.under, ...descendantsOf(units, options.under).map((u) => u.code)]);
    units = units.filter((u) => keep.has(u.code));
  }
  const index = indexUnits(units);
  return parentsFirst(units, (code) => index.get(code)?.parentCode);
}
