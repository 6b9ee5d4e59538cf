// `motcua reform index --unit U --year Y [--set FILE.json] [--format text|json|xlsx] [--out FILE]`: the CCHC
// index scorecard of a commune (every node with its score, maximum and computation; the lost-points list), or,
// for a province or district, the ranking of its communes by total with their bands. Automatic nodes are
// computed from the current records and dossiers; --set scores with a criteria set read from JSON instead of
// the province's set for the year. Exit 2 on a usage error, unknown unit or invalid set.
import { readFileSync, writeFileSync } from "node:fs";
import { cardAssessments } from "../../db/repos/reform-index/card.ts";
import { loadRanking, loadScorecard, type UnitScorecard } from "../../db/repos/reform-index/scorecard.ts";
import { ServiceError } from "../../db/repos/dossiers/errors.ts";
import { type CriteriaSet, CriteriaSetError, parseCriteriaSet } from "../../reform/index/criteria.ts";
import type { RankedUnit } from "../../reform/index/ranking.ts";
import { type ScoredNode, vn } from "../../reform/index/score.ts";
import { renderScorecard, scorecardExport } from "../../documents/reform-index-scorecard.ts";
import { tablesToXlsx } from "../../documents/xlsx.ts";
import type { TableSpec } from "../../documents/grid.ts";
import { parseCommandArgs } from "../args.ts";
import { dataOption, withDatabase } from "../database.ts";
import { CliFailure, UsageError } from "../errors.ts";
import { SUBCOMMANDS, run as runSubcommand, unitYearOf } from "./reform-index-set.ts";

export const help = `Usage: motcua reform index --unit U --year YYYY [--set FILE.json] [--format text|json|xlsx] [--out FILE]
The CCHC index scorecard of commune U for year YYYY: each criterion with its score, maximum and how it was
computed, then the lost points (tiêu chí bị trừ điểm) with their reasons. For a province or district U: its
communes ranked by total, with their bands. --set scores with a criteria set from a JSON file. Text goes to
stdout; json to stdout unless --out; xlsx needs --out.
Also: motcua reform index import-set FILE.xlsx|FILE.json; template --out FILE.xlsx; fix-plan --unit U --year Y
(motcua reform index import-set --help).`;

const FORMATS = ["text", "json", "xlsx"] as const;
type Format = (typeof FORMATS)[number];

function readSet(file: string): CriteriaSet {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliFailure(`không đọc được bộ tiêu chí ${file}: ${(error as Error).message}`, 2);
  }
  try {
    return parseCriteriaSet(raw);
  } catch (error) {
    if (error instanceof CriteriaSetError)
      throw new CliFailure(`bộ tiêu chí ${file} không hợp lệ:\n  ${error.problems.join("\n  ")}`, 2);
    throw error;
  }
}

function readArgs(args: string[]) {
  const { values, positionals } = parseCommandArgs(args, {
    ...dataOption,
    unit: { type: "string" },
    year: { type: "string" },
    set: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length) throw new UsageError(`thừa tham số "${positionals.join(" ")}"\n${help}`);
  const unitYear = unitYearOf(values, help);
  const format = (values.format ?? "text") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format chỉ nhận ${FORMATS.join(", ")}`);
  if (format === "xlsx" && !values.out) throw new UsageError("--format xlsx cần --out FILE.xlsx");
  return { ...values, ...unitYear, format };
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub && SUBCOMMANDS[sub]) return runSubcommand(sub, rest);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const a = readArgs(args);
  const set = a.set ? readSet(a.set) : undefined;
  return withDatabase(a.data, async (database) => {
    const db = database.db;
    const unit = await db.selectFrom("units").select("kind").where("code", "=", a.unit).executeTakeFirst();
    if (!unit) throw new CliFailure(`không có đơn vị ${a.unit}`, 2);
    const q = { unit: a.unit, year: a.year, set, now: new Date() };
    try {
      if (unit.kind === "province" || unit.kind === "district") {
        const ranking = await loadRanking(db, q);
        await emit(
          a,
          ranking,
          () => rankingText(ranking.ranking),
          () => tablesToXlsx([{ name: "Xếp hạng", spec: rankingSpec(ranking.ranking, a.year) }]),
        );
      } else {
        const card = await loadScorecard(db, q);
        await emit(
          a,
          card,
          () => cardText(card),
          async () => renderScorecard(scorecardExport(card, await cardAssessments(db, a.unit, a.year)), "xlsx"),
        );
      }
    } catch (error) {
      if (error instanceof ServiceError) throw new CliFailure(error.message, 2);
      throw error;
    }
    return 0;
  });
}

async function emit(
  a: { format: Format; out?: string | undefined },
  data: unknown,
  text: () => string,
  xlsx: () => Promise<Buffer>,
) {
  if (a.format === "xlsx") {
    writeFileSync(a.out as string, await xlsx());
    return;
  }
  const body = a.format === "json" ? `${JSON.stringify(data, null, 2)}\n` : text();
  if (a.out) writeFileSync(a.out, body);
  else process.stdout.write(body);
}

function* flatten(nodes: readonly ScoredNode[], depth = 0): Generator<[ScoredNode, number]> {
  for (const n of nodes) {
    yield [n, depth];
    yield* flatten(n.children, depth + 1);
  }
}

const score = (n: ScoredNode) => (n.score === null ? "—" : vn(n.score));
const max = (n: ScoredNode) => (n.max === null ? "?" : vn(n.max));

export function cardText(card: UnitScorecard): string {
  const lines = [
    `CHỈ SỐ CCHC NĂM ${card.year} — ${card.unitName} (${card.unit})`,
    `Bộ tiêu chí: ${card.setId} phiên bản ${card.setVersion}; giai đoạn: ${card.phase}`,
    `Tổng điểm: ${vn(card.total)}/${vn(card.max)}${card.percent === null ? "" : ` (${vn(card.percent)}%)`}${card.band ? `; xếp loại: ${card.band}` : ""}`,
    "",
  ];
  for (const [n, depth] of flatten(card.nodes)) {
    lines.push(
      `${"  ".repeat(depth)}${n.code} ${n.name}: ${score(n)}/${max(n)}${n.source === "auto" ? " [tự động]" : ""}`,
    );
    if (n.formula && n.source !== "sum") lines.push(`${"  ".repeat(depth + 1)}${n.formula}`);
    for (const w of n.warnings) lines.push(`${"  ".repeat(depth + 1)}! ${w}`);
  }
  lines.push("", `TIÊU CHÍ BỊ TRỪ ĐIỂM (${card.lost.length}):`);
  for (const l of card.lost) lines.push(`- ${l.code} ${l.name} (−${vn(l.lost)}/${vn(l.max)}đ): ${l.reason}`);
  if (card.pending.length) lines.push("", `Chưa chấm: ${card.pending.join(", ")}`);
  if (card.unscored.length) lines.push(`Chưa có điểm tối đa (chờ quyết định của tỉnh): ${card.unscored.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

function rankingText(ranking: RankedUnit[]): string {
  const lines = ranking.map(
    (r) =>
      `${r.rank}/${r.of}  ${r.name} (${r.unit}): ${vn(r.total)}/${vn(r.max)}${r.percent === null ? "" : ` (${vn(r.percent)}%)`}  ${r.band ?? ""}  — ${r.lost} tiêu chí bị trừ điểm`,
  );
  return `${lines.join("\n")}\n`;
}

function rankingSpec(ranking: RankedUnit[], year: number): TableSpec {
  return {
    caption: [`XẾP HẠNG CHỈ SỐ CCHC CẤP XÃ NĂM ${year}`],
    header: [
      ["Hạng", "Đơn vị", "Tổng điểm", "Điểm tối đa", "Tỷ lệ %", "Xếp loại", "Tiêu chí bị trừ"].map((text) => ({
        text,
      })),
    ],
    columns: [
      { width: 8 },
      { width: 40 },
      { width: 10, align: "right" },
      { width: 10, align: "right" },
      { width: 10, align: "right" },
      { width: 14 },
      { width: 12, align: "right" },
    ],
    body: ranking.map((r) => [r.rank, r.name, r.total, r.max, r.percent ?? "", r.band ?? "", r.lost]),
  };
}
