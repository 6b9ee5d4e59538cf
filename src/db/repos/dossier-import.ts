// Import of dossier history in the interchange format (CONTRACTS.md §2): idempotent on the dossier code,
// one transaction per batch (an interruption loses at most the batch in flight, and re-running finishes
// the job), a clear reason per rejected line, and nothing of a rejected line stored. Lines are parsed here,
// prepared against reference data in memory (dossier-import-prepare.ts) and stored by the batch writer
// (dossier-import-write.ts).
import { setImmediate } from "node:timers/promises";
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
  buildRows,
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
  /**
   * Prepare the next batch while the current one is stored (the default). false prepares each batch after the
   * one before is stored: the same result, for measuring what the overlap gains (bench/import.ts).
   */
  overlap?: boolean;
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
  const pipeline = new Pipeline(importer);
  try {
    let line = 0;
    let batch: ReadBatch = { items: [], unparsed: [] };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const text = next.value;
      line++;
      if (text.trim() === "") continue;
      const parsed = parseDossierLine(text);
      if ("error" in parsed) {
        batch.unparsed.push({ line, reason: parsed.error.code, message: parsed.error.message });
        continue;
      }
      batch.items.push({ line, record: parsed.ok });
      if (batch.items.length >= importer.batchSize) {
        await pipeline.push(batch);
        batch = { items: [], unparsed: [] };
      }
    }
    await pipeline.push(batch);
    await pipeline.finish();
  } finally {
    await pipeline.settle();
  }
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
  const pipeline = new Pipeline(importer);
  try {
    for (let i = 0; i < records.length; i += importer.batchSize) {
      const items = records.slice(i, i + importer.batchSize).map((record, j) => ({ line: i + j + 1, record }));
      await pipeline.push({ items, unparsed: [] });
    }
    await pipeline.finish();
  } finally {
    await pipeline.settle();
  }
  return importer.summary;
}

/** A batch as read: its parsed lines, and the lines before them that did not parse. */
interface ReadBatch {
  items: Item[];
  unparsed: Rejection[];
}

/** A batch prepared: the lines to store, and the rejections so far, reported when the batch is written. */
interface PreparedBatch {
  read: ReadBatch;
  prepared: Prepared[];
  rejections: Rejection[];
  /** Whether storing it creates units or procedures (which the next batch must see before it is prepared). */
  createsReference: boolean;
}

/** Lines prepared between two yields to the event loop (so the batch in flight keeps moving meanwhile). */
const PREPARE_SLICE = 50;

/**
 * Prepares batch k+1 while batch k is being stored: the preparation is CPU work on reference data in memory,
 * the storing mostly waiting for the database. Batches are still written one after the other, in order, and
 * each batch's rejections are reported when it is written, so what the caller sees (rejections, their order,
 * progress, the summary) is what a batch-after-batch import reports. A batch that creates units or procedures
 * (--create-missing) is stored before the next one is prepared: the next one must find them stored.
 */
class Pipeline {
  private inFlight: Promise<void> | undefined;
  private waitBeforePreparing = false;

  constructor(private readonly importer: Importer) {}

  async push(batch: ReadBatch) {
    if (!batch.items.length && !batch.unparsed.length) return;
    if (this.waitBeforePreparing || !this.importer.overlap) await this.inFlight;
    const prepared = await this.importer.prepare(batch);
    await this.inFlight;
    const writing = this.importer.write(prepared);
    // a failure is awaited by the next push or by finish; until then it must not count as unhandled
    writing.catch(() => {});
    this.inFlight = writing;
    this.waitBeforePreparing = prepared.createsReference;
  }

  /** Waits for the last batch; throws its error. */
  async finish() {
    await this.inFlight;
  }

  /** Waits for the batch in flight without throwing (before an earlier error propagates). */
  async settle() {
    await this.inFlight?.catch(() => {});
  }
}

class Importer {
  readonly summary: ImportSummary = { read: 0, imported: 0, unchanged: 0, rejected: 0 };
  readonly batchSize: number;
  readonly overlap: boolean;
  private readonly preparer: LinePreparer;
  private readonly writer: BatchWriter;
  /** Whether most lines of the last batch written were new (then the next batch's rows are built ahead). */
  private mostlyFresh = true;

  constructor(
    private readonly database: Db,
    private readonly units: UnitDirectory,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.overlap = options.overlap ?? true;
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

  /** Checks a batch's lines against the reference data (no database), a slice at a time. */
  async prepare(read: ReadBatch): Promise<PreparedBatch> {
    const prepared: Prepared[] = [];
    const rejections: Rejection[] = [];
    const pendingUnits = new Map<string, NewUnit>();
    for (const [i, item] of read.items.entries()) {
      if (i > 0 && i % PREPARE_SLICE === 0) await setImmediate();
      try {
        const p = this.preparer.prepare(item, pendingUnits);
        this.preparer.admit(p, pendingUnits);
        // while the batch before is being stored this costs no time; unchanged lines of a re-import skip it
        if (this.mostlyFresh) buildRows(p);
        prepared.push(p);
      } catch (error) {
        if (!(error instanceof Rejected)) throw error;
        rejections.push({ line: item.line, code: item.record.code, reason: error.reason, message: error.message });
      }
    }
    const createsReference = prepared.some((p) => p.newUnits.length > 0 || p.newProcedure !== undefined);
    return { read, prepared, rejections, createsReference };
  }

  /** Reports the batch's rejections so far, drops the lines already stored and stores the rest. */
  async write({ read, prepared, rejections }: PreparedBatch) {
    for (const rejection of read.unparsed) {
      this.rejectLine(rejection);
      this.summary.read++;
    }
    if (!read.items.length) return;
    this.summary.read += read.items.length;
    for (const rejection of rejections) this.rejectLine(rejection);
    const fresh = await this.writer.dropExisting(prepared);
    this.mostlyFresh = fresh.length * 2 >= prepared.length;
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
