-- The dossiers behind Decision 766's 3.6 (online payment over the dossiers with a fee), a page at a time
-- (src/db/repos/reports-quality-dossiers.ts, issue 20). Its base is rare where few procedures charge a fee: a
-- page walked on the lists' indexes (0014) would read a province's year to find a page, so the planner scans
-- the table instead. The dossiers with a fee, per province and per receiving unit, in the lists' order; only
-- those rows are indexed. Predicates and expressions repeat 0014's word for word.
create index dossiers_fee_listed on dossiers (province_code, (coalesce(received_at, submitted_at, created_at)), code)
  where fee_amount > 0;
create index dossiers_fee_unit_listed
  on dossiers (province_code, unit_code, (coalesce(received_at, submitted_at, created_at)), code)
  where fee_amount > 0;
