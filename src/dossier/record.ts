// The dossier as the interchange format carries it (CONTRACTS.md §2), with instants parsed to Date.
// Import produces it, export writes it, the figures fold reads it, the demo generates it.

/** Kênh tiếp nhận. */
export type Channel = "direct" | "postal" | "online_partial" | "online_full";
export const CHANNELS: readonly Channel[] = ["direct", "postal", "online_partial", "online_full"];

/** Hình thức trả kết quả. */
export type ReturnVia = "direct" | "postal" | "online";

/** Cấp có thẩm quyền. */
export type CompetentLevel = "province" | "district" | "commune";

export type DossierEventType =
  | "supplement_requested"
  | "supplement_received"
  | "extended"
  | "transferred"
  | "resolved"
  | "declined"
  | "returned"
  | "withdrawn"
  | "stopped"
  | "refused";

export interface DossierEvent {
  type: DossierEventType;
  at: Date;
  /** supplement_received, extended: the new appointment. */
  dueAt?: Date;
  /** extended: whether an apology letter was issued with the extension. */
  apology?: boolean;
  /** transferred: receiving unit code. */
  toUnit?: string;
  /** returned: how the result was handed over. */
  via?: ReturnVia;
  /** refused, declined, withdrawn, stopped, supplement_requested: the written reason. */
  reason?: string;
}

export interface DossierRecord {
  code: string;
  unit: { code: string; name?: string; parent?: string | null };
  procedure: { code: string; name?: string; field?: string; level?: CompetentLevel; limit?: string };
  channel: Channel;
  applicant?: { name?: string; idNumber?: string; phone?: string; address?: string };
  /** When accepted as complete (state 2); null exactly for a dossier refused at intake. */
  receivedAt: Date | null;
  /** The appointment issued at receipt. */
  dueAt: Date | null;
  events: DossierEvent[];
  digitized?: boolean;
  eResult?: boolean;
  fee?: { amount: number; paidOnline?: boolean };
}
