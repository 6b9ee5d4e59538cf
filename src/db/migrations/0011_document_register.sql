-- Document numbers (issue 13): every one-stop form carries "Số: <number>/<symbol>" from a register per unit, per
-- form and per year (Decree 30/2020/NĐ-CP, Phụ lục I: a document's number is its order among the documents the
-- body issues in the year, from 01 on 1 January to 31 December). A number belongs to one document (`subject`:
-- the dossier and the event that gave rise to the form, or the ledger's period) and is never reused: the
-- counter only grows, and a document printed again keeps the number it was first given.
create table document_counters (
  unit_code text not null references units (code),
  form text not null check (form ~ '^[a-z][a-z0-9-]{0,31}$'),
  year smallint not null check (year between 1900 and 2200),
  last_number integer not null check (last_number > 0),
  primary key (unit_code, form, year)
);

create table document_numbers (
  unit_code text not null references units (code),
  form text not null,
  year smallint not null,
  number integer not null check (number > 0),
  -- what the number was given to, e.g. "H57.12-200706-0001#3" (dossier code, event index) or "ledger:2025-10-01..2025-10-31"
  subject text not null check (length(subject) between 1 and 200),
  -- the printed number and symbol, e.g. "01/GTN-TTPVHCC", kept as first printed
  text text not null check (length(text) between 1 and 60),
  issued_on date not null,
  created_at timestamptz not null default now(),
  primary key (unit_code, form, year, number),
  unique (unit_code, form, subject),
  foreign key (unit_code, form, year) references document_counters (unit_code, form, year)
);

-- The one-stop office's name and symbol of a unit from a date (docs/documents.md "Office names"): the row in
-- force on a form's date is the latest valid_from on or before it; without one, the name follows the rules in
-- force on that date (Bộ phận Tiếp nhận và Trả kết quả before 1 July 2025, Trung tâm Phục vụ hành chính công
-- of the commune or ward from then: Decree 118/2025/NĐ-CP).
create table unit_office_names (
  unit_code text not null references units (code),
  valid_from date not null,
  name text not null check (length(name) between 1 and 200),
  -- the issuing body's part of the symbol, e.g. "TTPVHCC" in "01/GTN-TTPVHCC"
  symbol text check (symbol ~ '^[A-ZĐ0-9]{1,16}$'),
  updated_at timestamptz not null default now(),
  updated_by bigint references users (id) on delete set null,
  primary key (unit_code, valid_from)
);
