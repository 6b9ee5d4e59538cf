// `motcua document`: a dossier's one-stop form (01–06) or a unit's tracking ledger (07) from the database, as
// .docx or .pdf, written to --out. The same mapping as the API (src/db/repos/documents.ts). Exit 2 on a usage
// error, an unknown dossier or unit, or a form the dossier does not have; 1 when PDF is unavailable.
import { writeFileSync } from "node:fs";
import { dossierFormRequest, unitLedger } from "../../db/repos/documents.ts";
import { ServiceError } from "../../db/repos/dossiers/errors.ts";
import { getDossier } from "../../db/repos/dossiers/service.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { inFormat, type OutputFormat } from "../../documents/delivery.ts";
import { DOSSIER_FORMS, dossierFormOf } from "../../documents/from-dossier.ts";
import { PdfUnavailableError, renderForm } from "../../documents/index.ts";
import type { FormRequest } from "../../documents/types.ts";
import { customPeriod } from "../../figures/period.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "a dossier's form or a unit's ledger (motcua document 01 --dossier CODE --out F)";

const help = `Usage: motcua document <form> --dossier CODE [--format docx|pdf] --out FILE [--public-url URL]
       motcua document ledger --unit U --from YYYY-MM-DD --to YYYY-MM-DD [--format docx|pdf] --out FILE
<form>: 01 (${DOSSIER_FORMS[0]}), 02 (${DOSSIER_FORMS[1]}), 03 (${DOSSIER_FORMS[2]}), 04 (${DOSSIER_FORMS[3]}),
        05 (${DOSSIER_FORMS[4]}), 06 (${DOSSIER_FORMS[5]}); ledger or 07 for the tracking ledger.
The form set (Circular 01/2018 or 03/2025) follows the dossier's receipt date (the ledger: the period's end).
The receipt's QR code links to <public-url>/tra-cuu (default $MOTCUA_PUBLIC_URL or http://127.0.0.1:3000).
PDF needs LibreOffice (soffice). Exit 2 on a usage error, an unknown dossier or unit, or a form the dossier
does not have yet (e.g. no apology); exit 1 when PDF is unavailable.`;

const FORMATS = ["docx", "pdf"] as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...dataOption,
      dossier: { type: "string" },
      unit: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      "public-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const [which] = positionals;
  if (!which) throw new UsageError(`name a form\n${help}`);
  const format = (values.format ?? "docx") as OutputFormat;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (!values.out) throw new UsageError(`--out FILE is required\n${help}`);
  const out = values.out;
  const ledger = which === "ledger" || which === "07";
  const form = ledger ? undefined : dossierFormOf(which);
  if (!ledger && !form) throw new UsageError(`unknown form "${which}"\n${help}`);
  if (form && !values.dossier) throw new UsageError(`--dossier CODE is required\n${help}`);
  if (ledger && (!values.unit || !values.from || !values.to))
    throw new UsageError(`the ledger needs --unit, --from and --to\n${help}`);
  const publicUrl = values["public-url"] ?? process.env["MOTCUA_PUBLIC_URL"] ?? "http://127.0.0.1:3000";
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    const now = new Date();
    let request: FormRequest;
    if (ledger) {
      let period: ReturnType<typeof customPeriod>;
      try {
        period = customPeriod(values.from!, values.to!);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (!units.find(values.unit!)) throw new CliFailure(`Không có đơn vị ${values.unit}`, 2);
      request = await unitLedger(database.db, units, values.unit!, period, now);
    } else {
      const service = { db: database.db, units, now: () => now };
      const loaded = await getDossier(service, values.dossier!).catch((error: unknown) => {
        if (error instanceof ServiceError) throw new CliFailure(error.message, 2);
        throw error;
      });
      const found = await dossierFormRequest(service, loaded.row, loaded.log, form!, publicUrl, now);
      if (!found) throw new CliFailure(`Hồ sơ ${values.dossier} chưa có mẫu ${which} (chưa có sự kiện tương ứng).`, 2);
      request = found;
    }
    let bytes: Buffer;
    try {
      bytes = await inFormat(await renderForm(request), "docx", format);
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw new CliFailure(error.message, 1);
      throw error;
    }
    writeFileSync(out, bytes);
    process.stderr.write(`Đã ghi ${out}\n`);
    return 0;
  });
}
