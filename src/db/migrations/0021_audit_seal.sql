-- Issue 20: an audit row no longer takes its province chain's head in the writer's own transaction. Until now the
-- chain trigger of 0015/0019 locked the province's audit_chain_heads row and held it to the writer's commit, so
-- every audited write of a province (each counter intake among them) waited for the one before it: at 32 clients
-- on two cores, 43–60 % of the intake backends' time was Lock:transactionid / Lock:tuple on that one row.
--
-- Now the trigger only notes the row in audit_pending (its own key: no lock shared by two writers), in the same
-- transaction as the row (neither is stored without the other). audit_seal() chains the pending rows, per
-- province in id order, exactly as audit_chain_append did, and removes them from audit_pending. The server runs it
-- every second (src/db/repos/audit-chain.ts startAuditSealer) and `motcua audit verify` runs it before checking,
-- so the chains cover every committed row. A chain already being sealed elsewhere is skipped, not waited for.
-- The verifier knows pending rows: a row in audit_pending is not "unchained" (its transaction may still be open),
-- a pending entry whose row is gone names a row deleted before it was sealed.
--
-- What changes for tamper evidence: a row is protected from the moment it is sealed (about a second after its
-- commit) instead of from its commit (docs/security.md).

create table audit_pending (
  province_code text not null,
  id bigint not null,
  primary key (province_code, id)
);

-- The trigger runs with its owner's rights (security definer): the application's role needs no right on
-- audit_pending, so it can neither forge nor drop a pending entry (a dropped one shows as an unchained row).
create or replace function audit_log_chain_trigger() returns trigger language plpgsql
security definer set search_path = public, pg_temp as $$
begin
  insert into audit_pending (province_code, id) values (new.province_code, new.id);
  return null;
end $$;

-- Chains up to `batch` pending rows of each province whose head is free; returns how many it chained. The pending
-- ids are read once as an array and deleted by one statement (a delete per row let the planner scan
-- audit_pending's dead rows once per row); each row is read by audit_log's key.
create function audit_seal(batch integer default 10000) returns bigint language plpgsql
security definer set search_path = public, pg_temp as $$
declare
  k text;
  s bigint;
  h text;
  nh text;
  r audit_log;
  i bigint;
  pending bigint[];
  sealed bigint[];
  n bigint := 0;
begin
  -- the provinces with pending rows, by a walk of the key (a queue table's dead rows make a scan of it costly)
  for k in
    with recursive walk as (
      select min(province_code) as k from audit_pending
      union all
      select (select min(p.province_code) from audit_pending p where p.province_code > walk.k) from walk
        where walk.k is not null
    ) select walk.k from walk where walk.k is not null
  loop
    insert into audit_chain_heads (province_code, chain, seq, hash) values (k, k, 0, repeat('0', 64))
      on conflict (province_code, chain) do nothing;
    -- the head row is the chain's lock, now taken by sealers only: one busy sealing this chain is left to it
    select seq, hash into s, h from audit_chain_heads where province_code = k and chain = k for update skip locked;
    continue when not found;
    select array_agg(id order by id) into pending
      from (select p.id from audit_pending p where p.province_code = k order by p.id limit batch) first_ones;
    sealed := '{}';
    -- each row by its key (a lookup the planner always makes by the index, whatever audit_log's statistics say);
    -- a pending id without its row stays pending: the verifier names it (deleted before it was sealed)
    foreach i in array coalesce(pending, '{}') loop
      select * into r from audit_log a where a.province_code = k and a.id = i;
      continue when not found;
      s := s + 1;
      nh := motcua_chain_hash(h, motcua_audit_text(r));
      insert into audit_chain (province_code, id, chain, seq, prev_hash, hash) values (k, r.id, k, s, h, nh);
      h := nh;
      sealed := sealed || r.id;
    end loop;
    delete from audit_pending where province_code = k and id = any(sealed);
    update audit_chain_heads set seq = s, hash = h where province_code = k and chain = k;
    n := n + cardinality(sealed);
  end loop;
  return n;
end $$;

-- a queue: rows come and go every second, so it is vacuumed after every few thousand changes, not a fifth of it
alter table audit_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);

-- audit_pending is written by the trigger and emptied by audit_seal only
create trigger audit_pending_no_update before update on audit_pending
  for each row execute function chain_append_only();
