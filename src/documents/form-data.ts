// The filled values of a form, stated once: renderForm (forms.ts) fills the .docx template with them, and the
// documents route serves the same values as JSON (`?format=json`) for the counter's quick-print receipt
// (web: ReceiptPage), so the printed slip and form 01 can never say different things.
import QRCode from "qrcode";
import type { FormDefinition } from "./form-catalog.ts";
import { type CommonFormView, formView } from "./form-view.ts";
import { textOnly } from "./safe-text.ts";
import type { FormId, FormRequest } from "./types.ts";

/** "Mẫu số 01", or the label of a form without an official number. */
export const numberLineOf = (def: FormDefinition): string => def.numberLine ?? `Mẫu số ${def.number}`;

/** The QR code image of a URL, sized for the docx-templates IMAGE command (centimetres). */
export async function qrImage(url: string, sizeCm = 3) {
  const png = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 360 });
  return { width: sizeCm, height: sizeCm, data: png.toString("base64"), extension: ".png" as const };
}
type QrImage = Awaited<ReturnType<typeof qrImage>>;

/** The form's own line: its number in the circular's list and its title. */
export interface FormHeader {
  id: FormId;
  number: string;
  title: string;
  numberLine: string;
}

/**
 * The template data of a request under its catalogue definition, every string made XML-safe (safe-text.ts):
 * the values as the .docx prints them, plus `qr` (the lookup URL's QR code) for every dossier form.
 */
export async function formData(request: FormRequest, def: FormDefinition): Promise<Record<string, unknown>> {
  const form: FormHeader = { id: request.form, number: def.number, title: def.title, numberLine: numberLineOf(def) };
  const data: Record<string, unknown> = { ...formView(request), form };
  if (request.form !== "ledger") data["qr"] = await qrImage(request.context.dossier.lookupUrl);
  return textOnly(data);
}

/** A dossier form's values as JSON: those of the .docx, the QR code as a PNG data URL with the URL it encodes. */
export type DossierFormJson = CommonFormView & {
  form: FormHeader;
  qr: { url: string; src: string };
} & Record<string, unknown>;

/** The JSON view of a dossier form (not the ledger): formData's values, the QR image as a data URL. */
export async function formJson(
  request: Exclude<FormRequest, { form: "ledger" }>,
  def: FormDefinition,
): Promise<DossierFormJson> {
  const { qr, ...data } = await formData(request, def);
  const image = qr as QrImage;
  return {
    ...(data as CommonFormView & { form: FormHeader }),
    qr: { url: request.context.dossier.lookupUrl, src: `data:image/png;base64,${image.data}` },
  };
}
