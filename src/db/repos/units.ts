// The unit tree, read from the database and cached in memory (a province has a few hundred units).
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

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
