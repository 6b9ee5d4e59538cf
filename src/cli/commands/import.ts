import { accessSync, constants, createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { importDossierLines } from "../../db/repos/dossier-import.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";
import { progressReporter } from "../progress.ts";

export const summary = "import dossiers from a JSON Lines file (CONTRACTS.md §2)";

/** Exit 2 before the database is opened when the file cannot be read. */
function checkReadable(file: string) {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`không đọc được ${file}: không phải một tệp`);
    accessSync(file, constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`không đọc được tệp ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    "create-missing": { type: "boolean", default: false },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw new UsageError("usage: motcua import [--create-missing] <file.jsonl>");
  checkReadable(file);
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    const input = createReadStream(file, { encoding: "utf8" });
    const progress = progressReporter(file, "nhập hồ sơ", { bytesRead: () => input.bytesRead });
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    let summary: Awaited<ReturnType<typeof importDossierLines>>;
    try {
      summary = await importDossierLines(database, units, lines, {
        createMissing: values["create-missing"],
        onProgress: progress.update,
        onReject: (r) => progress.note(`line ${r.line}: ${r.reason}: ${r.message}`),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code?.startsWith("E")) throw new CliFailure(`không đọc được tệp ${file} (${code})`, 2);
      throw error;
    }
    progress.done(summary.read);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.rejected > 0 ? 1 : 0;
  });
}
