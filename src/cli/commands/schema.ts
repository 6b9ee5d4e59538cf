// `motcua schema citus-ddl | readiness`: distributed-PostgreSQL readiness (docs/deploy-national.md "Citus").
// citus-ddl prints the create_reference_table / create_distributed_table statements generated from the live
// schema; readiness prints the classification of every table and the repository queries without province_code.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { citusDdl, classifyTables, KNOWN_GAPS } from "../../db/rollup/citus.ts";
import { scanAll } from "../../db/rollup/query-scan.ts";
import { loadSchemaFacts } from "../../db/rollup/schema-facts.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";

export const summary = "sơ đồ CSDL cho PostgreSQL phân tán / schema readiness (motcua schema citus-ddl|readiness)";

export const help = `Usage:
  motcua schema citus-ddl [--out FILE]   câu lệnh Citus (bảng tham chiếu, bảng phân tán theo province_code)
  motcua schema readiness                 phân loại từng bảng, các truy vấn chưa lọc theo province_code và các truy vấn
                                          đọc mọi tỉnh có chủ đích, kèm lý do (JSON)
Generated from the live schema of the database (migrated first). Exit 1 from readiness when a table is
neither a reference table, nor ready to distribute, nor a known gap (docs/deploy-national.md).`;

const REPOS = fileURLToPath(new URL("../../db/repos/", import.meta.url));

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "citus-ddl" && sub !== "readiness") throw new UsageError(help);
  const { values } = parseCommandArgs(rest, { ...dataOption, out: { type: "string" } }, false);
  if (values.out && sub !== "citus-ddl") throw new UsageError("--out goes with citus-ddl");
  return withDatabase(values.data, async (database) => {
    const facts = await loadSchemaFacts(database.db);
    const classification = classifyTables(facts);
    if (sub === "citus-ddl") {
      const ddl = citusDdl(facts, classification);
      if (values.out) {
        writeFileSync(values.out, ddl);
        process.stderr.write(`Đã ghi ${values.out}\n`);
      } else process.stdout.write(ddl);
      return 0;
    }
    const scanned = scanAll(REPOS, classification.distributed);
    const unscoped = scanned.filter((q) => !q.allowed);
    process.stdout.write(
      `${JSON.stringify({
        reference: classification.reference,
        distributed: classification.distributed,
        knownGaps: Object.fromEntries(
          Object.keys(KNOWN_GAPS)
            .filter((t) => classification.problems[t])
            .map((t) => [t, classification.problems[t]]),
        ),
        unclassified: Object.fromEntries(classification.unclassified.map((t) => [t, classification.problems[t]])),
        unscopedQueries: unscoped.map((q) => `${q.file} ${q.name} (${q.tables.join(", ")})`),
        spansProvinces: Object.fromEntries(
          scanned.filter((q) => q.allowed).map((q) => [`${q.file} ${q.name}`, q.allowed]),
        ),
      })}\n`,
    );
    if (classification.unclassified.length) {
      throw new CliFailure(`Bảng chưa phân loại: ${classification.unclassified.join(", ")}`, 1);
    }
    return 0;
  });
}
