-- Incremental counters for the results report (issue 5, docs/figures.md "Counts"): every column of the report
-- except the open split of dossiers with supplement requests is a count of dossiers with some instant before a
-- local midnight, so it is a difference of prefix sums of per-day counts. figure_counts holds those counts per
-- (province, receiving unit, procedure, field, level) and local day (span 'd') and local month (span 'm', `day`
-- = its first day), kept equal to the dossiers table by statement-level triggers in the same transaction as
-- every insert, update, delete or truncate of `dossiers`. figure_counts_expected recomputes them from scratch
-- (the backfill below, and the check the tests and `verifyFigureCounts` run).

-- What one dossier row contributes, as (local day, counts) rows: one per instant it has.
--   r = received_at, x = end_at, due = due_at (the receipt appointment)
--   at r:  received_<channel>, received_saturday (the local day of r is a Saturday)
--   at x:  ended (received dossiers), the end by type and timeliness, refused (refused at intake: r is null)
--   at max(r, due): overdue_on; at max(x, due): overdue_off — for dossiers without supplement requests, which
--   are overdue at E exactly when r < E, not x < E and due < E, so their count at E is Σ on − Σ off before E.
create function figure_contributions(r timestamptz, x timestamptz, due timestamptz, p_channel text,
  p_end_type text, p_finish_class text, p_supplements integer)
returns table (day date, received_direct integer, received_postal integer, received_online_partial integer,
  received_online_full integer, received_saturday integer, ended integer, finished_early integer,
  finished_on_time integer, finished_late integer, withdrawn integer, stopped integer, refused integer,
  overdue_on integer, overdue_off integer)
language sql stable parallel safe as $$
  select (v.at at time zone 'Asia/Ho_Chi_Minh')::date, v.rd, v.rp, v.rop, v.rof, v.rs, v.en, v.fe, v.fo, v.fl,
    v.wd, v.st, v.rf, v.oon, v.ooff
  from (values
    (r,
      case when p_channel = 'direct' then 1 else 0 end, case when p_channel = 'postal' then 1 else 0 end,
      case when p_channel = 'online_partial' then 1 else 0 end, case when p_channel = 'online_full' then 1 else 0 end,
      case when extract(isodow from r at time zone 'Asia/Ho_Chi_Minh') = 6 then 1 else 0 end,
      0, 0, 0, 0, 0, 0, 0, 0, 0),
    (case when r is not null or p_end_type = 'refused' then x end,
      0, 0, 0, 0, 0,
      case when r is not null then 1 else 0 end,
      case when r is not null and p_end_type in ('resolved', 'returned') and p_finish_class = 'early' then 1 else 0 end,
      case when r is not null and p_end_type in ('resolved', 'returned') and p_finish_class = 'on_time' then 1 else 0 end,
      case when r is not null and p_end_type in ('resolved', 'returned') and p_finish_class = 'late' then 1 else 0 end,
      case when r is not null and p_end_type = 'withdrawn' then 1 else 0 end,
      case when r is not null and p_end_type = 'stopped' then 1 else 0 end,
      case when r is null and p_end_type = 'refused' then 1 else 0 end,
      0, 0),
    (case when r is not null and due is not null and p_supplements = 0 then greatest(r, due) end,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
    (case when r is not null and x is not null and due is not null and p_supplements = 0 then greatest(x, due) end,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
  ) v (at, rd, rp, rop, rof, rs, en, fe, fo, fl, wd, st, rf, oon, ooff)
  where v.at is not null
$$;

create table figure_counts (
  span text not null check (span in ('d', 'm')),
  day date not null,
  province_code text not null,
  unit_code text not null,
  procedure_code text not null,
  field text not null,
  -- '' for a procedure without a level (a key column cannot be null)
  level text not null,
  received_direct integer not null,
  received_postal integer not null,
  received_online_partial integer not null,
  received_online_full integer not null,
  received_saturday integer not null,
  ended integer not null,
  finished_early integer not null,
  finished_on_time integer not null,
  finished_late integer not null,
  withdrawn integer not null,
  stopped integer not null,
  refused integer not null,
  overdue_on integer not null,
  overdue_off integer not null,
  check (span = 'd' or extract(day from day) = 1)
);

-- The counts recomputed from the dossiers table (backfill, verification).
create view figure_counts_expected as
  with d as (
    select d.province_code, d.unit_code, d.procedure_code, d.field, coalesce(d.level, '') as level, f.day,
      sum(f.received_direct) as received_direct, sum(f.received_postal) as received_postal,
      sum(f.received_online_partial) as received_online_partial, sum(f.received_online_full) as received_online_full,
      sum(f.received_saturday) as received_saturday, sum(f.ended) as ended, sum(f.finished_early) as finished_early,
      sum(f.finished_on_time) as finished_on_time, sum(f.finished_late) as finished_late,
      sum(f.withdrawn) as withdrawn, sum(f.stopped) as stopped, sum(f.refused) as refused,
      sum(f.overdue_on) as overdue_on, sum(f.overdue_off) as overdue_off
    from dossiers d
    cross join lateral figure_contributions(d.received_at, d.end_at, d.due_at, d.channel, d.end_type,
      d.finish_class, d.supplement_requests) f
    group by 1, 2, 3, 4, 5, 6
  )
  select 'd'::text as span, day, province_code, unit_code, procedure_code, field, level,
    received_direct::integer, received_postal::integer, received_online_partial::integer,
    received_online_full::integer, received_saturday::integer, ended::integer, finished_early::integer,
    finished_on_time::integer, finished_late::integer, withdrawn::integer, stopped::integer, refused::integer,
    overdue_on::integer, overdue_off::integer
  from d
  union all
  select 'm', date_trunc('month', day::timestamp)::date, province_code, unit_code, procedure_code, field, level,
    sum(received_direct)::integer, sum(received_postal)::integer, sum(received_online_partial)::integer,
    sum(received_online_full)::integer, sum(received_saturday)::integer, sum(ended)::integer,
    sum(finished_early)::integer, sum(finished_on_time)::integer, sum(finished_late)::integer,
    sum(withdrawn)::integer, sum(stopped)::integer, sum(refused)::integer, sum(overdue_on)::integer,
    sum(overdue_off)::integer
  from d
  group by 2, 3, 4, 5, 6, 7;

-- the backfill (the key index is built after it: a sort instead of millions of inserts into the index); the
-- planner's memoize of the per-row contributions never hits and costs a third of the time
set local enable_memoize = off;
insert into figure_counts select * from figure_counts_expected;
alter table figure_counts add primary key (span, day, province_code, unit_code, procedure_code, field, level);
analyze figure_counts;

-- The triggers: the rows a statement removed count −1, the rows it wrote +1 (an update leaves out the rows in
-- which no column the counters read changed); the contributions are summed per key (day and month), all-zero
-- sums dropped, and added in key order (transactions lock shared counter rows in the same order: no deadlock
-- between them). Transition tables need one trigger per event. Counter rows that reach zero are kept.
create function figure_counts_after_insert() returns trigger language plpgsql as $$
begin
  insert into figure_counts as t
  select sp.span, sp.day, n.province_code, n.unit_code, n.procedure_code, n.field, coalesce(n.level, ''),
    sum(f.received_direct), sum(f.received_postal), sum(f.received_online_partial),
    sum(f.received_online_full), sum(f.received_saturday), sum(f.ended), sum(f.finished_early),
    sum(f.finished_on_time), sum(f.finished_late), sum(f.withdrawn), sum(f.stopped), sum(f.refused),
    sum(f.overdue_on), sum(f.overdue_off)
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
    overdue_off = t.overdue_off + excluded.overdue_off;
  return null;
end $$;

create function figure_counts_after_update() returns trigger language plpgsql as $$
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
    sum(x.sign * f.overdue_off)
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
    sum(x.sign * f.stopped), sum(x.sign * f.refused), sum(x.sign * f.overdue_on), sum(x.sign * f.overdue_off))
    <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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
    overdue_off = t.overdue_off + excluded.overdue_off;
  return null;
end $$;

create function figure_counts_after_delete() returns trigger language plpgsql as $$
begin
  insert into figure_counts as t
  select sp.span, sp.day, o.province_code, o.unit_code, o.procedure_code, o.field, coalesce(o.level, ''),
    sum(-f.received_direct), sum(-f.received_postal), sum(-f.received_online_partial),
    sum(-f.received_online_full), sum(-f.received_saturday), sum(-f.ended), sum(-f.finished_early),
    sum(-f.finished_on_time), sum(-f.finished_late), sum(-f.withdrawn), sum(-f.stopped), sum(-f.refused),
    sum(-f.overdue_on), sum(-f.overdue_off)
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
    overdue_off = t.overdue_off + excluded.overdue_off;
  return null;
end $$;

create function figure_counts_after_truncate() returns trigger language plpgsql as $$
begin
  truncate figure_counts;
  return null;
end $$;

create trigger figure_counts_insert after insert on dossiers
  referencing new table as new_rows for each statement execute function figure_counts_after_insert();
create trigger figure_counts_update after update on dossiers
  referencing old table as old_rows new table as new_rows for each statement execute function figure_counts_after_update();
create trigger figure_counts_delete after delete on dossiers
  referencing old table as old_rows for each statement execute function figure_counts_after_delete();
create trigger figure_counts_truncate after truncate on dossiers
  for each statement execute function figure_counts_after_truncate();

-- The open dossiers with supplement requests at an instant E (their overdue split reads the log): E in (r, x].
create index dossiers_supplement_open on dossiers using gist (tstzrange(received_at, end_at, '(]'))
  where supplement_requests > 0 and received_at is not null;
