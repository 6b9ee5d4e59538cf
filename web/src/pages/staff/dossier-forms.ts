// The one-stop forms a dossier has, from its events: each form is drawn from the event that gives rise to it
// (src/documents/from-dossier.ts), so the dossier page links only to forms the API will serve.
export interface FormLink {
  /** The API's form id: "01"…"06" (Circular 03/2025 numbering) or a name. */
  id: string;
  label: string;
}

interface EventLike {
  type: string;
  payload?: Record<string, unknown>;
}

const has = (events: readonly EventLike[], ...types: string[]) => events.some((e) => types.includes(e.type));

/** The forms of a dossier with these events, in the circular's order. */
export function formsFor(events: readonly EventLike[]): FormLink[] {
  const received = has(events, "received", "accepted");
  const supplement = events.some(
    (e) =>
      e.type === "supplement_requested" && Array.isArray(e.payload?.["missing"]) && e.payload["missing"].length > 0,
  );
  const apology = events.some((e) => e.type === "extended" && e.payload?.["apology"] === true);
  const forms: [boolean, FormLink][] = [
    [received, { id: "01", label: "Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả" }],
    [supplement, { id: "02", label: "Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" }],
    [has(events, "refused"), { id: "03", label: "Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ" }],
    [apology, { id: "04", label: "Mẫu 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" }],
    [has(events, "stopped"), { id: "05", label: "Mẫu 05: Thông báo dừng giải quyết hồ sơ" }],
    [
      has(events, "declined"),
      { id: "declined-notice", label: "Thông báo trả lại hồ sơ (không đủ điều kiện giải quyết)" },
    ],
    [received, { id: "06", label: "Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ" }],
  ];
  return forms.filter(([applies]) => applies).map(([, link]) => link);
}
