// Line preparation for the dossier import (CONTRACTS.md §2): checks a parsed line against reference data
// held in memory (units, procedure versions and overrides, calendars, periods of manual figures) and computes
// what storing it takes — the dossier header, its log, the units and procedure it would create. No database
// access: the importer loads the reference once (dossier-import.ts) and the batch writer stores what this
// returns (dossier-import-write.ts), so preparing batch k+1 can run while batch k is being stored.
import { createHash } from "node:crypto";
import { getCalendar, localDate, parseLimit, type TimeLimit, type WorkingCalendar } from "../../calendar/index.ts";
import { findEffectiveProcedure, type Procedure, type ProcedureOverride } from "../../catalog/index.ts";
import { findDossierCode } from "../../dossier/code.ts";
import { type DossierState, project } from "../../dossier/evolve.ts";
import { logFromRecord } from "../../dossier/history.ts";
import { canonicalDossier } from "../../dossier/interchange/index.ts";
import { dossierFlags } from "../../dossier/queues.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { UNKNOWN_FIELD } from "../../figures/grouping.ts";
import type { CalendarRegistry } from "./calendar.ts";
import { type DossierHeader, eventRow, projectionRow, recordOf } from "./dossier-store.ts";
import type { UnitDirectory } from "./units.ts";

/** Where a line belongs: its province, its receiving unit, and the units it would create. */
export interface ImportScope {
  provinceCode: string;
  unitCode: string;
  newUnits: { code: string; parent: string | null; provinceCode: string }[];
}

/** The options line preparation reads (see ImportOptions in dossier-import.ts). */
export interface PrepareOptions {
  createMissing: boolean;
  calendarFor?: (unitCode: string) => WorkingCalendar;
  authorize?(line: ImportScope): string | undefined;
}

export interface Item {
  line: number;
  record: DossierRecord;
}

export type NewUnit = { code: string; name: string; kind: string; parent: string | null; placeholder: boolean };
export type NewProcedure = { code: string; name: string; field: string; level: string; limit: TimeLimit | null };

export interface Prepared {
  item: Item;
  header: DossierHeader;
  log: ReturnType<typeof logFromRecord>;
  /** The fold of `log` (the dossier's current state). */
  state: DossierState;
  /** The projection row, computed once when first needed (the manual-figures check, or storing). */
  row?: ReturnType<typeof projectionRow>;
  /** The event rows, built ahead when the batch is likely to be stored (see buildRows). */
  events?: ReturnType<typeof eventRow>[];
  newUnits: NewUnit[];
  newProcedure?: NewProcedure;
}

/** A line refused for its content: `reason` is the stable code (CONTRACTS.md §2). */
export class Rejected extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const reject = (reason: string, message: string) => new Rejected(reason, message);

/** A period of results typed in by hand, with its bounds as instants (start inclusive, end exclusive). */
export interface ManualPeriod {
  from: string;
  to: string;
  start: number;
  end: number;
}

/** The reference data lines are checked against, and what earlier lines of this run will create. */
export class LinePreparer {
  /** Stored procedure versions by code. */
  readonly versions = new Map<string, Procedure[]>();
  /** Placeholder procedures created by lines of this run whose batch is not stored yet. */
  readonly pendingProcedures = new Map<string, Procedure[]>();
  overrides: ProcedureOverride[] = [];
  /** Periods covered by results typed in by hand, by unit (a small table, read once). */
  readonly manual = new Map<string, ManualPeriod[]>();

  constructor(
    private readonly units: UnitDirectory,
    private readonly calendars: CalendarRegistry,
    private readonly options: PrepareOptions,
  ) {}

  /** Checks a line against the reference data; computes what is missing from it. */
  prepare(item: Item, pendingUnits: Map<string, NewUnit>, probe = false): Prepared {
    const { record } = item;
    // a probe (what a stored dossier would import as) creates nothing, not even pending reference data
    const createMissing = this.options.createMissing && !probe;
    const codeParts = findDossierCode(record.code);
    if (!codeParts) throw reject("invalid-code", `mã hồ sơ "${record.code}" không đúng dạng <đơn vị>-YYMMDD-XXXX`);
    if (codeParts.unit !== record.unit.code) {
      throw reject("code-unit-mismatch", `mã hồ sơ ${record.code} không thuộc đơn vị ${record.unit.code}`);
    }
    const newUnits = this.missingUnits(record, pendingUnits, createMissing);
    const provinceCode = this.provinceOf(record.unit.code, pendingUnits);
    const receiptDate = localDate(record.receivedAt ?? record.events[0]?.at ?? new Date());
    const stored = this.versions.get(record.procedure.code) ?? this.pendingProcedures.get(record.procedure.code);
    let newProcedure: NewProcedure | undefined;
    if (!stored) {
      if (!createMissing) {
        throw reject(
          "unknown-procedure",
          `thủ tục ${record.procedure.code} chưa có trong danh mục (dùng --create-missing để tạo)`,
        );
      }
      newProcedure = {
        code: record.procedure.code,
        name: record.procedure.name ?? record.procedure.code,
        field: record.procedure.field ?? UNKNOWN_FIELD,
        level: record.procedure.level ?? "commune",
        limit: this.limitOf(record.procedure.limit),
      };
      // later lines of this run see it as stored (it is written with this line's batch)
      this.pendingProcedures.set(newProcedure.code, [placeholderProcedure(newProcedure)]);
    }
    const versions = stored ?? this.pendingProcedures.get(record.procedure.code) ?? [];
    const version =
      findEffectiveProcedure(versions, this.overrides, record.procedure.code, provinceCode, receiptDate) ??
      earliest(versions);
    let withDue = record;
    if (record.receivedAt !== null && record.dueAt === null) {
      const limit = this.limitOf(record.procedure.limit) ?? (version?.timeLimit as TimeLimit | undefined) ?? null;
      if (!limit) throw reject("due-at-missing", "thiếu dueAt và không có thời hạn giải quyết để tính ngày hẹn trả");
      const calendar = this.options.calendarFor?.(record.unit.code) ?? this.unitCalendar(record.unit.code);
      withDue = { ...record, dueAt: calendar.appointment(record.receivedAt, limit) };
    }
    const log = logFromRecord(withDue);
    const state = project(log);
    const header = headerOf(record, version, provinceCode, log, state);
    return { item, header, log, state, newUnits, newProcedure };
  }

  /** The rules a line must pass besides its content: who may import it, and no double count of figures. */
  admit(p: Prepared, pending: Map<string, NewUnit>) {
    if (this.options.authorize) {
      const why = this.options.authorize({
        provinceCode: p.header.provinceCode,
        unitCode: p.header.unitCode,
        newUnits: p.newUnits.map((u) => ({
          code: u.code,
          parent: u.parent,
          provinceCode: this.provinceOf(u.code, pending),
        })),
      });
      if (why !== undefined) throw reject("forbidden", why);
    }
    if (this.manual.size) this.checkManualFigures(p, pending);
  }

  /**
   * Results typed in by hand stand for every dossier of their unit's subtree in their period; a line the
   * period's report would count (reports-results.ts scopeSql: received before its end and not ended before its
   * start, or refused at intake inside it) would be counted twice.
   */
  private checkManualFigures(p: Prepared, pending: Map<string, NewUnit>) {
    p.row ??= projectionRow(p.header, p.log, p.state);
    const time = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).getTime());
    const received = time(p.row.received_at);
    const endAt = time(p.row.end_at);
    const refused = received === null && p.row.end_type === "refused";
    let unit: string | null | undefined = p.header.unitCode;
    for (let guard = 0; unit && guard < 50; guard++) {
      for (const m of this.manual.get(unit) ?? []) {
        const counted =
          received !== null
            ? received < m.end && (endAt === null || endAt >= m.start)
            : refused && endAt !== null && endAt >= m.start && endAt < m.end;
        if (counted) {
          throw reject(
            "manual-figures-cover-period",
            `đơn vị ${unit} đã có số liệu nhập tay cho kỳ ${m.from}..${m.to}, kỳ báo cáo này sẽ tính hồ sơ ${p.header.code} hai lần`,
          );
        }
      }
      unit = this.units.find(unit)?.parentCode ?? pending.get(unit)?.parent ?? null;
    }
  }

  /** The unit's own calendar; a unit created by this import has the default office hours. */
  private unitCalendar(unitCode: string): WorkingCalendar {
    return this.units.find(unitCode) ? this.calendars.calendarForUnit(this.units, unitCode) : getCalendar();
  }

  /** A placeholder procedure created by an earlier line of this run whose batch was not stored yet. */
  pendingOf(code: string): NewProcedure | undefined {
    if (this.versions.has(code)) return undefined;
    const p = this.pendingProcedures.get(code)?.[0];
    return p && { code: p.code, name: p.name, field: p.field, level: p.level, limit: p.timeLimit as TimeLimit };
  }

  private limitOf(text: string | undefined): TimeLimit | null {
    if (!text) return null;
    try {
      return parseLimit(text);
    } catch {
      throw reject("invalid-limit", `thời hạn "${text}" không đọc được`);
    }
  }

  private missingUnits(record: DossierRecord, pending: Map<string, NewUnit>, createMissing: boolean): NewUnit[] {
    const wanted: NewUnit[] = [];
    const known = (code: string) => this.units.find(code) !== undefined || pending.has(code);
    const add = (unit: NewUnit) => {
      if (known(unit.code)) return;
      if (!createMissing) {
        throw reject("unknown-unit", `đơn vị ${unit.code} chưa có (dùng --create-missing để tạo)`);
      }
      pending.set(unit.code, unit);
      wanted.push(unit);
    };
    const parent = record.unit.parent ?? null;
    if (parent) add({ code: parent, name: parent, kind: "province", parent: null, placeholder: true });
    add({
      code: record.unit.code,
      name: record.unit.name ?? record.unit.code,
      kind: kindOf(record),
      parent,
      placeholder: !record.unit.name,
    });
    for (const event of record.events) {
      if (event.type === "transferred" && event.toUnit)
        add({ code: event.toUnit, name: event.toUnit, kind: "agency", parent: null, placeholder: true });
    }
    return wanted;
  }

  provinceOf(code: string, pending: Map<string, { parent: string | null }>): string {
    let current = code;
    for (let guard = 0; guard < 50; guard++) {
      const parent = this.units.find(current)?.parentCode ?? pending.get(current)?.parent ?? null;
      if (!parent) return current;
      current = parent;
    }
    return current;
  }
}

/** Builds the rows storing a prepared line inserts (the projection and the events), if not built yet. */
export function buildRows(p: Prepared): void {
  p.row ??= projectionRow(p.header, p.log, p.state);
  p.events ??= p.log.map((event, i) => eventRow(p.header.provinceCode, p.header.code, i + 1, event));
}

/** The dossier row's header for a checked line, the procedure version it falls under filling the gaps. */
function headerOf(
  record: DossierRecord,
  version: Procedure | undefined,
  provinceCode: string,
  log: ReturnType<typeof logFromRecord>,
  state: DossierState,
): DossierHeader {
  const flags = Object.entries(dossierFlags(state))
    .filter(([, on]) => on)
    .map(([name]) => name);
  const header: DossierHeader = {
    provinceCode,
    code: record.code,
    unitCode: record.unit.code,
    procedureCode: record.procedure.code,
    procedureVersion: version?.version ?? null,
    procedureName: record.procedure.name ?? version?.name ?? null,
    field: record.procedure.field ?? version?.field ?? UNKNOWN_FIELD,
    level: record.procedure.level ?? (version?.level as DossierHeader["level"]) ?? null,
    applicant: { ...record.applicant },
    digitized: record.digitized ?? false,
    eResult: record.eResult ?? false,
    feeAmount: record.fee?.amount ?? 0,
    feePaidOnline: record.fee?.paidOnline ?? false,
    lookupSecret: null,
    source: "import",
    contentHash: null,
    flags,
  };
  header.contentHash = contentHash(header, log);
  return header;
}

function kindOf(record: DossierRecord): string {
  switch (record.procedure.level) {
    case "province":
      return "province";
    case "district":
      return "district";
    default:
      return "commune";
  }
}

function earliest(versions: Procedure[]): Procedure | undefined {
  return [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
}

export function placeholderProcedure(p: NewProcedure): Procedure {
  return {
    code: p.code,
    version: 1,
    name: p.name,
    field: p.field,
    level: p.level as Procedure["level"],
    agency: "",
    components: [],
    timeLimit: (p.limit ?? { value: 1, unit: "working_days" }) as Procedure["timeLimit"],
    fees: [],
    onlineLevel: "none",
    boundaryFree: false,
    steps: [],
    restartOnSupplement: false,
    links: [],
    effectiveFrom: "1900-01-01",
    legalBasis: [],
    unconfirmed: [],
  };
}

/**
 * The content a re-import is compared on: what the dossier row and its log keep (the line seen through
 * the log, so a line and the export of the dossier it created hash alike). Unit and procedure names are
 * reference data, not dossier content.
 */
export function contentHash(header: DossierHeader, log: ReturnType<typeof logFromRecord>): string {
  const record = recordOf({ ...header, procedureName: null }, log)!;
  const applicant = header.applicant as DossierRecord["applicant"];
  const canonical = canonicalDossier({
    ...record,
    ...(applicant && Object.keys(applicant).length ? { applicant } : {}),
    digitized: header.digitized,
    eResult: header.eResult,
    fee: { amount: header.feeAmount, paidOnline: header.feePaidOnline },
  });
  return createHash("sha256").update(canonical).digest("hex");
}
