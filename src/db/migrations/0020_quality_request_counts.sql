-- Counters for the Decision 766 indicators of the dossiers WITH supplement requests (issue 20; docs/figures.md
-- "Quality indicators from counters"). Migration 0017 counts the dossiers without requests from their row alone;
-- for these, 2.1's end and wait and 2.2's pauses come from the log, and the projection row is written before its
-- events, so a trigger on `dossiers` cannot see them. Here a dossier is counted from its row AND its log when its
-- log holds a `supplement_requested` event pausing the clock (after receipt: "a request dossier"; the projection's
-- supplement_requests counts the same events, so 0017's dossiers with supplement_requests = 0 and these are the
-- whole set). Two statement-level triggers keep the counters, in the writing transaction, on both engines:
--   on dossier_events (insert): a statement adding supplement events to dossiers: −(row, log before them)
--     +(row, log with them);
--   on dossiers (update): a row whose counted columns changed: −(old row, log) +(new row, log).
-- An inserted dossier has no log yet, and a dossier with a log cannot be deleted (the log is append-only and
-- references it), so no insert or delete trigger is needed on `dossiers`. A lifecycle command changes these
-- counters in one of its two statements only (a supplement command's events, or another command's end columns),
-- and its trigger on `dossiers` fires after 0006's and 0017's: writers take the shared counter rows in one order. quality_request_*_expected recompute
-- the counters (the backfill below; reports-quality-counts.db.test.ts checks the triggers against them).
--
-- 2.1 as the period's end E (a local midnight) moves, for a dossier received at r, with the end x (not an intake
-- refusal), the appointment `due`, the first and second requests q1, q2 and the first supplement after q1, a1
-- (quality-rules.ts processingEnd766/onTime766, events from E on ignored; when q1 >= x the requests are ignored
-- and the dossier is counted as in 0017):
--   open, no request yet (r < E <= min(q1, x)): on time while E <= due;
--   awaiting the single request (q1 < E <= u = min(a1, q2, x)): CLOSED at c = q1 (fin = the request), on time
--     when q1 <= due; at x it stays closed at q1 (u = never) unless resolved or returned;
--   answered, no second request (a1 < E <= min(q2, x)): open, on time while E <= due + (a1 − q1);
--   a second request (q2 < E <= x): open, late;
--   ended (E > x): CLOSED at c = x (or q1, above), on time by the wait-subtracted rule, late after two requests.
-- A dossier counts in period [S, E) when received before E and, if closed at E, c >= S. Closed episodes are
-- counted +1 at c and −1 at u (the day the dossier reopens), open on-time stretches as 0017's open_on/open_off
-- (open_off −1 where a stretch restarts). With P(D) = the sum over the days before D (0017):
--   handled = P_E(open_on) − P_S(ended) + R(S, E).resumed
--   on time = P_E(ended_on_time) − P_S(ended_on_time) + P_E(open_on) − P_E(open_off) + R(S, E).resumed_on_time
-- where R(S, E) = the closed episodes that began before S and reopened in [S, E) (quality_request_resumes, by the
-- reopening day or month and the day closed): closed at S, so in P_S(ended), but no longer closed at E.
-- 2.2: completed (resolved, returned) request dossiers per procedure and receipt day, with their working ms from
-- receipt to completion less the pauses (from each request while not paused to the next supplement, or to the
-- completion), on quality_calendar (0017) as quality_processing_counts is.

-- The log's part of a request dossier: the first two requests, the first supplement after the first request,
-- and the working ms paused before `p_end` (unplaced: an instant outside quality_calendar), over the events
-- the pure rules see (the record's timeline: an online submission's intake round-trip before receipt is not
-- in it); `member`: such a request, which makes it a request dossier (0017's supplement_requests > 0: the
-- fold counts only requests after receipt). Events from seq p_before on are left out (the log before a
-- statement's events).
create function quality_request_log(p_province text, p_code text, p_end timestamptz, p_before integer)
returns table (q1 timestamptz, q2 timestamptz, a1 timestamptz, pause_ms bigint, pause_unplaced integer,
  member boolean)
language sql stable as $$
  select
    (array_agg(w.at order by w.seq) filter (where w.type = 'supplement_requested'))[1],
    (array_agg(w.at order by w.seq) filter (where w.type = 'supplement_requested'))[2],
    (array_agg(w.at order by w.seq) filter (where w.type = 'supplement_received' and w.seq > w.first_request))[1],
    coalesce(sum(w.pos) filter (where w.mark = 'resume'), 0) - coalesce(sum(w.pos) filter (where w.mark = 'pause'), 0)
      + case when count(*) filter (where w.mark = 'pause') > count(*) filter (where w.mark = 'resume')
        then coalesce(quality_position(p_end), 0) else 0 end,
    case when count(*) filter (where w.mark is not null and w.pos is null) > 0
      or (count(*) filter (where w.mark = 'pause') > count(*) filter (where w.mark = 'resume')
        and quality_position(p_end) is null) then 1 else 0 end,
    -- a request after receipt (the projection's supplement_requests counts only those: evolve.ts)
    coalesce(bool_or(w.type = 'supplement_requested'), false)
  from (
    select v.seq, v.type, v.at,
      min(v.seq) filter (where v.type = 'supplement_requested') over () as first_request,
      v.mark, case when v.mark is not null then quality_position(v.at) end as pos
    from (
      select e.seq, e.type, e.at,
        case when e.at < p_end then case
          when e.type = 'supplement_requested'
            and (lag(e.type) over (order by e.seq)) is distinct from 'supplement_requested' then 'pause'
          when e.type = 'supplement_received'
            and (lag(e.type) over (order by e.seq)) = 'supplement_requested' then 'resume' end end as mark
      from dossier_events e
      where e.province_code = p_province and e.dossier_code = p_code and e.seq < p_before
        and e.type in ('supplement_requested', 'supplement_received')
        -- the events of the record's timeline (recordTimeline, history.ts): a request that pauses the clock
        -- (after receipt), a supplement after receipt that gives the new appointment
        and case when e.type = 'supplement_requested' then e.payload ->> 'clockPaused' = 'true'
          else e.payload ->> 'dueAt' is not null and e.seq > (select min(r.seq) from dossier_events r
            where r.province_code = p_province and r.dossier_code = p_code and r.seq < p_before
              and r.type in ('received', 'accepted')) end
    ) v
  ) w
$$;

-- What a request dossier contributes to quality_request_counts, as (local day, counts); see above.
create function quality_request_contributions(r timestamptz, x timestamptz, p_end_type text, due timestamptz,
  q1 timestamptz, q2 timestamptz, a1 timestamptz)
returns table (day date, open_on integer, open_off integer, ended integer, ended_on_time integer)
language sql immutable parallel safe as $$
  select (v.at at time zone 'Asia/Ho_Chi_Minh')::date, v.oon, v.ooff, v.en, v.eot
  from (select case when p_end_type <> 'refused' then x end as xe) e
  cross join lateral (select q1 < coalesce(e.xe, 'infinity') as asked,
      (q1 < e.xe)::integer + coalesce((q2 < e.xe)::integer, 0) as n_end,
      coalesce(a1 < e.xe, false) as answered_end,
      least(a1, q2, e.xe) as u,
      case when due is null or q1 <= due then 1 else 0 end as on_asked) k
  cross join lateral (select
      k.asked and e.xe is not null and k.n_end = 1 and not k.answered_end
        and p_end_type not in ('resolved', 'returned') as stays,
      k.asked and a1 < coalesce(q2, 'infinity') and a1 < coalesce(e.xe, 'infinity') as answered_open,
      case when k.n_end >= 2 then false
        when k.n_end = 1 and k.answered_end then due is null or e.xe - (a1 - q1) <= due
        else due is null or e.xe <= due end as on_end) z
  cross join lateral (values
    (r, 1, 0, 0, 0),
    -- the first open stretch on time ends at the request, the end or the appointment
    (case when k.asked then greatest(r, least(q1, e.xe, due))
      when least(due, e.xe) is not null then greatest(r, least(due, e.xe)) end, 0, 1, 0, 0),
    -- awaiting the single request: closed at the request, until answered, asked again, or ended
    -- (instants before receipt count at it: nothing is counted before, and after it they have all happened;
    -- greatest() skips nulls, so a missing instant is tested first)
    (case when k.asked then greatest(r, q1) end, 0, 0, 1, k.on_asked),
    (case when k.asked and not z.stays and k.u is not null then greatest(r, k.u) end, 0, 0, -1, -k.on_asked),
    -- answered: open again, on time until the appointment plus the wait
    (case when z.answered_open then greatest(r, a1) end, 0, -1, 0, 0),
    (case when z.answered_open and least(q2, e.xe, due + (a1 - q1)) is not null
      then greatest(r, a1, least(q2, e.xe, due + (a1 - q1))) end, 0, 1, 0, 0),
    -- the end
    (case when not coalesce(z.stays, false) then e.xe end, 0, 0, 1, case when z.on_end then 1 else 0 end)
  ) v (at, oon, ooff, en, eot)
  where r is not null and v.at is not null
$$;

-- The closed episode that reopens (awaiting the single request, then answered, asked again, or resolved or
-- returned): the day closed and the day reopened, when they differ (else it is never closed at a midnight).
create function quality_request_resume(r timestamptz, x timestamptz, p_end_type text, due timestamptz,
  q1 timestamptz, q2 timestamptz, a1 timestamptz)
returns table (start_day date, day date, on_time integer)
language sql immutable parallel safe as $$
  select (greatest(r, q1) at time zone 'Asia/Ho_Chi_Minh')::date, (greatest(r, k.u) at time zone 'Asia/Ho_Chi_Minh')::date,
    case when due is null or q1 <= due then 1 else 0 end
  from (select case when p_end_type <> 'refused' then x end as xe) e
  cross join lateral (select least(a1, q2, e.xe) as u) k
  where r is not null and q1 < coalesce(e.xe, 'infinity') and k.u is not null
    -- not when it stays closed at the request: ended while awaiting it, neither resolved nor returned
    and not (e.xe is not null and k.u = e.xe and coalesce(q2 >= e.xe, true) and coalesce(a1 >= e.xe, true)
      and p_end_type not in ('resolved', 'returned'))
    and (greatest(r, q1) at time zone 'Asia/Ho_Chi_Minh')::date < (greatest(r, k.u) at time zone 'Asia/Ho_Chi_Minh')::date
$$;

-- 2.2 of a completed (resolved, returned) request dossier at its receipt day: working ms from receipt to the
-- completion less the pauses (quality_request_log), or unplaced.
create function quality_request_processing(r timestamptz, x timestamptz, p_end_type text, p_pause_ms bigint,
  p_pause_unplaced integer)
returns table (day date, completed integer, processing_ms bigint, unplaced integer)
language sql stable parallel safe as $$
  select (r at time zone 'Asia/Ho_Chi_Minh')::date, case when v.ms is null then 0 else 1 end, coalesce(v.ms, 0),
    case when v.ms is null then 1 else 0 end
  from (select case when p_pause_unplaced = 0
      then quality_position(x) - quality_position(r) - p_pause_ms end as ms) v
  where r is not null and x is not null and p_end_type in ('resolved', 'returned')
$$;

create table quality_request_counts (
  span text not null check (span in ('d', 'm')),
  day date not null,
  province_code text not null,
  unit_code text not null,
  open_on integer not null,
  open_off integer not null,
  ended integer not null,
  ended_on_time integer not null,
  check (span = 'd' or extract(day from day) = 1)
);

-- `day`: the day reopened (span 'd') or its month's first day (span 'm'); start_day: the day closed.
create table quality_request_resumes (
  span text not null check (span in ('d', 'm')),
  day date not null,
  start_day date not null,
  province_code text not null,
  unit_code text not null,
  resumed integer not null,
  resumed_on_time integer not null,
  check (span = 'd' or extract(day from day) = 1)
);

create table quality_request_processing (
  span text not null check (span in ('d', 'm')),
  day date not null,
  province_code text not null,
  unit_code text not null,
  procedure_code text not null,
  completed integer not null,
  processing_ms bigint not null,
  unplaced integer not null,
  check (span = 'd' or extract(day from day) = 1)
);

-- The request dossiers with their log's part (the whole log).
create view quality_request_dossiers as
  select d.province_code, d.unit_code, d.procedure_code, d.received_at, d.end_at, d.end_type, d.due_at,
    l.q1, l.q2, l.a1, l.pause_ms, l.pause_unplaced
  from (select distinct province_code, dossier_code from dossier_events where type = 'supplement_requested') m
  join dossiers d on d.province_code = m.province_code and d.code = m.dossier_code
  cross join lateral quality_request_log(d.province_code, d.code, d.end_at, 2147483647) l
  where l.member;

create view quality_request_counts_expected as
  with d as (
    select d.province_code, d.unit_code, f.day, sum(f.open_on) as open_on, sum(f.open_off) as open_off,
      sum(f.ended) as ended, sum(f.ended_on_time) as ended_on_time
    from quality_request_dossiers d
    cross join lateral quality_request_contributions(d.received_at, d.end_at, d.end_type, d.due_at, d.q1, d.q2,
      d.a1) f
    group by 1, 2, 3
  )
  select 'd'::text as span, day, province_code, unit_code, open_on::integer, open_off::integer, ended::integer,
    ended_on_time::integer
  from d
  union all
  select 'm', date_trunc('month', day::timestamp)::date, province_code, unit_code, sum(open_on)::integer,
    sum(open_off)::integer, sum(ended)::integer, sum(ended_on_time)::integer
  from d
  group by 2, 3, 4;

create view quality_request_resumes_expected as
  with d as (
    select f.day, f.start_day, d.province_code, d.unit_code, count(*) as resumed, sum(f.on_time) as on_time
    from quality_request_dossiers d
    cross join lateral quality_request_resume(d.received_at, d.end_at, d.end_type, d.due_at, d.q1, d.q2, d.a1) f
    group by 1, 2, 3, 4
  )
  select 'd'::text as span, day, start_day, province_code, unit_code, resumed::integer,
    on_time::integer as resumed_on_time
  from d
  union all
  select 'm', date_trunc('month', day::timestamp)::date, start_day, province_code, unit_code,
    sum(resumed)::integer, sum(on_time)::integer
  from d
  group by 2, 3, 4, 5;

create view quality_request_processing_expected as
  with d as (
    select d.province_code, d.unit_code, d.procedure_code, f.day, sum(f.completed) as completed,
      sum(f.processing_ms) as processing_ms, sum(f.unplaced) as unplaced
    from quality_request_dossiers d
    cross join lateral quality_request_processing(d.received_at, d.end_at, d.end_type, d.pause_ms,
      d.pause_unplaced) f
    group by 1, 2, 3, 4
  )
  select 'd'::text as span, day, province_code, unit_code, procedure_code, completed::integer,
    processing_ms::bigint, unplaced::integer
  from d
  union all
  select 'm', date_trunc('month', day::timestamp)::date, province_code, unit_code, procedure_code,
    sum(completed)::integer, sum(processing_ms)::bigint, sum(unplaced)::integer
  from d
  group by 2, 3, 4, 5;

insert into quality_request_counts select * from quality_request_counts_expected;
alter table quality_request_counts add primary key (span, day, province_code, unit_code);
insert into quality_request_resumes select * from quality_request_resumes_expected;
-- read by the reopening buckets of a period and "closed before its start" (reports-quality-counts.ts)
alter table quality_request_resumes add primary key (span, day, start_day, province_code, unit_code);
insert into quality_request_processing select * from quality_request_processing_expected;
alter table quality_request_processing add primary key (span, day, province_code, unit_code, procedure_code);
analyze quality_request_counts;
analyze quality_request_resumes;
analyze quality_request_processing;

-- A signed request dossier with its log's part; quality_request_add sums them per key and adds in key order
-- (writers of shared rows lock them in the same order), dropping all-zero sums. plpgsql: its statements are
-- planned once per session (docs/benchmarks.md on the cost of SQL functions in triggers).
create type quality_request_delta as (sign integer, province_code text, unit_code text, procedure_code text,
  received_at timestamptz, end_at timestamptz, end_type text, due_at timestamptz, q1 timestamptz,
  q2 timestamptz, a1 timestamptz, pause_ms bigint, pause_unplaced integer);

create function quality_request_add(deltas quality_request_delta[]) returns void language plpgsql as $$
begin
  insert into quality_request_counts as t
  select sp.span, sp.day, x.province_code, x.unit_code, sum(x.sign * f.open_on), sum(x.sign * f.open_off),
    sum(x.sign * f.ended), sum(x.sign * f.ended_on_time)
  from unnest(deltas) x
  cross join lateral quality_request_contributions(x.received_at, x.end_at, x.end_type, x.due_at, x.q1, x.q2,
    x.a1) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4
  having (sum(x.sign * f.open_on), sum(x.sign * f.open_off), sum(x.sign * f.ended),
    sum(x.sign * f.ended_on_time)) <> (0, 0, 0, 0)
  order by 1, 2, 3, 4
  on conflict (span, day, province_code, unit_code) do update set
    open_on = t.open_on + excluded.open_on,
    open_off = t.open_off + excluded.open_off,
    ended = t.ended + excluded.ended,
    ended_on_time = t.ended_on_time + excluded.ended_on_time;
  insert into quality_request_resumes as t
  select sp.span, sp.day, f.start_day, x.province_code, x.unit_code, sum(x.sign), sum(x.sign * f.on_time)
  from unnest(deltas) x
  cross join lateral quality_request_resume(x.received_at, x.end_at, x.end_type, x.due_at, x.q1, x.q2, x.a1) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4, 5
  having (sum(x.sign), sum(x.sign * f.on_time)) <> (0, 0)
  order by 1, 2, 3, 4, 5
  on conflict (span, day, start_day, province_code, unit_code) do update set
    resumed = t.resumed + excluded.resumed,
    resumed_on_time = t.resumed_on_time + excluded.resumed_on_time;
  insert into quality_request_processing as t
  select sp.span, sp.day, x.province_code, x.unit_code, x.procedure_code, sum(x.sign * f.completed),
    sum(x.sign * f.processing_ms), sum(x.sign * f.unplaced)
  from unnest(deltas) x
  cross join lateral quality_request_processing(x.received_at, x.end_at, x.end_type, x.pause_ms,
    x.pause_unplaced) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4, 5
  having (sum(x.sign * f.completed), sum(x.sign * f.processing_ms), sum(x.sign * f.unplaced)) <> (0, 0, 0)
  order by 1, 2, 3, 4, 5
  on conflict (span, day, province_code, unit_code, procedure_code) do update set
    completed = t.completed + excluded.completed,
    processing_ms = t.processing_ms + excluded.processing_ms,
    unplaced = t.unplaced + excluded.unplaced;
end $$;

-- Supplement events appended: each dossier they belong to, −(row, log before them) +(row, log with them).
create function quality_request_after_events() returns trigger language plpgsql as $$
declare
  deltas quality_request_delta[];
begin
  -- most statements append no supplement event (an intake, most commands): a small plan to say so
  if not exists (select 1 from new_rows n where n.type in ('supplement_requested', 'supplement_received')) then
    return null;
  end if;
  select array_agg(c.x) into deltas from (
    select row(s.sign, d.province_code, d.unit_code, d.procedure_code, d.received_at, d.end_at, d.end_type,
      d.due_at, l.q1, l.q2, l.a1, l.pause_ms, l.pause_unplaced)::quality_request_delta as x
    from (select n.province_code, n.dossier_code, min(n.seq) as first_new from new_rows n
      where n.type in ('supplement_requested', 'supplement_received') group by 1, 2) k
    -- lateral: one primary-key probe per dossier, whatever the planner guesses of the transition table
    cross join lateral (select * from dossiers d
      where d.province_code = k.province_code and d.code = k.dossier_code) d
    cross join (values (-1), (1)) s (sign)
    cross join lateral quality_request_log(d.province_code, d.code, d.end_at,
      case when s.sign < 0 then k.first_new else 2147483647 end) l
    where l.member
  ) c;
  if deltas is not null then
    perform quality_request_add(deltas);
  end if;
  return null;
end $$;

-- A request dossier's counted columns changed: −(old row, log) +(new row, log).
create function quality_request_after_update() returns trigger language plpgsql as $$
declare
  deltas quality_request_delta[];
begin
  -- most updates change no counted column of a dossier with requests: a small plan to say so
  if not exists (select 1 from old_rows o join new_rows n on n.province_code = o.province_code and n.code = o.code
      where (n.unit_code, n.procedure_code, n.received_at, n.end_at, n.end_type, n.due_at)
          is distinct from (o.unit_code, o.procedure_code, o.received_at, o.end_at, o.end_type, o.due_at)
        -- a scalar subquery, not EXISTS (which may become a hash join over the whole log): one probe per row
        and (select true from dossier_events e where e.province_code = n.province_code
          and e.dossier_code = n.code and e.type = 'supplement_requested' limit 1)) then
    return null;
  end if;
  select array_agg(c.x) into deltas from (
    select row(v.sign, v.province_code, v.unit_code, v.procedure_code, v.received_at, v.end_at, v.end_type,
      v.due_at, l.q1, l.q2, l.a1, l.pause_ms, l.pause_unplaced)::quality_request_delta as x
    from old_rows o
    join new_rows n on n.province_code = o.province_code and n.code = o.code
    cross join lateral (values
      (-1, o.province_code, o.code, o.unit_code, o.procedure_code, o.received_at, o.end_at, o.end_type, o.due_at),
      (1, n.province_code, n.code, n.unit_code, n.procedure_code, n.received_at, n.end_at, n.end_type, n.due_at)
    ) v (sign, province_code, code, unit_code, procedure_code, received_at, end_at, end_type, due_at)
    cross join lateral quality_request_log(v.province_code, v.code, v.end_at, 2147483647) l
    where (n.unit_code, n.procedure_code, n.received_at, n.end_at, n.end_type, n.due_at)
        is distinct from (o.unit_code, o.procedure_code, o.received_at, o.end_at, o.end_type, o.due_at)
      and l.member
  ) c;
  if deltas is not null then
    perform quality_request_add(deltas);
  end if;
  return null;
end $$;

create function quality_request_after_truncate() returns trigger language plpgsql as $$
begin
  truncate quality_request_counts, quality_request_resumes, quality_request_processing;
  return null;
end $$;

create trigger quality_request_events after insert on dossier_events
  referencing new table as new_rows for each statement execute function quality_request_after_events();
create trigger quality_request_update after update on dossiers
  referencing old table as old_rows new table as new_rows for each statement
  execute function quality_request_after_update();
create trigger quality_request_truncate after truncate on dossier_events
  for each statement execute function quality_request_after_truncate();
