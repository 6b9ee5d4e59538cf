// Ranking of units by total (standard competition ranking: equal totals share a rank, the next rank skips),
// with the band each unit's percentage reaches in its set (thresholds are data: CriteriaSet.bands).
import type { CriteriaSet } from "./criteria.ts";
import { bandOf, round2 } from "./score.ts";

export interface UnitTotal {
  unit: string;
  name: string;
  total: number;
  max: number;
  band: string | null;
  lost: number;
}

export interface RankedUnit extends UnitTotal {
  rank: number;
  of: number;
  percent: number | null;
}

/** Ranks the units; any further fields of a unit (a self total, say) are carried through unchanged. */
export function rankUnits<T extends UnitTotal>(units: readonly T[], set?: CriteriaSet): (T & RankedUnit)[] {
  const sorted = [...units].sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit));
  return sorted.map((u) => {
    const percent = u.max > 0 ? round2((u.total / u.max) * 100) : null;
    return {
      ...u,
      rank: 1 + sorted.filter((o) => o.total > u.total + 1e-9).length,
      of: sorted.length,
      percent,
      band: set && percent !== null ? bandOf(set, percent) : u.band,
    };
  });
}
