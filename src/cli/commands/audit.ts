// `motcua audit verify`: recomputes the hash chains of the audit trail and the dossier event log (migration
// 0015, docs/security.md) and names every edit, deletion, gap and truncation. Exit 0 when intact, 1 otherwise.
import { verifyChains } from "../../db/repos/audit-chain.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { UsageError } from "../errors.ts";

export const summary = "verify the hash chains of the audit trail and the dossier event log";

export const help = `Usage: motcua audit verify [--format text|json] [--data DIR]
  Chains the audit rows still waiting to be sealed, then recomputes every hash of the audit trail (chained
  per province) and of each dossier's event log.
  Prints each chain's last hash: keep them outside the database to anchor the chains.
  Exit 0 when intact, 1 when a row was edited, deleted, slipped in, or the end cut off.`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    format: { type: "string", default: "text" },
  });
  if (positionals[0] !== "verify" || positionals.length > 1) throw new UsageError(help);
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`invalid --format ${values.format}`);
  const report = await withDatabase(values.data, (database) => verifyChains(database.db));
  if (values.format === "json") {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const chain of report.auditChains) {
      process.stdout.write(`audit ${chain.chain || "*"} ${chain.rows} ${chain.head}\n`);
    }
  }
  if (report.sealed)
    process.stderr.write(`Đã niêm phong ${report.sealed} dòng nhật ký mới vào chuỗi trước khi kiểm tra.\n`);
  if (report.pendingRows) {
    process.stderr.write(
      `${report.pendingRows} dòng nhật ký đang chờ niêm phong (giao dịch chưa xong): kiểm tra lại sau.\n`,
    );
  }
  for (const problem of report.problems) process.stderr.write(`${problem.message}\n`);
  process.stderr.write(
    report.problems.length
      ? `Nhật ký KHÔNG toàn vẹn: ${report.problems.length} vấn đề (xem trên).\n`
      : `Nhật ký toàn vẹn: ${report.auditRows} dòng nhật ký thao tác trong ${report.auditChains.length} chuỗi, ` +
          `${report.events} sự kiện của ${report.dossiers} hồ sơ.\n`,
  );
  return report.problems.length ? 1 : 0;
}
