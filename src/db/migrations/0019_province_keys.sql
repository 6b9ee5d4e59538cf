-- province_code in the keys of the last seven tenant tables (issue 19, docs/deploy-national.md "Distributed-
-- PostgreSQL readiness"): a Citus cluster distributes a table by province_code only when its primary key, its
-- unique keys and its foreign keys between distributed tables include it. Rows already stored are backfilled
-- (from the unit's province, or from the audit chain the row is on); no hashed content changes, so every audit
-- and event chain verifies as before (`motcua audit verify`).

-- The audit trail. province_code is the acting user's province, as the chain's name has been since migration
-- 0015; '' for a national or system row (a superuser, a user without a unit, no user: the chain "toàn quốc").
-- '' is never a unit code (units.code is checked non-empty), so it cannot collide with a province. It is not
-- part of the hashed text (motcua_audit_text), so rows chained before this migration keep their hashes; the
-- verifier checks instead that a row's province_code is its chain's (src/db/repos/audit-chain.ts).
-- Each key is dropped before its table's backfill and built again after it (one index build, instead of an index
-- entry per updated row); only rows whose value is not the default are updated.
alter table audit_log add column province_code text not null default '';
alter table audit_log drop constraint audit_log_pkey;
drop index audit_log_subject;
update audit_log a set province_code = c.chain from audit_chain c where c.id = a.id and c.chain <> '';
-- a row slipped in with the triggers off has no chain: the acting user's province
update audit_log a set province_code = un.province_code
  from users u join units un on un.code = u.unit_code
  where u.id = a.user_id and not exists (select 1 from audit_chain c where c.id = a.id);
alter table audit_log add primary key (province_code, id);
create index audit_log_subject on audit_log (subject, at);

-- A writer that does not name the province (request-audit, a raw insert) gets the acting user's.
create function audit_log_province() returns trigger language plpgsql as $$
begin
  if new.province_code = '' and new.user_id is not null then
    select un.province_code into new.province_code
      from users u join units un on un.code = u.unit_code where u.id = new.user_id;
    new.province_code := coalesce(new.province_code, '');
  end if;
  return new;
end $$;
create trigger audit_log_province before insert on audit_log
  for each row execute function audit_log_province();

-- The chains: a chain is one province's, so its name and its province_code are the same text (checked).
-- audit_chain is append-only (migration 0015): its guard is lifted for the backfill only.
alter table audit_chain add column province_code text not null default '',
  drop constraint audit_chain_pkey,
  drop constraint audit_chain_chain_seq_key;
alter table audit_chain disable trigger audit_chain_no_update;
update audit_chain set province_code = chain where chain <> '';
alter table audit_chain enable trigger audit_chain_no_update;
alter table audit_chain
  alter column province_code drop default,
  add constraint audit_chain_province check (province_code = chain),
  add primary key (province_code, id),
  add constraint audit_chain_province_chain_seq_key unique (province_code, chain, seq);

alter table audit_chain_heads add column province_code text not null default '',
  drop constraint audit_chain_heads_pkey;
update audit_chain_heads set province_code = chain where chain <> '';
alter table audit_chain_heads
  alter column province_code drop default,
  add constraint audit_chain_heads_province check (province_code = chain),
  add primary key (province_code, chain);

-- Appends go to the chain of the row's province_code (filled above: the acting user's province, or '').
create or replace function audit_chain_append(r audit_log) returns void language plpgsql
security definer set search_path = public, pg_temp as $$
declare
  k text := r.province_code;
  s bigint;
  h text;
  nh text;
begin
  insert into audit_chain_heads (province_code, chain, seq, hash) values (k, k, 0, repeat('0', 64))
    on conflict (province_code, chain) do nothing;
  -- the head row is the chain's lock: appends to one province's chain are serialized
  select seq, hash into s, h from audit_chain_heads where province_code = k and chain = k for update;
  nh := motcua_chain_hash(h, motcua_audit_text(r));
  insert into audit_chain (province_code, id, chain, seq, prev_hash, hash) values (k, r.id, k, s + 1, h, nh);
  update audit_chain_heads set seq = s + 1, hash = nh where province_code = k and chain = k;
end $$;

-- The document register (migration 0011): the unit's province.
alter table document_numbers
  add column province_code text,
  drop constraint document_numbers_unit_code_form_year_fkey,
  drop constraint document_numbers_pkey,
  drop constraint document_numbers_unit_code_form_subject_key;
alter table document_counters
  add column province_code text,
  drop constraint document_counters_pkey;
update document_counters d set province_code = u.province_code from units u where u.code = d.unit_code;
update document_numbers d set province_code = u.province_code from units u where u.code = d.unit_code;
alter table document_counters
  alter column province_code set not null,
  add primary key (province_code, unit_code, form, year);
alter table document_numbers
  alter column province_code set not null,
  add primary key (province_code, unit_code, form, year, number),
  add constraint document_numbers_province_unit_form_subject_key unique (province_code, unit_code, form, subject),
  add constraint document_numbers_counter_fkey foreign key (province_code, unit_code, form, year)
    references document_counters (province_code, unit_code, form, year);

-- The CCHC tables already carry province_code (migrations 0013, 0018); only their keys change.
alter table reform_sheet_manual
  drop constraint reform_sheet_manual_pkey,
  add primary key (province_code, unit_code, "from", "to", code);
alter table reform_reports
  drop constraint reform_reports_pkey,
  add primary key (province_code, unit_code, "from", "to", version);
alter table reform_index_surveys
  drop constraint reform_index_surveys_pkey,
  add primary key (province_code, unit_code, year);
alter table reform_index_fix_tasks
  drop constraint reform_index_fix_tasks_pkey,
  add primary key (province_code, unit_code, year, code);
