-- The calendar as data an administrator edits (docs/calendar.md): who added each override and when, and the
-- rules the database can hold. An edit only inserts or deletes rows; each one is recorded in audit_log.
alter table calendar_overrides
  add column created_at timestamptz not null default now(),
  add column created_by bigint references users (id) on delete set null,
  -- '*' = national; otherwise a province's code (same pattern as units.code)
  add constraint calendar_overrides_scope check (scope = '*' or scope ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
  add constraint calendar_overrides_day check (day between date '1900-01-01' and date '2100-12-31'),
  add constraint calendar_overrides_note check (note is null or length(note) between 1 and 500),
  add constraint calendar_overrides_source check (source is null or length(source) between 1 and 1000);

create index audit_log_subject on audit_log (subject, at);
