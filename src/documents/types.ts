// Plain input types of the document renderers. Callers (API, CLI, web) map their own records onto these;
// the renderers never read the database. Every instant is a Date and is printed in Vietnamese local time.
import type { Channel, ReturnVia } from "../dossier/record.ts";

/** The office that issues a form (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công). */
export interface Office {
  /** e.g. "Bộ phận Tiếp nhận và Trả kết quả phường Hương Xuân". */
  name: string;
  /** The governing body (cơ quan chủ quản), e.g. "UBND thị xã Hương Trà" or "UBND phường Hương Xuân". */
  parentName: string;
  /** Place name of the date line (địa danh), e.g. "Hương Xuân" or "Huế". */
  place: string;
  address?: string;
  phone?: string;
  /** The office's part of a number's symbol, e.g. "TTPVHCC" in "01/GTN-TTPVHCC" (office-names.ts). */
  symbol?: string;
}

export interface Applicant {
  name: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/** Thành phần hồ sơ. */
export interface DossierComponent {
  name: string;
  /** true = bản chính, false = bản sao. */
  original: boolean;
  count: number;
}

export interface FormDossier {
  code: string;
  procedureName: string;
  field?: string;
  applicant: Applicant;
  /** When the dossier was received (for a refusal: when it was submitted). */
  receivedAt: Date;
  /** The appointment issued at receipt (ngày hẹn trả). */
  dueAt: Date;
  /** The legal time limit as printed, e.g. "03 ngày làm việc". */
  limitText?: string;
  components: DossierComponent[];
  /** Number of dossier sets (số lượng hồ sơ, bộ); default 1. */
  sets?: number;
  channel: Channel;
  /** Where the applicant asked to receive the result. */
  returnVia?: ReturnVia;
  /** Public lookup address printed as a QR code on the receipt (contains the dossier's secret). */
  lookupUrl: string;
  /** The unit that processes it (cơ quan chủ trì giải quyết). */
  processingUnit?: string;
}

/** A person who signs: title line(s) above, name below. */
export interface Signer {
  /** e.g. "TM. ỦY BAN NHÂN DÂN" */
  authority?: string;
  /** e.g. "CHỦ TỊCH" or "NGƯỜI TIẾP NHẬN HỒ SƠ" */
  title: string;
  name: string;
}

/** Everything a single-dossier form needs. */
export interface FormContext {
  office: Office;
  dossier: FormDossier;
  /** Officer who received the dossier (người tiếp nhận). */
  receiverName?: string;
  /** Who signs the form; defaults per form (e.g. the receiving officer). */
  signer?: Signer;
  /** Number and symbol of the form from the unit's register, e.g. "15/TB-BPMC"; blank dots when absent. */
  documentNumber?: string;
  /** What the form's number is given to in the register (dossier code and the event behind the form). */
  subject?: string;
  /** Date of issue printed in the date line; defaults to now. */
  issuedAt?: Date;
  /** Recipients listed under "Nơi nhận:" (letters only); "Lưu: VT." is always added. */
  recipients?: string[];
}

/** One hand-off on the processing control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ). */
export interface Handoff {
  /** Unit handing over (Giao). */
  fromUnit: string;
  fromOfficer?: string;
  /** Unit taking over (Nhận). */
  toUnit: string;
  toOfficer?: string;
  at: Date;
  /** How the step ended against its own share of the time limit. */
  result?: "early" | "onTime" | "late";
  note?: string;
}

export interface SupplementRequest {
  /** Everything missing, listed at once (DOMAIN §3). */
  items: string[];
  reason?: string;
  /** Who to ask for guidance. */
  contactName?: string;
  contactPhone?: string;
}

export interface ApologyLetter {
  /** Why it is late. */
  reason: string;
  /** The new appointment; the original one is the dossier's dueAt and is printed too. */
  newDueAt: Date;
}

export interface StopNotice {
  reason: string;
  stoppedAt: Date;
}

/** Thông báo trả lại hồ sơ: after appraisal the dossier does not qualify (event `declined`). */
export interface DeclineNotice {
  /** Why it does not qualify, as the notice states it. */
  reason: string;
  declinedAt: Date;
}

/** One line of the dossier tracking ledger (Sổ theo dõi hồ sơ). */
export interface LedgerEntry {
  code: string;
  procedureName: string;
  sets?: number;
  applicantName: string;
  applicantAddress?: string;
  applicantPhone?: string;
  processingUnit?: string;
  receivedAt: Date;
  dueAt: Date;
  /** Sent to the processing unit. */
  transferredAt?: Date;
  /** Result received back from the processing unit. */
  resultReceivedAt?: Date;
  /** Result returned to the applicant. */
  returnedAt?: Date;
  note?: string;
}

export interface LedgerContext {
  office: Office;
  /** Local dates YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  entries: LedgerEntry[];
  issuedAt?: Date;
  /** Quyển số, from the unit's register of ledgers. */
  volume?: string;
}

/** The form sets by the circular that defines them. */
export type FormSet = "2018" | "2025";

export type FormRequest =
  | { form: "receipt"; context: FormContext }
  | { form: "supplement-request"; context: FormContext; supplement: SupplementRequest }
  | { form: "refusal"; context: FormContext; reason: string }
  | { form: "apology"; context: FormContext; apology: ApologyLetter }
  | { form: "stop-notice"; context: FormContext; stop: StopNotice }
  | { form: "declined-notice"; context: FormContext; decline: DeclineNotice }
  | { form: "control-sheet"; context: FormContext; handoffs: Handoff[] }
  | { form: "ledger"; ledger: LedgerContext };

export type FormId = FormRequest["form"];

// ---- Report appendices ----

/** One row of the results report, with the field names of CONTRACTS.md §3 (the figures' own row type). */
export type { ResultsRow } from "../figures/results.ts";

/** Late dossiers of one unit and how many of them had an apology in time (seed 002's footnote). */
export interface LateByUnitRow {
  unit: string;
  late: number;
  /** Late dossiers with an apology dated at or before the original appointment. */
  withApology: number;
}

/** Survey answers for one field (seed 004): counts of ballots per answer. */
export interface SatisfactionRow {
  field: string;
  simple: number;
  fewerPapers: number;
  complicated: number;
}

/** The report an appendix goes with: its "(Kèm theo Báo cáo số …)" line. Absent parts print as dots. */
export interface ReportRef {
  /** Number and symbol, e.g. "82/BC-UBND". */
  number?: string;
  /** Local date of the report, YYYY-MM-DD. */
  date?: string;
  /** Who issued it, as the line names it, e.g. "UBND phường Hương Xuân". */
  issuer?: string;
}

/** What every appendix may carry above its table. */
export interface AppendixOptions {
  /** e.g. "Phụ lục 4"; each appendix has a default. */
  label?: string;
  /** A line under the caption; by default the "(Kèm theo Báo cáo số …)" line of `report`. */
  note?: string;
  /** The report the appendix goes with (instead of a number of its own). */
  report?: ReportRef;
  /** The issuing body, upper case, above the caption. */
  issuer?: { governing?: string[]; lines: string[] };
  /** Decree 30 heading (issuing body, number, place and date) when the appendix stands alone. */
  heading?: { parentName?: string; issuerName: string; number: string; placeDate: string };
}
