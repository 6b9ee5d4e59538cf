// Small builders for dossiers in tests of the figures (not used by production code).
import { parseInstant } from "../calendar/local-time.ts";
import type { Channel, CompetentLevel, DossierEvent, DossierRecord } from "../dossier/record.ts";

/** Parses a local time written "YYYY-MM-DD HH:mm" (+07:00). */
export function vn(text: string): Date {
  const at = parseInstant(`${text.replace(" ", "T")}:00+07:00`);
  if (!at) throw new Error(`bad test instant ${text}`);
  return at;
}

export interface DossierSpec {
  code?: string;
  unit?: string;
  field?: string;
  level?: CompetentLevel;
  procedure?: string;
  channel?: Channel;
  received?: string | null;
  due?: string | null;
  events?: [DossierEvent["type"], string, Partial<Omit<DossierEvent, "type" | "at">>?][];
  digitized?: boolean;
  eResult?: boolean;
  fee?: { amount: number; paidOnline?: boolean };
}

let sequence = 0;

export function dossier(spec: DossierSpec): DossierRecord {
  sequence += 1;
  return {
    code: spec.code ?? `T-${String(sequence).padStart(5, "0")}`,
    unit: { code: spec.unit ?? "H57.12" },
    procedure: { code: spec.procedure ?? "1.001009", field: spec.field ?? "Chứng thực", level: spec.level },
    channel: spec.channel ?? "direct",
    receivedAt: spec.received ? vn(spec.received) : null,
    dueAt: spec.due ? vn(spec.due) : null,
    events: (spec.events ?? []).map(([type, at, extra]) => ({ type, at: vn(at), ...extra })),
    digitized: spec.digitized,
    eResult: spec.eResult,
    fee: spec.fee,
  };
}
