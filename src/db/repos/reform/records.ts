// Dated reform records of every other kind (directives, inspections, outreach, initiatives, surveys, dialogues,
// legal documents, staff, discipline, training, facts): created, edited, removed (soft), each change audited.
// A record's natural key (ref) lets an import find it again instead of adding a twin.
import type { RecordKind, ReformRecord } from "../../../reform/records/model.ts";
import { checkRecord, naturalRef } from "../../../reform/records/rules.ts";
import { ServiceError } from "../dossiers/errors.ts";
import {
  assertFilesExist,
  assertVersion,
  audit,
  inTx,
  type ChangedBy,
  type Db,
  evidenceIds,
  isUnique,
  recordFromRow,
  refuseViolations,
  type StoredRecord,
  subjectOf,
  createdStamp,
  updatedStamp,
} from "./common.ts";
import { inUnits } from "../unit-scope.ts";

export type RecordFields = ReformRecord & { ref?: string };

const duplicate = (ref: string) =>
  new ServiceError(409, "duplicate-record", `Đơn vị đã có hồ sơ này (${ref}); sửa hồ sơ đã có thay vì thêm mới`);

async function checked(db: Db, provinceCode: string, record: ReformRecord): Promise<void> {
  refuseViolations(checkRecord(record));
  await assertFilesExist(db, provinceCode, evidenceIds(record.evidence));
}

const recordRow = (record: RecordFields, ref: string) => ({
  kind: record.kind,
  occurred_on: record.on,
  ref,
  data: JSON.stringify(record.data),
  evidence: JSON.stringify(record.evidence),
  note: record.note ?? null,
});

export async function findRecord(db: Db, provinceCode: string, id: number): Promise<StoredRecord | undefined> {
  const row = await db
    .selectFrom("reform_records")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? recordFromRow(row) : undefined;
}

export async function findRecordByRef(db: Db, provinceCode: string, unit: string, kind: RecordKind, ref: string) {
  const row = await db
    .selectFrom("reform_records")
    .selectAll()
    .where("province_code", "=", provinceCode)
    .where("unit_code", "=", unit)
    .where("kind", "=", kind)
    .where("ref", "=", ref)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? recordFromRow(row) : undefined;
}

export async function createRecord(
  db: Db,
  provinceCode: string,
  record: RecordFields,
  by: ChangedBy,
): Promise<StoredRecord> {
  await checked(db, provinceCode, record);
  const ref = record.ref ?? naturalRef(record);
  try {
    return await inTx(db, async (trx) => {
      const row = await trx
        .insertInto("reform_records")
        .values({
          province_code: provinceCode,
          unit_code: record.unit,
          ...recordRow(record, ref),
          ...createdStamp(by),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const stored = recordFromRow(row);
      await audit(trx, by, `reform.${record.kind}.create`, subjectOf("record", provinceCode, stored.id), null, stored);
      return stored;
    });
  } catch (error) {
    if (isUnique(error)) throw duplicate(ref);
    throw error;
  }
}

/** Replaces a record's date, data, evidence and note (its unit, kind and key stay). */
export async function updateRecord(
  db: Db,
  current: StoredRecord,
  provinceCode: string,
  record: RecordFields,
  by: ChangedBy,
  expectedVersion?: number,
): Promise<StoredRecord> {
  if (record.unit !== current.unit || record.kind !== current.kind)
    throw new ServiceError(422, "unit-change-not-allowed", "Không đổi đơn vị hoặc loại của hồ sơ đã có");
  await checked(db, provinceCode, record);
  return inTx(db, async (trx) => {
    const row = await trx
      .updateTable("reform_records")
      .set((eb) => ({
        ...recordRow(record, current.ref),
        version: eb("version", "+", 1),
        ...updatedStamp(by),
      }))
      .where("province_code", "=", provinceCode)
      .where("id", "=", current.id)
      .where("deleted_at", "is", null)
      .where("version", "=", expectedVersion ?? current.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) assertVersion({ version: -1 }, expectedVersion ?? current.version, "Hồ sơ CCHC");
    const stored = recordFromRow(row!);
    await audit(
      trx,
      by,
      `reform.${record.kind}.update`,
      subjectOf("record", provinceCode, current.id),
      current,
      stored,
    );
    return stored;
  });
}

export async function deleteRecord(db: Db, current: StoredRecord, provinceCode: string, by: ChangedBy) {
  await inTx(db, async (trx) => {
    await trx
      .updateTable("reform_records")
      .set((eb) => ({ deleted_at: by.now, version: eb("version", "+", 1), ...updatedStamp(by) }))
      .where("province_code", "=", provinceCode)
      .where("id", "=", current.id)
      .execute();
    await audit(trx, by, `reform.${current.kind}.delete`, subjectOf("record", provinceCode, current.id), current, null);
  });
}

export interface RecordQuery {
  units: readonly string[];
  /** The units' provinces when the caller knows them (unit-scope.ts); else read in the query. */
  provinces?: readonly string[] | undefined;
  kind?: RecordKind;
  from?: string;
  to?: string;
}

export async function listRecords(db: Db, q: RecordQuery): Promise<StoredRecord[]> {
  if (!q.units.length) return [];
  let query = db
    .selectFrom("reform_records")
    .selectAll()
    .where(inUnits({ unitCodes: q.units, provinces: q.provinces }))
    .where("deleted_at", "is", null);
  if (q.kind) query = query.where("kind", "=", q.kind);
  if (q.from) query = query.where("occurred_on", ">=", q.from);
  if (q.to) query = query.where("occurred_on", "<=", q.to);
  const rows = await query.orderBy("occurred_on").orderBy("id").execute();
  return rows.map(recordFromRow);
}
