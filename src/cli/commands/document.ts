// `motcua document` (CONTRACTS.md §1): a dossier's one-stop form (01–06), a unit's tracking ledger (07) or a
// report appendix, from the database, as .docx, .pdf (or .xlsx for appendices), written to --out. The format
// is --format or the extension of --out. The same loaders as the API (src/db/repos/documents.ts). Exit 2 on a
// usage error, an unknown dossier or unit, or a form the dossier does not have; 1 when PDF is unavailable.
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import {
  APPENDIX_KINDS,
  type AppendixKind,
  RESULTS_LAYOUTS,
  appendixOf,
  dossierFormRequest,
  unitLedger,
} from "../../db/repos/documents.ts";
import { ServiceError } from "../../db/repos/dossiers/errors.ts";
import { getDossier } from "../../db/repos/dossiers/service.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import type { Database } from "../../db/engine.ts";
import { inFormat, type OutputFormat } from "../../documents/delivery.ts";
import { DOSSIER_FORM_NUMBERS as FORM, dossierFormOf, UNNUMBERED_DOSSIER_FORMS } from "../../documents/from-dossier.ts";
import { PdfUnavailableError, renderAppendix, renderForm } from "../../documents/index.ts";
import type { FormRequest } from "../../documents/types.ts";
import { GROUPINGS } from "../../figures/grouping.ts";
import { customPeriod, type Period } from "../../figures/period.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary =
  "a dossier's form, a unit's ledger or a report appendix (motcua document 01 --dossier CODE --out F)";

export const help = `Usage: motcua document <01…06> --dossier CODE --out F.docx|F.pdf [--public-url URL]
       motcua document 07 --unit U --from YYYY-MM-DD --to YYYY-MM-DD --out F.docx|F.pdf
       motcua document appendix <${APPENDIX_KINDS.join("|")}> --from D --to D [--unit U] --out F.xlsx|F.docx|F.pdf
<01…06>: 01 (${FORM["01"]}), 02 (${FORM["02"]}), 03 (${FORM["03"]}), 04 (${FORM["04"]}),
         05 (${FORM["05"]}), 06 (${FORM["06"]}); ${UNNUMBERED_DOSSIER_FORMS.join(", ")} (the notice returning a dossier
         that does not qualify, no official number); 07 or "ledger": the unit's tracking ledger of the
         dossiers it received from --from to --to (local dates).
appendix: results [--by ${GROUPINGS.join("|")}] [--layout 000|004] (seed 000's Phụ lục 4 or seed 004's table by
          field), channels [--by channel|level], late [--basis receiving|handling], satisfaction; for --unit and
          every unit below it (all without --unit); [--report-number 82/BC-UBND --report-date YYYY-MM-DD] fill
          the "(Kèm theo Báo cáo số …)" line (dots otherwise).
The format is the extension of --out (.docx, .pdf, .xlsx for appendices), or --format docx|pdf|xlsx.
The form set (Circular 01/2018 or 03/2025) follows the dossier's receipt date (the ledger: the period's end).
The receipt's QR code links to <public-url>/tra-cuu (default $MOTCUA_PUBLIC_URL or http://127.0.0.1:3000).
PDF needs LibreOffice (soffice). Exit 2 on a usage error, an unknown dossier or unit, or a form the dossier
does not have yet (e.g. no apology); exit 1 when PDF is unavailable.`;

const OPTIONS = {
  ...dataOption,
  dossier: { type: "string" },
  unit: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  by: { type: "string" },
  basis: { type: "string" },
  layout: { type: "string" },
  "report-number": { type: "string" },
  "report-date": { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  "public-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>["values"];

/** --format, else the extension of --out; refused when the two disagree or the format is not allowed. */
export function outputFormat(out: string, format: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const ext = extname(out).slice(1).toLowerCase();
  const chosen = format ?? ext;
  if (!(allowed as readonly string[]).includes(chosen)) {
    throw new UsageError(
      `the output format must be one of ${allowed.join(", ")} (--format, or the extension of --out)`,
    );
  }
  if (format && (allowed as readonly string[]).includes(ext) && ext !== format) {
    throw new UsageError(`--format ${format} does not match --out ${out}`);
  }
  return chosen as OutputFormat;
}

function periodOf(values: Values, what: string): Period {
  if (!values.from || !values.to) throw new UsageError(`${what} needs --from and --to\n${help}`);
  try {
    return customPeriod(values.from, values.to);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function write(out: string, bytes: Promise<Buffer>): Promise<number> {
  try {
    writeFileSync(out, await bytes);
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new CliFailure(error.message, 1);
    throw error;
  }
  process.stderr.write(`Đã ghi ${out}\n`);
  return 0;
}

async function formRequest(database: Database, units: UnitDirectory, which: string, values: Values) {
  const now = new Date();
  if (which === "07" || which === "ledger") {
    const period = periodOf(values, "the ledger (07)");
    if (!units.find(values.unit!)) throw new CliFailure(`Không có đơn vị ${values.unit}`, 2);
    return unitLedger(database.db, units, values.unit!, period, now);
  }
  const service = { db: database.db, units, now: () => now };
  const loaded = await getDossier(service, values.dossier!).catch((error: unknown) => {
    if (error instanceof ServiceError) throw new CliFailure(error.message, 2);
    throw error;
  });
  const publicUrl = values["public-url"] ?? process.env["MOTCUA_PUBLIC_URL"] ?? "http://127.0.0.1:3000";
  const found = await dossierFormRequest(service, loaded.row, loaded.log, dossierFormOf(which)!, publicUrl, now);
  if (!found) throw new CliFailure(`Hồ sơ ${values.dossier} chưa có mẫu ${which} (chưa có sự kiện tương ứng).`, 2);
  return found satisfies FormRequest;
}

async function appendix(kind: string | undefined, values: Values): Promise<number> {
  if (!(APPENDIX_KINDS as readonly string[]).includes(kind ?? "")) {
    throw new UsageError(`name an appendix: ${APPENDIX_KINDS.join(", ")}\n${help}`);
  }
  const period = periodOf(values, "an appendix");
  const format = outputFormat(values.out!, values.format, ["xlsx", "docx", "pdf"]);
  if (kind === "results" && values.by && !(GROUPINGS as readonly string[]).includes(values.by)) {
    throw new UsageError(`--by must be one of ${GROUPINGS.join(", ")}`);
  }
  if (kind === "channels" && values.by && !["channel", "level"].includes(values.by)) {
    throw new UsageError("--by must be channel or level");
  }
  if (values.layout && !(RESULTS_LAYOUTS as readonly string[]).includes(values.layout)) {
    throw new UsageError(`--layout must be one of ${RESULTS_LAYOUTS.join(", ")}`);
  }
  if (values["report-date"] && !/^\d{4}-\d{2}-\d{2}$/.test(values["report-date"])) {
    throw new UsageError("--report-date must be YYYY-MM-DD");
  }
  if (values.basis && !["receiving", "handling"].includes(values.basis)) {
    throw new UsageError("--basis must be receiving or handling");
  }
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    const unit = values.unit ?? null;
    if (unit && !units.find(unit)) throw new CliFailure(`Không có đơn vị ${unit}`, 2);
    const { spec } = await appendixOf(database.db, units, {
      kind: kind as AppendixKind,
      period,
      unit,
      unitCodes: unit ? units.subtree(unit) : undefined,
      ...(values.by ? { by: values.by } : {}),
      ...(values.basis ? { basis: values.basis as "receiving" | "handling" } : {}),
      ...(values.layout ? { layout: values.layout as (typeof RESULTS_LAYOUTS)[number] } : {}),
      report: {
        ...(values["report-number"] ? { number: values["report-number"] } : {}),
        ...(values["report-date"] ? { date: values["report-date"] } : {}),
      },
    });
    const source = format === "pdf" ? "docx" : format;
    return write(
      values.out!,
      renderAppendix(spec, source).then((b) => inFormat(b, source, format)),
    );
  });
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const [which, kind] = positionals;
  if (!which) throw new UsageError(`name a form\n${help}`);
  if (!values.out) throw new UsageError(`--out FILE is required\n${help}`);
  if (which === "appendix") return appendix(kind, values);
  const ledger = which === "07" || which === "ledger";
  if (!ledger && !dossierFormOf(which)) throw new UsageError(`unknown form "${which}"\n${help}`);
  if (!ledger && !values.dossier) throw new UsageError(`--dossier CODE is required\n${help}`);
  if (ledger && !values.unit) throw new UsageError(`the ledger (07) needs --unit, --from and --to\n${help}`);
  if (ledger) periodOf(values, "the ledger (07)");
  const format = outputFormat(values.out, values.format, ["docx", "pdf"]);
  const out = values.out;
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    const request = await formRequest(database, units, which, values);
    return write(
      out,
      renderForm(request).then((b) => inFormat(b, "docx", format)),
    );
  });
}
