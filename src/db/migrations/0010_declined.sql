-- Trả lại hồ sơ (issue 13; CONTRACTS.md §2–§3): the end state `declined` (9b) — a dossier returned after
-- appraisal as not qualifying, with a written notice (Decree 61/2018/NĐ-CP art. 19(2)(c); Decree 118/2025/NĐ-CP).
-- It ends the dossier like `resolved` and is classified by timeliness (finish_class), so the counters count it
-- in finished_early / on_time / late, and also in the new counter `declined` (not a term of the identity).
-- No stored dossier can be declined before this migration (the checks refused the value), so the new column
-- starts at zero everywhere and the counters need no backfill; figure_contributions changes its result type, so
-- it and the view over it are dropped and recreated, and the trigger functions are replaced to carry the column.

alter table dossiers drop constraint dossiers_state_check;
alter table dossiers add constraint dossiers_state_check check (state in ('submitted', 'received', 'refused',
  'processing', 'awaiting_supplement', 'awaiting_payment', 'withdrawn', 'stopped', 'resolved', 'declined',
  'returned'));
alter table dossiers drop constraint dossiers_end_type_check;
alter table dossiers add constraint dossiers_end_type_check
  check (end_type in ('resolved', 'declined', 'returned', 'withdrawn', 'stopped', 'refused'));

alter table figure_counts add column declined integer not null default 0;

drop view figure_counts_expected;
drop function figure_contributions(timestamptz, timestamptz, timestamptz, text, text, text, integer);

-- What one dossier row contributes (0006), with `declined` finished like `resolved` and counted apart.
create function figure_contributions(r timestamptz, x timestamptz, due timestamptz, p_channel text,
  p_end_type text, p_finish_class text, p_supplements integer)
returns table (day date, received_direct integer, received_postal integer, received_online_partial integer,
  received_online_full integer, received_saturday integer, ended integer, finished_early integer,
  finished_on_time integer, finished_late integer, withdrawn integer, stopped integer, refused integer,
  overdue_on integer, overdue_off integer, declined integer)
language sql stable parallel safe as $$
  select (v.at at time zone 'Asia/Ho_Chi_Minh')::date, v.rd, v.rp, v.rop, v.rof, v.rs, v.en, v.fe, v.fo, v.fl,
    v.wd, v.st, v.rf, v.oon, v.ooff, v.dc
  from (values
    (r,
      case when p_channel = 'direct' then 1 else 0 end, case when p_channel = 'postal' then 1 else 0 end,
      case when p_channel = 'online_partial' then 1 else 0 end, case when p_channel = 'online_full' then 1 else 0 end,
      case when extract(isodow from r at time zone 'Asia/Ho_Chi_Minh') = 6 then 1 else 0 end,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    (case when r is not null or p_end_type = 'refused' then x end,
      0, 0, 0, 0, 0,
      case when r is not null then 1 else 0 end,
      case when r is not null and p_end_type in ('resolved', 'declined', 'returned') and p_finish_class = 'early' then 1 else 0 end,
      case when r is not null and p_end_type in ('resolved', 'declined', 'returned') and p_finish_class = 'on_time' then 1 else 0 end,
      case when r is not null and p_end_type in ('resolved', 'declined', 'returned') and p_finish_class = 'late' then 1 else 0 end,
      case when r is not null and p_end_type = 'withdrawn' then 1 else 0 end,
      case when r is not null and p_end_type = 'stopped' then 1 else 0 end,
      case when r is null and p_end_type = 'refused' then 1 else 0 end,
      0, 0,
      case when r is not null and p_end_type = 'declined' then 1 else 0 end),
    (case when r is not null and due is not null and p_supplements = 0 then greatest(r, due) end,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0),
    (case when r is not null and x is not null and due is not null and p_supplements = 0 then greatest(x, due) end,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0)
  ) v (at, rd, rp, rop, rof, rs, en, fe, fo, fl, wd, st, rf, oon, ooff, dc)
  where v.at is not null
$$;

-- The counts recomputed from the dossiers table (backfill, verification).
create view figure_counts_expected as
  with d as (
    select d.province_code, d.unit_code, d.procedure_code, d.field, coalesce(d.level, '') as level, f.day,
      sum(f.received_direct) as received_direct, sum(f.received_postal) as received_postal,
      sum(f.received_online_partial) as received_online_partial, sum(f.received_online_full) as received_online_full,
      sum(f.received_saturday) as received_saturday, sum(f.ended) as ended, sum(f.finished_early) as finished_early,
      sum(f.finished_on_time) as finished_on_time, sum(f.finished_late) as finished_late,
      sum(f.withdrawn) as withdrawn, sum(f.stopped) as stopped, sum(f.refused) as refused,
      sum(f.overdue_on) as overdue_on, sum(f.overdue_off) as overdue_off, sum(f.declined) as declined
    from dossiers d
    cross join lateral figure_contributions(d.received_at, d.end_at, d.due_at, d.channel, d.end_type,
      d.finish_class, d.supplement_requests) f
    group by 1, 2, 3, 4, 5, 6
  )
  select 'd'::text as span, day, province_code, unit_code, procedure_code, field, level,
    received_direct::integer, received_postal::integer, received_online_partial::integer,
    received_online_full::integer, received_saturday::integer, ended::integer, finished_early::integer,
    finished_on_time::integer, finished_late::integer, withdrawn::integer, stopped::integer, refused::integer,
    overdue_on::integer, overdue_off::integer, declined::integer
  from d
  union all
  select 'm', date_trunc('month', day::timestamp)::date, province_code, unit_code, procedure_code, field, level,
    sum(received_direct)::integer, sum(received_postal)::integer, sum(received_online_partial)::integer,
    sum(received_online_full)::integer, sum(received_saturday)::integer, sum(ended)::integer,
    sum(finished_early)::integer, sum(finished_on_time)::integer, sum(finished_late)::integer,
    sum(withdrawn)::integer, sum(stopped)::integer, sum(refused)::integer, sum(overdue_on)::integer,
    sum(overdue_off)::integer, sum(declined)::integer
  from d
  group by 2, 3, 4, 5, 6, 7;

-- The triggers of 0006, carrying the new column.
create or replace function figure_counts_after_insert() returns trigger language plpgsql as $$
begin
  insert into figure_counts as t
  select sp.span, sp.day, n.province_code, n.unit_code, n.procedure_code, n.field, coalesce(n.level, ''),
    sum(f.received_direct), sum(f.received_postal), sum(f.received_online_partial),
    sum(f.received_online_full), sum(f.received_saturday), sum(f.ended), sum(f.finished_early),
    sum(f.finished_on_time), sum(f.finished_late), sum(f.withdrawn), sum(f.stopped), sum(f.refused),
    sum(f.overdue_on), sum(f.overdue_off), sum(f.declined)
  from new_rows n
  cross join lateral figure_contributions(n.received_at, n.end_at, n.due_at, n.channel, n.end_type,
    n.finish_class, n.supplement_requests) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4, 5, 6, 7
  order by 1, 2, 3, 4, 5, 6, 7
  on conflict (span, day, province_code, unit_code, procedure_code, field, level) do update set
    received_direct = t.received_direct + excluded.received_direct,
    received_postal = t.received_postal + excluded.received_postal,
    received_online_partial = t.received_online_partial + excluded.received_online_partial,
    received_online_full = t.received_online_full + excluded.received_online_full,
    received_saturday = t.received_saturday + excluded.received_saturday,
    ended = t.ended + excluded.ended,
    finished_early = t.finished_early + excluded.finished_early,
    finished_on_time = t.finished_on_time + excluded.finished_on_time,
    finished_late = t.finished_late + excluded.finished_late,
    withdrawn = t.withdrawn + excluded.withdrawn,
    stopped = t.stopped + excluded.stopped,
    refused = t.refused + excluded.refused,
    overdue_on = t.overdue_on + excluded.overdue_on,
    overdue_off = t.overdue_off + excluded.overdue_off,
    declined = t.declined + excluded.declined;
  return null;
end $$;

create or replace function figure_counts_after_update() returns trigger language plpgsql as $$
begin
  -- most lifecycle commands (assign, transfer, extend, supplement received, return…) change no column the
  -- counters read: stop here (every new row has an old row with its key and the same values; keys are unique
  -- and the two tables have as many rows, so the old rows are all matched too)
  if not exists (select 1 from new_rows n
      where not exists (select 1 from old_rows o where n.province_code = o.province_code and n.code = o.code
        and (n.unit_code, n.procedure_code, n.field, n.level, n.received_at, n.end_at, n.end_type, n.finish_class,
          n.channel, n.due_at, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.procedure_code, o.field, o.level, o.received_at, o.end_at, o.end_type,
          o.finish_class, o.channel, o.due_at, o.supplement_requests = 0))) then
    return null;
  end if;
  insert into figure_counts as t
  select sp.span, sp.day, x.province_code, x.unit_code, x.procedure_code, x.field, coalesce(x.level, ''),
    sum(x.sign * f.received_direct), sum(x.sign * f.received_postal), sum(x.sign * f.received_online_partial),
    sum(x.sign * f.received_online_full), sum(x.sign * f.received_saturday), sum(x.sign * f.ended),
    sum(x.sign * f.finished_early), sum(x.sign * f.finished_on_time), sum(x.sign * f.finished_late),
    sum(x.sign * f.withdrawn), sum(x.sign * f.stopped), sum(x.sign * f.refused), sum(x.sign * f.overdue_on),
    sum(x.sign * f.overdue_off), sum(x.sign * f.declined)
  from (
    select 1 as sign, n.* from new_rows n
    where not exists (select 1 from old_rows o where n.province_code = o.province_code and n.code = o.code
        and (n.unit_code, n.procedure_code, n.field, n.level, n.received_at, n.end_at, n.end_type, n.finish_class,
          n.channel, n.due_at, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.procedure_code, o.field, o.level, o.received_at, o.end_at, o.end_type,
          o.finish_class, o.channel, o.due_at, o.supplement_requests = 0))
    union all
    select -1, o.* from old_rows o
    where not exists (select 1 from new_rows n where n.province_code = o.province_code and n.code = o.code
        and (n.unit_code, n.procedure_code, n.field, n.level, n.received_at, n.end_at, n.end_type, n.finish_class,
          n.channel, n.due_at, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.procedure_code, o.field, o.level, o.received_at, o.end_at, o.end_type,
          o.finish_class, o.channel, o.due_at, o.supplement_requests = 0))
  ) x
  cross join lateral figure_contributions(x.received_at, x.end_at, x.due_at, x.channel, x.end_type,
    x.finish_class, x.supplement_requests) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4, 5, 6, 7
  having (sum(x.sign * f.received_direct), sum(x.sign * f.received_postal),
    sum(x.sign * f.received_online_partial), sum(x.sign * f.received_online_full),
    sum(x.sign * f.received_saturday), sum(x.sign * f.ended), sum(x.sign * f.finished_early),
    sum(x.sign * f.finished_on_time), sum(x.sign * f.finished_late), sum(x.sign * f.withdrawn),
    sum(x.sign * f.stopped), sum(x.sign * f.refused), sum(x.sign * f.overdue_on), sum(x.sign * f.overdue_off),
    sum(x.sign * f.declined))
    <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  order by 1, 2, 3, 4, 5, 6, 7
  on conflict (span, day, province_code, unit_code, procedure_code, field, level) do update set
    received_direct = t.received_direct + excluded.received_direct,
    received_postal = t.received_postal + excluded.received_postal,
    received_online_partial = t.received_online_partial + excluded.received_online_partial,
    received_online_full = t.received_online_full + excluded.received_online_full,
    received_saturday = t.received_saturday + excluded.received_saturday,
    ended = t.ended + excluded.ended,
    finished_early = t.finished_early + excluded.finished_early,
    finished_on_time = t.finished_on_time + excluded.finished_on_time,
    finished_late = t.finished_late + excluded.finished_late,
    withdrawn = t.withdrawn + excluded.withdrawn,
    stopped = t.stopped + excluded.stopped,
    refused = t.refused + excluded.refused,
    overdue_on = t.overdue_on + excluded.overdue_on,
    overdue_off = t.overdue_off + excluded.overdue_off,
    declined = t.declined + excluded.declined;
  return null;
end $$;

create or replace function figure_counts_after_delete() returns trigger language plpgsql as $$
begin
  insert into figure_counts as t
  select sp.span, sp.day, o.province_code, o.unit_code, o.procedure_code, o.field, coalesce(o.level, ''),
    sum(-f.received_direct), sum(-f.received_postal), sum(-f.received_online_partial),
    sum(-f.received_online_full), sum(-f.received_saturday), sum(-f.ended), sum(-f.finished_early),
    sum(-f.finished_on_time), sum(-f.finished_late), sum(-f.withdrawn), sum(-f.stopped), sum(-f.refused),
    sum(-f.overdue_on), sum(-f.overdue_off), sum(-f.declined)
  from old_rows o
  cross join lateral figure_contributions(o.received_at, o.end_at, o.due_at, o.channel, o.end_type,
    o.finish_class, o.supplement_requests) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4, 5, 6, 7
  order by 1, 2, 3, 4, 5, 6, 7
  on conflict (span, day, province_code, unit_code, procedure_code, field, level) do update set
    received_direct = t.received_direct + excluded.received_direct,
    received_postal = t.received_postal + excluded.received_postal,
    received_online_partial = t.received_online_partial + excluded.received_online_partial,
    received_online_full = t.received_online_full + excluded.received_online_full,
    received_saturday = t.received_saturday + excluded.received_saturday,
    ended = t.ended + excluded.ended,
    finished_early = t.finished_early + excluded.finished_early,
    finished_on_time = t.finished_on_time + excluded.finished_on_time,
    finished_late = t.finished_late + excluded.finished_late,
    withdrawn = t.withdrawn + excluded.withdrawn,
    stopped = t.stopped + excluded.stopped,
    refused = t.refused + excluded.refused,
    overdue_on = t.overdue_on + excluded.overdue_on,
    overdue_off = t.overdue_off + excluded.overdue_off,
    declined = t.declined + excluded.declined;
  return null;
end $$;

