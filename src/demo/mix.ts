// What the province's counters receive: procedures weighted by field (Chứng thực and Hộ tịch dominate, as in
// the seeds' results tables), and the channel mix, with online service growing over the two years.
import { formatLimit, type TimeLimit as CalendarLimit } from "../calendar/index.ts";
import type { Procedure } from "../catalog/procedure.ts";
import { findVersionInForce } from "../catalog/versions.ts";
import type { Channel } from "../dossier/record.ts";
import type { Random } from "./random.ts";
import { WeightedTable } from "./random.ts";

/** Share of the counters' work by field (lĩnh vực); a field not listed gets 1. */
const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  "Chứng thực": 46,
  "Hộ tịch": 30,
  "Bảo trợ xã hội": 4.5,
  "Thành lập và hoạt động của hộ kinh doanh": 4.5,
  "Đất đai": 4,
  "Hoạt động xây dựng": 3,
  "Người có công": 2.5,
  "Giáo dục và Đào tạo": 1.5,
  "Thi đua, khen thưởng": 1,
  "Văn hóa": 1,
  "Tín ngưỡng, tôn giáo": 0.4,
  "Nuôi con nuôi": 0.3,
};

/** Within a field, the everyday procedures (bản sao, chữ ký, khai sinh, kết hôn, xác nhận tình trạng hôn nhân). */
const PROCEDURE_BOOST: Readonly<Record<string, number>> = {
  "2.000815": 14,
  "2.000884": 5,
  "2.001035": 2,
  "2.000908": 1.5,
  "1.001193": 6,
  "2.000986": 4,
  "1.004873": 5,
  "2.000635": 4,
  "1.000894": 3,
  "1.000656": 2,
  "1.006714": 2,
  "1.004859": 1.5,
  "1.001776": 3,
  "1.001612": 3,
};

export interface ProcedureChoice {
  code: string;
  field: string;
}

export class ProcedureMix {
  private readonly table: WeightedTable<ProcedureChoice>;
  private readonly versions = new Map<string, Procedure[]>();
  readonly fields: readonly string[];

  constructor(procedures: readonly Procedure[]) {
    const latest = new Map<string, Procedure>();
    for (const p of procedures) {
      const list = this.versions.get(p.code) ?? [];
      list.push(p);
      this.versions.set(p.code, list);
      const known = latest.get(p.code);
      if (!known || p.effectiveFrom > known.effectiveFrom) latest.set(p.code, p);
    }
    const byField = new Map<string, Procedure[]>();
    for (const p of latest.values()) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
    const entries: [ProcedureChoice, number][] = [];
    for (const [field, list] of byField) {
      const boosts = list.map((p) => PROCEDURE_BOOST[p.code] ?? 1);
      const sum = boosts.reduce((a, b) => a + b, 0);
      list.forEach((p, i) => {
        entries.push([{ code: p.code, field }, ((FIELD_WEIGHTS[field] ?? 1) * boosts[i]!) / sum]);
      });
    }
    this.table = new WeightedTable(entries);
    this.fields = [...byField.keys()];
  }

  draw(random: Random): ProcedureChoice {
    return this.table.draw(random);
  }

  /** The version in force on `date`; before the first version, the first (the catalogue starts in 2025). */
  versionOn(code: string, date: string): Procedure {
    const versions = this.versions.get(code) ?? [];
    const found = findVersionInForce(versions, code, date);
    if (found) return found;
    const first = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
    if (!first) throw new RangeError(`unknown procedure ${code}`);
    return first;
  }
}

/** The catalogue's limit as the calendar reads it ("trong ngày" is value 1 in the catalogue, 0 in the calendar). */
export function calendarLimit(p: Procedure): CalendarLimit {
  const { value, unit, cutoff } = p.timeLimit;
  if (unit === "same_day") return cutoff === undefined ? { value: 0, unit } : { value: 0, unit, cutoff };
  return { value, unit };
}

export function limitText(p: Procedure): string {
  return formatLimit(calendarLimit(p));
}

/**
 * The channel of a submission at `progress` (0 = two years ago, 1 = today): the counter dominates, the post
 * carries a few per cent, online submissions grow where the procedure is offered online.
 */
export function drawChannel(random: Random, onlineLevel: Procedure["onlineLevel"], progress: number): Channel {
  switch (onlineLevel) {
    case "full":
      return random.weighted<Channel>([
        ["direct", 0.55 - 0.25 * progress],
        ["postal", 0.03],
        ["online_partial", 0.12 + 0.05 * progress],
        ["online_full", 0.3 + 0.2 * progress],
      ]);
    case "partial":
      return random.weighted<Channel>([
        ["direct", 0.8 - 0.2 * progress],
        ["postal", 0.035],
        ["online_partial", 0.16 + 0.2 * progress],
      ]);
    case "none":
      return random.weighted<Channel>([
        ["direct", 0.965],
        ["postal", 0.035],
      ]);
  }
}

/** The fee collected: the first priced fee, per page for copies; none where the province sets the amount. */
export function feeOf(random: Random, p: Procedure): number | undefined {
  const priced = p.fees.find((f) => f.amount !== null);
  if (!priced || priced.amount === null) return undefined;
  if (priced.per === "trang") {
    const pages = random.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
      [5, 1],
      [8, 0.5],
    ] as const);
    const extra = p.fees.find((f) => f !== priced && f.per === "trang" && f.amount !== null)?.amount ?? priced.amount;
    return priced.amount * Math.min(pages, 2) + extra * Math.max(0, pages - 2);
  }
  return priced.amount;
}
