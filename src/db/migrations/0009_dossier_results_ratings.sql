-- The result as resolve records it, and the officer a rating is about.

-- Whether the result document was digitized (số hóa kết quả), from the `resolved` event; null when not recorded
-- (imported dossiers, whose `digitized` flag covers components and result together, CONTRACTS §2). `e_result`
-- already exists: resolve now sets it from its event too.
alter table dossiers add column result_digitized boolean;

-- The officer the rating is about (đánh giá cán bộ): the staff member who returned the result, or, when the
-- result was returned by the system (online), the dossier's assignee. Null when neither is a known user.
alter table ratings add column officer_id bigint references users (id);
create index ratings_officer on ratings (officer_id, at) where officer_id is not null;

-- An online submission asked for a supplement before receipt is awaiting it with no receipt yet: the check of
-- 0002 allowed no receipt only for submitted, refused and withdrawn, so that request failed on the database.
do $$
declare
  name text;
begin
  select conname into name from pg_constraint
  where conrelid = 'dossiers'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%received_at IS NOT NULL%';
  if name is not null then
    execute format('alter table dossiers drop constraint %I', name);
  end if;
end $$;
alter table dossiers add constraint dossiers_received_or_before_receipt
  check (received_at is not null or state in ('submitted', 'awaiting_supplement', 'refused', 'withdrawn'));
