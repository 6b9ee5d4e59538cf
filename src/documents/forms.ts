// Fills a one-stop form template with a dossier. Templates are looked up file by file: an administrator's
// templates directory first (same layout as templates/ in the repository), then the shipped default.
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createReport } from "docx-templates";
import { type FormDefinition, formSetFor, getFormDefinition } from "./form-catalog.ts";
import { DELIMITERS } from "./form-templates.ts";
import { formData } from "./form-data.ts";
import { LITERAL_XML_DELIMITER } from "./safe-text.ts";
import type { FormRequest, FormSet } from "./types.ts";

/** templates/ at the repository root, where the shipped defaults live. */
export const SHIPPED_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface FormRenderOptions {
  /** An administrator's templates directory; defaults to $MOTCUA_TEMPLATES_DIR. */
  templatesDir?: string;
  /** Force a form set; by default chosen from the dossier's receipt date. */
  set?: FormSet;
  /** First local date (YYYY-MM-DD) of the 2025 set; default SET_2025_FROM. */
  set2025From?: string;
}

/** A template failed to render: the message names the file and the command that failed. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
  constructor(
    readonly templatePath: string,
    cause: unknown,
  ) {
    super(`mẫu ${templatePath} không điền được: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The set a request belongs to: by receipt date for a dossier, by the period's last day for a ledger. */
export function formSetOf(request: FormRequest, options: FormRenderOptions = {}): FormSet {
  if (options.set) return options.set;
  const at =
    request.form === "ledger" ? new Date(`${request.ledger.to}T12:00:00+07:00`) : request.context.dossier.receivedAt;
  return formSetFor(at, options.set2025From);
}

/** Where the template of a form comes from: the override directory when it has the file, else the default. */
export async function resolveTemplate(
  def: FormDefinition,
  templatesDir: string | undefined = process.env["MOTCUA_TEMPLATES_DIR"],
): Promise<string> {
  const relative = join("forms", def.set, def.file);
  if (templatesDir) {
    const custom = join(templatesDir, relative);
    if (await exists(custom)) return custom;
  }
  return join(SHIPPED_TEMPLATES_DIR, relative);
}

export { numberLineOf, qrImage } from "./form-data.ts";

/** Renders a form to .docx bytes. */
export async function renderForm(request: FormRequest, options: FormRenderOptions = {}): Promise<Buffer> {
  const def = getFormDefinition(formSetOf(request, options), request.form);
  const path = await resolveTemplate(def, options.templatesDir);
  const template = await readFile(path);
  const data = await formData(request, def);
  try {
    const out = await createReport({
      template,
      // values are text only (formData): see safe-text.ts (forged runs through the `||` literal-XML delimiter)
      data,
      cmdDelimiter: DELIMITERS,
      literalXmlDelimiter: LITERAL_XML_DELIMITER,
      failFast: false,
      rejectNullish: true,
      processLineBreaks: true,
    });
    return Buffer.from(out);
  } catch (error) {
    throw new TemplateError(path, error);
  }
}
