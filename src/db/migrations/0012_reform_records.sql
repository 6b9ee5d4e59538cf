-- Reform records (hồ sơ công tác CCHC, docs/reform-records.md): plans and their tasks, and dated records of
-- the other kinds (directives, inspections, outreach, …, yes/no facts) with their data as JSON checked by
-- src/reform/records. Tenant tables: province_code leads every key (ADR 0003). Rows are never deleted: a
-- removal sets deleted_at; every change bumps version and writes audit_log with the state before and after.

create table reform_plans (
  province_code text not null,
  id bigint generated always as identity,
  unit_code text not null references units (code),
  kind text not null,
  number text not null check (length(number) between 1 and 100),
  title text not null check (length(title) between 1 and 500),
  issued_on date not null,
  issuer text not null,
  year integer not null check (year between 2000 and 2100),
  period_from date not null,
  period_to date not null,
  file_id text,
  evidence jsonb not null default '[]',
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by bigint references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  deleted_at timestamptz,
  primary key (province_code, id),
  check (period_from <= period_to)
);
-- one live plan per number and date in a unit (a re-import finds it again)
create unique index reform_plans_number on reform_plans (province_code, unit_code, lower(number), issued_on)
  where deleted_at is null;
create index reform_plans_period on reform_plans (province_code, unit_code, period_to) where deleted_at is null;

create table reform_tasks (
  province_code text not null,
  id bigint generated always as identity,
  plan_id bigint not null,
  ordinal integer not null check (ordinal >= 1),
  area text not null,
  content text not null,
  output_kind text not null,
  lead text not null,
  supporting jsonb not null default '[]',
  deadline date,
  kind text not null check (kind in ('one_off', 'recurring')),
  source text not null check (source in ('above', 'own')),
  progress integer not null default 0 check (progress between 0 and 100),
  completed_on date,
  output jsonb,
  evidence jsonb not null default '[]',
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by bigint references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  deleted_at timestamptz,
  primary key (province_code, id),
  foreign key (province_code, plan_id) references reform_plans (province_code, id),
  -- the rule of src/reform/records/rules.ts, held by the database too: done means an output document
  check (completed_on is null or (output is not null and progress = 100))
);
create unique index reform_tasks_ordinal on reform_tasks (province_code, plan_id, ordinal) where deleted_at is null;
create index reform_tasks_plan on reform_tasks (province_code, plan_id);

create table reform_records (
  province_code text not null,
  id bigint generated always as identity,
  unit_code text not null references units (code),
  kind text not null,
  occurred_on date not null,
  ref text not null,
  data jsonb not null,
  evidence jsonb not null default '[]',
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by bigint references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  deleted_at timestamptz,
  primary key (province_code, id)
);
create unique index reform_records_ref on reform_records (province_code, unit_code, kind, ref) where deleted_at is null;
create index reform_records_unit on reform_records (province_code, unit_code, kind, occurred_on) where deleted_at is null;
