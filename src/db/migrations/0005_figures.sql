-- Figures from the database (docs/figures.md "SQL"): the dossier clock read from the log at an instant, for
-- the few dossiers whose supplements matter there, and results documents typed in by hand (issue 5).

-- The deadline in force at an instant (CONTRACTS §3): the receipt appointment, replaced by the dueAt of each
-- supplement_received strictly before it. Mirrors figures/dossier-clock.ts deadlineInForce on recordOf's view
-- of the log (intake-stage supplements carry no dueAt and are not part of that view).
create function figures_deadline_in_force(p_province text, p_code text, p_due timestamptz, p_at timestamptz)
returns timestamptz language sql stable parallel safe as $$
  select coalesce((
    select (e.payload ->> 'dueAt')::timestamptz
    from dossier_events e
    where e.province_code = p_province and e.dossier_code = p_code and e.type = 'supplement_received'
      and e.payload ->> 'dueAt' is not null and e.at < p_at
    order by e.seq desc
    limit 1), p_due)
$$;

-- Paused at an instant, and the pause counts: the last clock-pausing request before it has no resume after it,
-- and was made at or before the deadline in force when it was made. Mirrors isPausedAndCounting.
create function figures_paused_counting(p_province text, p_code text, p_due timestamptz, p_at timestamptz)
returns boolean language sql stable parallel safe as $$
  select coalesce((
    select last.type = 'supplement_requested'
      and coalesce(last.at <= figures_deadline_in_force(p_province, p_code, p_due, last.at), true)
    from (
      select e.type, e.at
      from dossier_events e
      where e.province_code = p_province and e.dossier_code = p_code and e.at < p_at
        and ((e.type = 'supplement_requested' and (e.payload ->> 'clockPaused')::boolean)
          or (e.type = 'supplement_received' and e.payload ->> 'dueAt' is not null))
      order by e.seq desc
      limit 1) last), false)
$$;

-- Open at an instant and overdue there (quá hạn): not paused-and-counting, and past the deadline in force.
create function figures_overdue_at(p_province text, p_code text, p_due timestamptz, p_at timestamptz)
returns boolean language sql stable parallel safe as $$
  select not figures_paused_counting(p_province, p_code, p_due, p_at)
    and coalesce(p_at > figures_deadline_in_force(p_province, p_code, p_due, p_at), false)
$$;

-- Results documents typed in by hand (số liệu nhập tay): a unit not yet on motcua, or a historical period.
-- Accepted only after the CONTRACTS §4 checks and only where motcua holds no dossier for the unit and period.
create table manual_results (
  province_code text not null,
  unit_code text not null references units (code),
  "from" date not null,
  "to" date not null,
  document jsonb not null,
  submitted_by bigint,
  submitted_at timestamptz not null default now(),
  primary key (province_code, unit_code, "from", "to"),
  check ("from" <= "to")
);
