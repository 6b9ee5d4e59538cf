import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { importDossierLines } from "../../db/repos/dossier-import.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { UsageError } from "../errors.ts";
import { progressReporter } from "../progress.ts";

export const summary = "import dossiers from a JSON Lines file (CONTRACTS.md §2)";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    "create-missing": { type: "boolean", default: false },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw new UsageError("usage: motcua import [--create-missing] <file.jsonl>");
  if (!existsSync(file)) throw new UsageError(`cannot read ${file}`);
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    const progress = progressReporter(file, "nhập hồ sơ");
    const lines = createInterface({
      input: createReadStream(file, { encoding: "utf8" }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    const summary = await importDossierLines(database, units, lines, {
      createMissing: values["create-missing"],
      onProgress: progress.update,
      onReject: (r) => process.stderr.write(`line ${r.line}: ${r.reason}: ${r.message}\n`),
    });
    progress.done();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.rejected > 0 ? 1 : 0;
  });
}
