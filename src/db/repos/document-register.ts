// The document register (migration 0011; keyed by province too since 0019): numbers per unit, per form and per
// year, given once to one document and never reused, and the units' own office names from dates. A number is
// allocated when a form is first issued (rendered) and the same document printed again keeps it.
import { type Kysely, sql } from "kysely";
import type { OfficeNameSetting } from "../../documents/office-names.ts";
import type { Database } from "../schema.ts";
import { type ChangedBy, writeAudit } from "./audit.ts";
import { isUniqueViolation } from "./dossiers/errors.ts";

export interface NumberRequest {
  unitCode: string;
  /** The unit's province (the register's key, migration 0019); looked up from the unit when not given. */
  provinceCode?: string;
  /** The register: a form id ("receipt", "ledger", …). */
  form: string;
  /** Local date of issue (YYYY-MM-DD); its year is the register's year. */
  issuedOn: string;
  /** What the number is given to, e.g. "<dossier code>#<event index>". */
  subject: string;
  /** The printed number and symbol of number n. */
  text(n: number): string;
}

export interface IssuedNumber {
  number: number;
  year: number;
  text: string;
}

class AlreadyIssued extends Error {
  constructor(readonly issued: IssuedNumber) {
    super("already issued");
  }
}

type Keyed = NumberRequest & { provinceCode: string };

async function issuedTo(db: Kysely<Database>, r: Keyed): Promise<IssuedNumber | undefined> {
  return db
    .selectFrom("document_numbers")
    .select(["number", "year", "text"])
    .where("province_code", "=", r.provinceCode)
    .where("unit_code", "=", r.unitCode)
    .where("form", "=", r.form)
    .where("subject", "=", r.subject)
    .executeTakeFirst();
}

/**
 * The number of a document: the one it was given before, else the next of its unit's register for the form
 * and year. The counter's row is locked by the increment, so concurrent issues of one register are
 * serialized; an issue that finds its subject already numbered once it holds the lock rolls back (no gap).
 */
export async function documentNumber(db: Kysely<Database>, request: NumberRequest): Promise<IssuedNumber> {
  const r: Keyed = { ...request, provinceCode: request.provinceCode ?? (await provinceOfUnit(db, request.unitCode)) };
  const before = await issuedTo(db, r);
  if (before) return before;
  const year = Number(r.issuedOn.slice(0, 4));
  try {
    return await db.transaction().execute(async (trx) => {
      const { last_number: number } = await trx
        .insertInto("document_counters")
        .values({ province_code: r.provinceCode, unit_code: r.unitCode, form: r.form, year, last_number: 1 })
        .onConflict((oc) =>
          oc
            .columns(["province_code", "unit_code", "form", "year"])
            .doUpdateSet({ last_number: sql<number>`document_counters.last_number + 1` }),
        )
        .returning("last_number")
        .executeTakeFirstOrThrow();
      const raced = await issuedTo(trx, r);
      if (raced) throw new AlreadyIssued(raced);
      const text = r.text(number);
      await trx
        .insertInto("document_numbers")
        .values({
          province_code: r.provinceCode,
          unit_code: r.unitCode,
          form: r.form,
          year,
          number,
          subject: r.subject,
          text,
          issued_on: r.issuedOn,
        })
        .execute();
      return { number, year, text };
    });
  } catch (error) {
    if (error instanceof AlreadyIssued) return error.issued;
    if (isUniqueViolation(error)) {
      const issued = await issuedTo(db, r);
      if (issued) return issued;
    }
    throw error;
  }
}

/** The province of a unit (units.province_code); a unit that does not exist is an error, as the foreign key says. */
async function provinceOfUnit(db: Kysely<Database>, unitCode: string): Promise<string> {
  const unit = await db.selectFrom("units").select("province_code").where("code", "=", unitCode).executeTakeFirst();
  if (!unit) throw new Error(`unknown unit ${unitCode}: no document register`);
  return unit.province_code;
}

/** A unit's own office names, oldest first. */
export async function officeNamesOf(db: Kysely<Database>, unitCode: string): Promise<OfficeNameSetting[]> {
  const rows = await db
    .selectFrom("unit_office_names")
    .select(["valid_from", "name", "symbol"])
    .where("unit_code", "=", unitCode)
    .orderBy("valid_from")
    .execute();
  return rows.map((r) => ({ validFrom: r.valid_from, name: r.name, symbol: r.symbol }));
}

/** Names a unit's office from a date on (replacing a setting of the same date), recorded in audit_log. */
export async function setOfficeName(
  db: Kysely<Database>,
  unitCode: string,
  setting: OfficeNameSetting,
  by: ChangedBy = { userId: null, now: new Date() },
): Promise<OfficeNameSetting[]> {
  const values = {
    unit_code: unitCode,
    valid_from: setting.validFrom,
    name: setting.name.normalize("NFC").trim(),
    symbol: setting.symbol ?? null,
    updated_by: by.userId,
  };
  await db.transaction().execute(async (trx) => {
    const before = await officeNamesOf(trx, unitCode);
    await trx
      .insertInto("unit_office_names")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["unit_code", "valid_from"]).doUpdateSet({
          name: values.name,
          symbol: values.symbol,
          updated_by: by.userId,
          updated_at: by.now,
        }),
      )
      .execute();
    await writeAudit(trx, by, {
      action: "unit.office-name.set",
      subject: `unit:${unitCode}`,
      detail: { before, set: { validFrom: values.valid_from, name: values.name, symbol: values.symbol } },
    });
  });
  return officeNamesOf(db, unitCode);
}
