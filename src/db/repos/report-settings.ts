// A province's reporting periods (kỳ báo cáo): the cut day its months start on (1 = calendar months,
// 15 = from the 15th of the month before to the 14th). Read by every report that takes `period=`; set by the
// province's administrator, each change recorded in audit_log like the calendar settings.
import type { Kysely } from "kysely";
import { MAX_CUT_DAY, MIN_CUT_DAY } from "../../figures/period.ts";
import type { Database } from "../schema.ts";
import { type ChangedBy, writeAudit } from "./audit.ts";

/** Calendar periods: what a province without a setting uses. */
export const DEFAULT_PROVINCE_CUT_DAY = 1;

export interface PeriodSettings {
  province: string;
  cutDay: number;
}

export function isCutDay(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_CUT_DAY && value <= MAX_CUT_DAY;
}

/** The province's cut day, or 1 when it never set one. */
export async function cutDayOf(db: Kysely<Database>, province: string): Promise<number> {
  const row = await db
    .selectFrom("report_settings")
    .select("cut_day")
    .where("province_code", "=", province)
    .executeTakeFirst();
  return row ? Number(row.cut_day) : DEFAULT_PROVINCE_CUT_DAY;
}

/** Sets the province's cut day (checked by the caller: 1..28) and records the change in audit_log. */
export async function setCutDay(
  db: Kysely<Database>,
  settings: PeriodSettings,
  by: ChangedBy,
): Promise<PeriodSettings> {
  if (!isCutDay(settings.cutDay)) throw new RangeError(`cut day must be ${MIN_CUT_DAY}..${MAX_CUT_DAY}`);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("report_settings")
      .select("cut_day")
      .where("province_code", "=", settings.province)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("report_settings")
      .values({
        province_code: settings.province,
        cut_day: settings.cutDay,
        updated_at: by.now,
        updated_by: by.userId,
      })
      .onConflict((oc) =>
        oc.column("province_code").doUpdateSet({ cut_day: settings.cutDay, updated_at: by.now, updated_by: by.userId }),
      )
      .execute();
    await writeAudit(trx, by, {
      action: "report.period-settings.set",
      subject: `report-settings:${settings.province}`,
      detail: {
        before: { cutDay: before ? Number(before.cut_day) : DEFAULT_PROVINCE_CUT_DAY, stored: Boolean(before) },
        after: { cutDay: settings.cutDay },
      },
    });
  });
  return { province: settings.province, cutDay: settings.cutDay };
}
