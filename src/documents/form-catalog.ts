// The one-stop forms of each circular: number, file name of the shipped template, title. Circular
// 01/2018/TT-VPCP (Mẫu số 01–06) was replaced by Circular 03/2025/TT-VPCP (Phụ lục I, Mẫu số 01–07),
// which added the notice of stopped processing and renumbered the control sheet and the ledger.
import { localDate } from "../calendar/local-time.ts";
import type { FormId, FormSet } from "./types.ts";

export interface FormDefinition {
  form: FormId;
  set: FormSet;
  /** "01" of "Mẫu số 01". */
  number: string;
  /** The label printed at the top right when it is not "Mẫu số <number>" (a form outside the circular's list). */
  numberLine?: string;
  file: string;
  title: string;
  landscape?: boolean;
}

/**
 * First local date on which the 2025 set applies. Circular 03/2025/TT-VPCP is dated 15/9/2025 and a
 * secondary source (thuviennhadat.vn, see docs/documents.md) states its forms apply from that day; the
 * circular's own article on entry into force was not found, so this is configurable.
 */
export const SET_2025_FROM = "2025-09-15";

export const FORM_CATALOG: readonly FormDefinition[] = [
  {
    form: "receipt",
    set: "2025",
    number: "01",
    file: "01-giay-tiep-nhan-hen-tra.docx",
    title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
  },
  {
    form: "supplement-request",
    set: "2025",
    number: "02",
    file: "02-phieu-yeu-cau-bo-sung.docx",
    title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
  },
  {
    form: "refusal",
    set: "2025",
    number: "03",
    file: "03-phieu-tu-choi.docx",
    title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
  },
  {
    form: "apology",
    set: "2025",
    number: "04",
    file: "04-van-ban-xin-loi-gia-han.docx",
    title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
  },
  {
    form: "stop-notice",
    set: "2025",
    number: "05",
    file: "05-thong-bao-dung-giai-quyet.docx",
    title: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
  },
  {
    // Not among the seven forms of Circular 03/2025/TT-VPCP as published (docs/documents.md): no official number.
    form: "declined-notice",
    set: "2025",
    number: "TL",
    numberLine: "Mẫu thông báo trả lại hồ sơ",
    file: "tl-thong-bao-tra-lai-ho-so.docx",
    title: "THÔNG BÁO TRẢ LẠI HỒ SƠ",
  },
  {
    form: "control-sheet",
    set: "2025",
    number: "06",
    file: "06-phieu-kiem-soat.docx",
    title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
  },
  {
    form: "ledger",
    set: "2025",
    number: "07",
    file: "07-so-theo-doi-ho-so.docx",
    title: "SỔ THEO DÕI HỒ SƠ",
    landscape: true,
  },
  {
    form: "receipt",
    set: "2018",
    number: "01",
    file: "01-giay-tiep-nhan-hen-tra.docx",
    title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
  },
  {
    form: "supplement-request",
    set: "2018",
    number: "02",
    file: "02-phieu-yeu-cau-bo-sung.docx",
    title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
  },
  {
    form: "refusal",
    set: "2018",
    number: "03",
    file: "03-phieu-tu-choi.docx",
    title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
  },
  {
    form: "apology",
    set: "2018",
    number: "04",
    file: "04-phieu-xin-loi-hen-lai.docx",
    title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
  },
  {
    form: "control-sheet",
    set: "2018",
    number: "05",
    file: "05-phieu-kiem-soat.docx",
    title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
  },
  {
    form: "ledger",
    set: "2018",
    number: "06",
    file: "06-so-theo-doi-ho-so.docx",
    title: "SỔ THEO DÕI HỒ SƠ",
    landscape: true,
  },
];

export function findFormDefinition(set: FormSet, form: FormId): FormDefinition | undefined {
  return FORM_CATALOG.find((d) => d.set === set && d.form === form);
}

/**
 * The definition used for a form in a set: the 2018 set has no notice of stopped processing, so a dossier
 * of that set gets the 2025 notice (the only form the law now provides for it).
 */
export function getFormDefinition(set: FormSet, form: FormId): FormDefinition {
  const found = findFormDefinition(set, form) ?? findFormDefinition("2025", form);
  if (!found) throw new Error(`no form ${form} in any set`);
  return found;
}

/** The set in force for a dossier received (or a ledger closed) at `at`. */
export function formSetFor(at: Date, set2025From: string = SET_2025_FROM): FormSet {
  return localDate(at) < set2025From ? "2018" : "2025";
}
