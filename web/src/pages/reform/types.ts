// The reform records as the API returns them (/api/reform/…, docs/reform-records.md).

export interface Evidence {
  fileId: string;
  pages?: string | null;
  note?: string | null;
}

export interface Completion {
  planned: number;
  done: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  recurringAwaiting: number;
  percent: number | null;
}

export interface Plan {
  id: number;
  unit: string;
  kind: string;
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  fileId: string | null;
  evidence: Evidence[];
  note: string | null;
  version: number;
}

export interface Task {
  id: number;
  planId: number;
  ordinal: number;
  area: string;
  content: string;
  outputKind: string;
  lead: string;
  supporting: string[];
  deadline: string | null;
  kind: string;
  source: string;
  progress: number;
  completedOn: string | null;
  output: { number: string; date: string; title?: string | null; fileId?: string | null } | null;
  evidence: Evidence[];
  note: string | null;
  version: number;
}

export interface ReformRecord {
  id: number;
  unit: string;
  kind: string;
  on: string;
  ref: string;
  data: Record<string, unknown>;
  evidence: Evidence[];
  note: string | null;
  version: number;
}
