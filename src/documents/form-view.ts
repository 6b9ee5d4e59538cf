// The data a form template sees: every value already formatted as Vietnamese text, so template authors
// write {{dossier.dueAtText}} and never a date format. docs/documents.md lists these names; keep in step.
import type { Channel, ReturnVia } from "../dossier/record.ts";
import type { FormContext, FormRequest, Handoff, LedgerContext, LedgerEntry, Signer } from "./types.ts";
import { decreeDate, instantText, isoDateText, placeDateLine, shortDate, upper } from "./vn-format.ts";

/** Printed where an optional value is absent, so a clerk can fill it in by hand. */
export const BLANK = "…………………";

const CHANNEL_TEXT: Record<Channel, string> = {
  direct: "Trực tiếp tại Bộ phận Một cửa",
  postal: "Qua dịch vụ bưu chính công ích",
  online_partial: "Trực tuyến (một phần)",
  online_full: "Trực tuyến (toàn trình)",
};

const RETURN_TEXT: Record<ReturnVia, string> = {
  direct: "Bộ phận Một cửa (nhận trực tiếp)",
  postal: "Địa chỉ của người nộp (qua dịch vụ bưu chính công ích)",
  online: "Tài khoản trên Cổng Dịch vụ công (bản điện tử)",
};

const RESULT_TEXT = { early: "Trước hạn", onTime: "Đúng hạn", late: "Quá hạn" } as const;

const or = (value: string | number | undefined): string =>
  value === undefined || value === "" ? BLANK : String(value).normalize("NFC");

/** Default signer of each form when the caller names none. */
function defaultSigner(form: FormRequest["form"], c: FormContext): Signer {
  const officer = c.receiverName ?? BLANK;
  switch (form) {
    case "receipt":
    case "refusal":
      return { title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: officer };
    case "supplement-request":
      return { title: "NGƯỜI HƯỚNG DẪN", name: officer };
    case "apology":
    case "stop-notice":
    case "declined-notice":
      return { authority: "", title: "THỦ TRƯỞNG CƠ QUAN", name: BLANK };
    case "control-sheet":
    case "ledger":
      return { title: "NGƯỜI LẬP", name: officer };
  }
}

function officeView(office: FormContext["office"]) {
  return {
    name: office.name.normalize("NFC"),
    nameUpper: upper(office.name),
    parentName: office.parentName.normalize("NFC"),
    parentNameUpper: upper(office.parentName),
    place: office.place.normalize("NFC"),
    address: or(office.address),
    phone: or(office.phone),
  };
}

function handoffView(h: Handoff, i: number) {
  return {
    no: i + 1,
    fromUnit: h.fromUnit.normalize("NFC"),
    fromOfficer: or(h.fromOfficer),
    toUnit: h.toUnit.normalize("NFC"),
    toOfficer: or(h.toOfficer),
    atText: instantText(h.at),
    resultText: h.result ? RESULT_TEXT[h.result] : "",
    note: h.note?.normalize("NFC") ?? "",
  };
}

function entryView(e: LedgerEntry, i: number) {
  const contact = [e.applicantAddress, e.applicantPhone].filter(Boolean).join("; ");
  const date = (d: Date | undefined) => (d ? instantText(d) : "");
  return {
    no: i + 1,
    code: e.code,
    procedureName: e.procedureName.normalize("NFC"),
    sets: e.sets ?? 1,
    applicantName: e.applicantName.normalize("NFC"),
    contact: contact.normalize("NFC"),
    processingUnit: e.processingUnit?.normalize("NFC") ?? "",
    receivedText: date(e.receivedAt),
    dueText: date(e.dueAt),
    transferredText: date(e.transferredAt),
    resultReceivedText: date(e.resultReceivedAt),
    returnedText: date(e.returnedAt),
    note: e.note?.normalize("NFC") ?? "",
  };
}

function ledgerView(l: LedgerContext) {
  const issuedAt = l.issuedAt ?? new Date();
  return {
    office: officeView(l.office),
    dateLine: placeDateLine(l.office.place, issuedAt),
    period: { from: l.from, to: l.to, fromText: isoDateText(l.from), toText: isoDateText(l.to) },
    volume: or(l.volume),
    entries: l.entries.map(entryView),
    count: l.entries.length,
  };
}

/** A dossier form's request (every form but the ledger). */
export type DossierFormRequest = Exclude<FormRequest, { form: "ledger" }>;

/** The values every dossier form prints: office, number, date line, applicant, dossier, papers, signer. */
export function commonView(request: DossierFormRequest) {
  const c = request.context;
  const d = c.dossier;
  const issuedAt = c.issuedAt ?? new Date();
  const signer = c.signer ?? defaultSigner(request.form, c);
  return {
    office: officeView(c.office),
    number: or(c.documentNumber),
    dateLine: placeDateLine(c.office.place, issuedAt),
    issuedDate: decreeDate(issuedAt),
    applicant: {
      name: d.applicant.name.normalize("NFC"),
      idNumber: or(d.applicant.idNumber),
      phone: or(d.applicant.phone),
      email: or(d.applicant.email),
      address: or(d.applicant.address),
    },
    dossier: {
      code: d.code,
      procedureName: d.procedureName.normalize("NFC"),
      field: or(d.field),
      receivedAtText: instantText(d.receivedAt),
      receivedDate: shortDate(d.receivedAt),
      dueAtText: instantText(d.dueAt),
      limitText: or(d.limitText),
      sets: d.sets ?? 1,
      channelText: CHANNEL_TEXT[d.channel],
      returnViaText: d.returnVia ? RETURN_TEXT[d.returnVia] : BLANK,
      lookupUrl: d.lookupUrl,
      processingUnit: or(d.processingUnit),
    },
    components: d.components.map((x, i) => ({
      no: i + 1,
      name: x.name.normalize("NFC"),
      kind: x.original ? "bản chính" : "bản sao",
      count: x.count,
    })),
    receiverName: or(c.receiverName),
    signer: { authority: signer.authority ?? "", title: signer.title, name: signer.name },
    recipients: [...(c.recipients ?? [`${d.applicant.name};`]), "Lưu: VT."].map((r) => r.normalize("NFC")),
  };
}
export type CommonFormView = ReturnType<typeof commonView>;

/** The template data of one form request (images excepted: see formData in form-data.ts). */
export function formView(request: FormRequest): Record<string, unknown> {
  if (request.form === "ledger") return ledgerView(request.ledger);
  const c = request.context;
  const d = c.dossier;
  const common = commonView(request);
  switch (request.form) {
    case "receipt":
      return common;
    case "supplement-request": {
      const s = request.supplement;
      if (s.items.length === 0) throw new RangeError("a supplement request lists at least one missing item");
      return {
        ...common,
        supplement: {
          items: s.items.map((text, i) => ({ no: i + 1, text: text.normalize("NFC") })),
          reason: or(s.reason),
          contactName: or(s.contactName ?? c.receiverName),
          contactPhone: or(s.contactPhone ?? c.office.phone),
        },
      };
    }
    case "refusal":
      return { ...common, refusal: { reason: request.reason.normalize("NFC") } };
    case "apology": {
      const a = request.apology;
      if (a.newDueAt <= d.dueAt) throw new RangeError("the new appointment must be after the original one");
      return {
        ...common,
        apology: {
          reason: a.reason.normalize("NFC"),
          originalDueText: instantText(d.dueAt),
          newDueText: instantText(a.newDueAt),
        },
      };
    }
    case "stop-notice":
      return {
        ...common,
        stop: { reason: request.stop.reason.normalize("NFC"), atText: instantText(request.stop.stoppedAt) },
      };
    case "declined-notice":
      return {
        ...common,
        decline: {
          reason: request.decline.reason.normalize("NFC"),
          atText: instantText(request.decline.declinedAt),
        },
      };
    case "control-sheet":
      return { ...common, handoffs: request.handoffs.map(handoffView) };
  }
}
