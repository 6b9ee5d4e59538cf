// Import of dossier history in the interchange format (CONTRACTS.md §2): idempotent on the dossier code,
// one transaction per batch (an interruption loses at most the batch in flight, and re-running finishes
// the job), a clear reason per rejected line, and nothing of a rejected line stored.
import { createHash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { getCalendar, localDate, parseLimit, type TimeLimit, type WorkingCalendar } from "../../calendar/index.ts";
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { findEffectiveProcedure, type Procedure, type ProcedureOverride } from "../../catalog/index.ts";
import { findDossierCode } from "../../dossier/code.ts";
import { project } from "../../dossier/evolve.ts";
import { logFromRecord } from "../../dossier/history.ts";
import {
  canonicalDossier,
  dossierDifferences,
  parseDossierLine,
  serializeDossier,
} from "../../dossier/interchange/index.ts";
import { dossierFlags } from "../../dossier/queues.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import { UNKNOWN_FIELD } from "../../figures/grouping.ts";
import type { Database as Db } from "../engine.ts";
import type { Database } from "../schema.ts";
import { type CalendarRegistry, calendarRegistryOf } from "./calendar.ts";
import { catalogueChanged, overrideFromRow, procedureFromRow } from "./catalog.ts";
import { exportRecordOf, logsOf } from "./dossier-export.ts";
import { type DossierHeader, eventRow, projectionRow, recordOf } from "./dossier-store.ts";
import type { UnitDirectory } from "./units.ts";

export interface ImportOptions {
  /** Create units and procedures a line names that do not exist yet (CONTRACTS.md §2). */
  createMissing: boolean;
  batchSize?: number;
  /** Called after each batch with the number of lines read so far. */
  onProgress?(read: number): void;
  /** Called for each rejected line, as soon as it is known. */
  onReject?(rejection: Rejection): void;
  /** The calendar a unit's appointments are computed on, when a line carries no dueAt. */
  calendarFor?: (unitCode: string) => WorkingCalendar;
  /**
   * Whether the caller may import this line (the API: a superuser, or an administrator of the line's
   * province). Returns why not, or undefined when it may; a refused line is rejected as `forbidden`.
   */
  authorize?(line: ImportScope): string | undefined;
}

/** Where a line belongs: its province, its receiving unit, and the units it would create. */
export interface ImportScope {
  provinceCode: string;
  unitCode: string;
  newUnits: { code: string; parent: string | null; provinceCode: string }[];
}

export interface Rejection {
  line: number;
  code?: string;
  reason: string;
  message: string;
}

export interface ImportSummary {
  read: number;
  imported: number;
  unchanged: number;
  rejected: number;
}

interface Item {
  line: number;
  record: DossierRecord;
}

class Rejected extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const reject = (reason: string, message: string) => new Rejected(reason, message);

/** Reads JSON lines (an async or sync iterable of strings) and imports them. */
export async function importDossierLines(
  database: Db,
  units: UnitDirectory,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions,
): Promise<ImportSummary> {
  // take the iterator before the first await: a readline interface drops lines nobody is listening for
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]()) as
    | AsyncIterator<string>
    | Iterator<string>;
  const importer = new Importer(database, units, options);
  await importer.start();
  let line = 0;
  let batch: Item[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const text = next.value;
    line++;
    if (text.trim() === "") continue;
    const parsed = parseDossierLine(text);
    if ("error" in parsed) {
      importer.rejectLine({ line, reason: parsed.error.code, message: parsed.error.message });
      importer.summary.read++;
      continue;
    }
    batch.push({ line, record: parsed.ok });
    if (batch.length >= importer.batchSize) {
      await importer.run(batch);
      batch = [];
    }
  }
  if (batch.length) await importer.run(batch);
  return importer.summary;
}

/** Imports already parsed records (the demo, tests); line numbers are positions from 1. */
export async function importDossierRecords(
  database: Db,
  units: UnitDirectory,
  records: readonly DossierRecord[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const importer = new Importer(database, units, options);
  await importer.start();
  for (let i = 0; i < records.length; i += importer.batchSize) {
    await importer.run(records.slice(i, i + importer.batchSize).map((record, j) => ({ line: i + j + 1, record })));
  }
  return importer.summary;
}

interface Prepared {
  item: Item;
  header: DossierHeader;
  log: ReturnType<typeof logFromRecord>;
  /** The projection row, computed once when first needed (the manual-figures check, or storing). */
  row?: ReturnType<typeof projectionRow>;
  newUnits: { code: string; name: string; kind: string; parent: string | null; placeholder: boolean }[];
  newProcedure?: { code: string; name: string; field: string; level: string; limit: TimeLimit | null };
}

class Importer {
  readonly summary: ImportSummary = { read: 0, imported: 0, unchanged: 0, rejected: 0 };
  readonly batchSize: number;
  private versions = new Map<string, Procedure[]>();
  private overrides: ProcedureOverride[] = [];
  private pendingProcedures = new Map<string, Procedure[]>();
  private calendars!: CalendarRegistry;
  /** Periods covered by results typed in by hand, by unit (a small table, read once). */
  private manual = new Map<string, { from: string; to: string; start: number; end: number }[]>();

  constructor(
    private readonly database: Db,
    private readonly units: UnitDirectory,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  async start() {
    await this.units.refresh();
    this.calendars = calendarRegistryOf(this.database.db);
    await this.calendars.load();
    const rows = await this.database.db.selectFrom("procedures").selectAll().execute();
    for (const row of rows) {
      const list = this.versions.get(row.code) ?? [];
      list.push(procedureFromRow(row));
      this.versions.set(row.code, list);
    }
    this.overrides = (await this.database.db.selectFrom("procedure_overrides").selectAll().execute()).map(
      overrideFromRow,
    );
    const manual = await this.database.db.selectFrom("manual_results").select(["unit_code", "from", "to"]).execute();
    for (const m of manual) {
      const list = this.manual.get(m.unit_code) ?? [];
      const start = startOfLocalDate(m.from).getTime();
      list.push({ from: m.from, to: m.to, start, end: startOfLocalDate(m.to).getTime() + 86_400_000 });
      this.manual.set(m.unit_code, list);
    }
  }

  rejectLine(rejection: Rejection) {
    this.summary.rejected++;
    this.options.onReject?.(rejection);
  }

  async run(items: Item[]) {
    this.summary.read += items.length;
    const prepared: Prepared[] = [];
    const pendingUnits = new Map<string, Prepared["newUnits"][number]>();
    for (const item of items) {
      try {
        const p = this.prepare(item, pendingUnits);
        this.admit(p, pendingUnits);
        prepared.push(p);
      } catch (error) {
        if (!(error instanceof Rejected)) throw error;
        this.rejectLine({ line: item.line, code: item.record.code, reason: error.reason, message: error.message });
      }
    }
    const fresh = await this.dropExisting(prepared);
    if (fresh.length) {
      try {
        await this.database.db.transaction().execute((trx) => this.store(trx, fresh));
        this.summary.imported += fresh.length;
      } catch {
        // one bad apple (e.g. a concurrent import of the same code): store line by line to isolate it
        for (const one of fresh) {
          try {
            await this.database.db.transaction().execute((trx) => this.store(trx, [one]));
            this.summary.imported++;
          } catch (error) {
            this.rejectLine({
              line: one.item.line,
              code: one.header.code,
              reason: "storage-error",
              message: (error as Error).message,
            });
          }
        }
      }
      if (fresh.some((p) => p.newUnits.length)) await this.units.refresh();
      for (const p of fresh)
        if (p.newProcedure) this.versions.set(p.newProcedure.code, [placeholderProcedure(p.newProcedure)]);
    }
    for (const p of prepared) {
      if (p.newProcedure && !this.versions.has(p.newProcedure.code)) this.pendingProcedures.delete(p.newProcedure.code);
    }
    this.options.onProgress?.(this.summary.read);
  }

  /** Checks a line against the stored reference data; computes what is missing from it. */
  private prepare(item: Item, pendingUnits: Map<string, Prepared["newUnits"][number]>, probe = false): Prepared {
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
    let newProcedure: Prepared["newProcedure"];
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
    return { item, header, log, newUnits, newProcedure };
  }

  /** The rules a line must pass besides its content: who may import it, and no double count of figures. */
  private admit(p: Prepared, pending: Map<string, Prepared["newUnits"][number]>) {
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
  private checkManualFigures(p: Prepared, pending: Map<string, Prepared["newUnits"][number]>) {
    p.row ??= projectionRow(p.header, p.log);
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
  private pendingOf(code: string): Prepared["newProcedure"] {
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

  private missingUnits(
    record: DossierRecord,
    pending: Map<string, Prepared["newUnits"][number]>,
    createMissing: boolean,
  ): Prepared["newUnits"] {
    const wanted: Prepared["newUnits"] = [];
    const known = (code: string) => this.units.find(code) !== undefined || pending.has(code);
    const add = (unit: Prepared["newUnits"][number]) => {
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

  private provinceOf(code: string, pending: Map<string, Prepared["newUnits"][number]>): string {
    let current = code;
    for (let guard = 0; guard < 50; guard++) {
      const parent = this.units.find(current)?.parentCode ?? pending.get(current)?.parent ?? null;
      if (!parent) return current;
      current = parent;
    }
    return current;
  }

  /**
   * Removes lines already stored: same content → unchanged; other content → rejected as a conflict.
   * Fast path: the stored hash (of the line that created the dossier) equals the line's. Otherwise — a live
   * dossier (no hash), or one that changed since its import — the line is compared with what the stored
   * dossier exports as, hashed the same way (one extra read of those dossiers per batch).
   */
  private async dropExisting(prepared: Prepared[]): Promise<Prepared[]> {
    if (!prepared.length) return [];
    const rows = await this.database.db
      .selectFrom("dossiers")
      .select(["province_code", "code", "content_hash"])
      .where(
        sql<boolean>`(province_code, code) in (${sql.join(prepared.map((p) => sql`(${p.header.provinceCode}, ${p.header.code})`))})`,
      )
      .execute();
    const stored = new Map(rows.map((row) => [row.code, row.content_hash]));
    const fresh: Prepared[] = [];
    const suspects: Prepared[] = [];
    const earlier = new Set<string>();
    for (const p of prepared) {
      const hash = stored.get(p.header.code);
      if (!stored.has(p.header.code)) {
        stored.set(p.header.code, p.header.contentHash);
        earlier.add(p.header.code);
        fresh.push(p);
      } else if (hash === p.header.contentHash) {
        this.summary.unchanged++;
      } else if (earlier.has(p.header.code)) {
        this.conflict(p, "một dòng trước trong tệp có cùng mã với nội dung khác");
      } else {
        suspects.push(p);
      }
    }
    if (suspects.length) await this.compareWithStored(suspects);
    return fresh;
  }

  /** Compares lines with the export of the stored dossiers of the same codes. */
  private async compareWithStored(suspects: Prepared[]) {
    const rows = await this.database.db
      .selectFrom("dossiers")
      .selectAll()
      .where(
        sql<boolean>`(province_code, code) in (${sql.join(suspects.map((p) => sql`(${p.header.provinceCode}, ${p.header.code})`))})`,
      )
      .execute();
    const logs = await logsOf(this.database.db, rows);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    for (const p of suspects) {
      const row = byCode.get(p.header.code);
      const record = row && exportRecordOf(row, logs.get(`${row.province_code}|${row.code}`) ?? [], this.units);
      if (!record) {
        this.conflict(p, "hồ sơ trên hệ thống chưa được tiếp nhận");
        continue;
      }
      // the stored dossier as a line, read back and prepared exactly as an incoming line is
      const parsed = parseDossierLine(serializeDossier(record));
      let hash: string | null = null;
      if ("ok" in parsed) {
        try {
          hash = this.prepare({ line: p.item.line, record: parsed.ok }, new Map(), true).header.contentHash;
        } catch (error) {
          if (!(error instanceof Rejected)) throw error;
        }
      }
      if (hash === p.header.contentHash) {
        this.summary.unchanged++;
      } else {
        const differences = "ok" in parsed ? dossierDifferences(parsed.ok, p.item.record) : [];
        this.conflict(p, differences.length ? `khác ở ${differences.join(", ")}` : undefined);
      }
    }
  }

  private conflict(p: Prepared, detail?: string) {
    this.rejectLine({
      line: p.item.line,
      code: p.header.code,
      reason: "conflict",
      message: `hồ sơ ${p.header.code} đã có với nội dung khác${detail ? ` (${detail})` : ""}`,
    });
  }

  private async store(trx: Transaction<Database>, batch: Prepared[]) {
    const units = new Map(batch.flatMap((p) => p.newUnits).map((u) => [u.code, u]));
    for (const unit of orderParentsFirst([...units.values()])) {
      await trx
        .insertInto("units")
        .values({
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          parent_code: unit.parent,
          province_code: this.provinceOf(unit.code, units),
          placeholder: unit.placeholder,
        })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }
    for (const p of batch) {
      const np = p.newProcedure ?? this.pendingOf(p.header.procedureCode);
      if (!np) continue;
      catalogueChanged();
      await trx
        .insertInto("procedures")
        .values({
          code: np.code,
          version: 1,
          effective_from: "1900-01-01",
          name: np.name,
          field: np.field,
          level: np.level,
          time_limit: JSON.stringify(np.limit),
          online_level: "none",
          placeholder: true,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await insertChunked(
      trx,
      "dossiers",
      batch.map((p) => p.row ?? projectionRow(p.header, p.log)),
      800,
    );
    const events = batch.flatMap((p) =>
      p.log.map((event, i) => eventRow(p.header.provinceCode, p.header.code, i + 1, event)),
    );
    await insertChunked(trx, "dossier_events", events, 3000);
    // live intake must never issue a code that history already used
    const sequences = new Map<string, { province_code: string; unit_code: string; day: string; last: number }>();
    for (const p of batch) {
      const parts = findDossierCode(p.header.code)!;
      const key = `${p.header.provinceCode}|${parts.unit}|${parts.date}`;
      const last = Math.max(sequences.get(key)?.last ?? 0, parts.sequence);
      sequences.set(key, { province_code: p.header.provinceCode, unit_code: parts.unit, day: parts.date, last });
    }
    await trx
      .insertInto("dossier_sequences")
      .values([...sequences.values()])
      .onConflict((oc) =>
        oc
          .columns(["province_code", "unit_code", "day"])
          .doUpdateSet({ last: sql`greatest(dossier_sequences.last, excluded.last)` }),
      )
      .execute();
  }
}

async function insertChunked<T extends "dossiers" | "dossier_events">(
  trx: Transaction<Database>,
  table: T,
  rows: unknown[],
  size: number,
) {
  for (let i = 0; i < rows.length; i += size) {
    // rows are built by projectionRow/eventRow for exactly this table
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as Parameters<ReturnType<typeof trx.insertInto<T>>["values"]>[0])
      .execute();
  }
}

function orderParentsFirst<T extends { code: string; parent: string | null }>(units: T[]): T[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out: T[] = [];
  const visit = (unit: T) => {
    if (out.includes(unit)) return;
    const parent = unit.parent ? byCode.get(unit.parent) : undefined;
    if (parent) visit(parent);
    out.push(unit);
  };
  units.forEach(visit);
  return out;
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

function placeholderProcedure(p: NonNullable<Prepared["newProcedure"]>): Procedure {
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
