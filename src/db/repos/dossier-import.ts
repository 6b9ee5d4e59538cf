// Import of dossier history in the interchange format (CONTRACTS.md §2): idempotent on the dossier code,
// one transaction per batch (an interruption loses at most the batch in flight, and re-running finishes
// the job), a clear reason per rejected line, and nothing of a rejected line stored. Lines are parsed here,
// prepared against reference data in memory (dossier-import-prepare.ts) and stored by the batch writer
// (dossier-import-write.ts).
import type { WorkingCalendar } from "../../calendar/index.ts";
import { startOfLocalDate } from "../../calendar/local-time.ts";
import { parseDossierLine } from "../../dossier/interchange/index.ts";
import type { DossierRecord } from "../../dossier/record.ts";
import type { Database as Db } from "../engine.ts";
import { calendarRegistryOf } from "./calendar.ts";
import { overrideFromRow, procedureFromRow } from "./catalog-rows.ts";
import {
  type ImportScope,
  type Item,
  LinePreparer,
  type NewUnit,
  type Prepared,
  placeholderProcedure,
  Rejected,
} from "./dossier-import-prepare.ts";
import { BatchWriter } from "./dossier-import-write.ts";
import type { UnitDirectory } from "./units.ts";

export { contentHash, type ImportScope } from "./dossier-import-prepare.ts";

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

class Importer {
  readonly summary: ImportSummary = { read: 0, imported: 0, unchanged: 0, rejected: 0 };
  readonly batchSize: number;
  private readonly preparer: LinePreparer;
  private readonly writer: BatchWriter;

  constructor(
    private readonly database: Db,
    private readonly units: UnitDirectory,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.preparer = new LinePreparer(units, calendarRegistryOf(database.db), options);
    this.writer = new BatchWriter(database, units, this.preparer, {
      rejectLine: (rejection) => this.rejectLine(rejection),
      unchanged: () => this.summary.unchanged++,
    });
  }

  /** Loads the reference data lines are checked against. */
  async start() {
    await this.units.refresh();
    await calendarRegistryOf(this.database.db).load();
    const { versions, manual } = this.preparer;
    const rows = await this.database.db.selectFrom("procedures").selectAll().execute();
    for (const row of rows) {
      const list = versions.get(row.code) ?? [];
      list.push(procedureFromRow(row));
      versions.set(row.code, list);
    }
    this.preparer.overrides = (await this.database.db.selectFrom("procedure_overrides").selectAll().execute()).map(
      overrideFromRow,
    );
    const periods = await this.database.db.selectFrom("manual_results").select(["unit_code", "from", "to"]).execute();
    for (const m of periods) {
      const list = manual.get(m.unit_code) ?? [];
      const start = startOfLocalDate(m.from).getTime();
      list.push({ from: m.from, to: m.to, start, end: startOfLocalDate(m.to).getTime() + 86_400_000 });
      manual.set(m.unit_code, list);
    }
  }

  rejectLine(rejection: Rejection) {
    this.summary.rejected++;
    this.options.onReject?.(rejection);
  }

  async run(items: Item[]) {
    this.summary.read += items.length;
    const prepared: Prepared[] = [];
    const pendingUnits = new Map<string, NewUnit>();
    for (const item of items) {
      try {
        const p = this.preparer.prepare(item, pendingUnits);
        this.preparer.admit(p, pendingUnits);
        prepared.push(p);
      } catch (error) {
        if (!(error instanceof Rejected)) throw error;
        this.rejectLine({ line: item.line, code: item.record.code, reason: error.reason, message: error.message });
      }
    }
    const fresh = await this.writer.dropExisting(prepared);
    if (fresh.length) {
      this.summary.imported += await this.writer.storeAll(fresh);
      if (fresh.some((p) => p.newUnits.length)) await this.units.refresh();
      for (const p of fresh)
        if (p.newProcedure) this.preparer.versions.set(p.newProcedure.code, [placeholderProcedure(p.newProcedure)]);
    }
    for (const p of prepared) {
      const code = p.newProcedure?.code;
      if (code && !this.preparer.versions.has(code)) this.preparer.pendingProcedures.delete(code);
    }
    this.options.onProgress?.(this.summary.read);
  }
}
