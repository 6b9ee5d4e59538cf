// The CCHC index as the API returns it (GET /api/reform/index/card, /standings; docs/reform-index.md).

export interface Evidence {
  fileId: string;
  pages?: string | null;
  note?: string | null;
  /** The stored file name (the card adds it). */
  name?: string;
}

export interface ScoredNode {
  code: string;
  name: string;
  max: number | null;
  rule: string;
  source: "auto" | "assessment" | "sum" | "none";
  score: number | null;
  selfScore: number | null;
  inputs: Record<string, number | string | boolean>;
  formula: string;
  reason: string | null;
  evidenceRequired: string[];
  warnings: string[];
  children: ScoredNode[];
}

export interface Assessment {
  code: string;
  selfScore: number | null;
  selfNote: string | null;
  evidence: Evidence[];
  appraisal1: number | null;
  appraisal2: number | null;
  final: number | null;
  appraiserNote: string | null;
  explanation: string | null;
  explanationEvidence: Evidence[];
  version: number;
}

export interface LostPoint {
  code: string;
  name: string;
  lost: number;
  max: number;
  reason: string;
}

export type Phase = "self" | "appraisal1" | "explanation" | "appraisal2" | "final" | "closed";

export interface IndexYear {
  setId: string;
  setVersion: number;
  self: string | null;
  appraisal1: string | null;
  explanation: string | null;
  appraisal2: string | null;
  final: string | null;
  locked: boolean;
}

export interface Card {
  unit: string;
  unitName: string;
  /** province, district, commune, ward, special_zone: the index scores communes and wards. */
  unitKind: string | null;
  year: number;
  setId: string;
  setVersion: number;
  phase: Phase;
  phaseName: string;
  total: number;
  selfTotal: number;
  max: number;
  percent: number | null;
  band: string | null;
  nodes: ScoredNode[];
  lost: LostPoint[];
  pending: string[];
  unscored: string[];
  warnings: { code: string; message: string }[];
  assessments: Record<string, Assessment>;
  indexYear: IndexYear | null;
  may: { self: boolean; appraise: boolean };
}

export interface Standing {
  unit: string;
  name: string;
  rank: number;
  of: number;
  total: number;
  selfTotal: number;
  max: number;
  percent: number | null;
  band: string | null;
  lost: number;
}

export interface Standings {
  unit: string;
  year: number;
  setId: string;
  setVersion: number;
  ranking: Standing[];
  bands: { name: string; minPercent: number | null; count: number }[];
}
