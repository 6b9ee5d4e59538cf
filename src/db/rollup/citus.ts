// Distributed-PostgreSQL readiness (issue 19; docs/deploy-national.md "Citus"): which tables a Citus cluster
// would distribute by province_code and which it would replicate to every node (reference tables), the checks
// a distributed table must pass (its keys and foreign keys carry province_code), and the DDL. Pure: the schema
// comes in as facts read from the live catalogue (schema-facts.ts). Citus itself is not installable from this
// project's registries; the rules are those of Citus's documentation ("Choosing distribution column",
// "Table management": a unique or primary key, and a foreign key between distributed tables, must include the
// distribution column; a reference table cannot reference a distributed one).

export const DISTRIBUTION_COLUMN = "province_code";

/** Tables replicated whole to every node, with why. Every other table is distributed by province_code. */
export const REFERENCE_TABLES: Readonly<Record<string, string>> = {
  units: "the unit tree of every province: small, read by every query that scopes by unit",
  users: "staff and citizen accounts: a login names no province before it is found",
  sessions: "looked up by token before the province is known",
  procedures: "the national catalogue, the same for every province",
  calendar_overrides: "national holidays (scope '*') and a few province overrides: tiny",
  unit_office_names: "the office names printed on documents, per unit: small",
  motcua_migrations: "the migration ledger",
  quality_calendar: "the national working calendar by day (migration 0017): the same everywhere",
  reform_index_sets: "the CCHC criteria sets, national (one per version)",
};

/**
 * Tables that should be distributed but are not ready yet, with why: each stays listed in
 * docs/deploy-national.md "Known gaps" until a migration fixes it. Empty since migration 0019 put province_code
 * into the keys of audit_log, audit_chain, audit_chain_heads, document_counters, document_numbers,
 * reform_reports, reform_sheet_manual, reform_index_surveys and reform_index_fix_tasks.
 */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {};

export interface KeyFact {
  name: string;
  kind: "primary" | "unique";
  columns: string[];
}

export interface ForeignKeyFact {
  name: string;
  columns: string[];
  references: string;
  referencedColumns: string[];
}

export interface TableFact {
  table: string;
  /** Column name → not null. */
  columns: Record<string, boolean>;
  keys: KeyFact[];
  foreignKeys: ForeignKeyFact[];
}

export interface Classification {
  reference: string[];
  distributed: string[];
  /** Problems per table, for distributed tables and for reference tables that reference distributed ones. */
  problems: Record<string, string[]>;
  /** Tables neither reference, nor ready to distribute, nor a known gap: each must be decided. */
  unclassified: string[];
}

/** The problems that keep a table from being distributed by province_code. */
export function distributionProblems(table: TableFact, distributed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!(DISTRIBUTION_COLUMN in table.columns)) problems.push("no province_code column");
  else if (!table.columns[DISTRIBUTION_COLUMN]) problems.push("province_code may be null");
  if (!table.keys.some((k) => k.kind === "primary")) problems.push("no primary key");
  for (const key of table.keys) {
    if (!key.columns.includes(DISTRIBUTION_COLUMN)) {
      problems.push(`${key.kind} key ${key.name} (${key.columns.join(", ")}) without province_code`);
    }
  }
  for (const fk of table.foreignKeys) {
    if (!distributed.has(fk.references)) continue; // to a reference table: allowed
    const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
    if (at < 0 || fk.referencedColumns[at] !== DISTRIBUTION_COLUMN) {
      problems.push(`foreign key ${fk.name} to ${fk.references} does not join on province_code`);
    }
  }
  return problems;
}

/** Sorts every table of the schema into reference, distributed, known gap or unclassified. */
export function classifyTables(
  facts: readonly TableFact[],
  reference: Readonly<Record<string, string>> = REFERENCE_TABLES,
  gaps: Readonly<Record<string, string>> = KNOWN_GAPS,
): Classification {
  const names = facts.map((f) => f.table);
  const refs = names.filter((n) => n in reference).sort();
  const candidates = new Set(names.filter((n) => !(n in reference)));
  const problems: Record<string, string[]> = {};
  for (const fact of facts) {
    if (fact.table in reference) {
      const bad = fact.foreignKeys.filter((fk) => candidates.has(fk.references));
      if (bad.length) problems[fact.table] = bad.map((fk) => `reference table refers to ${fk.references}`);
    } else {
      const found = distributionProblems(fact, candidates);
      if (found.length) problems[fact.table] = found;
    }
  }
  const distributed = [...candidates].filter((n) => !problems[n]).sort();
  const unclassified = [...candidates].filter((n) => problems[n] && !(n in gaps)).sort();
  return { reference: refs, distributed, problems, unclassified };
}

/**
 * The statements a Citus coordinator would take after the schema is created: reference tables first (a
 * distributed table's foreign keys may point at them), then every ready table distributed by province_code,
 * colocated with dossiers so joins on (province_code, …) stay on one node. Known gaps are named, commented out.
 */
export function citusDdl(facts: readonly TableFact[], classification = classifyTables(facts)): string {
  const lines = [
    "-- Citus DDL generated by `motcua schema citus-ddl` from the live schema (docs/deploy-national.md).",
    "-- Run on the coordinator after `motcua migrate`, before any data is loaded.",
    "create extension if not exists citus;",
    "",
    "-- reference tables: a copy on every node",
  ];
  for (const t of classification.reference) lines.push(`select create_reference_table('${t}');`);
  lines.push("", "-- distributed by province_code, colocated with dossiers");
  const anchor = classification.distributed.includes("dossiers") ? "dossiers" : classification.distributed[0];
  if (anchor) lines.push(`select create_distributed_table('${anchor}', '${DISTRIBUTION_COLUMN}');`);
  for (const t of classification.distributed.filter((t) => t !== anchor)) {
    lines.push(`select create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}', colocate_with => '${anchor}');`);
  }
  const pending = Object.keys(classification.problems)
    .filter((t) => !classification.reference.includes(t))
    .sort();
  if (pending.length) {
    lines.push("", "-- not ready to distribute (known gaps, docs/deploy-national.md): they stay on the coordinator");
    for (const t of pending) lines.push(`-- ${t}: ${classification.problems[t]!.join("; ")}`);
  }
  return `${lines.join("\n")}\n`;
}
