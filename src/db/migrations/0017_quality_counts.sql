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
-- 2.2 (working time from receipt to completion) is kept per procedure in quality_processing_counts, at the
-- receipt day, for completed dossiers without supplement requests: see quality_calendar below.
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

-- 2.2 needs working time. The national working calendar with the default office hours (07:30–11:30,
-- 13:30–17:00; src/calendar, DEFAULT_OFFICE_HOURS) for 2000–2100, as src/calendar computed it when this migration
-- was written: Monday–Friday work except the days off below (holidays, Tết and the official arrangements),
-- plus the weekend days worked in swaps. before_ms = working ms before the day. reports-quality-counts.ts checks
-- it against the calendar it is given for the days a report reads and falls back to reading the dossiers when
-- they differ (a calendar changed since); reports-quality-counts.db.test.ts checks every day of it.
create table quality_calendar (
  day date primary key,
  working boolean not null,
  before_ms bigint not null
);
insert into quality_calendar
select x.day, x.working,
  coalesce(sum(case when x.working then 27000000 else 0 end)
    over (order by x.day rows between unbounded preceding and 1 preceding), 0)
from (
  select g::date as day,
    case when swapped.day is not null then true when off.day is not null then false
      else extract(isodow from g) < 6 end as working
  from generate_series(date '2000-01-01', date '2100-12-31', interval '1 day') g
  left join unnest('{2024-05-04,2025-04-26,2026-01-10,2026-08-22}'::date[]) swapped (day) on swapped.day = g::date
  left join unnest('{
2000-01-03,2000-02-04,2000-02-07,2000-02-08,2000-02-09,2000-05-01,2000-05-02,2000-09-04,2001-01-01,2001-01-23,
2001-01-24,2001-01-25,2001-01-26,2001-04-30,2001-05-01,2001-09-03,2002-01-01,2002-02-11,2002-02-12,2002-02-13,
2002-02-14,2002-04-30,2002-05-01,2002-09-02,2003-01-01,2003-01-31,2003-02-03,2003-02-04,2003-02-05,2003-04-30,
2003-05-01,2003-09-02,2004-01-01,2004-01-21,2004-01-22,2004-01-23,2004-01-26,2004-04-30,2004-05-03,2004-09-02,
2005-01-03,2005-02-08,2005-02-09,2005-02-10,2005-02-11,2005-05-02,2005-05-03,2005-09-02,2006-01-02,2006-01-30,
2006-01-31,2006-02-01,2006-02-02,2006-05-01,2006-05-02,2006-09-04,2007-01-01,2007-02-16,2007-02-19,2007-02-20,
2007-02-21,2007-04-26,2007-04-30,2007-05-01,2007-09-03,2008-01-01,2008-02-06,2008-02-07,2008-02-08,2008-02-11,
2008-04-15,2008-04-30,2008-05-01,2008-09-02,2009-01-01,2009-01-26,2009-01-27,2009-01-28,2009-01-29,2009-04-06,
2009-04-30,2009-05-01,2009-09-02,2010-01-01,2010-02-15,2010-02-16,2010-02-17,2010-02-18,2010-04-23,2010-04-30,
2010-05-03,2010-09-02,2011-01-03,2011-02-02,2011-02-03,2011-02-04,2011-02-07,2011-04-12,2011-05-02,2011-05-03,
2011-09-02,2012-01-02,2012-01-23,2012-01-24,2012-01-25,2012-01-26,2012-04-02,2012-04-30,2012-05-01,2012-09-03,
2013-01-01,2013-02-11,2013-02-12,2013-02-13,2013-02-14,2013-02-15,2013-04-19,2013-04-30,2013-05-01,2013-09-02,
2014-01-01,2014-01-30,2014-01-31,2014-02-03,2014-02-04,2014-02-05,2014-04-09,2014-04-30,2014-05-01,2014-09-02,
2015-01-01,2015-02-18,2015-02-19,2015-02-20,2015-02-23,2015-02-24,2015-04-28,2015-04-30,2015-05-01,2015-09-02,
2016-01-01,2016-02-08,2016-02-09,2016-02-10,2016-02-11,2016-02-12,2016-04-18,2016-05-02,2016-05-03,2016-09-02,
2017-01-02,2017-01-27,2017-01-30,2017-01-31,2017-02-01,2017-02-02,2017-04-06,2017-05-01,2017-05-02,2017-09-04,
2018-01-01,2018-02-15,2018-02-16,2018-02-19,2018-02-20,2018-02-21,2018-04-25,2018-04-30,2018-05-01,2018-09-03,
2019-01-01,2019-02-04,2019-02-05,2019-02-06,2019-02-07,2019-02-08,2019-04-15,2019-04-30,2019-05-01,2019-09-02,
2020-01-01,2020-01-23,2020-01-24,2020-01-27,2020-01-28,2020-01-29,2020-04-02,2020-04-30,2020-05-01,2020-09-02,
2021-01-01,2021-02-10,2021-02-11,2021-02-12,2021-02-15,2021-02-16,2021-04-21,2021-04-30,2021-05-03,2021-09-02,
2021-09-03,2022-01-03,2022-01-31,2022-02-01,2022-02-02,2022-02-03,2022-02-04,2022-04-11,2022-05-02,2022-05-03,
2022-09-01,2022-09-02,2023-01-02,2023-01-20,2023-01-23,2023-01-24,2023-01-25,2023-01-26,2023-05-01,2023-05-02,
2023-05-03,2023-09-01,2023-09-04,2024-01-01,2024-02-08,2024-02-09,2024-02-12,2024-02-13,2024-02-14,2024-04-18,
2024-04-29,2024-04-30,2024-05-01,2024-09-02,2024-09-03,2025-01-01,2025-01-27,2025-01-28,2025-01-29,2025-01-30,
2025-01-31,2025-04-07,2025-04-30,2025-05-01,2025-05-02,2025-09-01,2025-09-02,2026-01-01,2026-01-02,2026-02-16,
2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-04-27,2026-04-30,2026-05-01,2026-08-31,2026-09-01,2026-09-02,
2027-01-01,2027-02-05,2027-02-08,2027-02-09,2027-02-10,2027-02-11,2027-04-16,2027-04-30,2027-05-03,2027-09-02,
2027-09-03,2028-01-03,2028-01-25,2028-01-26,2028-01-27,2028-01-28,2028-01-31,2028-04-04,2028-05-01,2028-05-02,
2028-09-01,2028-09-04,2029-01-01,2029-02-12,2029-02-13,2029-02-14,2029-02-15,2029-02-16,2029-04-23,2029-04-30,
2029-05-01,2029-09-03,2029-09-04,2030-01-01,2030-02-01,2030-02-04,2030-02-05,2030-02-06,2030-02-07,2030-04-12,
2030-04-30,2030-05-01,2030-09-02,2030-09-03,2031-01-01,2031-01-22,2031-01-23,2031-01-24,2031-01-27,2031-01-28,
2031-04-01,2031-04-30,2031-05-01,2031-09-01,2031-09-02,2032-01-01,2032-02-10,2032-02-11,2032-02-12,2032-02-13,
2032-02-16,2032-04-19,2032-04-30,2032-05-03,2032-09-02,2032-09-03,2033-01-03,2033-01-31,2033-02-01,2033-02-02,
2033-02-03,2033-02-04,2033-04-11,2033-05-02,2033-05-03,2033-09-01,2033-09-02,2034-01-02,2034-02-20,2034-02-21,
2034-02-22,2034-02-23,2034-02-24,2034-04-28,2034-05-01,2034-05-02,2034-09-01,2034-09-04,2035-01-01,2035-02-07,
2035-02-08,2035-02-09,2035-02-12,2035-02-13,2035-04-17,2035-04-30,2035-05-01,2035-09-03,2035-09-04,2036-01-01,
2036-01-28,2036-01-29,2036-01-30,2036-01-31,2036-02-01,2036-04-07,2036-04-30,2036-05-01,2036-09-01,2036-09-02,
2037-01-01,2037-02-16,2037-02-17,2037-02-18,2037-02-19,2037-02-20,2037-04-24,2037-04-30,2037-05-01,2037-09-01,
2037-09-02,2038-01-01,2038-02-03,2038-02-04,2038-02-05,2038-02-08,2038-02-09,2038-04-13,2038-04-30,2038-05-03,
2038-09-02,2038-09-03,2039-01-03,2039-01-24,2039-01-25,2039-01-26,2039-01-27,2039-01-28,2039-04-04,2039-05-02,
2039-05-03,2039-09-01,2039-09-02,2040-01-02,2040-02-13,2040-02-14,2040-02-15,2040-02-16,2040-02-17,2040-04-20,
2040-04-30,2040-05-01,2040-09-03,2040-09-04,2041-01-01,2041-01-31,2041-02-01,2041-02-04,2041-02-05,2041-02-06,
2041-04-10,2041-04-30,2041-05-01,2041-09-02,2041-09-03,2042-01-01,2042-01-21,2042-01-22,2042-01-23,2042-01-24,
2042-01-27,2042-04-29,2042-04-30,2042-05-01,2042-09-01,2042-09-02,2043-01-01,2043-02-09,2043-02-10,2043-02-11,
2043-02-12,2043-02-13,2043-04-20,2043-04-30,2043-05-01,2043-09-01,2043-09-02,2044-01-01,2044-01-29,2044-02-01,
2044-02-02,2044-02-03,2044-02-04,2044-04-07,2044-05-02,2044-05-03,2044-09-01,2044-09-02,2045-01-02,2045-02-16,
2045-02-17,2045-02-20,2045-02-21,2045-02-22,2045-04-26,2045-05-01,2045-05-02,2045-09-01,2045-09-04,2046-01-01,
2046-02-05,2046-02-06,2046-02-07,2046-02-08,2046-02-09,2046-04-16,2046-04-30,2046-05-01,2046-09-03,2046-09-04,
2047-01-01,2047-01-25,2047-01-28,2047-01-29,2047-01-30,2047-01-31,2047-04-04,2047-04-30,2047-05-01,2047-09-02,
2047-09-03,2048-01-01,2048-02-13,2048-02-14,2048-02-17,2048-02-18,2048-02-19,2048-04-22,2048-04-30,2048-05-01,
2048-09-01,2048-09-02,2049-01-01,2049-02-01,2049-02-02,2049-02-03,2049-02-04,2049-02-05,2049-04-12,2049-04-30,
2049-05-03,2049-09-02,2049-09-03,2050-01-03,2050-01-24,2050-01-25,2050-01-26,2050-01-27,2050-01-28,2050-04-01,
2050-05-02,2050-05-03,2050-09-01,2050-09-02,2051-01-02,2051-02-10,2051-02-13,2051-02-14,2051-02-15,2051-02-16,
2051-04-20,2051-05-01,2051-05-02,2051-09-01,2051-09-04,2052-01-01,2052-01-31,2052-02-01,2052-02-02,2052-02-05,
2052-02-06,2052-04-09,2052-04-30,2052-05-01,2052-09-02,2052-09-03,2053-01-01,2053-02-17,2053-02-18,2053-02-19,
2053-02-20,2053-02-21,2053-04-28,2053-04-30,2053-05-01,2053-09-01,2053-09-02,2054-01-01,2054-02-09,2054-02-10,
2054-02-11,2054-02-12,2054-02-13,2054-04-17,2054-04-30,2054-05-01,2054-09-01,2054-09-02,2055-01-01,2055-01-27,
2055-01-28,2055-01-29,2055-02-01,2055-02-02,2055-04-06,2055-04-30,2055-05-03,2055-09-02,2055-09-03,2056-01-03,
2056-02-14,2056-02-15,2056-02-16,2056-02-17,2056-02-18,2056-04-24,2056-05-01,2056-05-02,2056-09-01,2056-09-04,
2057-01-01,2057-02-05,2057-02-06,2057-02-07,2057-02-08,2057-02-09,2057-04-13,2057-04-30,2057-05-01,2057-09-03,
2057-09-04,2058-01-01,2058-01-23,2058-01-24,2058-01-25,2058-01-28,2058-01-29,2058-04-02,2058-04-30,2058-05-01,
2058-09-02,2058-09-03,2059-01-01,2059-02-11,2059-02-12,2059-02-13,2059-02-14,2059-02-17,2059-04-21,2059-04-30,
2059-05-01,2059-09-01,2059-09-02,2060-01-01,2060-02-02,2060-02-03,2060-02-04,2060-02-05,2060-02-06,2060-04-12,
2060-04-30,2060-05-03,2060-09-02,2060-09-03,2061-01-03,2061-01-20,2061-01-21,2061-01-24,2061-01-25,2061-01-26,
2061-03-31,2061-05-02,2061-05-03,2061-09-01,2061-09-02,2062-01-02,2062-02-08,2062-02-09,2062-02-10,2062-02-13,
2062-02-14,2062-04-19,2062-05-01,2062-05-02,2062-09-01,2062-09-04,2063-01-01,2063-01-29,2063-01-30,2063-01-31,
2063-02-01,2063-02-02,2063-04-09,2063-04-30,2063-05-01,2063-09-03,2063-09-04,2064-01-01,2064-02-18,2064-02-19,
2064-02-20,2064-02-21,2064-02-22,2064-04-28,2064-04-30,2064-05-01,2064-09-01,2064-09-02,2065-01-01,2065-02-04,
2065-02-05,2065-02-06,2065-02-09,2065-02-10,2065-04-15,2065-04-30,2065-05-01,2065-09-01,2065-09-02,2066-01-01,
2066-01-25,2066-01-26,2066-01-27,2066-01-28,2066-01-29,2066-04-05,2066-04-30,2066-05-03,2066-09-02,2066-09-03,
2067-01-03,2067-02-14,2067-02-15,2067-02-16,2067-02-17,2067-02-18,2067-04-25,2067-05-02,2067-05-03,2067-09-01,
2067-09-02,2068-01-02,2068-02-02,2068-02-03,2068-02-06,2068-02-07,2068-02-08,2068-04-11,2068-04-30,2068-05-01,
2068-09-03,2068-09-04,2069-01-01,2069-01-22,2069-01-23,2069-01-24,2069-01-25,2069-01-28,2069-04-01,2069-04-30,
2069-05-01,2069-09-02,2069-09-03,2070-01-01,2070-02-10,2070-02-11,2070-02-12,2070-02-13,2070-02-14,2070-04-21,
2070-04-30,2070-05-01,2070-09-01,2070-09-02,2071-01-01,2071-01-30,2071-02-02,2071-02-03,2071-02-04,2071-02-05,
2071-04-09,2071-04-30,2071-05-01,2071-09-01,2071-09-02,2072-01-01,2072-02-18,2072-02-19,2072-02-22,2072-02-23,
2072-02-24,2072-04-27,2072-05-02,2072-05-03,2072-09-01,2072-09-02,2073-01-02,2073-02-06,2073-02-07,2073-02-08,
2073-02-09,2073-02-10,2073-04-17,2073-05-01,2073-05-02,2073-09-01,2073-09-04,2074-01-01,2074-01-26,2074-01-29,
2074-01-30,2074-01-31,2074-02-01,2074-04-05,2074-04-30,2074-05-01,2074-09-03,2074-09-04,2075-01-01,2075-02-14,
2075-02-15,2075-02-18,2075-02-19,2075-02-20,2075-04-24,2075-04-30,2075-05-01,2075-09-02,2075-09-03,2076-01-01,
2076-02-04,2076-02-05,2076-02-06,2076-02-07,2076-02-10,2076-04-13,2076-04-30,2076-05-01,2076-09-01,2076-09-02,
2077-01-01,2077-01-25,2077-01-26,2077-01-27,2077-01-28,2077-01-29,2077-04-02,2077-04-30,2077-05-03,2077-09-02,
2077-09-03,2078-01-03,2078-02-11,2078-02-14,2078-02-15,2078-02-16,2078-02-17,2078-04-21,2078-05-02,2078-05-03,
2078-09-01,2078-09-02,2079-01-02,2079-02-01,2079-02-02,2079-02-03,2079-02-06,2079-02-07,2079-04-11,2079-05-01,
2079-05-02,2079-09-01,2079-09-04,2080-01-01,2080-01-22,2080-01-23,2080-01-24,2080-01-25,2080-01-26,2080-04-01,
2080-04-30,2080-05-01,2080-09-02,2080-09-03,2081-01-01,2081-02-10,2081-02-11,2081-02-12,2081-02-13,2081-02-14,
2081-04-18,2081-04-30,2081-05-01,2081-09-01,2081-09-02,2082-01-01,2082-01-28,2082-01-29,2082-01-30,2082-02-02,
2082-02-03,2082-04-07,2082-04-30,2082-05-01,2082-09-01,2082-09-02,2083-01-01,2083-02-16,2083-02-17,2083-02-18,
2083-02-19,2083-02-22,2083-04-26,2083-04-30,2083-05-03,2083-09-02,2083-09-03,2084-01-03,2084-02-07,2084-02-08,
2084-02-09,2084-02-10,2084-02-11,2084-04-14,2084-05-01,2084-05-02,2084-09-01,2084-09-04,2085-01-01,2085-01-25,
2085-01-26,2085-01-29,2085-01-30,2085-01-31,2085-04-03,2085-04-30,2085-05-01,2085-09-03,2085-09-04,2086-01-01,
2086-02-13,2086-02-14,2086-02-15,2086-02-18,2086-02-19,2086-04-22,2086-04-30,2086-05-01,2086-09-02,2086-09-03,
2087-01-01,2087-02-03,2087-02-04,2087-02-05,2087-02-06,2087-02-07,2087-04-14,2087-04-30,2087-05-01,2087-09-01,
2087-09-02,2088-01-01,2088-01-23,2088-01-26,2088-01-27,2088-01-28,2088-01-29,2088-04-01,2088-04-30,2088-05-03,
2088-09-02,2088-09-03,2089-01-03,2089-02-09,2089-02-10,2089-02-11,2089-02-14,2089-02-15,2089-04-20,2089-05-02,
2089-05-03,2089-09-01,2089-09-02,2090-01-02,2090-01-30,2090-01-31,2090-02-01,2090-02-02,2090-02-03,2090-04-10,
2090-05-01,2090-05-02,2090-09-01,2090-09-04,2091-01-01,2091-02-19,2091-02-20,2091-02-21,2091-02-22,2091-02-23,
2091-04-30,2091-05-01,2091-05-02,2091-09-03,2091-09-04,2092-01-01,2092-02-06,2092-02-07,2092-02-08,2092-02-11,
2092-02-12,2092-04-16,2092-04-30,2092-05-01,2092-09-01,2092-09-02,2093-01-01,2093-01-26,2093-01-27,2093-01-28,
2093-01-29,2093-01-30,2093-04-06,2093-04-30,2093-05-01,2093-09-01,2093-09-02,2094-01-01,2094-02-15,2094-02-16,
2094-02-17,2094-02-18,2094-02-19,2094-04-26,2094-04-30,2094-05-03,2094-09-02,2094-09-03,2095-01-03,2095-02-04,
2095-02-07,2095-02-08,2095-02-09,2095-02-10,2095-04-13,2095-05-02,2095-05-03,2095-09-01,2095-09-02,2096-01-02,
2096-01-24,2096-01-25,2096-01-26,2096-01-27,2096-01-30,2096-04-02,2096-04-30,2096-05-01,2096-09-03,2096-09-04,
2097-01-01,2097-02-11,2097-02-12,2097-02-13,2097-02-14,2097-02-15,2097-04-22,2097-04-30,2097-05-01,2097-09-02,
2097-09-03,2098-01-01,2098-01-31,2098-02-03,2098-02-04,2098-02-05,2098-02-06,2098-04-11,2098-04-30,2098-05-01,
2098-09-01,2098-09-02,2099-01-01,2099-01-20,2099-01-21,2099-01-22,2099-01-23,2099-01-26,2099-04-29,2099-04-30,
2099-05-01,2099-09-01,2099-09-02,2100-01-01,2100-02-08,2100-02-09,2100-02-10,2100-02-11,2100-02-12,2100-04-19,
2100-04-30,2100-05-03,2100-09-02,2100-09-03
}'::date[]) off (day) on off.day = g::date
) x;

-- Working ms from 2000-01-01 00:00 local to t on that calendar; null outside it.
create function quality_position(t timestamptz) returns bigint language sql stable parallel safe as $$
  select c.before_ms + case when c.working
      then greatest(0, least(y.ms, 41400000) - 27000000) + greatest(0, least(y.ms, 61200000) - 48600000) else 0 end
  from (select t at time zone 'Asia/Ho_Chi_Minh' as l) x
  cross join lateral (select (extract(epoch from x.l - x.l::date) * 1000)::bigint as ms) y
  join quality_calendar c on c.day = x.l::date
$$;

-- 2.2 over the completed (resolved, returned) dossiers without supplement requests, per procedure and receipt
-- day: how many, and their working ms from receipt to completion (unplaced: an instant outside the calendar).
create function quality_processing(r timestamptz, x timestamptz, p_end_type text, p_supplements integer)
returns table (day date, completed integer, processing_ms bigint, unplaced integer)
language sql stable parallel safe as $$
  select (r at time zone 'Asia/Ho_Chi_Minh')::date, case when v.ms is null then 0 else 1 end, coalesce(v.ms, 0),
    case when v.ms is null then 1 else 0 end
  from (select case when r is not null and x is not null and p_end_type in ('resolved', 'returned')
      and p_supplements = 0 then quality_position(x) - quality_position(r) end as ms) v
  where r is not null and x is not null and p_end_type in ('resolved', 'returned') and p_supplements = 0
$$;

create table quality_processing_counts (
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

create view quality_processing_counts_expected as
  with d as (
    select d.province_code, d.unit_code, d.procedure_code, f.day, sum(f.completed) as completed,
      sum(f.processing_ms) as processing_ms, sum(f.unplaced) as unplaced
    from dossiers d
    cross join lateral quality_processing(d.received_at, d.end_at, d.end_type, d.supplement_requests) f
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

insert into quality_processing_counts select * from quality_processing_counts_expected;
alter table quality_processing_counts add primary key (span, day, province_code, unit_code, procedure_code);
analyze quality_processing_counts;

-- The rows a statement removed count −1, the rows it wrote +1 (an update leaves out the rows in which no column
-- the counters read changed: most lifecycle commands); quality_counts_add sums them per key (day and month),
-- drops all-zero sums and adds in key order (writers of shared rows lock them in the same order: no deadlock).
-- Transition tables need one trigger per event; the three pass their signed rows to one function.
create type quality_delta as (sign integer, province_code text, unit_code text, procedure_code text,
  received_at timestamptz,
  end_at timestamptz, due_at timestamptz, end_type text, channel text, fee_amount bigint, fee_paid_online boolean,
  e_result boolean, digitized boolean, result_digitized boolean, source text, supplement_requests integer);

-- (plpgsql: its two statements are planned once per session, not at every call as a SQL function's would be —
-- 10 ms per intake under load)
create function quality_counts_add(deltas quality_delta[]) returns void language plpgsql as $$
begin
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
    ended_on_time = t.ended_on_time + excluded.ended_on_time;
  insert into quality_processing_counts as t
  select sp.span, sp.day, x.province_code, x.unit_code, x.procedure_code, sum(x.sign * f.completed),
    sum(x.sign * f.processing_ms), sum(x.sign * f.unplaced)
  from unnest(deltas) x
  cross join lateral quality_processing(x.received_at, x.end_at, x.end_type, x.supplement_requests) f
  cross join lateral (values ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) sp (span, day)
  group by 1, 2, 3, 4, 5
  having (sum(x.sign * f.completed), sum(x.sign * f.processing_ms), sum(x.sign * f.unplaced)) <> (0, 0, 0)
  order by 1, 2, 3, 4, 5
  on conflict (span, day, province_code, unit_code, procedure_code) do update set
    completed = t.completed + excluded.completed,
    processing_ms = t.processing_ms + excluded.processing_ms,
    unplaced = t.unplaced + excluded.unplaced;
end $$;

create function quality_counts_after_insert() returns trigger language plpgsql as $$
begin
  perform quality_counts_add(array(select row(1, n.province_code, n.unit_code, n.procedure_code, n.received_at, n.end_at, n.due_at,
    n.end_type, n.channel, n.fee_amount, n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source,
    n.supplement_requests)::quality_delta from new_rows n));
  return null;
end $$;

create function quality_counts_after_delete() returns trigger language plpgsql as $$
begin
  perform quality_counts_add(array(select row(-1, o.province_code, o.unit_code, o.procedure_code, o.received_at, o.end_at, o.due_at,
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
    select row(1, n.province_code, n.unit_code, n.procedure_code, n.received_at, n.end_at, n.due_at, n.end_type, n.channel,
      n.fee_amount, n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source,
      n.supplement_requests)::quality_delta as x
    from new_rows n
    where not exists (select 1 from old_rows o where o.province_code = n.province_code and o.code = n.code
      and (n.unit_code, n.procedure_code, n.received_at, n.end_at, n.due_at, n.end_type, n.channel,
          n.fee_amount,
          n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.procedure_code, o.received_at, o.end_at, o.due_at, o.end_type, o.channel,
          o.fee_amount,
          o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source, o.supplement_requests = 0))
    union all
    select row(-1, o.province_code, o.unit_code, o.procedure_code, o.received_at, o.end_at, o.due_at, o.end_type, o.channel,
      o.fee_amount, o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source,
      o.supplement_requests)::quality_delta
    from old_rows o
    where not exists (select 1 from new_rows n where o.province_code = n.province_code and o.code = n.code
      and (n.unit_code, n.procedure_code, n.received_at, n.end_at, n.due_at, n.end_type, n.channel,
          n.fee_amount,
          n.fee_paid_online, n.e_result, n.digitized, n.result_digitized, n.source, n.supplement_requests = 0)
        is not distinct from (o.unit_code, o.procedure_code, o.received_at, o.end_at, o.due_at, o.end_type, o.channel,
          o.fee_amount,
          o.fee_paid_online, o.e_result, o.digitized, o.result_digitized, o.source, o.supplement_requests = 0))
  ) c;
  if deltas is not null then
    perform quality_counts_add(deltas);
  end if;
  return null;
end $$;

create function quality_counts_after_truncate() returns trigger language plpgsql as $$
begin
  truncate quality_counts, quality_processing_counts;
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
    (case when end_at is null or end_type = 'refused' then 'infinity'::timestamptz else end_at end))
  include (received_at) where supplement_requests > 0;
create index dossiers_supplement_received on dossiers (province_code, unit_code, received_at)
  where supplement_requests > 0;
-- The supplement events of a dossier, read index-only by the two queries above.
create index dossier_events_supplements on dossier_events (province_code, dossier_code, seq) include (type, at)
  where type in ('supplement_requested', 'supplement_received');
-- 5.4's complaints of a period, from their side (each few) instead of over the scope's dossiers.
create index ratings_dissatisfied on ratings (province_code, at) where score = 'dissatisfied';
create index feedback_received on feedback (province_code, received_at) where dossier_code is not null;
