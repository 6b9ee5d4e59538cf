// Shapes the dossier API returns (instants as +07:00), and the one mapping from service errors to problem+json.
import type { WorkingCalendar } from "../../calendar/index.ts";
import { ConcurrentUpdateError } from "../../db/repos/dossier-store.ts";
import { DossierRefusal, refusalStatus, ServiceError } from "../../db/repos/dossiers/errors.ts";
import type { DossierRow } from "../../db/repos/dossiers/service.ts";
import type { UnitDirectory } from "../../db/repos/units.ts";
import type { ControlSheet } from "../../dossier/control-sheet.ts";
import type { LifecycleEvent } from "../../dossier/events.ts";
import type { DossierState } from "../../dossier/evolve.ts";
import { writeInstant } from "../../dossier/interchange/instant.ts";
import { dossierFlags } from "../../dossier/queues.ts";
import { STATUS_CODE, STATUS_NAME_VI, type DossierStatus } from "../../dossier/status.ts";
import { ApiError } from "../errors.ts";

/** Dates → `YYYY-MM-DDTHH:mm:ss+07:00`, deeply. */
export function withLocalInstants<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return writeInstant(value) as T;
  if (Array.isArray(value)) return value.map(withLocalInstants) as T;
  if (Buffer.isBuffer(value)) return value;
  // every response goes through here: a plain loop, not entries/fromEntries
  const out: Record<string, unknown> = {};
  for (const key in value) if (Object.hasOwn(value, key)) out[key] = withLocalInstants(value[key]);
  return out as T;
}

/** An instant as withLocalInstants writes it; anything else as it is. */
const local = <T>(value: T) => (value instanceof Date ? writeInstant(value) : (value as Exclude<T, Date>));

const OPEN = new Set(["received", "processing", "awaiting_supplement", "awaiting_payment"]);

export function presentSummary(row: DossierRow, units: UnitDirectory, now: Date, calendar?: WorkingCalendar) {
  const applicant = (row.applicant ?? {}) as { name?: string; phone?: string; idNumber?: string };
  const running = OPEN.has(row.state) && row.deadline_at !== null;
  const stopped =
    row.state === "awaiting_supplement" &&
    row.paused_at !== null &&
    row.deadline_at !== null &&
    row.paused_at <= row.deadline_at;
  const remaining =
    running && calendar && !stopped ? Math.round(calendar.workingMinutesBetween(now, row.deadline_at!)) : null;
  // built with its instants written: a list page of summaries is not copied a second time (withLocalInstants)
  return {
    code: row.code,
    state: row.state as DossierStatus,
    stateCode: STATUS_CODE[row.state as DossierStatus],
    stateName: STATUS_NAME_VI[row.state as DossierStatus],
    procedure: { code: row.procedure_code, version: row.procedure_version, name: row.procedure_name, field: row.field },
    unit: { code: row.unit_code, name: units.find(row.unit_code)?.name ?? row.unit_code },
    currentUnit: {
      code: row.current_unit_code,
      name: units.find(row.current_unit_code)?.name ?? row.current_unit_code,
    },
    channel: row.channel,
    applicant: { name: applicant.name, phone: applicant.phone, idNumber: applicant.idNumber },
    submittedAt: local(row.submitted_at),
    receivedAt: local(row.received_at),
    /** The appointment on the receipt slip (never overwritten). */
    dueAt: local(row.due_at),
    /** The deadline in force (moved by supplement resumptions). */
    deadlineAt: local(row.deadline_at),
    extendedDueAt: local(row.extended_due_at),
    assignee: row.assignee_id === null ? null : String(row.assignee_id),
    remainingMinutes: remaining,
    overdue: running && !stopped && row.deadline_at! < now,
    paused: stopped,
    endedAt: local(row.end_at),
    finishClass: row.finish_class,
    revision: row.revision,
  };
}

export interface DetailExtras {
  log: readonly LifecycleEvent[];
  state: DossierState;
  names: ReadonlyMap<string, string>;
  allowedActions: string[];
  controlSheet: ControlSheet;
  files: unknown[];
  calendar?: WorkingCalendar;
}

export function presentDetail(row: DossierRow, units: UnitDirectory, now: Date, extra: DetailExtras) {
  const name = (id: string) => extra.names.get(id) ?? null;
  return {
    ...presentSummary(row, units, now, extra.calendar),
    ...withLocalInstants({
      applicant: row.applicant,
      assigneeName: row.assignee_id === null ? null : name(String(row.assignee_id)),
      /** Staff named in the log (actors and assignees), by user id: the page names people, never ids. */
      staffNames: Object.fromEntries(extra.names),
      lookupSecret: row.lookup_secret,
      components: row.components,
      timeLimit: row.time_limit,
      fee: { amount: row.fee_amount, paidOnline: row.fee_paid_online },
      digitized: row.digitized,
      eResult: row.e_result,
      resultDigitized: row.result_digitized,
      supplementRequests: row.supplement_requests,
      extensions: row.extensions,
      apologyAt: row.apology_at,
      flags: { ...dossierFlags(extra.state), stored: row.flags },
      events: extra.log.map((event, i) => ({
        seq: i + 1,
        type: event.type,
        at: event.at,
        actor: { ...event.actor, fullName: name(event.actor.id) },
        fromState: event.fromState,
        toState: event.toState,
        ...(event.reason ? { reason: event.reason } : {}),
        payload: event.payload,
        attachments: event.attachments,
      })),
      allowedActions: extra.allowedActions,
      controlSheet: extra.controlSheet,
      files: extra.files,
    }),
  };
}

/** Service and lifecycle errors as problem+json: the core's stable code and Vietnamese message. */
export function dossierProblem(error: unknown): never {
  if (error instanceof DossierRefusal) {
    const status = refusalStatus(error.error);
    const title = status === 409 ? "Thao tác không hợp lệ với trạng thái hồ sơ" : "Thiếu thông tin bắt buộc";
    const problem = new ApiError(status, error.error.code, title, error.error.message);
    if (error.error.missing) problem.extensions = { missing: error.error.missing };
    throw problem;
  }
  if (error instanceof ConcurrentUpdateError) {
    const detail = error.message.startsWith("Hồ sơ")
      ? error.message
      : "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại hồ sơ rồi thao tác lại.";
    throw new ApiError(409, "concurrent-update", "Hồ sơ đã thay đổi", detail);
  }
  if (error instanceof ServiceError) {
    const titles: Record<number, string> = {
      400: "Dữ liệu không hợp lệ",
      403: "Không có quyền",
      404: "Không tìm thấy",
      409: "Xung đột dữ liệu",
      413: "Tệp quá lớn",
      415: "Loại tệp không được chấp nhận",
      422: "Không thực hiện được",
    };
    throw new ApiError(error.status, error.code, titles[error.status] ?? "Lỗi", error.message, error.invalidParams);
  }
  throw error;
}
