// The CCHC index as the API returns it (GET /api/reform/index/card, /standings; docs/reform-index.md): the
// server's own types (type-only imports), with what the routes add (names, phase name, permissions).
import type { CardAssessment, NamedEvidence } from "../../../../src/db/repos/reform-index/card.ts";
import type { Standing, UnitScorecard } from "../../../../src/db/repos/reform-index/scorecard.ts";
import type { IndexYear } from "../../../../src/db/repos/reform-index/sets.ts";
import type { Phase } from "../../../../src/reform/index/phases.ts";

export type { LostPoint, ScoredNode } from "../../../../src/reform/index/score.ts";
export type { IndexYear, Phase, Standing };

/** A cited evidence file; the card adds its stored name. */
export type Evidence = Omit<NamedEvidence, "name"> & { name?: string };

/** A node's stored assessment (updatedAt is not shown). */
export type Assessment = Omit<CardAssessment, "updatedAt" | "evidence" | "explanationEvidence"> & {
  evidence: Evidence[];
  explanationEvidence: Evidence[];
};

export interface Card extends Omit<UnitScorecard, "phase"> {
  /** province, district, commune, ward, special_zone: the index scores communes and wards. */
  unitKind: string | null;
  phase: Phase;
  phaseName: string;
  assessments: Record<string, Assessment>;
  indexYear: IndexYear | null;
  may: { self: boolean; appraise: boolean };
}

export interface Standings {
  unit: string;
  year: number;
  setId: string;
  setVersion: number;
  ranking: Standing[];
  bands: { name: string; minPercent: number | null; count: number }[];
}
