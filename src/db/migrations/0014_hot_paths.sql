-- The staff lists, queues and search at a province's size (issue 20, docs/benchmarks.md "Hot paths"): every
-- request path reads an index that starts with the province and is ordered by the list's sort key, so a page
-- is a short index range (keyset pagination, src/db/repos/dossiers/list.ts) and never a scan of the table.
--   listed = coalesce(received_at, submitted_at, created_at): the "recent first" order of every list.
-- Index columns are ascending; a "recent first" page is a backward scan. Queries must repeat the expressions
-- and partial-index predicates below word for word (list-sql.ts) for the planner to match them.

-- All dossiers of a province / of a receiving unit / of a current unit, recent first.
create index dossiers_listed on dossiers (province_code, (coalesce(received_at, submitted_at, created_at)), code);
create index dossiers_unit_listed
  on dossiers (province_code, unit_code, (coalesce(received_at, submitted_at, created_at)), code);
-- (held by a unit other than the receiving one: transferred dossiers, a few; a list's arm for the units holding
-- dossiers received elsewhere reads only these, not every dossier a busy unit received itself)
create index dossiers_current_listed
  on dossiers (province_code, current_unit_code, (coalesce(received_at, submitted_at, created_at)), code)
  where current_unit_code <> unit_code;

-- Open dossiers recent first (mine, submitted online, the open part of late-without-apology).
create index dossiers_open_listed on dossiers (province_code, (coalesce(received_at, submitted_at, created_at)), code)
  where end_at is null;

-- Submitted online, awaiting receipt (a few at any time), recent first.
create index dossiers_submitted_listed
  on dossiers (province_code, (coalesce(received_at, submitted_at, created_at)), code) where state = 'submitted';

-- Finished late without an apology dated at or before the deadline missed: the ended part of the
-- late-without-apology queue (its open part depends on the clock and reads dossiers_open_listed).
create index dossiers_late_listed on dossiers (province_code, (coalesce(received_at, submitted_at, created_at)), code)
  where end_type in ('resolved', 'declined', 'returned') and finish_class = 'late'
    and (apology_at is null or apology_at > coalesce(end_deadline_at, deadline_at));

-- Open dossiers by deadline (overdue, due soon): province-wide, per receiving unit, per current unit (transferred).
drop index if exists dossiers_open_deadline;
create index dossiers_open_deadline on dossiers (province_code, deadline_at, code) where end_at is null;
create index dossiers_open_unit_deadline on dossiers (province_code, unit_code, deadline_at, code)
  where end_at is null;
create index dossiers_open_current_deadline on dossiers (province_code, current_unit_code, deadline_at, code)
  where end_at is null and current_unit_code <> unit_code;

-- Search by code prefix, case-insensitive: a C-collated expression supports `like 'prefix%'` as a range.
create index dossiers_code_search on dossiers (province_code, (lower(code) collate "C"), code);

-- (province_code, current_unit_code, state) is a prefix of dossiers_current_state (0004): one index less to keep.
drop index if exists dossiers_unit_state;
