-- The CCHC statistics sheet and periodic report (docs/reform-report.md).
-- reform_sheet_manual: a 01b value typed in by hand for a unit and period, where the reform records hold
-- nothing for the row. Only rows kept by the records can be typed (never a row computed from dossiers or the
-- catalogue: the application refuses them with `computed-row`). Every change is recorded in audit_log
-- (reform.sheet.manual.set / reform.sheet.manual.delete).
create table reform_sheet_manual (
  province_code text not null,
  unit_code text not null references units (code),
  "from" date not null,
  "to" date not null,
  code text not null,
  value double precision not null check (value >= 0),
  note text,
  entered_by bigint references users (id) on delete set null,
  entered_at timestamptz not null default now(),
  primary key (unit_code, "from", "to", code),
  check ("from" <= "to")
);

-- reform_reports: the register of periodic reports. A unit issues its report for a period (frozen: the figures,
-- the text and the file as issued); a later edit issues a new version. Due date from the province's cut day.
create table reform_reports (
  province_code text not null,
  unit_code text not null references units (code),
  "from" date not null,
  "to" date not null,
  version integer not null check (version >= 1),
  kind text not null check (kind in ('quarter', 'half-year', 'nine-months', 'year', 'other')),
  number text,
  due_on date,
  status text not null default 'issued' check (status in ('issued', 'submitted', 'returned')),
  figures jsonb not null,
  file bytea,
  issued_by bigint references users (id) on delete set null,
  issued_at timestamptz not null default now(),
  submitted_at timestamptz,
  return_comment text,
  primary key (unit_code, "from", "to", version),
  check ("from" <= "to")
);
create index reform_reports_province on reform_reports (province_code, "from", "to");
