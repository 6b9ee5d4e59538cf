-- Foundation: search helpers, units, people, sessions, the procedure catalogue, calendar overrides.
-- Tenant tables carry province_code as the first column of every primary and unique key (Citus-ready,
-- docs/adr/0003). Units, users and the national catalogue are reference tables (replicated everywhere).

-- All local dates are Vietnam's (CONTRACTS.md §1); SQL still names the zone explicitly everywhere.
do $$ begin
  execute format('alter database %I set timezone = %L', current_database(), 'Asia/Ho_Chi_Minh');
end $$;

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can back an index.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table units (
  code text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('province', 'district', 'commune', 'ward', 'special_zone', 'agency')),
  parent_code text references units (code),
  -- topmost ancestor, kept by the application when a unit is created (a unit's parent never changes)
  province_code text not null,
  effective_from date,
  effective_to date,
  successor_code text references units (code),
  office_hours jsonb,
  saturday_service boolean not null default false,
  saturday_counts boolean not null default false,
  placeholder boolean not null default false,
  -- mã đơn vị hành chính (2 digits province, 3 district, 5 commune); null for agencies
  official_code text check (official_code ~ '^[0-9]{2,5}$'),
  former_names jsonb not null default '[]',
  basis text,
  unconfirmed jsonb not null default '[]',
  created_at timestamptz not null default now(),
  check (effective_to is null or effective_from is null or effective_to >= effective_from),
  check (parent_code is null or parent_code <> code)
);
create index units_parent on units (parent_code);
create index units_province on units (province_code);

create table users (
  id bigint generated always as identity primary key,
  username text not null unique check (username ~ '^[a-z0-9._@-]{3,64}$'),
  full_name text not null check (length(full_name) between 1 and 200),
  kind text not null check (kind in ('staff', 'citizen')),
  password_hash text not null,
  unit_code text references units (code),
  phone text,
  email text,
  is_superuser boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now(),
  check (kind = 'staff' or unit_code is null)
);

-- A role held at a unit; the grant covers that unit and every unit below it.
create table role_grants (
  province_code text not null,
  user_id bigint not null references users (id) on delete cascade,
  unit_code text not null references units (code),
  role text not null check (role in ('front_desk', 'officer', 'leader', 'reform_officer', 'admin')),
  primary key (province_code, user_id, unit_code, role)
);
create index role_grants_user on role_grants (user_id);

create table sessions (
  token_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- National catalogue: one row per version of a procedure; a dossier keeps the version it was received under.
create table procedures (
  code text not null check (length(code) between 1 and 40),
  version integer not null check (version >= 1),
  effective_from date not null,
  name text not null,
  field text not null,
  level text not null check (level in ('province', 'district', 'commune')),
  agency text,
  time_limit jsonb not null,
  fees jsonb not null default '[]',
  online_level text not null check (online_level in ('full', 'partial', 'none')),
  boundary_free boolean not null default false,
  restart_on_supplement boolean not null default false,
  components jsonb not null default '[]',
  steps jsonb not null default '[]',
  links jsonb not null default '[]',
  legal_basis jsonb not null default '[]',
  -- fields not confirmed against a public source
  unconfirmed jsonb not null default '[]',
  placeholder boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (code, version),
  unique (code, effective_from)
);
create index procedures_search on procedures using gin (lower(f_unaccent(name)) gin_trgm_ops);
create index procedures_field on procedures (field);

-- A province's own limits, fees and process steps, versioned the same way.
create table procedure_overrides (
  province_code text not null,
  procedure_code text not null,
  version integer not null check (version >= 1),
  effective_from date not null,
  time_limit jsonb,
  fees jsonb,
  steps jsonb,
  created_at timestamptz not null default now(),
  primary key (province_code, procedure_code, version),
  unique (province_code, procedure_code, effective_from)
);

-- Official per-year arrangements (national scope '*') and province overrides of the computed holidays.
create table calendar_overrides (
  scope text not null,
  day date not null,
  kind text not null check (kind in ('day_off', 'working_day')),
  note text,
  source text,
  primary key (scope, day)
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id bigint,
  action text not null,
  subject text,
  detail jsonb not null default '{}'
);
