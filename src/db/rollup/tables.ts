// What a province publishes to the national level (issue 19, docs/deploy-national.md): the tables the national
// results report reads, and for each the columns that leave the province. No personal data crosses: no names,
// phones, citizen IDs, secrets, files, staff accounts or free text about a person. Every column of a published
// table is either listed here or named in `withheld` with the reason, so a new column cannot leave unseen
// (rollup-tables.db.test.ts compares both lists with the live schema).

/** One published table. `columns` undefined: every column (the table holds no personal data at all). */
export interface RollupTable {
  table: string;
  columns?: readonly string[];
  /** Columns kept in the province, with why (must be nullable or defaulted at the national level). */
  withheld?: Readonly<Record<string, string>>;
  /** A row filter (PostgreSQL 15 publication WHERE); only on insert-only publications here. */
  where?: string;
  why: string;
}

/** The publication of rows that change: insert, update, delete — never truncate (see PUBLICATIONS). */
export const ROLLUP_TABLES: readonly RollupTable[] = [
  { table: "units", why: "the unit tree: scopes a report to a unit and its subtree (no personal data)" },
  {
    table: "figure_counts",
    why: "the daily and monthly counters the results report sums (migration 0006), keyed by province_code",
  },
  {
    table: "quality_counts",
    why: "the counters of the Decision 766 indicators per unit and day (migration 0017)",
  },
  {
    table: "quality_processing_counts",
    why: "the processing-time counters of indicator 2.2 per procedure and day (migration 0017)",
  },
  {
    table: "quality_request_counts",
    why: "the 766 counters of the dossiers with supplement requests per unit and day (migration 0020)",
  },
  {
    table: "quality_request_resumes",
    why: "the reopened episodes of the dossiers with supplement requests, for indicator 2.1 (migration 0020)",
  },
  {
    table: "quality_request_processing",
    why: "the processing-time counters of indicator 2.2 for the dossiers with requests (migration 0020)",
  },
  {
    table: "procedure_overrides",
    why: "catalogue use: the province's own time limits, fees and steps per procedure",
  },
  {
    table: "report_settings",
    columns: ["province_code", "cut_day", "updated_at"],
    withheld: { updated_by: "a staff account" },
    why: "the province's reporting cut day (report results --period)",
  },
  {
    table: "manual_results",
    columns: ["province_code", "unit_code", "from", "to", "document", "submitted_at"],
    withheld: { submitted_by: "a staff account" },
    why: "results typed in by hand: they join the results report",
  },
  {
    table: "dossiers",
    columns: [
      "province_code",
      "code",
      "unit_code",
      "current_unit_code",
      "procedure_code",
      "procedure_version",
      "procedure_name",
      "field",
      "level",
      "channel",
      "state",
      "submitted_at",
      "received_at",
      "due_at",
      "deadline_at",
      "extended_due_at",
      "apology_at",
      "supplement_requests",
      "extensions",
      "paused_at",
      "end_type",
      "end_at",
      "end_deadline_at",
      "finish_class",
      "returned_at",
      "digitized",
      "e_result",
      "fee_amount",
      "fee_paid_online",
      "source",
      "created_at",
      "updated_at",
      "time_limit",
      "restart_on_supplement",
      "result_digitized",
    ],
    withheld: {
      applicant: "the applicant's name, ID number and address",
      applicant_phone: "the applicant's phone",
      lookup_secret: "the applicant's lookup secret",
      assignee_id: "a staff account",
      components: "the papers handed in (names files)",
      content_hash: "province bookkeeping of the importer",
      flags: "province bookkeeping",
      revision: "province bookkeeping",
    },
    why:
      "the projection without the applicant: the results report's open/overdue split of dossiers with supplement " +
      "requests reads it, and per-channel reports (reform sheet) scan it",
  },
];

/** The insert-only publication: the append-only log, filtered to the events the figures read. */
export const ROLLUP_LOG_TABLES: readonly RollupTable[] = [
  {
    table: "dossier_events",
    columns: ["province_code", "dossier_code", "seq", "type", "at", "payload"],
    withheld: {
      actor_id: "a staff account",
      actor_role: "with the actor",
      unit_code: "not read by the figures",
      from_state: "not read by the figures",
      to_state: "not read by the figures",
      reason: "free text that may name a person",
      attachments: "files",
      idempotency_key: "province bookkeeping",
      recorded_at: "province bookkeeping (defaulted at the national level)",
    },
    where: "type in ('supplement_requested', 'supplement_received')",
    why: "the pause and resume events the overdue split of dossiers with supplement requests reads (migration 0005)",
  },
];

/**
 * The two publications. Truncate is never published: a truncate applies to the whole table at the national
 * level, every province's rows included. The log publication is insert-only (the log is append-only,
 * migration 0002), which is what lets its row filter name a column outside the replica identity.
 */
export const PUBLICATIONS = [
  { name: "motcua_national", publish: "insert, update, delete", tables: ROLLUP_TABLES },
  { name: "motcua_national_log", publish: "insert", tables: ROLLUP_LOG_TABLES },
] as const;

/** Not published, on purpose: reference data the national database loads itself, and everything personal. */
export const NOT_PUBLISHED: Readonly<Record<string, string>> = {
  procedures:
    "the national catalogue: every province holds the same rows (34 copies would collide); load it at the national level with motcua catalog",
  calendar_overrides: "national holidays (scope '*') are loaded at the national level; province rows are local",
};

/** `ident` quoted for SQL (a table or column name from the lists above). */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The FOR TABLE list of a publication: each table with its column list and row filter. */
export function publicationTableList(tables: readonly RollupTable[]): string {
  return tables
    .map((t) => {
      const columns = t.columns ? ` (${t.columns.map(quoteIdent).join(", ")})` : "";
      const where = t.where ? ` where (${t.where})` : "";
      return `table ${quoteIdent(t.table)}${columns}${where}`;
    })
    .join(", ");
}
