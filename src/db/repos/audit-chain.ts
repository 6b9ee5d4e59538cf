// Checks the hash chains of migration 0015 (docs/security.md): the audit trail per province and each dossier's
// event log. Every hash is recomputed from the rows as they are now, so an edited row, a deleted one, a row
// slipped in with the triggers off, a gap and a truncated tail are each named. An audit row's province_code
// (migration 0019, in its key but not in its hash) must be its chain's: a row moved to another province is named.
// Since migration 0021 a row is chained by audit_seal() after its commit, not by its writer: `sealAudit` runs it,
// the server every second (`startAuditSealer`), the verifier before it checks.
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export type ChainProblemKind = "edited" | "deleted" | "unchained" | "gap" | "broken-link" | "truncated";

export interface ChainProblem {
  log: "audit" | "events";
  kind: ChainProblemKind;
  /** The chain: a province code ('' national) for the audit trail, province/dossier code for events. */
  chain: string;
  seq?: number;
  message: string;
}

export interface ChainReport {
  problems: ChainProblem[];
  /** Each audit chain's length and last hash: record them outside the database to anchor the chains. */
  auditChains: { chain: string; rows: number; head: string }[];
  auditRows: number;
  /** Rows the verifier chained before checking (sealAudit). */
  sealed: number;
  /** Rows still waiting to be chained: their transactions had not committed, or another sealer held the chain. */
  pendingRows: number;
  dossiers: number;
  events: number;
}

const ZERO = "0".repeat(64);
const chainName = (chain: string) => (chain === "" ? "toàn quốc" : chain);

interface AuditRow {
  id: string | null;
  chain_id: string | null;
  chain: string | null;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  expected: string | null;
  /** The row's own province_code (migration 0019): not hashed, so checked against its chain instead. */
  province: string | null;
  /** The row waits in audit_pending to be chained (migration 0021). */
  pending: boolean;
}

async function verifyAudit(db: Kysely<Database>, problems: ChainProblem[]) {
  const rows = (
    await sql<AuditRow>`select a.id::text as id, c.id::text as chain_id, c.chain, c.seq::int as seq, c.prev_hash, c.hash,
        case when a.id is not null and c.id is not null
          then motcua_chain_hash(c.prev_hash, motcua_audit_text(a)) end as expected,
        a.province_code as province, p.id is not null as pending
      from audit_log a full join audit_chain c on c.id = a.id
        left join audit_pending p on p.province_code = a.province_code and p.id = a.id
      order by c.chain nulls first, c.seq nulls first, a.id`.execute(db)
  ).rows;
  // a pending entry whose row is gone: the row was deleted before it was chained
  const orphans = (
    await sql<{ province_code: string; id: string }>`select p.province_code, p.id::text as id from audit_pending p
      where not exists (select 1 from audit_log a where a.province_code = p.province_code and a.id = p.id)
      order by p.province_code, p.id`.execute(db)
  ).rows;
  const heads = (
    await sql<{
      chain: string;
      seq: number;
      hash: string;
    }>`select chain, seq::int as seq, hash from audit_chain_heads`.execute(db)
  ).rows;
  const add = (kind: ChainProblemKind, chain: string, seq: number | undefined, message: string) =>
    problems.push({ log: "audit", kind, chain, ...(seq !== undefined ? { seq } : {}), message });
  const last = new Map<string, { seq: number; hash: string; rows: number }>();
  let pending = 0;
  for (const orphan of orphans) {
    const message = `Chuỗi ${chainName(orphan.province_code)}: dòng nhật ký ${orphan.id} đã bị xóa trước khi được niêm phong`;
    add("deleted", orphan.province_code, undefined, message);
  }
  for (const row of rows) {
    if (row.chain_id === null && row.pending) {
      pending++;
      continue;
    }
    if (row.chain_id === null) {
      add("unchained", "", undefined, `Dòng nhật ký ${row.id} không nằm trong chuỗi (được chèn khi tắt trigger?)`);
      continue;
    }
    const chain = row.chain!;
    const seq = row.seq!;
    const before = last.get(chain) ?? { seq: 0, hash: ZERO, rows: 0 };
    if (seq !== before.seq + 1) {
      add("gap", chain, seq, `Chuỗi ${chainName(chain)}: thiếu dòng ${before.seq + 1}–${seq - 1} (bị xóa)`);
    } else if (row.prev_hash !== before.hash) {
      add("broken-link", chain, seq, `Chuỗi ${chainName(chain)}: dòng ${seq} không nối với dòng trước`);
    }
    if (row.id === null) {
      add("deleted", chain, seq, `Chuỗi ${chainName(chain)}: dòng nhật ký ${row.chain_id} (thứ ${seq}) đã bị xóa`);
    } else if (row.hash !== row.expected) {
      add("edited", chain, seq, `Chuỗi ${chainName(chain)}: dòng nhật ký ${row.id} (thứ ${seq}) đã bị sửa`);
    } else if (row.province !== chain) {
      const moved = `đã bị chuyển sang ${row.province === "" ? "chuỗi toàn quốc" : `tỉnh ${row.province}`}`;
      add("edited", chain, seq, `Chuỗi ${chainName(chain)}: dòng nhật ký ${row.id} (thứ ${seq}) ${moved}`);
    }
    last.set(chain, { seq, hash: row.hash!, rows: before.rows + 1 });
  }
  for (const head of heads) {
    const tail = last.get(head.chain) ?? { seq: 0, hash: ZERO, rows: 0 };
    if (head.seq > tail.seq) {
      add(
        "truncated",
        head.chain,
        tail.seq + 1,
        `Chuỗi ${chainName(head.chain)}: có ${head.seq} dòng nhưng chỉ còn đến dòng ${tail.seq} (bị cắt cuối)`,
      );
    } else if (head.seq !== tail.seq || head.hash !== tail.hash) {
      add("broken-link", head.chain, tail.seq, `Chuỗi ${chainName(head.chain)}: đầu chuỗi không khớp với dòng cuối`);
    }
  }
  for (const chain of last.keys()) {
    if (!heads.some((h) => h.chain === chain)) {
      add("truncated", chain, undefined, `Chuỗi ${chainName(chain)}: mất bản ghi đầu chuỗi (audit_chain_heads)`);
    }
  }
  return {
    rows: rows.length,
    pending,
    chains: [...last].map(([chain, t]) => ({ chain, rows: t.rows, head: t.hash })),
  };
}

interface EventProblemRow {
  province_code: string;
  dossier_code: string;
  seq: number;
  kind: ChainProblemKind;
}

async function verifyEvents(db: Kysely<Database>, problems: ChainProblem[]) {
  const rows = (
    await sql<EventProblemRow>`select province_code, dossier_code, seq, kind from (
        select province_code, dossier_code, seq,
          case
            when e.seq is null then 'deleted'
            when c.seq is null then 'unchained'
            when seq <> coalesce(lag(seq) over w, 0) + 1 then 'gap'
            when c.prev_hash <> coalesce(lag(c.hash) over w, ${ZERO}) then 'broken-link'
            when c.hash <> motcua_chain_hash(c.prev_hash, motcua_event_text(e)) then 'edited'
          end as kind
        from dossier_events e full join dossier_event_chain c using (province_code, dossier_code, seq)
        window w as (partition by province_code, dossier_code order by seq)
      ) checked where kind is not null
      union all
      select d.province_code, d.code, coalesce(max(c.seq), 0) + 1, 'truncated'
        from dossiers d left join dossier_event_chain c on c.province_code = d.province_code and c.dossier_code = d.code
        group by d.province_code, d.code, d.revision
        having coalesce(max(c.seq), 0) < d.revision
      order by 1, 2, 3`.execute(db)
  ).rows;
  const what: Record<ChainProblemKind, string> = {
    deleted: "đã bị xóa",
    unchained: "không nằm trong chuỗi (được chèn khi tắt trigger?)",
    gap: "đứng sau một khoảng trống (sự kiện trước đã bị xóa)",
    "broken-link": "không nối với sự kiện trước",
    edited: "đã bị sửa",
    truncated: "và các sự kiện sau đã bị cắt khỏi cuối nhật ký",
  };
  for (const row of rows) {
    const chain = `${row.province_code}/${row.dossier_code}`;
    problems.push({
      log: "events",
      kind: row.kind,
      chain,
      seq: Number(row.seq),
      message: `Hồ sơ ${row.dossier_code}: sự kiện thứ ${row.seq} ${what[row.kind]}`,
    });
  }
  const counts = (
    await sql<{ dossiers: number; events: number }>`select
      (select count(*)::int from dossiers) as dossiers, (select count(*)::int from dossier_events) as events`.execute(
      db,
    )
  ).rows[0]!;
  return counts;
}

/** Chains the pending audit rows (audit_seal, migration 0021); returns how many it chained. */
export async function sealAudit(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string }>`select audit_seal() as n`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * Seals every `everyMs` in the background (the server), one seal at a time; `stop` waits for the one under way.
 * A failed seal is reported to `onError` and tried again next time: the rows stay pending, nothing is lost.
 */
export function startAuditSealer(db: Kysely<Database>, everyMs = 1000, onError: (error: unknown) => void = () => {}) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= sealAudit(db)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Seals what is pending (unless `seal: false`), then recomputes every chain. */
export async function verifyChains(db: Kysely<Database>, options: { seal?: boolean } = {}): Promise<ChainReport> {
  const sealed = options.seal === false ? 0 : await sealAudit(db);
  const problems: ChainProblem[] = [];
  const audit = await verifyAudit(db, problems);
  const events = await verifyEvents(db, problems);
  return { problems, auditChains: audit.chains, auditRows: audit.rows, sealed, pendingRows: audit.pending, ...events };
}
