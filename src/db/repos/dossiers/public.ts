// What the public sees of a dossier: found only with its code plus the receipt's secret (or the applicant's
// phone), and then only its status, appointments and history — no name, ID number, phone, address, officer or
// free-text reason. A wrong secret and an unknown code are the same "not found".
import { timingSafeEqual } from "node:crypto";
import type { LifecycleEvent } from "../../../dossier/events.ts";
import { normalizePhone } from "../../../dossier/identity.ts";
import { STATUS_CODE, STATUS_NAME_VI, type DossierStatus } from "../../../dossier/status.ts";
import { loadDossierView } from "./detail.ts";
import { ServiceError } from "./errors.ts";
import { type DossierRow, provinceNamedByCode, type ServiceContext } from "./service.ts";

export const lookupNotFound = () =>
  new ServiceError(404, "not-found", "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu (hoặc số điện thoại) đã nhập.");

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The dossier when the credentials match; otherwise the one answer for every failure. */
export async function findByCredentials(
  ctx: ServiceContext,
  code: string,
  credentials: { secret?: string; phone?: string },
): Promise<{ row: DossierRow; log: LifecycleEvent[] }> {
  // one statement: the row and its log, in the province the code names (or whichever holds it)
  const loaded = await loadDossierView(ctx.db, await provinceNamedByCode(ctx, code), code);
  const secret = credentials.secret?.trim().toUpperCase();
  const phone = credentials.phone ? normalizePhone(credentials.phone) : undefined;
  const stored = loaded?.row;
  const ok =
    stored !== undefined &&
    ((secret !== undefined && stored.lookup_secret !== null && sameText(secret, stored.lookup_secret)) ||
      (phone !== undefined && stored.applicant_phone !== null && sameText(phone, stored.applicant_phone)));
  if (!ok || !loaded) throw lookupNotFound();
  return { row: loaded.row, log: loaded.log };
}

/** What each event means to the applicant, in Vietnamese. */
const EVENT_TEXT: Record<string, string> = {
  submitted: "Đã nộp hồ sơ trực tuyến",
  received: "Hồ sơ được tiếp nhận",
  accepted: "Hồ sơ nộp trực tuyến được tiếp nhận",
  refused: "Hồ sơ không được tiếp nhận",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  supplement_received: "Đã nhận hồ sơ bổ sung",
  assigned: "Hồ sơ được giao xử lý",
  processing_started: "Đang xử lý",
  transferred: "Hồ sơ được chuyển cơ quan liên quan (liên thông)",
  result_proposed: "Đã trình kết quả",
  result_approved: "Kết quả đã được phê duyệt",
  payment_requested: "Yêu cầu thực hiện nghĩa vụ tài chính",
  payment_recorded: "Đã thực hiện nghĩa vụ tài chính",
  resolved: "Đã giải quyết xong, chờ trả kết quả",
  declined: "Hồ sơ không đủ điều kiện giải quyết: trả lại hồ sơ kèm thông báo bằng văn bản nêu rõ lý do",
  returned: "Đã trả kết quả",
  withdrawn: "Hồ sơ đã được rút",
  stopped: "Dừng xử lý hồ sơ",
  extended: "Gia hạn giải quyết, có thư xin lỗi và ngày hẹn trả mới",
  rated: "Đã đánh giá mức độ hài lòng",
};

/** The public view: state, appointments, history with what the applicant must know (missing papers, new date). */
export function publicView(row: DossierRow, log: readonly LifecycleEvent[], unitName: (code: string) => string) {
  const state = row.state as DossierStatus;
  return {
    code: row.code,
    state,
    stateCode: STATUS_CODE[state],
    stateName: STATUS_NAME_VI[state],
    procedure: { code: row.procedure_code, name: row.procedure_name ?? undefined },
    unit: { code: row.unit_code, name: unitName(row.unit_code) },
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    deadlineAt: row.deadline_at,
    extendedDueAt: row.extended_due_at,
    returnedAt: row.returned_at,
    history: log.map((event) => ({
      type: event.type,
      at: event.at,
      toState: event.toState,
      description: EVENT_TEXT[event.type] ?? event.type,
      ...(event.type === "supplement_requested" ? { missing: event.payload.missing } : {}),
      ...(event.type === "extended" ? { newDueAt: event.payload.dueAt } : {}),
      ...(event.type === "received" || event.type === "accepted" ? { dueAt: event.payload.dueAt } : {}),
      ...(event.type === "supplement_received" && event.payload.dueAt ? { dueAt: event.payload.dueAt } : {}),
      ...(event.type === "returned" ? { via: event.payload.via } : {}),
      ...(event.type === "declined" ? { reason: event.payload.reason } : {}),
    })),
    canRate: state === "returned" && !log.some((e) => e.type === "rated"),
  };
}
