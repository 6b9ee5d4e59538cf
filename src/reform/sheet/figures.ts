// The computed rows of Phụ lục 01b: from the results report (CONTRACTS.md §6: the same definitions, unit
// subtree and period bounds as §3) and from the catalogue in force. Pure: callers pass in what the database or
// the pure fold computed.
import { CHANNELS, type Channel } from "../../dossier/record.ts";
import { CHANNEL_FIELD, type ResultCounts } from "../../figures/results-fields.ts";

/** The results-report figures the dossier rows read. */
export interface DossierFigures {
  /** The results report's total row for the unit's subtree and the period. */
  total: ResultCounts;
  /** Its rows by field (row key = field name). */
  byField: readonly ({ key: string } & ResultCounts)[];
  /**
   * The results report's total restricted to the dossiers received through each channel; null when figures
   * typed in by hand are part of the total (they carry no split of finished dossiers by channel).
   */
  byChannel: Record<Channel, ResultCounts> | null;
  /** `extended` events with `apology: true` whose `at` is in [start, end). */
  apologies: number;
}

/** The field names of 3.3.3 and 3.3.4 (CONTRACTS.md §6). */
export const LAND_FIELD = "Đất đai";
export const CONSTRUCTION_FIELD = "Hoạt động xây dựng";

const CHANNEL_SUFFIX: Record<Channel, string> = {
  direct: "direct",
  postal: "postal",
  online_partial: "onlinePartial",
  online_full: "onlineFull",
};

/** finishedEarly + finishedOnTime: "giải quyết đúng hẹn" as 01b counts it (trước hạn and đúng hạn). */
export function onTimeOrEarly(counts: ResultCounts): number {
  return counts.finishedEarly + counts.finishedOnTime;
}

/** The dossier rows, keyed by 01b code (CONTRACTS.md §6 table). */
export function dossierRowValues(f: DossierFigures): Record<string, number | null> {
  const values: Record<string, number | null> = {
    "3.3.1": f.total.received,
    "3.3.2": onTimeOrEarly(f.total),
    "3.3.3": fieldOnTime(f, LAND_FIELD),
    "3.3.4": fieldOnTime(f, CONSTRUCTION_FIELD),
    "3.5": f.apologies,
  };
  for (const channel of CHANNELS) {
    const suffix = CHANNEL_SUFFIX[channel];
    values[`3.3.1.${suffix}`] = f.total[CHANNEL_FIELD[channel]];
    values[`3.3.2.${suffix}`] = f.byChannel ? onTimeOrEarly(f.byChannel[channel]) : null;
  }
  return values;
}

function fieldOnTime(f: DossierFigures, field: string): number {
  const row = f.byField.find((r) => r.key === field);
  return row ? onTimeOrEarly(row) : 0;
}

/** One procedure version of the catalogue as the sheet reads it. */
export interface CatalogueVersion {
  code: string;
  effectiveFrom: string;
  onlineLevel: "full" | "partial" | "none";
  boundaryFree: boolean;
  links: readonly { kind: "same_level" | "between_levels" }[];
  /** Process steps are defined (the internal workflow runs electronically in motcua). */
  hasSteps: boolean;
  /** At least one fee or charge is levied. */
  charged: boolean;
  /** The competent level (cấp thực hiện), for the procedures-by-level appendix. */
  level?: "province" | "district" | "commune";
}

/** The procedures in force on `date`, counted by competent level (seed 000, Phụ lục 2). */
export function inForceByLevel(
  versions: readonly CatalogueVersion[],
  date: string,
): Record<"province" | "district" | "commune", number> {
  const counts = { province: 0, district: 0, commune: 0 };
  for (const v of versionsInForce(versions, date).values()) if (v.level) counts[v.level]++;
  return counts;
}

/** The version of each code in force on `date` (latest effectiveFrom ≤ date). */
export function versionsInForce(versions: readonly CatalogueVersion[], date: string): Map<string, CatalogueVersion> {
  const inForce = new Map<string, CatalogueVersion>();
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    const best = inForce.get(v.code);
    if (!best || v.effectiveFrom > best.effectiveFrom) inForce.set(v.code, v);
  }
  return inForce;
}

/**
 * The catalogue rows for a period, over the versions of the unit's competent levels:
 * 3.1.1 codes with a version taking effect in the period (published new, or amended and republished);
 * 3.1.2 codes in force at the period's start whose version was replaced by a later one in the period
 * (the catalogue keeps no repeal, so a replacement is the only way out of it — docs/reform-report.md);
 * 3.1.3 codes in force at the period's end; 3.2.1 of those, handled through the one-stop alone (no liên
 * thông); 3.2.2 / 3.2.3 with a link at the same level / between levels; 3.2.5 the share with their internal
 * process defined (%); 3.2.6 boundary-free; 3.4.3 fully online and charged (the fee paid online);
 * 7.5.1 / 7.5.2 offered online partially / fully.
 */
export function catalogueRowValues(
  versions: readonly CatalogueVersion[],
  period: { from: string; to: string },
): Record<string, number> {
  const atEnd = [...versionsInForce(versions, period.to).values()];
  const dayBefore = new Date(Date.parse(`${period.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const atStart = versionsInForce(versions, dayBefore);
  const published = new Set(
    versions.filter((v) => v.effectiveFrom >= period.from && v.effectiveFrom <= period.to).map((v) => v.code),
  );
  const replaced = [...atStart.values()].filter((v) =>
    versions.some((w) => w.code === v.code && w.effectiveFrom > v.effectiveFrom && w.effectiveFrom <= period.to),
  );
  const count = (test: (v: CatalogueVersion) => boolean) => atEnd.filter(test).length;
  const inForce = atEnd.length;
  return {
    "3.1.1": published.size,
    "3.1.2": replaced.length,
    "3.1.3": inForce,
    "3.2.1": count((v) => v.links.length === 0),
    "3.2.2": count((v) => v.links.some((l) => l.kind === "same_level")),
    "3.2.3": count((v) => v.links.some((l) => l.kind === "between_levels")),
    "3.2.5":
      inForce === 0
        ? 0
        : percentOf(
            count((v) => v.hasSteps),
            inForce,
          ),
    "3.2.6": count((v) => v.boundaryFree),
    "3.4.3": count((v) => v.onlineLevel === "full" && v.charged),
    "7.5.1": count((v) => v.onlineLevel === "partial"),
    "7.5.2": count((v) => v.onlineLevel === "full"),
  };
}

/** part ÷ whole × 100, to two decimals. */
export function percentOf(part: number, whole: number): number {
  return Math.round((part / whole) * 10_000) / 100;
}
