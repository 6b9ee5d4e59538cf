-- The CCHC index, continued (docs/reform-index.md): which communes take part in a province's index year, the
-- satisfaction survey result of each unit and year (SIPAS-like: a percentage, weighted into the total by the
-- set's survey rule), and the link between a lost criterion and the task the "what to fix this year" plan
-- created for it (so running the plan twice creates nothing new). Every change writes audit_log.

-- null = every commune, ward and special zone of the province takes part
alter table reform_index_years add column units jsonb;

create table reform_index_surveys (
  province_code text not null,
  unit_code text not null references units (code),
  year integer not null check (year between 2000 and 2100),
  percent numeric(5, 2) not null check (percent between 0 and 100),
  respondents integer check (respondents >= 0),
  source text,
  note text,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  primary key (unit_code, year)
);
create index reform_index_surveys_province on reform_index_surveys (province_code, year);

create table reform_index_fix_tasks (
  province_code text not null,
  unit_code text not null references units (code),
  -- the index year whose lost points the task fixes (the task's plan is for the year after)
  year integer not null check (year between 2000 and 2100),
  code text not null check (code ~ '^[0-9]+(\.[0-9]+)*$'),
  task_id bigint not null,
  created_at timestamptz not null default now(),
  primary key (unit_code, year, code),
  foreign key (province_code, task_id) references reform_tasks (province_code, id)
);
