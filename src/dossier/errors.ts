// Why a command is refused: a stable code for programs, a Vietnamese message for people.
import { type Phase, STATUS_NAME_VI } from "./status.ts";

export type DossierErrorCode =
  | "illegal-transition"
  | "role-not-allowed"
  | "refusal-after-receipt"
  | "second-extension"
  | "reason-required"
  | "result-required"
  | "handover-required"
  | "receipt-required"
  | "invalid-channel"
  | "missing-list-required"
  | "assignee-required"
  | "not-assignee"
  | "unit-required"
  | "same-unit"
  | "draft-required"
  | "nothing-to-approve"
  | "invalid-amount"
  | "due-not-later"
  | "apology-required"
  | "invalid-rating"
  | "already-rated"
  | "time-before-last-event"
  | "supplement-already-requested"
  | "approval-required"
  | "result-file-required"
  | "incomplete-dossier";

export const DOSSIER_ERROR_MESSAGES: Readonly<Record<DossierErrorCode, string>> = {
  "illegal-transition": "Thao tác không được phép ở trạng thái hiện tại của hồ sơ",
  "role-not-allowed": "Vai trò của người dùng không được thực hiện thao tác này",
  "refusal-after-receipt": "Hồ sơ đã được tiếp nhận thì không được từ chối; chỉ có thể giải quyết, rút hoặc dừng xử lý",
  "second-extension": "Hồ sơ chỉ được gia hạn (hẹn ngày trả mới) một lần",
  "reason-required": "Phải ghi rõ lý do",
  "result-required": "Phải có văn bản kết quả hoặc ghi nhận kết quả giải quyết",
  "handover-required": "Phải có văn bản kết quả hoặc ghi nhận việc bàn giao kết quả cho người nộp",
  "receipt-required": "Không được tiếp nhận hồ sơ khi chưa có phiếu tiếp nhận và hẹn trả kết quả",
  "invalid-channel": "Kênh tiếp nhận không phù hợp với thao tác",
  "missing-list-required": "Yêu cầu bổ sung phải liệt kê đầy đủ các thành phần còn thiếu",
  "assignee-required": "Phải chọn cán bộ được giao xử lý",
  "not-assignee": "Hồ sơ đang được giao cho cán bộ khác",
  "unit-required": "Phải chọn cơ quan, đơn vị nhận hồ sơ",
  "same-unit": "Hồ sơ đang ở chính đơn vị này",
  "draft-required": "Phải đính kèm dự thảo kết quả",
  "nothing-to-approve": "Không có dự thảo kết quả nào đang chờ phê duyệt",
  "invalid-amount": "Số tiền không hợp lệ",
  "due-not-later": "Ngày hẹn trả mới phải sau thời hạn giải quyết hiện tại và sau thời điểm gia hạn",
  "apology-required": "Gia hạn phải kèm văn bản xin lỗi người nộp hồ sơ",
  "invalid-rating": "Mức đánh giá phải là số nguyên từ 1 đến 5",
  "already-rated": "Hồ sơ đã được đánh giá",
  "time-before-last-event": "Thời điểm thao tác sớm hơn sự kiện cuối cùng của hồ sơ",
  "supplement-already-requested":
    "Hồ sơ nộp trực tuyến chỉ được yêu cầu bổ sung một lần, liệt kê đầy đủ mọi thành phần còn thiếu; đã có yêu cầu bổ sung trước khi tiếp nhận",
  "approval-required":
    "Quy trình của thủ tục có bước lãnh đạo phê duyệt: kết quả phải được phê duyệt sau lần trình gần nhất",
  "result-file-required": "Kết quả điện tử hoặc kết quả đã số hóa phải có tệp kết quả đính kèm",
  "incomplete-dossier":
    "Hồ sơ chưa đủ thành phần bắt buộc nên không được tiếp nhận: hướng dẫn người nộp bổ sung, hoàn thiện hồ sơ (mẫu 02)",
};

export interface DossierError {
  code: DossierErrorCode;
  message: string;
  /** incomplete-dossier: the required components missing (what form 02 lists). */
  missing?: string[];
  /** The phase the dossier was in, for illegal transitions. */
  from?: Phase;
}

export function dossierError(code: DossierErrorCode, from?: Phase): DossierError {
  const base = DOSSIER_ERROR_MESSAGES[code];
  if (from === undefined) return { code, message: base };
  return { code, message: `${base} (trạng thái: ${STATUS_NAME_VI[from]})`, from };
}
