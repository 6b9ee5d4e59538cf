// Reading one dossier for a page in ONE statement: the row, its log, and — for the staff detail — the full names
// of the staff its log names and the files linked to it (issue 20: the detail was six statements in four waves,
// each waiting for a pool connection under load). The log, the names and the files come back as JSON columns
// beside the row; instants in them travel as epoch milliseconds, truncated as the driver's own timestamptz parser
// truncates microseconds, so what the callers get equals loadDossier + staffNames + filesOf
// (detail.db.test.ts holds them equal on both engines).
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { LifecycleEvent } from "../../../dossier/events.ts";
import type { Database } from "../../schema.ts";
import { eventFromRow } from "../dossier-store.ts";
import type { DossierRow } from "./service.ts";

/** A file linked to a dossier, as the detail lists it (filesOf's columns). */
export interface DossierFile {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  component: string | null;
  digitized: boolean;
  created_at: Date;
}

export interface DossierView {
  row: DossierRow;
  log: LifecycleEvent[];
  /** user id → full name of every staff member the log names (actors, assignees) and the assignee. */
  names?: Map<string, string>;
  files?: DossierFile[];
}

/** Which parts beside the row and the log to read. */
export interface ViewParts {
  names?: boolean;
  files?: boolean;
}

const epochMs = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::bigint`);

const LOG = sql`(select coalesce(json_agg(json_build_object(
    'type', e.type, 'at', ${epochMs("e.at")}, 'actor_id', e.actor_id, 'actor_role', e.actor_role,
    'unit_code', e.unit_code, 'from_state', e.from_state, 'to_state', e.to_state, 'reason', e.reason,
    'payload', e.payload, 'attachments', e.attachments) order by e.seq), '[]'::json)
  from dossier_events e where e.province_code = d.province_code and e.dossier_code = d.code)`;

// staffNames' rule: ids of digits only, as numbers (a longer id than 15 digits is no user id: identities start at 1)
const NAMES = sql`(select coalesce(json_agg(json_build_array(u.id, u.full_name) order by u.id), '[]'::json)
  from users u where u.id in (
    select case when i.id ~ '^[0-9]{1,15}$' then i.id::bigint end from (
      select e.actor_id as id from dossier_events e
        where e.province_code = d.province_code and e.dossier_code = d.code
      union select e.payload ->> 'assignee' from dossier_events e
        where e.province_code = d.province_code and e.dossier_code = d.code and e.type = 'assigned'
      union select d.assignee_id::text) i))`;

// filesOf's order: created_at alone (files stored in one transaction tie, and come in the order the sort gives,
// as they did)
const FILES = sql`(select coalesce(json_agg(json_build_object(
    'id', f.id, 'sha256', f.sha256, 'name', f.name, 'mime', f.mime, 'size', f.size, 'component', f.component,
    'digitized', f.digitized, 'created_at', ${epochMs("f.created_at")}) order by f.created_at), '[]'::json)
  from files f where f.province_code = d.province_code and f.dossier_code = d.code)`;

type Stored = DossierRow & { log_json: unknown[]; names_json?: [number, string][]; files_json?: unknown[] };

/**
 * The provinces holding dossiers, walked on the primary key (a loose index scan: one descent per province). A
 * code whose unit is unknown (an imported code, a mistyped one) is looked for in each of them by equality on the
 * primary key — never `where code = $1`, which reads the whole primary key index (every dossier).
 */
const PROVINCES = sql`with recursive provinces(code) as (
    select min(province_code) from dossiers
    union all
    select (select min(province_code) from dossiers where province_code > provinces.code)
      from provinces where provinces.code is not null)`;

/** `select … from dossiers d` restricted to `code` in `province`, or (undefined) in whichever province holds it. */
export function dossierByCode(columns: RawBuilder<unknown>, province: string | undefined, code: string) {
  if (province !== undefined) {
    return sql`select ${columns} from dossiers d where d.province_code = ${province} and d.code = ${code}`;
  }
  return sql`${PROVINCES} select ${columns} from provinces p
    cross join lateral (select * from dossiers where province_code = p.code and code = ${code}) d
    order by d.province_code limit 1`;
}

/**
 * The dossier `code` of `province` (undefined: the province is not known from the code, see dossierByCode) with
 * its log and the parts asked for, in one statement.
 */
export async function loadDossierView(
  db: Kysely<Database>,
  province: string | undefined,
  code: string,
  parts: ViewParts = {},
): Promise<DossierView | undefined> {
  const columns: RawBuilder<unknown>[] = [sql`d.*`, sql`${LOG} as log_json`];
  if (parts.names) columns.push(sql`${NAMES} as names_json`);
  if (parts.files) columns.push(sql`${FILES} as files_json`);
  const { rows } = await dossierByCode(sql.join(columns), province, code).$castTo<Stored>().execute(db);
  const stored = rows[0];
  if (!stored) return undefined;
  const { log_json, names_json, files_json, ...row } = stored;
  const log = (log_json as (Parameters<typeof eventFromRow>[0] & { at: number })[]).map((e) =>
    eventFromRow({ ...e, at: new Date(e.at) }),
  );
  return { row: row as DossierRow, log, ...partsOf(stored) };
}

/** The names and files columns of a statement, when it read them. */
function partsOf(stored: Pick<Stored, "names_json" | "files_json">): Pick<DossierView, "names" | "files"> {
  const parts: Pick<DossierView, "names" | "files"> = {};
  if (stored.names_json) parts.names = new Map(stored.names_json.map(([id, name]) => [String(id), name]));
  if (stored.files_json) {
    parts.files = (stored.files_json as (Omit<DossierFile, "created_at"> & { created_at: number })[]).map((f) => ({
      ...f,
      created_at: new Date(f.created_at),
    }));
  }
  return parts;
}

/** The staff a detail names: every actor of the log, every assignee, the current assignee (staffNames' input). */
export function namedStaff(row: Pick<DossierRow, "assignee_id">, log: readonly LifecycleEvent[]): string[] {
  return [
    ...log.map((e) => e.actor.id),
    ...log.flatMap((e) => (e.type === "assigned" ? [e.payload.assignee] : [])),
    ...(row.assignee_id === null ? [] : [String(row.assignee_id)]),
  ];
}

/** What a caller may already hold of a detail (KnownDetail's names and files). */
export interface KnownParts {
  names?: Map<string, string>;
  files?: DossierFile[];
  /** No file is linked to the dossier. */
  noFiles?: boolean;
}

/**
 * The staff names and the files of a dossier whose row and log the caller holds (after a command): what it does
 * not know already, in one statement at most.
 */
export async function detailParts(
  db: Kysely<Database>,
  row: Pick<DossierRow, "province_code" | "code" | "assignee_id">,
  log: readonly LifecycleEvent[],
  known: KnownParts = {},
): Promise<{ names: Map<string, string>; files: DossierFile[] }> {
  const knownFiles = known.noFiles ? [] : known.files;
  if (known.names && knownFiles) return { names: known.names, files: knownFiles };
  // staffNames' rule: ids of digits only, as numbers
  const ids = [
    ...new Set(
      namedStaff(row, log)
        .filter((id) => /^\d+$/.test(id))
        .map(Number),
    ),
  ];
  const columns: RawBuilder<unknown>[] = [];
  if (!known.names) {
    columns.push(sql`(select coalesce(json_agg(json_build_array(u.id, u.full_name) order by u.id), '[]'::json)
      from users u where u.id = any(${sql.val(ids)}::bigint[])) as names_json`);
  }
  if (!knownFiles) columns.push(sql`${FILES} as files_json`);
  const { rows } = await sql<Stored>`select ${sql.join(columns)}
    from (select ${row.province_code}::text as province_code, ${row.code}::text as code) d`.execute(db);
  const parts = partsOf(rows[0]!);
  return { names: known.names ?? parts.names!, files: knownFiles ?? parts.files! };
}
