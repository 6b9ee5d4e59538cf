// 01b values typed in by hand for a unit and period (migration 0013, reform_sheet_manual), where the reform
// records hold nothing. Refused with a stable code: a row computed from dossiers or the catalogue
// (`computed-row`: a hand entry never overrides them), a group row, an unknown code, and a value breaking a
// check of src/reform/sheet/checks.ts together with the rest of the sheet. Every change is audited.
import type { Kysely } from "kysely";
import { checkManualValue, type SheetViolation } from "../../../reform/sheet/checks.ts";
import { isComputedRow, sheetRow } from "../../../reform/sheet/rows.ts";
import type { Database } from "../../schema.ts";
import { type ChangedBy, writeAudit } from "../audit.ts";
import { provinceOfUnits } from "../unit-province.ts";

export type ManualRefusal = "unknown-row" | "group-row" | "computed-row" | "invalid-period" | SheetViolation["code"];

export class ManualValueError extends Error {
  override name = "ManualValueError";
  constructor(
    readonly code: ManualRefusal,
    message: string,
    readonly violations: readonly SheetViolation[] = [],
  ) {
    super(message);
  }
}

export interface SheetKey {
  province: string;
  unit: string;
  from: string;
  to: string;
}

export interface ManualEntry {
  code: string;
  value: number;
  note: string | null;
  enteredBy: number | null;
  enteredAt: Date;
}

/** The hand entries of a unit for exactly this period (the province read from the unit when not given). */
export async function manualEntries(
  db: Kysely<Database>,
  key: Omit<SheetKey, "province"> & { province?: string },
): Promise<ManualEntry[]> {
  const rows = await db
    .selectFrom("reform_sheet_manual")
    .selectAll()
    .where("province_code", "=", provinceOfUnits([key.unit], key.province))
    .where("unit_code", "=", key.unit)
    .where("from", "=", key.from)
    .where("to", "=", key.to)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    value: Number(r.value),
    note: r.note,
    enteredBy: r.entered_by === null ? null : Number(r.entered_by),
    enteredAt: new Date(r.entered_at),
  }));
}

/** Why a code cannot be typed by hand, or undefined when it can. */
export function refusalFor(code: string): ManualValueError | undefined {
  const def = sheetRow(code);
  if (!def) return new ManualValueError("unknown-row", `Không có chỉ tiêu ${code} trong Phụ lục 01b`);
  if (def.group) return new ManualValueError("group-row", `Chỉ tiêu ${code} là dòng nhóm, không nhập số liệu`);
  if (isComputedRow(def)) {
    const from = def.source === "dossiers" ? "sổ theo dõi hồ sơ" : "danh mục TTHC";
    return new ManualValueError("computed-row", `Chỉ tiêu ${code} được tính từ ${from}, không nhập tay`);
  }
  return undefined;
}

/**
 * Stores (or replaces) a hand entry, checked against `sheet` (the values of the rest of the sheet: computed,
 * recorded and other hand entries). Throws ManualValueError without storing anything on a refusal.
 */
export async function setManualValue(
  db: Kysely<Database>,
  key: SheetKey,
  entry: { code: string; value: number; note?: string | null },
  sheet: ReadonlyMap<string, number | null>,
  by: ChangedBy,
): Promise<void> {
  const refusal = refusalFor(entry.code);
  if (refusal) throw refusal;
  if (key.from > key.to) throw new ManualValueError("invalid-period", "Kỳ báo cáo bắt đầu sau ngày kết thúc");
  const violations = checkManualValue(entry.code, entry.value, sheet);
  if (violations.length) {
    throw new ManualValueError(violations[0]!.code, `Số liệu ${entry.code} không hợp lệ`, violations);
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("reform_sheet_manual")
      .select(["value", "note"])
      .where("province_code", "=", key.province)
      .where("unit_code", "=", key.unit)
      .where("from", "=", key.from)
      .where("to", "=", key.to)
      .where("code", "=", entry.code)
      .executeTakeFirst();
    const values = {
      province_code: key.province,
      unit_code: key.unit,
      from: key.from,
      to: key.to,
      code: entry.code,
      value: entry.value,
      note: entry.note ?? null,
      entered_by: by.userId,
      entered_at: by.now,
    };
    await trx
      .insertInto("reform_sheet_manual")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["province_code", "unit_code", "from", "to", "code"]).doUpdateSet({
          value: entry.value,
          note: entry.note ?? null,
          entered_by: by.userId,
          entered_at: by.now,
        }),
      )
      .execute();
    await writeAudit(trx, by, {
      action: "reform.sheet.manual.set",
      subject: `${key.unit}/${key.from}..${key.to}/${entry.code}`,
      detail: { before: before ? { value: Number(before.value), note: before.note } : null, after: entry },
    });
  });
}

/** Removes a hand entry (audited); false when there was none. */
export async function deleteManualValue(
  db: Kysely<Database>,
  key: SheetKey,
  code: string,
  by: ChangedBy,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("reform_sheet_manual")
      .where("province_code", "=", key.province)
      .where("unit_code", "=", key.unit)
      .where("from", "=", key.from)
      .where("to", "=", key.to)
      .where("code", "=", code)
      .returning(["value"])
      .executeTakeFirst();
    if (!removed) return false;
    await writeAudit(trx, by, {
      action: "reform.sheet.manual.delete",
      subject: `${key.unit}/${key.from}..${key.to}/${code}`,
      detail: { before: { value: Number(removed.value) } },
    });
    return true;
  });
}
