// A stored dossier (its row, its log and the names around it) mapped onto the form requests of forms 01–06,
// and its ledger line (form 07). Pure: src/db/repos/documents.ts loads the inputs. Each form is drawn from
// the event that gives rise to it (form 02 from supplement_requested, 04 from extended…): a dossier without
// that event has no such form (undefined), whatever its state.
import { describeTimeLimit, type TimeLimit } from "../catalog/time-limit.ts";
import type { ControlSheet, ControlSheetRow, Party } from "../dossier/control-sheet.ts";
import type { EventOf, LifecycleEvent, LifecycleEventType } from "../dossier/events.ts";
import { project } from "../dossier/evolve.ts";
import type { Channel } from "../dossier/record.ts";
import { localDate } from "../calendar/local-time.ts";
import { type OfficeNameSetting, officeOn, placeOf, type UnitInfo } from "./office-names.ts";
import type { DossierComponent, FormContext, FormId, FormRequest, Handoff, LedgerEntry } from "./types.ts";

export { placeOf, type UnitInfo };

/**
 * A dossier's forms by their number in Circular 03/2025/TT-VPCP (Phụ lục I, Mẫu số 01–06; 07 is the unit's
 * ledger), each number naming its form: adding a form never renumbers another. Agrees with FORM_CATALOG's
 * 2025 set (from-dossier.test.ts).
 */
export const DOSSIER_FORM_NUMBERS = {
  "01": "receipt",
  "02": "supplement-request",
  "03": "refusal",
  "04": "apology",
  "05": "stop-notice",
  "06": "control-sheet",
} as const satisfies Record<string, FormId>;
export type DossierFormNumber = keyof typeof DOSSIER_FORM_NUMBERS;

/** A dossier's forms without an official number, addressed by name only (docs/documents.md). */
export const UNNUMBERED_DOSSIER_FORMS = ["declined-notice"] as const satisfies readonly FormId[];

export type DossierFormId =
  | (typeof DOSSIER_FORM_NUMBERS)[DossierFormNumber]
  | (typeof UNNUMBERED_DOSSIER_FORMS)[number];

/** The dossier forms by name: the numbered ones in number order, then the unnumbered. */
export const DOSSIER_FORMS: readonly DossierFormId[] = [
  ...Object.values(DOSSIER_FORM_NUMBERS),
  ...UNNUMBERED_DOSSIER_FORMS,
];

/** The form a number ("01", or "1") or a name addresses: "01" → receipt … "06" → control sheet; names pass through. */
export function dossierFormOf(id: string): DossierFormId | undefined {
  const number = /^[1-9]$/.test(id) ? `0${id}` : id;
  if (Object.hasOwn(DOSSIER_FORM_NUMBERS, number)) return DOSSIER_FORM_NUMBERS[number as DossierFormNumber];
  return (DOSSIER_FORMS as readonly string[]).includes(id) ? (id as DossierFormId) : undefined;
}

/** What the forms read from the dossiers row (a structural subset of the table's row). */
export interface StoredDossier {
  code: string;
  unit_code: string;
  current_unit_code: string;
  procedure_name: string | null;
  procedure_code: string;
  field: string;
  channel: string;
  applicant: unknown;
  submitted_at: Date | null;
  received_at: Date | null;
  due_at: Date | null;
  lookup_secret: string | null;
  time_limit?: unknown;
  components?: unknown;
}

export interface DossierSources {
  dossier: StoredDossier;
  log: readonly LifecycleEvent[];
  /** Components of the procedure version (kind and count of each paper); names are matched. */
  procedureComponents?: readonly { name: string; form: string; count: number }[];
  unit(code: string): UnitInfo | undefined;
  /** Full name of a user id as the log writes it. */
  officer(id: string): string | undefined;
  /** Base URL of the web app (the QR code links to its lookup page). */
  publicUrl: string;
  /** The control sheet with step deadlines (controlSheetOf); only form 06 reads it. */
  sheet?: ControlSheet;
  /** Date of issue of the forms not dated by an event (the control sheet); default now. */
  now?: Date;
  /** The receiving unit's own office names from dates (unit_office_names); defaults follow the date. */
  officeNames?: readonly OfficeNameSetting[];
}

/** The public lookup page with the code and secret filled in (web: /tra-cuu?code=…&secret=…). */
export function lookupUrlOf(publicUrl: string, code: string, secret: string | null): string {
  const query = new URLSearchParams({ code, ...(secret ? { secret } : {}) });
  return `${publicUrl.replace(/\/+$/, "")}/tra-cuu?${query}`;
}

function lastOf<K extends LifecycleEventType>(log: readonly LifecycleEvent[], ...types: K[]) {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if ((types as string[]).includes(e.type)) return { event: e as EventOf<K>, index: i };
  }
  return undefined;
}

function componentsOf(s: DossierSources): DossierComponent[] {
  const stored = Array.isArray(s.dossier.components) ? (s.dossier.components as { name?: unknown }[]) : [];
  return stored
    .filter((c): c is { name: string; received?: boolean } => typeof c.name === "string")
    .filter((c) => c.received !== false)
    .map((c) => {
      const def = s.procedureComponents?.find((p) => p.name === c.name);
      return { name: c.name, original: def?.form !== "copy", count: def?.count ?? 1 };
    });
}

function applicantOf(raw: unknown): FormContext["dossier"]["applicant"] {
  const a = (raw ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof a[k] === "string" && a[k] !== "" ? (a[k] as string) : undefined);
  return {
    name: text("name") ?? "",
    idNumber: text("idNumber") ?? text("taxCode"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
  };
}

/**
 * The context every dossier form shares: `dueAt` is the appointment the applicant holds at `uptoIndex`; the
 * office is named as on the date of issue; `subject` keys the form's number in the register (the dossier and
 * the event that gives rise to it).
 */
function contextOf(s: DossierSources, uptoIndex: number, issuedAt: Date, subject: string): FormContext {
  const d = s.dossier;
  const receipt = lastOf(s.log, "received", "accepted");
  const refused = lastOf(s.log, "refused");
  const state = project(s.log.slice(0, uptoIndex));
  const receivedAt = d.received_at ?? d.submitted_at ?? refused?.event.at ?? s.log[0]?.at ?? new Date();
  const dueAt = state.dueAt ?? d.due_at ?? receivedAt;
  const unit = s.unit(d.unit_code);
  const processing = s.unit(d.current_unit_code);
  const limit = d.time_limit as TimeLimit | null | undefined;
  const receiver = receipt
    ? s.officer(receipt.event.actor.id)
    : refused
      ? s.officer(refused.event.actor.id)
      : undefined;
  return {
    office: officeOn(
      unit,
      unit?.parentCode ? s.unit(unit.parentCode) : undefined,
      d.unit_code,
      localDate(issuedAt),
      s.officeNames,
    ),
    dossier: {
      code: d.code,
      procedureName: d.procedure_name ?? d.procedure_code,
      field: d.field,
      applicant: applicantOf(d.applicant),
      receivedAt,
      dueAt,
      ...(limit?.unit ? { limitText: describeTimeLimit(limit) } : {}),
      components: componentsOf(s),
      channel: d.channel as Channel,
      lookupUrl: lookupUrlOf(s.publicUrl, d.code, d.lookup_secret),
      processingUnit: processing?.name ?? d.current_unit_code,
    },
    ...(receiver ? { receiverName: receiver } : {}),
    issuedAt,
    subject: `${d.code}#${subject}`,
  };
}

const OUTCOME = { early: "early", on_time: "onTime", late: "late" } as const;

function partyText(s: DossierSources, p: Party, applicant: string) {
  if (p.kind === "applicant") return { unit: "Tổ chức, cá nhân", officer: applicant };
  const unit = s.unit(p.unit)?.name ?? p.unit;
  return { unit, officer: p.user ? s.officer(p.user) : undefined };
}

/** The control sheet's hand-offs with unit and officer names: who handed over (the event's actor) to whom. */
export function handoffsOf(s: DossierSources, sheet: ControlSheet): Handoff[] {
  const applicant = applicantOf(s.dossier.applicant).name;
  return sheet.rows.map((row: ControlSheetRow) => {
    const event = s.log.find((e) => e.type === row.type && e.at.getTime() === row.at.getTime());
    const from = partyText(s, row.from, applicant);
    const to = partyText(s, row.to, applicant);
    const receivedBy = row.receivedBy ? s.officer(row.receivedBy) : undefined;
    const fromOfficer = event && row.from.kind === "staff" ? s.officer(event.actor.id) : from.officer;
    const pauses = row.pauses.length ? `Tạm dừng chờ bổ sung ${row.pauses.length} lần` : "";
    // the decline's place on the control sheet: the notice goes back to the desk with the dossier
    const declined =
      event?.type === "declined" ? `Trả lại hồ sơ, không đủ điều kiện giải quyết: ${event.payload.reason}` : "";
    const note = [declined, pauses].filter(Boolean).join("; ");
    const handoff: Handoff = {
      fromUnit: from.unit,
      toUnit: to.unit,
      at: row.at,
      ...(fromOfficer ? { fromOfficer } : {}),
      ...((receivedBy ?? to.officer) ? { toOfficer: receivedBy ?? to.officer } : {}),
      ...(row.outcome ? { result: OUTCOME[row.outcome] } : {}),
      ...(note ? { note } : {}),
    };
    return handoff;
  });
}

/** The form request of a dossier, or undefined when the dossier has no event for that form. */
export function formRequestOf(form: DossierFormId, s: DossierSources): FormRequest | undefined {
  switch (form) {
    case "receipt": {
      // the appointment as issued with the receipt, not as moved later by supplement pauses
      const found = lastOf(s.log, "received", "accepted");
      return found ? { form, context: contextOf(s, found.index + 1, found.event.at, String(found.index)) } : undefined;
    }
    case "supplement-request": {
      const found = lastOf(s.log, "supplement_requested");
      if (!found || found.event.payload.missing.length === 0) return undefined;
      const context = contextOf(s, found.index, found.event.at, String(found.index));
      const officer = s.officer(found.event.actor.id);
      return {
        form,
        context: { ...context, ...(officer ? { receiverName: officer } : {}) },
        supplement: {
          items: found.event.payload.missing,
          ...(found.event.reason ? { reason: found.event.reason } : {}),
          ...(officer ? { contactName: officer } : {}),
        },
      };
    }
    case "refusal": {
      const found = lastOf(s.log, "refused");
      if (!found) return undefined;
      const context = contextOf(s, found.index, found.event.at, String(found.index));
      return {
        form,
        context,
        reason: found.event.reason ?? "",
      };
    }
    case "apology": {
      const found = lastOf(s.log, "extended");
      if (!found?.event.payload.apology) return undefined;
      const context = contextOf(s, found.index, found.event.at, String(found.index));
      return {
        form,
        context,
        apology: { reason: found.event.reason ?? "", newDueAt: found.event.payload.dueAt },
      };
    }
    case "stop-notice": {
      const found = lastOf(s.log, "stopped");
      if (!found) return undefined;
      const context = contextOf(s, found.index, found.event.at, String(found.index));
      return {
        form,
        context,
        stop: { reason: found.event.reason ?? "", stoppedAt: found.event.at },
      };
    }
    case "declined-notice": {
      const found = lastOf(s.log, "declined");
      if (!found) return undefined;
      return {
        form,
        context: contextOf(s, found.index, found.event.at, String(found.index)),
        decline: { reason: found.event.payload.reason || found.event.reason || "", declinedAt: found.event.at },
      };
    }
    case "control-sheet":
      if (!s.sheet || s.sheet.rows.length === 0) return undefined;
      return {
        form,
        context: contextOf(s, s.log.length, s.now ?? new Date(), "control-sheet"),
        handoffs: handoffsOf(s, s.sheet),
      };
  }
}

const END_NOTE: Partial<Record<LifecycleEventType, string>> = {
  withdrawn: "Rút hồ sơ",
  stopped: "Dừng giải quyết",
  declined: "Trả lại hồ sơ (không đủ điều kiện giải quyết)",
};

/** The dossier's line in the tracking ledger (form 07): receipt, transfer, result back, return. */
export function ledgerEntryOf(s: Pick<DossierSources, "dossier" | "log" | "unit">): LedgerEntry | undefined {
  const d = s.dossier;
  if (!d.received_at) return undefined;
  const applicant = applicantOf(d.applicant);
  const transferred = s.log.find((e) => e.type === "transferred");
  // the competent body's answer back at the desk: a result, or the notice returning the dossier
  const resolved = lastOf(s.log, "resolved", "declined");
  const returned = lastOf(s.log, "returned");
  const ended = lastOf(s.log, "withdrawn", "stopped", "declined");
  const extended = lastOf(s.log, "extended");
  const notes = [
    ...(ended ? [END_NOTE[ended.event.type]!] : []),
    ...(extended ? [`Gia hạn${extended.event.payload.apology ? ", có văn bản xin lỗi" : ""}`] : []),
  ];
  return {
    code: d.code,
    procedureName: d.procedure_name ?? d.procedure_code,
    applicantName: applicant.name,
    ...(applicant.address ? { applicantAddress: applicant.address } : {}),
    ...(applicant.phone ? { applicantPhone: applicant.phone } : {}),
    processingUnit: s.unit(d.current_unit_code)?.name ?? d.current_unit_code,
    receivedAt: d.received_at,
    dueAt: d.due_at ?? d.received_at,
    ...(transferred ? { transferredAt: transferred.at } : {}),
    ...(resolved ? { resultReceivedAt: resolved.event.at } : {}),
    ...(returned ? { returnedAt: returned.event.at } : {}),
    ...(notes.length ? { note: notes.join("; ") } : {}),
  };
}
