// Public statistics (công khai kết quả giải quyết): per field, dossiers received in a period by channel, finished
// early / on time / late, withdrawn, stopped, refused at intake; and the public list of apologies (extensions
// with an apology letter). Read from the projection's report facts; nothing personal leaves this module.
import { sql } from "kysely";
import { localDate } from "../../../calendar/index.ts";
import { inUnits, provincesOfUnits } from "../unit-scope.ts";
import type { ServiceContext } from "./service.ts";

export interface PublicPeriod {
  from: string;
  to: string;
  /** Receiving units (a unit and its subtree); undefined = all. */
  units?: readonly string[];
}

/** [start, end) instants of local dates from..to inclusive. */
export function periodBounds(from: string, to: string): [Date, Date] {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  return [start, end];
}

export interface PublicStatisticsRow {
  key: string;
  received: number;
  receivedDirect: number;
  receivedPostal: number;
  receivedOnlinePartial: number;
  receivedOnlineFull: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  withdrawn: number;
  stopped: number;
  refusedAtIntake: number;
}

/** The results figures the public statistics publish, per field (the response schema labels them). */
export const COUNTS = [
  "received",
  "receivedDirect",
  "receivedPostal",
  "receivedOnlinePartial",
  "receivedOnlineFull",
  "finishedEarly",
  "finishedOnTime",
  "finishedLate",
  "withdrawn",
  "stopped",
  "refusedAtIntake",
] as const;

/** The units of the period with their provinces (the directory's); every unit when none are named. */
const scopeOf = (ctx: ServiceContext, period: PublicPeriod) =>
  period.units ? { unitCodes: period.units, provinces: provincesOfUnits(ctx.units, period.units) } : {};

export async function publicStatistics(ctx: ServiceContext, period: PublicPeriod) {
  const [start, end] = periodBounds(period.from, period.to);
  const inReceived = sql`received_at >= ${start} and received_at < ${end}`;
  const inEnd = sql`end_at >= ${start} and end_at < ${end}`;
  const finished = sql`end_type in ('resolved', 'declined', 'returned') and ${inEnd}`;
  const unitFilter = sql`and ${inUnits(scopeOf(ctx, period))}`;
  const { rows } = await sql<Record<string, unknown>>`
    select field as key,
      count(*) filter (where ${inReceived}) as "received",
      count(*) filter (where ${inReceived} and channel = 'direct') as "receivedDirect",
      count(*) filter (where ${inReceived} and channel = 'postal') as "receivedPostal",
      count(*) filter (where ${inReceived} and channel = 'online_partial') as "receivedOnlinePartial",
      count(*) filter (where ${inReceived} and channel = 'online_full') as "receivedOnlineFull",
      count(*) filter (where ${finished} and finish_class = 'early') as "finishedEarly",
      count(*) filter (where ${finished} and finish_class = 'on_time') as "finishedOnTime",
      count(*) filter (where ${finished} and finish_class = 'late') as "finishedLate",
      count(*) filter (where end_type = 'withdrawn' and received_at is not null and ${inEnd}) as "withdrawn",
      count(*) filter (where end_type = 'stopped' and ${inEnd}) as "stopped",
      count(*) filter (where end_type = 'refused' and received_at is null and ${inEnd}) as "refusedAtIntake"
    from dossiers
    where ((${inReceived}) or (${inEnd})) ${unitFilter}
    group by field
    order by field`.execute(ctx.db);
  const toRow = (r: Record<string, unknown>): PublicStatisticsRow => {
    const out = { key: String(r.key) } as PublicStatisticsRow;
    for (const k of COUNTS) out[k] = Number(r[k] ?? 0);
    return out;
  };
  const items = rows.map(toRow);
  const total = { key: "Tổng cộng" } as PublicStatisticsRow;
  for (const k of COUNTS) total[k] = items.reduce((sum, r) => sum + r[k], 0);
  const done = total.finishedEarly + total.finishedOnTime + total.finishedLate;
  return {
    from: period.from,
    to: period.to,
    rows: items,
    total,
    /** Finished early or on time / finished, in percent; null when nothing finished. */
    onTimeRate: done === 0 ? null : Math.round(((total.finishedEarly + total.finishedOnTime) * 10000) / done) / 100,
    apologies: await publicApologies(ctx, period),
  };
}

/** Extensions with an apology in the period: which dossier, procedure, unit, old and new appointment. */
export async function publicApologies(ctx: ServiceContext, period: PublicPeriod) {
  const [start, end] = periodBounds(period.from, period.to);
  let query = ctx.db
    .selectFrom("dossier_events as e")
    .innerJoin("dossiers as d", (j) =>
      j.onRef("d.province_code", "=", "e.province_code").onRef("d.code", "=", "e.dossier_code"),
    )
    .select(["d.code", "d.procedure_name", "d.unit_code", "d.due_at", "e.at", "e.payload"])
    .where("e.type", "=", "extended")
    .where("e.at", ">=", start)
    .where("e.at", "<", end);
  if (period.units) query = query.where(inUnits(scopeOf(ctx, period), "d"));
  const rows = await query.orderBy("e.at", "desc").limit(500).execute();
  return rows
    .filter((r) => (r.payload as { apology?: boolean }).apology !== false)
    .map((r) => ({
      code: r.code,
      procedure: r.procedure_name ?? undefined,
      unit: ctx.units.find(r.unit_code)?.name ?? r.unit_code,
      dueAt: r.due_at,
      newDueAt: (r.payload as { dueAt?: string }).dueAt ? new Date((r.payload as { dueAt: string }).dueAt) : null,
      at: r.at,
      day: localDate(r.at),
    }));
}
