// The CCHC index as the API returns it (GET /api/reform/index/card, /standings; docs/reform-index.md): the
// server's response schemas (src/http/schemas/reform-index.ts), imported as types only; the evidence a form
// holds before it is saved has no stored name yet.
import type {
  CardAssessment,
  IndexCard,
  IndexStanding,
  IndexStandings,
  IndexYear,
  NamedEvidence,
} from "../../../../src/http/schemas/reform-index.ts";
import type { Phase } from "../../../../src/reform/index/phases.ts";

export type { LostPoint, ScoredNode } from "../../../../src/http/schemas/reform-index.ts";
export type { IndexYear, Phase };
export type Standing = IndexStanding;
export type Standings = IndexStandings;

/** A cited evidence file; the card adds its stored name. */
export type Evidence = Omit<NamedEvidence, "name"> & { name?: string };

/** A node's stored assessment (updatedAt is not shown). */
export type Assessment = Omit<CardAssessment, "updatedAt" | "evidence" | "explanationEvidence"> & {
  evidence: Evidence[];
  explanationEvidence: Evidence[];
};

export interface Card extends Omit<IndexCard, "assessments"> {
  assessments: Record<string, Assessment>;
}
