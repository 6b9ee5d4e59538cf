-- Reporting periods per province (docs/figures.md "Periods"): the day on which a province's reporting month
-- starts. 1 = calendar periods (the default when a province has no row); 15 = from the 15th of the month before
-- to the 14th, as some provinces cut them. Every change is recorded in audit_log (report.period-settings.set).
create table report_settings (
  province_code text primary key references units (code),
  cut_day smallint not null default 1 check (cut_day between 1 and 28),
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null
);
