// Why a line of the interchange file is rejected (CONTRACTS §2): a stable code, a message, the field.

export type InterchangeErrorCode =
  | "invalid-json"
  | "not-an-object"
  | "missing-field"
  | "invalid-field"
  | "instant-without-offset"
  | "invalid-instant"
  | "invalid-channel"
  | "invalid-level"
  | "invalid-id-number"
  | "invalid-via"
  | "unknown-event-type"
  | "received-at-missing"
  | "refused-after-receipt"
  | "due-without-receipt"
  | "due-before-receipt"
  | "due-required"
  | "apology-required"
  | "to-unit-required"
  | "via-required"
  | "reason-required"
  | "events-out-of-order"
  | "event-before-receipt"
  | "event-after-end"
  | "declined-and-resolved"
  | "supplement-not-requested"
  | "supplement-already-requested";

export const INTERCHANGE_MESSAGES: Readonly<Record<InterchangeErrorCode, string>> = {
  "invalid-json": "dòng không phải JSON hợp lệ",
  "not-an-object": "dòng không phải một đối tượng JSON",
  "missing-field": "thiếu trường bắt buộc",
  "invalid-field": "trường sai kiểu dữ liệu hoặc để trống",
  "instant-without-offset": "thời điểm không có múi giờ (viết ví dụ 2020-07-06T08:15:00+07:00)",
  "invalid-instant": "không phải thời điểm ISO 8601",
  "invalid-channel": "channel phải là direct, postal, online_partial hoặc online_full",
  "invalid-level": "procedure.level phải là province, district hoặc commune",
  "invalid-id-number":
    "applicant.idNumber phải là chuỗi 12 chữ số (căn cước công dân) hoặc 9 chữ số (chứng minh nhân dân cũ)",
  "invalid-via": "via phải là direct, postal hoặc online",
  "unknown-event-type": "loại sự kiện không xác định",
  "received-at-missing":
    "thiếu receivedAt nhưng hồ sơ không có sự kiện refused (chỉ hồ sơ bị từ chối tiếp nhận mới không có receivedAt)",
  "refused-after-receipt":
    "hồ sơ đã tiếp nhận không thể bị từ chối: sau tiếp nhận, hồ sơ kết thúc bằng resolved, declined, withdrawn hoặc stopped",
  "due-without-receipt": "hồ sơ bị từ chối tiếp nhận không có ngày hẹn trả (dueAt)",
  "due-before-receipt": "ngày hẹn trả (dueAt) trước receivedAt",
  "due-required": "sự kiện này cần dueAt (ngày hẹn trả mới)",
  "apology-required": "sự kiện extended cần apology: true hoặc false",
  "to-unit-required": "sự kiện transferred cần toUnit",
  "via-required": "sự kiện returned cần via",
  "reason-required": "sự kiện refused hoặc declined cần lý do bằng văn bản (reason)",
  "events-out-of-order": "các sự kiện không theo thứ tự thời gian",
  "event-before-receipt": "có sự kiện trước receivedAt",
  "event-after-end":
    "có sự kiện sau khi hồ sơ đã kết thúc (sau resolved hoặc declined chỉ có thể là một sự kiện returned)",
  "declined-and-resolved":
    "hồ sơ không thể vừa được giải quyết (resolved) vừa bị trả lại vì không đủ điều kiện (declined): chỉ một trong hai",
  "supplement-not-requested": "supplement_received khi không có yêu cầu bổ sung (supplement_requested) đang mở",
  "supplement-already-requested":
    "supplement_requested khi yêu cầu trước còn đang mở (phải liệt kê mọi thành phần còn thiếu trong một lần)",
};

export interface InterchangeError {
  code: InterchangeErrorCode;
  message: string;
  /** The field at fault, e.g. `events[2].dueAt`. */
  path?: string;
}

export function interchangeError(code: InterchangeErrorCode, path?: string, detail?: string): InterchangeError {
  const where = path === undefined ? "" : `${path}: `;
  const more = detail === undefined ? "" : ` (${detail})`;
  return { code, message: `${where}${INTERCHANGE_MESSAGES[code]}${more}`, ...(path === undefined ? {} : { path }) };
}
