import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { exportDossierLines } from "../../db/repos/dossier-export.ts";
import { UnitDirectory } from "../../db/repos/units.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "export dossiers to a JSON Lines file (CONTRACTS.md §2)";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    unit: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
  });
  const [file, extra] = positionals;
  if (!file || extra) throw new UsageError("usage: motcua export [--unit U] [--from D] [--to D] <file.jsonl>");
  for (const [name, value] of [
    ["from", values.from],
    ["to", values.to],
  ] as const) {
    if (value !== undefined && !DATE.test(value)) throw new UsageError(`--${name} must be YYYY-MM-DD`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError("--from must not be after --to");
  return withDatabase(values.data, async (database) => {
    const units = new UnitDirectory(database.db);
    await units.refresh();
    if (values.unit && !units.find(values.unit)) throw new CliFailure(`không có đơn vị ${values.unit}`, 2);
    const out = createWriteStream(file, { encoding: "utf8" });
    try {
      await once(out, "open");
    } catch (error) {
      throw new CliFailure(`không ghi được tệp ${file} (${(error as NodeJS.ErrnoException).code ?? error})`, 2);
    }
    let written = 0;
    for await (const line of exportDossierLines(database, units, {
      unit: values.unit,
      from: values.from,
      to: values.to,
    })) {
      if (!out.write(`${line}\n`)) await once(out, "drain");
      written++;
    }
    out.end();
    await once(out, "finish");
    process.stderr.write(`Đã xuất ${written} hồ sơ vào ${file}\n`);
    return 0;
  });
}
