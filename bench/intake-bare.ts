// The bare side of bench/intake.ts: what intake writes, by hand. One dossier the API stored is the template of
// the bare rows (the same columns, the same values, a new code): `statement`, the three writes as one INSERT … WITH,
// as intake itself issues them (one round trip); `transaction`, begin, sequence upsert, dossier, event, commit.
import type pg from "pg";
import { localDate } from "../src/calendar/index.ts";
import { formatDossierCode } from "../src/dossier/code.ts";

export type BareWrite = (client: pg.PoolClient, unitCode: string) => Promise<void>;

/** The bare write of one dossier, after the API stored at least one in `province` (its template). */
export async function bareWriter(
  pool: pg.Pool,
  province: string,
  kind: "statement" | "transaction",
): Promise<BareWrite> {
  const template = (
    await pool.query("select * from dossiers where province_code = $1 order by code limit 1", [province])
  ).rows[0] as Record<string, unknown>;
  const templateEvent = (
    await pool.query("select * from dossier_events where province_code = $1 and dossier_code = $2", [
      province,
      template.code,
    ])
  ).rows[0] as Record<string, unknown>;
  const JSON_COLUMNS = new Set(["applicant", "time_limit", "components", "payload", "attachments"]);
  const dossierColumns = Object.keys(template).filter((c) => c !== "created_at");
  const eventColumns = Object.keys(templateEvent).filter((c) => c !== "recorded_at");
  const insertDossier = `insert into dossiers (${dossierColumns.join(", ")}) values (${dossierColumns.map((_, i) => `$${i + 1}`).join(", ")})`;
  const insertEvent = `insert into dossier_events (${eventColumns.join(", ")}) values (${eventColumns.map((_, i) => `$${i + 1}`).join(", ")})`;
  const upsertSequence = `insert into dossier_sequences (province_code, unit_code, day, last) values ($1, $2, $3, 1)
    on conflict (province_code, unit_code, day) do update set last = dossier_sequences.last + 1 returning last`;
  const columnValue = (row: Record<string, unknown>, column: string) =>
    JSON_COLUMNS.has(column) && row[column] !== null ? JSON.stringify(row[column]) : row[column];

  /** The bare transaction: what intake writes, as a person would write it by hand. */
  async function bareIntake(client: pg.PoolClient, unitCode: string): Promise<void> {
    const now = new Date();
    await client.query("begin");
    try {
      const { rows } = await client.query(upsertSequence, [province, unitCode, localDate(now)]);
      const code = formatDossierCode(unitCode, now, rows[0].last);
      const row = { ...template, code, unit_code: unitCode, current_unit_code: unitCode, updated_at: now };
      await client.query(
        insertDossier,
        dossierColumns.map((c) => columnValue(row, c)),
      );
      const event = { ...templateEvent, dossier_code: code, unit_code: unitCode };
      await client.query(
        insertEvent,
        eventColumns.map((c) => columnValue(event, c)),
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  }

  /** The same writes in one hand-written statement (the sequence, the row and the event as WITH parts). */
  const rest = (columns: string[], skip: string[]) => columns.filter((c) => !skip.includes(c));
  const statementDossierColumns = rest(dossierColumns, ["code", "unit_code", "current_unit_code", "updated_at"]);
  const statementEventColumns = rest(eventColumns, ["province_code", "dossier_code", "unit_code"]);
  const oneStatement = `with s as (${upsertSequence}),
    d as (insert into dossiers (code, unit_code, current_unit_code, updated_at, ${statementDossierColumns.join(", ")})
      values ((select $4 || lpad(s.last::text, 4, '0') from s), $2, $2, now(), ${statementDossierColumns.map((_, i) => `$${i + 5}`).join(", ")})
      returning province_code, code),
    e as (insert into dossier_events (province_code, dossier_code, unit_code, ${statementEventColumns.join(", ")})
      select d.province_code, d.code, $2, ${statementEventColumns.map((_, i) => `$${i + 5 + statementDossierColumns.length}`).join(", ")} from d)
    select code from d`;
  async function bareStatement(client: pg.PoolClient, unitCode: string): Promise<void> {
    const now = new Date();
    const prefix = formatDossierCode(unitCode, now, 1).slice(0, -4);
    await client.query(oneStatement, [
      province,
      unitCode,
      localDate(now),
      prefix,
      ...statementDossierColumns.map((c) => columnValue(template, c)),
      ...statementEventColumns.map((c) => columnValue(templateEvent, c)),
    ]);
  }
  return kind === "statement" ? bareStatement : bareIntake;
}
