-- Tamper evidence for the audit trail and the dossier event log (docs/security.md, issue 14 item 7).
-- Each audit row is chained per province (the acting user's province; '' for superusers and unknown users)
-- through audit_chain: seq 1, 2, 3 … with hash = sha256(previous hash | the row's canonical text), and
-- audit_chain_heads holds each chain's last seq and hash (a truncated tail shows against it). Each dossier's
-- events are chained the same way in dossier_event_chain (per dossier: no lock shared by a province's intakes).
-- The chains live beside the tables, so no query of audit_log or dossier_events changes shape.
-- `motcua audit verify` recomputes everything and names every edit, deletion, gap and truncation.

-- The canonical text of a row: a JSON array of its columns, instants in UTC with microseconds (independent of
-- the session's time zone).
create function motcua_utc(t timestamptz) returns text language sql immutable as $$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

create function motcua_audit_text(r audit_log) returns text language sql stable as $$
  select json_build_array(r.id, motcua_utc(r.at), r.user_id, r.action, r.subject, r.detail)::text
$$;

create function motcua_event_text(e dossier_events) returns text language sql stable as $$
  select json_build_array(e.province_code, e.dossier_code, e.seq, e.type, motcua_utc(e.at), e.actor_id, e.actor_role,
    e.unit_code, e.from_state, e.to_state, e.reason, e.payload, e.attachments, e.idempotency_key,
    motcua_utc(e.recorded_at))::text
$$;

create function motcua_chain_hash(prev text, body text) returns text language sql immutable as $$
  select encode(sha256(convert_to(prev || '|' || body, 'UTF8')), 'hex')
$$;

create table audit_chain_heads (
  chain text primary key,
  seq bigint not null,
  hash text not null
);

create table audit_chain (
  id bigint primary key,
  chain text not null,
  seq bigint not null,
  prev_hash text not null,
  hash text not null,
  unique (chain, seq)
);

create table dossier_event_chain (
  province_code text not null,
  dossier_code text not null,
  seq integer not null,
  prev_hash text not null,
  hash text not null,
  primary key (province_code, dossier_code, seq)
);

-- The append functions run with their owner's rights (security definer): the application's role needs no
-- right at all on the chain tables, so it can neither write nor rewrite them (docs/security.md, DB roles).
create function audit_chain_append(r audit_log) returns void language plpgsql
security definer set search_path = public, pg_temp as $$
declare
  k text;
  s bigint;
  h text;
  nh text;
begin
  select un.province_code into k from users u join units un on un.code = u.unit_code where u.id = r.user_id;
  k := coalesce(k, '');
  insert into audit_chain_heads (chain, seq, hash) values (k, 0, repeat('0', 64)) on conflict (chain) do nothing;
  -- the head row is the chain's lock: appends to one province's chain are serialized
  select seq, hash into s, h from audit_chain_heads where chain = k for update;
  nh := motcua_chain_hash(h, motcua_audit_text(r));
  insert into audit_chain (id, chain, seq, prev_hash, hash) values (r.id, k, s + 1, h, nh);
  update audit_chain_heads set seq = s + 1, hash = nh where chain = k;
end $$;

create function event_chain_append(e dossier_events) returns void language plpgsql
security definer set search_path = public, pg_temp as $$
declare
  h text;
begin
  select c.hash into h from dossier_event_chain c
    where c.province_code = e.province_code and c.dossier_code = e.dossier_code and c.seq = e.seq - 1;
  h := coalesce(h, repeat('0', 64));
  insert into dossier_event_chain (province_code, dossier_code, seq, prev_hash, hash)
    values (e.province_code, e.dossier_code, e.seq, h, motcua_chain_hash(h, motcua_event_text(e)));
end $$;

create function audit_log_chain_trigger() returns trigger language plpgsql as $$
begin
  perform audit_chain_append(new);
  return null;
end $$;

create function dossier_events_chain_trigger() returns trigger language plpgsql as $$
begin
  perform event_chain_append(new);
  return null;
end $$;

-- rows written before this migration join their chains in order
do $$
declare
  r audit_log;
  e dossier_events;
begin
  for r in select * from audit_log order by id loop
    perform audit_chain_append(r);
  end loop;
  for e in select * from dossier_events order by province_code, dossier_code, seq loop
    perform event_chain_append(e);
  end loop;
end $$;

create trigger audit_log_chain after insert on audit_log
  for each row execute function audit_log_chain_trigger();
create trigger dossier_events_chain after insert on dossier_events
  for each row execute function dossier_events_chain_trigger();

-- the chains are append-only like the log (the application's role should not own these tables: docs/security.md)
create function chain_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end $$;
create trigger audit_chain_no_update before update or delete on audit_chain
  for each row execute function chain_append_only();
create trigger dossier_event_chain_no_update before update or delete on dossier_event_chain
  for each row execute function chain_append_only();
