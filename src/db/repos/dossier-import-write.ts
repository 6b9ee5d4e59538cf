// The batch writer of the dossier import: drops the lines already stored (same content → unchanged, other
// content → conflict), then stores the rest of a batch in one transaction — placeholder units and procedures
// first, then the dossiers, their events and the code sequences. Lines come prepared (dossier-import-prepare.ts).
import { sql, type Transaction } from "kysely";
import { findDossierCode } from "../../dossier/code.ts";
import { dossierDifferences, parseDossierLine, serializeDossier } from "../../dossier/interchange/index.ts";
import type { Database as Db } from "../engine.ts";
import type { Database } from "../schema.ts";
import { catalogueChanged } from "./catalog-rows.ts";
import { exportRecordOf, logsOf } from "./dossier-export.ts";
import { buildRows, type LinePreparer, type Prepared, Rejected } from "./dossier-import-prepare.ts";
import type { UnitDirectory } from "./units.ts";

/** What the writer reports back: a line's rejection, a line found unchanged. */
export interface WriteListener {
  rejectLine(rejection: { line: number; code?: string; reason: string; message: string }): void;
  unchanged(): void;
}

export class BatchWriter {
  constructor(
    private readonly database: Db,
    private readonly units: UnitDirectory,
    private readonly preparer: LinePreparer,
    private readonly listener: WriteListener,
  ) {}

  /**
   * Removes lines already stored: same content → unchanged; other content → rejected as a conflict.
   * Fast path: the stored hash (of the line that created the dossier) equals the line's. Otherwise — a live
   * dossier (no hash), or one that changed since its import — the line is compared with what the stored
   * dossier exports as, hashed the same way (one extra read of those dossiers per batch).
   */
  async dropExisting(prepared: Prepared[]): Promise<Prepared[]> {
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
        this.listener.unchanged();
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
          hash = this.preparer.prepare({ line: p.item.line, record: parsed.ok }, new Map(), true).header.contentHash;
        } catch (error) {
          if (!(error instanceof Rejected)) throw error;
        }
      }
      if (hash === p.header.contentHash) {
        this.listener.unchanged();
      } else {
        const differences = "ok" in parsed ? dossierDifferences(parsed.ok, p.item.record) : [];
        this.conflict(p, differences.length ? `khác ở ${differences.join(", ")}` : undefined);
      }
    }
  }

  private conflict(p: Prepared, detail?: string) {
    this.listener.rejectLine({
      line: p.item.line,
      code: p.header.code,
      reason: "conflict",
      message: `hồ sơ ${p.header.code} đã có với nội dung khác${detail ? ` (${detail})` : ""}`,
    });
  }

  /** Stores fresh lines in one transaction; if it fails, line by line to isolate the bad one. Returns how many. */
  async storeAll(fresh: Prepared[]): Promise<number> {
    try {
      await this.database.db.transaction().execute((trx) => this.store(trx, fresh));
      return fresh.length;
    } catch {
      // one bad apple (e.g. a concurrent import of the same code): store line by line to isolate it
      let stored = 0;
      for (const one of fresh) {
        try {
          await this.database.db.transaction().execute((trx) => this.store(trx, [one]));
          stored++;
        } catch (error) {
          this.listener.rejectLine({
            line: one.item.line,
            code: one.header.code,
            reason: "storage-error",
            message: (error as Error).message,
          });
        }
      }
      return stored;
    }
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
          province_code: this.preparer.provinceOf(unit.code, units),
          placeholder: unit.placeholder,
        })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }
    for (const p of batch) {
      const np = p.newProcedure ?? this.preparer.pendingOf(p.header.procedureCode);
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
    for (const p of batch) buildRows(p);
    await insertChunked(
      trx,
      "dossiers",
      batch.map((p) => p.row),
      800,
    );
    const events = batch.flatMap((p) => p.events ?? []);
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
