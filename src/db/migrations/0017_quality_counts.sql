-- Counters for the Decision 766 indicators (issue 20, docs/figures.md "Quality indicators from counters"), kept
-- like the results report's (0006): per (province, receiving unit) and local day (span 'd') and local month
-- (span 'm', `day` = its first day), equal to the dossiers table through statement-level triggers in the same
-- transaction as every write of `dossiers`; quality_counts_expected recomputes them (the backfill below and the
-- check the tests run). src/db/repos/reports-quality-counts.ts reads them; reports-quality.db.test.ts and
-- reports-quality-counts.db.test.ts prove the result equal to the pure fold of src/figures/quality.ts.
--
-- What a dossier row contributes, as (local day, counts), r = received_at, x = end_at, due = due_at:
--   at r: received, and by the rate numerators (3.3 online, 3.6 with a fee / paid online, 4.1 electronic result,
--         4.2 digitized for the index: components, and the result as recorded — an import: as imported);
--   for dossiers without supplement requests (2.1 needs the log for the others: they are read directly), with
--   x' = x unless the end is a refusal (no end for 2.1):
--     at r: open_on; at max(r, min(due, x')): open_off — the dossier is open and not past its appointment at a
--           local midnight E exactly when day(r) < E <= day(min(due, x')), so their count at E is Σ on − Σ off
--           before E;
--     at x': ended, and ended_on_time when due is null or x' <= due.
-- With the period's days [S, E) and P(D) = the sum over days before D:
--   2.1 handled = P_E(open_on) − P_S(ended) (x' >= r by the dossiers check: a dossier ended before S was received
--   before S); on time = P_E(ended_on_time) − P_S(ended_on_time) + P_E(open_on) − P_E(open_off);
--   rates: P_E − P_S of each column.
create function quality_contributions(r timestamptz, x timestamptz, due timestamptz, p_end_type text,
  p_channel text, p_fee bigint, p_paid_online boolean, p_e_result boolean, p_digitized boolean,
  p_result_digitized boolean, p_source text, p_supplements integer)
returns table (day date, received integer, online integer, with_fee integer, paid_online integer,
  e_result integer, digitized integer, open_on integer, open_off integer, ended integer, ended_on_time integer)
language sql immutable parallel safe as $$
  select (v.at at time zone 'Asia/Ho_Chi_Minh')::date, v.rc, v.onl, v.fee, v.paid, v.er, v.dg, v.oon, v.ooff,
    v.en, v.eot
  from (select case when p_end_type <> 'refused' then x end as xe) e
  cross join lateral (values
    (r, 1,
      case when p_channel in ('online_partial', 'online_full') then 1 else 0 end,
      case when p_fee > 0 then 1 else 0 end,
      case when p_fee > 0 and p_paid_online then 1 else 0 end,
      case when p_e_result then 1 else 0 end,
      case when p_digitized and coalesce(p_result_digitized, p_source = 'import') then 1 else 0 end,
      case when p_supplements = 0 then 1 else 0 end, 0, 0, 0),
    (case when r is not null and p_supplements = 0 then greatest(r, least(due, e.xe)) end,
      0, 0, 0, 0, 0, 0, 0, 1, 0, 0),
    (case when r is not null and p_supplements = 0 then e.xe end,
      0, 0, 0, 0, 0, 0, 0, 0, 1, case when due is null or e.xe <= due then 1 else 0 end)
  ) v (at, rc, onl, fee, paid, er, dg, oon, ooff, en, eot)
  where v.at is not null
$$;

create table quality_counts (
  span text not null check (span in ('d', 'm')),
  day date not null,
  province_code text not null,
  unit_code text not null,
  received integer not null,
  online integer not null,
  with_fee integer not null,
  paid_online integer not null,
  e_result integer not null,
  digitized integer not null,
  open_on integer not null,
  open_off integer not null,
  ended integer not null,
  ended_on_time integer not null,
  check (span = 'd' or extract(day from day) = 1)
);

create view quality_counts_expected as
  with d as (
    select d.province_code, d.unit_code, f.day, sum(f.received) as received, sum(f.online) as online,
      sum(f.with_fee) as with_fee, sum(f.paid_online) as paid_online, sum(f.e_result) as e_result,
      sum(f.digitized) as digitized, sum(f.open_on) as open_on, sum(f.open_off) as open_off,
      sum(f.ended) as ended, sum(f.ended_on_time) as ended_on_time
    from dossiers d
    cross join lateral quality_contributions(d.received_at, d.end_at, d.due_at, d.end_type, d.channel,
      d.fee_amount, d.fee_paid_online, d.e_result, d.digitized, d.result_digitized, d.source,
      d.supplement_requests) f
    group by 1, 2, 3
  )
  select 'd'::text as span, day, province_code, unit_code, received::integer, online::integer,
    with_fee::integer, paid_online::integer, e_result::integer, digitized::integer, open_on::integer,
    open_off::integer, ended::integer, ended_on_time::integer
  from d
  union all
  select 'm', date_trunc('month', day::timestamp)::date, province_code, unit_code, sum(received)::integer,
    sum(online)::integer, sum(with_fee)::integer, sum(paid_online)::integer, sum(e_result)::integer,
    sum(digitized)::integer, sum(open_on)::integer, sum(open_off)::integer, sum(ended)::integer,
    sum(ended_on_time)::integer
  from d
  group by 2, 3, 4;

set local enable_memoize = off;
insert into quality_counts select * from quality_counts_expected;
alter table quality_counts add primary key (span, day, province_code, unit_code);
analyze quality_counts;

-- The rows a statement removed count −1, the rows it wrote +1 (an update leaves out the rows in which no column
-- the counters read changed: most lifecycle commands); quality_counts_add sums them per key (day and month),
-- drops all-zero sums and adds in key order (writers of shared rows lock them in the same order: no deadlock).
-- Transition tables need one trigger per event; the three pass their signed rows to one function.
create type quality_delta as (sign integer, province_code text, unit_code text, received_at timestamptz,
  end_at timestamptz, due_at timestamptz, end_type text, channel text, fee_amount bigint, fee_paid_online boolean,
  e_result boolean, digitized boolean, result_digitized boolean, source text, supplement_requests integer);

create function quality_counts_add(deltas quality_delta[]) returns void language sql as $$
  insert into quality_counts as t
  select sp.span, sp.day, x.province_code, x.unit_code, sum(x.sign * f.received), sum(x.sign * f.online),
    sum(x.sign * f.with_fee), sum(x.sign * f.paid_online), sum(x.sign * f.e_result), sum(x.sign * f.digitized),
    sum(x.sign * f.open_on), sum(x.sign * f.open_off), sum(x.sign * f.ended), sum(x.sign * f.ended_on_time)
  from unnest(deltas) x
  cross join lateral quality_contributions(x.received_at, x.end_at, x.due_at, x.end_type, x.channel,
    x.fee_amount, x.fee_paid_online, x.e_result, x.digitized, x.result_digitized, x.source,
    x.supplement_requests) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4
  having (sum(x.sign * f.received), sum(x.sign * f.online), sum(x.sign * f.with_fee),
    sum(x.sign * f.paid_online), sum(x.sign * f.e_result), sum(x.sign * f.digitized), sum(x.sign * f.open_on),
    sum(x.sign * f.open_off), sum(x.sign * f.ended), sum(x.sign * f.ended_on_time))
    <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  order by 1, 2, 3, 4
  on conflict (span, day, province_code, unit_code) do update set
    received = t.received + excluded.received,
    online = t.online + excluded.online,
    with_fee = t.with_fee + excluded.with_fee,
    paid_online = t.paid_online + excluded.paid_online,
    e_result = t.e_result + excluded.e_result,
    digitized = t.digitized + excluded.digitized,
    open_on = t.open_on + excluded.open_on,
    open_off = t.open_off + excluded.open_off,
    ended = t.ended + excluded.ended,
    ended_on_time = t.ended_on_time + excluded.ended_on_time
$$;

create function quality_counts_after_insert() returns trigger language plpgsql as $$
begin
  perform quality_counts_add(array(select row(1, n.province_code, n.unit_code, n.received_at, n.end_at, n.due_at,
    n.end_type, n.channel, n.fee_amount, n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source,
    n.supplement_requests)::quality_delta from new_rows n));
  return null;
end $$;

create function quality_counts_after_delete() returns trigger language plpgsql as $$
begin
  perform quality_counts_add(array(select row(-1, o.province_code, o.unit_code, o.received_at, o.end_at, o.due_at,
    o.end_type, o.channel, o.fee_amount, o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source,
    o.supplement_requests)::quality_delta from old_rows o));
  return null;
end $$;

create function quality_counts_after_update() returns trigger language plpgsql as $$
declare
  deltas quality_delta[];
begin
  -- the rows whose counted columns changed: the new version +1, the old −1
  select array_agg(c.x) into deltas from (
    select row(1, n.province_code, n.unit_code, n.received_at, n.end_at, n.due_at, n.end_type, n.channel,
      n.fee_amount, n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source,
      n.supplement_requests)::quality_delta as x
    from new_rows n
    where not exists (select 1 from old_rows o where o.province_code = n.province_code and o.code = n.code
      and (n.unit_code, n.received_at, n.end_at, n.due_at, n.end_type, n.channel, n.fee_amount,
          n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.received_at, o.end_at, o.due_at, o.end_type, o.channel, o.fee_amount,
          o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source, o.supplement_requests = 0))
    union all
    select row(-1, o.province_code, o.unit_code, o.received_at, o.end_at, o.due_at, o.end_type, o.channel,
      o.fee_amount, o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source,
      o.supplement_requests)::quality_delta
    from old_rows o
    where not exists (select 1 from new_rows n where o.province_code = n.province_code and o.code = n.code
      and (n.unit_code, n.received_at, n.end_at, n.due_at, n.end_type, n.channel, n.fee_amount,
          n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.received_at, o.end_at, o.due_at, o.end_type, o.channel, o.fee_amount,
          o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source, o.supplement_requests = 0))
  ) c;
  if deltas is not null then
    perform quality_counts_add(deltas);
  end if;
  return null;
end $$;

create function quality_counts_after_truncate() returns trigger language plpgsql as $$
begin
  truncate quality_counts;
  return null;
end $$;

create trigger quality_counts_insert after insert on dossiers
  referencing new table as new_rows for each statement execute function quality_counts_after_insert();
create trigger quality_counts_update after update on dossiers
  referencing old table as old_rows new table as new_rows for each statement execute function quality_counts_after_update();
create trigger quality_counts_delete after delete on dossiers
  referencing old table as old_rows for each statement execute function quality_counts_after_delete();
create trigger quality_counts_truncate after truncate on dossiers
  for each statement execute function quality_counts_after_truncate();

-- The dossiers read directly (not counted): 2.1 over those with supplement requests, by the end that can fall
-- in a period (never, for an open or refused one), and 2.2 over those with requests received in the period.
create index dossiers_supplement_handled on dossiers (province_code, unit_code,
    (case when end_type is null or end_type = 'refused' then 'infinity'::timestamptz else end_at end))
  include (received_at) where supplement_requests > 0;
create index dossiers_supplement_received on dossiers (province_code, unit_code, received_at)
  where supplement_requests > 0;
-- 2.2 over the others: an index-only aggregate of the completed dossiers received in the period.
create index dossiers_completed_plain on dossiers (province_code, unit_code, received_at)
  include (procedure_code, end_at) where end_type in ('resolved', 'returned') and supplement_requests = 0;
-- 5.4's complaints of a period, from their side (each few) instead of over the scope's dossiers.
create index ratings_dissatisfied on ratings (province_code, at) where score = 'dissatisfied';
create index feedback_received on feedback (province_code, received_at) where dossier_code is not null;
