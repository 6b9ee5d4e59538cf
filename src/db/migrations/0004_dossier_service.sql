-- Live dossiers: what intake records beside the log, uploaded files, ratings as given, feedback (PAKN).

-- The terms a dossier was received under (the procedure version in force with the province override), so a
-- supplement that restarts the clock uses the receipt's limit even after the catalogue moves on; and the
-- components checklist ticked at the counter (or filled online). Null/empty for imported dossiers.
alter table dossiers add column time_limit jsonb;
alter table dossiers add column restart_on_supplement boolean not null default false;
alter table dossiers add column components jsonb not null default '[]';
create index dossiers_current_state on dossiers (province_code, current_unit_code, state, deadline_at);
create index dossiers_receiving on dossiers (province_code, unit_code, received_at);
create index dossiers_assignee on dossiers (province_code, assignee_id) where assignee_id is not null;
-- search without diacritics on the applicant's name (the code is matched by prefix)
create index dossiers_applicant_name on dossiers using gin (lower(f_unaccent(applicant ->> 'name')) gin_trgm_ops);

-- Files: limits the database holds too (20 MB; pdf, jpg, png, docx), and what the file is for.
alter table files add constraint files_size_limit check (size between 1 and 20971520);
alter table files add constraint files_mime check (mime in ('application/pdf', 'image/jpeg', 'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
alter table files add column dossier_code text;
alter table files add column component text;
-- a scan of a paper document (số hóa), as opposed to a born-digital file
alter table files add column digitized boolean not null default false;
create index files_dossier on files (province_code, dossier_code) where dossier_code is not null;

-- Ratings: the 1–5 stars as given; `score`/`officer_score` keep the 4-level words the figures read.
alter table ratings add column stars smallint check (stars between 1 and 5);
alter table ratings add column officer_stars smallint check (officer_stars between 1 and 5);

-- Feedback (PAKN): a subject, an e-mail when the sender gave one instead of a phone, the answering unit.
alter table feedback add column subject text;
alter table feedback add column sender_email text;
alter table feedback add constraint feedback_answered check ((answer is null) = (answered_at is null));
alter table feedback add constraint feedback_published_answered check (not published or answer is not null);
create index feedback_published on feedback (province_code, published, answered_at desc);
create index feedback_unit_open on feedback (province_code, unit_code, due_at) where answer is null;
