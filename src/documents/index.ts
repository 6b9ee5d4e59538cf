// Public surface of the document renderers (forms, appendices, PDF); callers import from here.
export {
  channelsAppendixSpec,
  lateByUnitSpec,
  renderAppendix,
  resultsAppendixSpec,
  satisfactionSpec,
  sumResults,
} from "./appendices.ts";
export { FORM_CATALOG, findFormDefinition, formSetFor, getFormDefinition, SET_2025_FROM } from "./form-catalog.ts";
export { formView } from "./form-view.ts";
export { type DossierFormJson, formData, formJson, type FormHeader } from "./form-data.ts";
export { formSetOf, renderForm, resolveTemplate, SHIPPED_TEMPLATES_DIR, TemplateError } from "./forms.ts";
export { tableToDocx, type TableSpec } from "./grid.ts";
export { heading, officialDocument, recipientLines, recipientsAndSignature, title, toBuffer } from "./official.ts";
export { convertToPdf, findSoffice, isPdfAvailable, PdfConversionError, PdfUnavailableError } from "./pdf.ts";
export { ConversionQueue, PdfBusyError, pdfQueue } from "./pdf-queue.ts";
export type * from "./types.ts";
export { tablesToXlsx } from "./xlsx.ts";
