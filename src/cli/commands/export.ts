import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Database } from "../../db/engine.ts";
import { exportDossierLines } from "../../db/repos/dossier-export.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";
import { READ_URL_HELP, readUrlOption, withReadDatabase } from "../read-database.ts";

export const summary = "export dossiers to a JSON Lines file (CONTRACTS.md §2)";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    ...readUrlOption,
    unit: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
  });
  const [file, extra] = positionals;
  if (!file || extra) {
    throw new UsageError(
      `usage: motcua export [--unit U] [--from D] [--to D] [--read-url URL] <file.jsonl>\n${READ_URL_HELP}`,
    );
  }
  for (const [name, value] of [
    ["from", values.from],
    ["to", values.to],
  ] as const) {
    if (value !== undefined && !DATE.test(value)) throw new UsageError(`--${name} must be YYYY-MM-DD`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError("--from must not be after --to");
  const filter = { unit: values.unit, from: values.from, to: values.to };
  const written = await withDatabase(values.data, (primary) =>
    withReadDatabase(primary, values, process.env, (database) => exportTo(database, file, filter)),
  );
  process.stderr.write(`Đã xuất ${written} hồ sơ vào ${file}\n`);
  return 0;
}

/** Writes the dossiers read from `database` to `file` (from its start: a retry on the primary rewrites it). */
async function exportTo(
  database: Database,
  file: string,
  filter: { unit?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<number> {
  const units = new UnitDirectory(database.db);
  await units.refresh();
  if (filter.unit && !units.find(filter.unit)) throw new CliFailure(`không có đơn vị ${filter.unit}`, 2);
  const out = createWriteStream(file, { encoding: "utf8" });
  try {
    await once(out, "open");
  } catch (error) {
    throw new CliFailure(`không ghi được tệp ${file} (${(error as NodeJS.ErrnoException).code ?? error})`, 2);
  }
  let written = 0;
  try {
    for await (const line of exportDossierLines(database, units, filter)) {
      if (!out.write(`${line}\n`)) await once(out, "drain");
      written++;
    }
  } catch (error) {
    out.destroy();
    throw error;
  }
  out.end();
  await once(out, "finish");
  return written;
}
