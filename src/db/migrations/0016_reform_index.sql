-- The CCHC index (docs/reform-index.md): criteria sets as versioned JSON data, the index year of a province
-- (its set and phase deadlines), and the assessment of each node for each unit: self-score, explanation,
-- evidence, appraisal rounds, final score. Automatic nodes are not stored: they are recomputed on read from
-- the records and dossiers. Every change writes audit_log (reform.index.*) with the state before and after.

create table reform_index_sets (
  id bigint generated always as identity primary key,
  set_id text not null check (length(set_id) between 1 and 100),
  version integer not null check (version >= 1),
  province_code text,
  year integer check (year between 2000 and 2100),
  title text not null,
  definition jsonb not null,
  created_at timestamptz not null default now(),
  created_by bigint references users (id) on delete set null,
  unique (set_id, version)
);

create table reform_index_years (
  province_code text not null,
  year integer not null check (year between 2000 and 2100),
  set_id text not null,
  set_version integer not null,
  -- phase deadlines (local dates): self-assessment, appraisal 1, explanation, appraisal 2, final
  self_until date,
  appraisal1_until date,
  explanation_until date,
  appraisal2_until date,
  final_until date,
  locked boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  primary key (province_code, year)
);

create table reform_index_assessments (
  province_code text not null,
  unit_code text not null references units (code),
  year integer not null check (year between 2000 and 2100),
  code text not null check (code ~ '^[0-9]+(\.[0-9]+)*$'),
  self_score numeric(8, 2),
  self_note text,
  evidence jsonb not null default '[]',
  appraisal1 numeric(8, 2),
  appraisal2 numeric(8, 2),
  final numeric(8, 2),
  appraiser_note text,
  explanation text,
  explanation_evidence jsonb not null default '[]',
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  primary key (province_code, unit_code, year, code)
);
