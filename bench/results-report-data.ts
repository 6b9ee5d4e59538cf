// Benchmark data for the results report, generated inside the database with generate_series (no files):
// one province, 100 communes, 2 years of receipts (2023–2024), 12 fields × 5 procedures, four channels,
// ~5% of dossiers with a supplement request (their events in dossier_events), ~1% refused at intake,
// ~3% withdrawn or stopped, open dossiers mostly in the last two months. Projection columns are computed the
// way projectionRow computes them (end instant, deadline in force at the end, timeliness).
import type pg from "pg";

const FIELDS = [
  "Chứng thực",
  "Hộ tịch",
  "Đất đai",
  "Bảo trợ xã hội",
  "Tư pháp",
  "Lao động",
  "Người có công",
  "Xây dựng",
  "Nông nghiệp",
  "Giáo dục",
  "Y tế",
  "Văn hóa",
];

export async function seedBenchUnits(pool: pg.Pool): Promise<void> {
  await pool.query(`insert into units (code, name, kind, parent_code, province_code) values ('B', 'Tỉnh Thử Nghiệm', 'province', null, 'B')
    on conflict do nothing`);
  await pool.query(`insert into units (code, name, kind, parent_code, province_code)
    select 'B.' || lpad(i::text, 3, '0'), 'Xã ' || i, 'commune', 'B', 'B' from generate_series(0, 99) i on conflict do nothing`);
}

/** Inserts dossiers numbered [first, last] (and the events of those with supplements). */
export async function generateDossiers(pool: pg.Pool, first: number, last: number): Promise<void> {
  const fields = `array[${FIELDS.map((f) => `'${f}'`).join(", ")}]`;
  await pool.query(`
    insert into dossiers (province_code, code, unit_code, current_unit_code, procedure_code, field, level, channel, state,
      received_at, due_at, deadline_at, supplement_requests, end_type, end_at, end_deadline_at, finish_class, source,
      digitized, e_result, fee_paid_online)
    with base as (
      select g,
        'B.' || lpad((g % 100)::text, 3, '0') as unit,
        (g / 7) % 12 as f,
        (g / 3) % 5 as p,
        timestamptz '2023-01-01 07:30:00 Asia/Ho_Chi_Minh' + (((g * 7919) % 730)::text || ' days')::interval
          + (((g * 104729) % 570)::text || ' minutes')::interval as rcv,
        ((g * 31) % 1000) as r,            -- outcome bucket, 0..999
        ((g * 17) % 100) as s               -- supplement bucket, 0..99
      from generate_series(${first}::bigint, ${last}::bigint) g
    ), d as (
      select *,
        rcv + (((g % 15) + 1)::text || ' days')::interval as due,
        case when s < 5 and s % 3 <> 0 then rcv + (((g % 15) + 4)::text || ' days')::interval else null end as resumed_due,
        case
          when r < 10 then 'refused'
          when r < 30 then 'withdrawn'
          when r < 40 then 'stopped'
          when r < 940 or rcv < timestamptz '2024-11-01 00:00 Asia/Ho_Chi_Minh' and r < 990 then 'resolved'
          else null end as et,
        rcv + (((g * 13) % (20 * 24 * 60))::text || ' minutes')::interval as ended
      from base
    ), e as (
      select *, coalesce(resumed_due, due) as dl from d
    )
    select 'B', 'B' || g || '-230101-0001', unit, unit, '1.00' || (f * 5 + p), (${fields})[f + 1],
      case when p = 4 then 'district' else 'commune' end,
      (array['direct', 'direct', 'direct', 'postal', 'online_partial', 'online_full'])[(g % 6) + 1],
      case when et = 'refused' then 'refused' when et is null then 'processing' else et end,
      case when et = 'refused' then null else rcv end,
      case when et = 'refused' then null else due end,
      case when et = 'refused' then null else dl end,
      case when et = 'refused' or s >= 5 then 0 else 1 end,
      et,
      case when et is null then null else ended end,
      case when et in ('resolved', 'withdrawn', 'stopped') then dl else null end,
      case when et <> 'resolved' then null
        when (ended at time zone 'Asia/Ho_Chi_Minh')::date < (dl at time zone 'Asia/Ho_Chi_Minh')::date then 'early'
        when ended <= dl then 'on_time' else 'late' end,
      'import', g % 2 = 0, g % 3 = 0, g % 5 = 0
    from e`);
}

/** The log of the dossiers with supplements: requested a day after receipt, two in three resumed 3 days later. */
export async function generateSupplementEvents(pool: pg.Pool): Promise<void> {
  await pool.query(`
    insert into dossier_events (province_code, dossier_code, seq, type, at, payload)
    select 'B', d.code, 1, 'supplement_requested', d.received_at + interval '1 day', '{"missing":["x"],"clockPaused":true}'::jsonb
    from dossiers d where d.province_code = 'B' and d.supplement_requests > 0`);
  await pool.query(`
    insert into dossier_events (province_code, dossier_code, seq, type, at, payload)
    select 'B', d.code, 2, 'supplement_received', d.received_at + interval '3 days',
      jsonb_build_object('dueAt', to_char(d.deadline_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    from dossiers d where d.province_code = 'B' and d.supplement_requests > 0 and d.deadline_at <> d.due_at`);
}
