// Answer of GET /api/dossiers/:code/documents/:form?format=json (routes/documents.ts): a dossier form's filled
// values, those its .docx prints (src/documents/form-data.ts), read by the counter's quick-print receipt.
// Every value is text as printed ("…………………" where the form leaves a blank to fill by hand).
import { z } from "zod";
import type { DossierFormJson } from "../../documents/form-data.ts";

const text = z.string();

export const DossierFormView = z
  .object({
    form: z.object({ id: text, number: text, title: text, numberLine: text.describe('"Mẫu số 01"') }),
    office: z.object({
      name: text,
      nameUpper: text,
      parentName: text,
      parentNameUpper: text,
      place: text,
      address: text,
      phone: text,
    }),
    number: text.describe("Số của biểu mẫu trong sổ của đơn vị (01/GTN-TTPVHCC), cấp lần đầu và giữ khi in lại"),
    dateLine: text,
    issuedDate: text,
    applicant: z.object({ name: text, idNumber: text, phone: text, email: text, address: text }),
    dossier: z.object({
      code: text,
      procedureName: text,
      field: text,
      receivedAtText: text,
      receivedDate: text,
      dueAtText: text.describe("Ngày hẹn trả (giờ, phút, ngày)"),
      limitText: text,
      sets: z.number(),
      channelText: text,
      returnViaText: text,
      lookupUrl: text,
      processingUnit: text,
    }),
    components: z.array(z.object({ no: z.number(), name: text, kind: text, count: z.number() })),
    receiverName: text,
    signer: z.object({ authority: text, title: text, name: text }),
    recipients: z.array(text),
    qr: z.object({ url: text, src: text.describe("Ảnh PNG của mã QR (data URL), như trong tệp .docx") }),
  })
  .describe("Các giá trị đã điền của biểu mẫu, như tệp .docx in ra");

/** The schema states the shape formJson returns: a field renamed on either side fails to compile. */
export const stateTheSameShape = (view: DossierFormJson): z.input<typeof DossierFormView> => view;

const OfficeNameSetting = z.object({ validFrom: z.string(), name: text, symbol: text.nullable().optional() });

/** PUT /api/units/:code/office-names: the unit's names by the day they apply from. */
export const OfficeNames = z.object({ settings: z.array(OfficeNameSetting) });

/** GET /api/units/:code/office-names: the settings and the office as forms print it today. */
export const OfficeNamesToday = OfficeNames.extend({
  today: z.object({
    name: text,
    parentName: text.describe("Cơ quan chủ quản"),
    place: text.describe("Địa danh"),
    symbol: text.describe("Ký hiệu trong số biểu mẫu (TTPVHCC)"),
  }),
});
