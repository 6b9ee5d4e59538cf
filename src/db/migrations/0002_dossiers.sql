-- Dossiers: the append-only event log (the truth) and the current-state projection written with it.

create table dossiers (
  province_code text not null,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*-[0-9]{6}-[0-9]{4}$'),
  unit_code text not null references units (code),
  current_unit_code text not null references units (code),
  procedure_code text not null,
  procedure_version integer,
  procedure_name text,
  field text not null,
  level text check (level in ('province', 'district', 'commune')),
  channel text not null check (channel in ('direct', 'postal', 'online_partial', 'online_full')),
  state text not null check (state in ('submitted', 'received', 'refused', 'processing', 'awaiting_supplement',
    'awaiting_payment', 'withdrawn', 'stopped', 'resolved', 'returned')),
  applicant jsonb not null default '{}',
  applicant_phone text,
  submitted_at timestamptz,
  received_at timestamptz,
  -- the appointment on the receipt slip: never overwritten
  due_at timestamptz,
  -- the deadline in force now (moved by supplements, not by extensions)
  deadline_at timestamptz,
  extended_due_at timestamptz,
  apology_at timestamptz,
  supplement_requests integer not null default 0,
  extensions integer not null default 0,
  paused_at timestamptz,
  -- the end event (resolved, or returned without resolved, withdrawn, stopped, refused) and how it counts
  end_type text check (end_type in ('resolved', 'returned', 'withdrawn', 'stopped', 'refused')),
  end_at timestamptz,
  end_deadline_at timestamptz,
  finish_class text check (finish_class in ('early', 'on_time', 'late')),
  returned_at timestamptz,
  assignee_id bigint,
  digitized boolean not null default false,
  e_result boolean not null default false,
  fee_amount bigint not null default 0 check (fee_amount >= 0),
  fee_paid_online boolean not null default false,
  lookup_secret text,
  source text not null check (source in ('live', 'import')),
  content_hash text,
  flags text[] not null default '{}',
  revision integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (province_code, code),
  check (received_at is not null or state in ('submitted', 'refused', 'withdrawn')),
  check (end_at is null or received_at is null or end_at >= received_at)
);
create index dossiers_received on dossiers (province_code, received_at);
create index dossiers_end on dossiers (province_code, end_at);
create index dossiers_unit_state on dossiers (province_code, current_unit_code, state);
create index dossiers_open_deadline on dossiers (province_code, deadline_at) where end_at is null;

create table dossier_events (
  province_code text not null,
  dossier_code text not null,
  seq integer not null check (seq >= 1),
  type text not null,
  at timestamptz not null,
  actor_id text,
  actor_role text,
  unit_code text,
  from_state text,
  to_state text,
  reason text,
  payload jsonb not null default '{}',
  attachments jsonb not null default '[]',
  idempotency_key text,
  recorded_at timestamptz not null default now(),
  primary key (province_code, dossier_code, seq),
  foreign key (province_code, dossier_code) references dossiers (province_code, code)
);
create unique index dossier_events_idempotency on dossier_events (province_code, idempotency_key)
  where idempotency_key is not null;
create index dossier_events_type_at on dossier_events (province_code, type, at);

-- The log is append-only: corrections are new events, never edits.
create or replace function dossier_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'dossier_events is append-only' using errcode = 'P0001';
end $$;
create trigger dossier_events_no_update before update or delete on dossier_events
  for each row execute function dossier_events_append_only();

-- Per unit and local day, the last sequence number issued (codes <unit>-YYMMDD-XXXX, no gaps).
create table dossier_sequences (
  province_code text not null,
  unit_code text not null,
  day date not null,
  last integer not null check (last between 0 and 9999),
  primary key (province_code, unit_code, day)
);

create table files (
  province_code text not null,
  id text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  name text not null,
  mime text not null,
  size integer not null check (size >= 0),
  content bytea not null,
  uploaded_by bigint,
  created_at timestamptz not null default now(),
  primary key (province_code, id)
);

create table ratings (
  province_code text not null,
  dossier_code text not null,
  at timestamptz not null default now(),
  score text not null check (score in ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied')),
  officer_score text check (officer_score in ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied')),
  procedure_assessment text check (procedure_assessment in ('simple', 'fewer_papers', 'complicated')),
  comment text,
  primary key (province_code, dossier_code),
  foreign key (province_code, dossier_code) references dossiers (province_code, code)
);

create table feedback (
  province_code text not null,
  id bigint generated always as identity,
  unit_code text not null references units (code),
  dossier_code text,
  procedure_code text,
  received_at timestamptz not null default now(),
  sender_name text not null,
  sender_phone text,
  content text not null,
  due_at timestamptz not null,
  answer text,
  answered_at timestamptz,
  answered_by bigint,
  published boolean not null default false,
  primary key (province_code, id)
);
