// The audit trail of administrative changes (calendar overrides, office hours, report settings): who, when,
// what, and the state before and after, written in the same transaction as the change.
import type { Transaction } from "kysely";
import type { Database } from "../schema.ts";

/** Who makes a change, and when (the server's clock). */
export interface ChangedBy {
  userId: number | null;
  now: Date;
}

export async function writeAudit(
  trx: Transaction<Database>,
  by: ChangedBy,
  entry: { action: string; subject: string; detail: unknown; provinceCode?: string },
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      at: by.now,
      // '' lets the 0019 trigger take the acting user's province (national users: '' — "toàn quốc")
      province_code: entry.provinceCode ?? "",
      user_id: by.userId,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}
