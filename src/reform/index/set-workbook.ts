// A criteria set as a spreadsheet (the province's decision typed in a table, imported with `motcua reform
// index import-set FILE.xlsx` or POST /api/reform/index/sets): sheet "Thông tin" holds the set's fields as
// label/value rows, sheet "Tiêu chí" one criterion per row, its parent given by the code (1.1.3 under 1.1),
// sheet "Hướng dẫn" explains the columns. docs/reform-index.md "Spreadsheet layout". Reading collects every
// problem with its cell (Tiêu chí!C7) and refuses the whole set; the result goes through parseCriteriaSet.
import { foldVietnamese } from "../../catalog/fold.ts";
import type { Sheets } from "../records/interchange.ts";
import { AUTO_SOURCES, type CriteriaNode, type CriteriaSet, CriteriaSetError, parseCriteriaSet } from "./criteria.ts";

export const INFO_SHEET = "Thông tin";
export const CRITERIA_SHEET = "Tiêu chí";
export const GUIDE_SHEET = "Hướng dẫn";

/** The scoring rules as written in the sheet (the code or its Vietnamese label). */
export const RULE_LABELS = {
  sum: "Cộng tiêu chí con",
  manual: "Chấm thủ công",
  yes_no: "Có/không",
  tiers: "Theo mức tỷ lệ",
  ratio: "Tỷ lệ × điểm tối đa",
  count: "Đếm, có mức trần",
  bonus: "Điểm thưởng",
  penalty: "Điểm trừ",
  signed: "Điểm thưởng/trừ",
} as const;
type RuleKind = keyof typeof RULE_LABELS;

const INFO = {
  id: "Mã bộ tiêu chí",
  version: "Phiên bản",
  title: "Tên bộ tiêu chí",
  province: "Mã tỉnh",
  year: "Năm áp dụng",
  decision: "Quyết định ban hành",
  scale: "Thang điểm",
  surveyMax: "Điểm khảo sát tối đa",
  surveyRequired: "Khảo sát bắt buộc",
  bands: "Xếp loại",
} as const;

export const CRITERIA_COLUMNS = [
  "Mã",
  "Tên tiêu chí",
  "Điểm tối đa",
  "Cách chấm",
  "Tham số",
  "Nguồn tự động",
  "Tài liệu kiểm chứng",
  "Trừ khi thiếu kiểm chứng",
  "Đã xác nhận",
  "Nguồn trích dẫn",
  "Ghi chú",
] as const;

const COL = "ABCDEFGHIJK";

function text(value: unknown): string {
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    value = v.result ?? v.text ?? v.richText?.map((r) => r.text).join("") ?? "";
  }
  return value === null || value === undefined ? "" : String(value).trim();
}

const lines = (value: string) =>
  value
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);
const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/g, " ").trim();
const num = (s: string) => (s === "" ? undefined : Number(s.replace(",", ".")));
const yes = (s: string) => ["co", "x", "1", "yes", "true"].includes(fold(s));
const vnNum = (n: number) => String(n).replace(".", ",");

/** "100%: 2; 80%: 1" or "1: 2; 0,8: 1" → tiers (min as a fraction). */
function readTiers(s: string): { min: number; points: number }[] | string {
  const tiers: { min: number; points: number }[] = [];
  for (const part of s
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([\d.,]+)\s*(%?)\s*:\s*([\d.,]+)$/.exec(part);
    if (!m) return `mức "${part}" cần dạng "80%: 1"`;
    const min = Number((m[1] as string).replace(",", "."));
    tiers.push({ min: m[2] ? min / 100 : min, points: Number((m[3] as string).replace(",", ".")) });
  }
  return tiers.length ? tiers : "cần ít nhất một mức";
}

function readRule(kindCell: string, param: string, at: string, problems: string[]): CriteriaNode["rule"] {
  if (!kindCell) return undefined;
  const kind = (Object.keys(RULE_LABELS) as RuleKind[]).find(
    (k) => fold(k) === fold(kindCell) || fold(RULE_LABELS[k]) === fold(kindCell),
  );
  if (!kind) {
    problems.push(`${at}: cách chấm "${kindCell}" không có (${Object.values(RULE_LABELS).join(", ")})`);
    return undefined;
  }
  if (kind === "tiers") {
    const tiers = readTiers(param);
    if (typeof tiers === "string") problems.push(`${at}: ${tiers}`);
    return typeof tiers === "string" ? undefined : { kind, tiers };
  }
  if (kind === "count") {
    const per = num(param) ?? 1;
    if (!Number.isFinite(per) || per <= 0) problems.push(`${at}: điểm mỗi lần đếm "${param}" phải là số dương`);
    return { kind, per };
  }
  return { kind };
}

function readInfo(rows: unknown[][], problems: string[]) {
  const info = new Map<string, string>();
  for (const row of rows.slice(1)) info.set(fold(text(row[0])), text(row[1]));
  const get = (k: keyof typeof INFO) => info.get(fold(INFO[k])) ?? "";
  const number = (k: keyof typeof INFO) => {
    const n = num(get(k));
    if (n !== undefined && !Number.isFinite(n)) problems.push(`${INFO_SHEET}: "${INFO[k]}" phải là số`);
    return n;
  };
  const bands = get("bands")
    .split(/[;\n]/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const m = /^(.+?)\s*:\s*([\d.,]+)\s*%?$/.exec(b);
      if (!m) problems.push(`${INFO_SHEET}: xếp loại "${b}" cần dạng "Tốt: 80"`);
      return m ? { name: (m[1] as string).trim(), minPercent: Number((m[2] as string).replace(",", ".")) } : null;
    })
    .filter((b) => b !== null);
  return {
    id: get("id"),
    version: number("version"),
    title: get("title"),
    province: get("province") || null,
    year: number("year") ?? null,
    decision: get("decision") || null,
    scale: number("scale") ?? 100,
    survey: { optional: !yes(get("surveyRequired")), max: number("surveyMax") ?? null },
    bands,
  };
}

function readCriteria(rows: unknown[][], problems: string[]): CriteriaNode[] {
  const header = (rows[0] ?? []).map(text);
  CRITERIA_COLUMNS.forEach((name, i) => {
    if (fold(header[i] ?? "") !== fold(name))
      problems.push(`${CRITERIA_SHEET}!${COL[i]}1: cột cần là "${name}" (đang là "${header[i] ?? ""}")`);
  });
  if (problems.length) return [];
  const fields: CriteriaNode[] = [];
  const byCode = new Map<string, CriteriaNode>();
  for (const [i, raw] of rows.slice(1).entries()) {
    const r = CRITERIA_COLUMNS.map((_, c) => text(raw?.[c]));
    if (r.every((v) => v === "")) continue;
    const at = (c: number) => `${CRITERIA_SHEET}!${COL[c]}${i + 2}`;
    const [code, name, max, kind, param, auto, evidence, deduction, confirmed, sources, note] = r as string[];
    if (!/^\d+(\.\d+)*$/.test(code as string)) {
      problems.push(`${at(0)}: mã "${code}" cần dạng 1.1.3`);
      continue;
    }
    if (byCode.has(code as string)) {
      problems.push(`${at(0)}: mã ${code} trùng`);
      continue;
    }
    const maxValue = num(max as string);
    if (maxValue !== undefined && !(maxValue >= 0)) problems.push(`${at(2)}: điểm tối đa "${max}" phải là số ≥ 0`);
    const deductionValue = num(deduction as string);
    if (deductionValue !== undefined && !(deductionValue > 0))
      problems.push(`${at(7)}: mức trừ "${deduction}" phải là số dương`);
    if (auto && !(auto in AUTO_SOURCES))
      problems.push(`${at(5)}: nguồn tự động "${auto}" không có (xem ${GUIDE_SHEET})`);
    const node: CriteriaNode = {
      code: code as string,
      name: name as string,
      max: maxValue ?? null,
      rule: readRule(kind as string, param as string, at(3), problems),
      evidence: lines(evidence as string),
      auto: auto && auto in AUTO_SOURCES ? (auto as CriteriaNode["auto"]) : null,
      unprovenDeduction: deductionValue ?? null,
      provenance: {
        status: yes(confirmed as string) ? "confirmed" : "unconfirmed",
        sources: lines(sources as string),
        note: note || undefined,
      },
      children: [],
    };
    if (node.rule === undefined) delete node.rule;
    if (!name) problems.push(`${at(1)}: thiếu tên tiêu chí`);
    const parentCode = (code as string).split(".").slice(0, -1).join(".");
    if (!parentCode) fields.push(node);
    else {
      const parent = byCode.get(parentCode);
      if (!parent) problems.push(`${at(0)}: tiêu chí cha ${parentCode} phải có ở dòng trước`);
      else parent.children.push(node);
    }
    byCode.set(node.code, node);
  }
  return fields;
}

/** Reads a set from the workbook's sheets; throws CriteriaSetError with every problem (nothing half-read). */
export function sheetsToSet(sheets: Sheets): CriteriaSet {
  const problems: string[] = [];
  const infoRows = sheets.get(INFO_SHEET);
  const criteriaRows = sheets.get(CRITERIA_SHEET);
  if (!infoRows) problems.push(`thiếu trang "${INFO_SHEET}"`);
  if (!criteriaRows) problems.push(`thiếu trang "${CRITERIA_SHEET}"`);
  if (!infoRows || !criteriaRows)
    throw new CriteriaSetError("set-workbook-invalid", "Bảng tính bộ tiêu chí không đúng mẫu", problems);
  const info = readInfo(infoRows, problems);
  const fields = readCriteria(criteriaRows, problems);
  if (problems.length)
    throw new CriteriaSetError("set-workbook-invalid", "Bảng tính bộ tiêu chí không đúng mẫu", problems);
  return parseCriteriaSet({ ...info, fields });
}

function paramOf(rule: CriteriaNode["rule"]): string {
  if (rule?.kind === "tiers") return rule.tiers.map((t) => `${vnNum(t.min * 100)}%: ${vnNum(t.points)}`).join("; ");
  if (rule?.kind === "count") return vnNum(rule.per);
  return "";
}

function* rowsOf(nodes: readonly CriteriaNode[]): Generator<unknown[]> {
  for (const n of nodes) {
    yield [
      n.code,
      n.name,
      n.max ?? "",
      n.rule ? n.rule.kind : "",
      paramOf(n.rule),
      n.auto ?? "",
      n.evidence.join("\n"),
      n.unprovenDeduction ?? "",
      n.provenance.status === "confirmed" ? "có" : "không",
      n.provenance.sources.join("\n"),
      n.provenance.note ?? "",
    ];
    yield* rowsOf(n.children);
  }
}

/** The set as the workbook's sheets (the template the CLI writes is the default set in this layout). */
export function setToSheets(set: CriteriaSet): Sheets {
  const info: unknown[][] = [
    ["Trường", "Giá trị"],
    [INFO.id, set.id],
    [INFO.version, set.version],
    [INFO.title, set.title],
    [INFO.province, set.province ?? ""],
    [INFO.year, set.year ?? ""],
    [INFO.decision, set.decision ?? ""],
    [INFO.scale, set.scale],
    [INFO.surveyMax, set.survey.max ?? ""],
    [INFO.surveyRequired, set.survey.optional ? "không" : "có"],
    [INFO.bands, set.bands.map((b) => `${b.name}: ${vnNum(b.minPercent)}`).join("; ")],
  ];
  const guide: unknown[][] = [
    ["Mục", "Giá trị", "Ý nghĩa"],
    ...CRITERIA_COLUMNS.map((c) => ["Cột", c, COLUMN_HELP[c]]),
    ...(Object.entries(RULE_LABELS) as [RuleKind, string][]).map(([k, v]) => ["Cách chấm", k, v]),
    ...Object.entries(AUTO_SOURCES).map(([k, v]) => ["Nguồn tự động", k, v]),
  ];
  return new Map([
    [INFO_SHEET, info],
    [CRITERIA_SHEET, [[...CRITERIA_COLUMNS], ...rowsOf(set.fields)]],
    [GUIDE_SHEET, guide],
  ]);
}

const COLUMN_HELP: Record<(typeof CRITERIA_COLUMNS)[number], string> = {
  Mã: "1, 1.1, 1.1.3: tiêu chí cha phải ở dòng trước",
  "Tên tiêu chí": "Tên như trong quyết định của tỉnh",
  "Điểm tối đa": "Để trống nếu chưa có (tiêu chí không được chấm)",
  "Cách chấm": "Mã hoặc tên cách chấm (bên dưới); trống: cộng tiêu chí con hoặc chấm thủ công",
  "Tham số": 'Theo mức: "100%: 2; 80%: 1"; đếm: điểm mỗi lần, ví dụ "1"',
  "Nguồn tự động": "Mã nguồn dữ liệu motcua tự tính (bên dưới); trống: chấm thủ công",
  "Tài liệu kiểm chứng": "Mỗi dòng một loại tài liệu",
  "Trừ khi thiếu kiểm chứng": "Điểm trừ khi số liệu tự động thiếu sản phẩm đầu ra, ví dụ 0,5",
  "Đã xác nhận": "có: mã, tên, điểm đã đối chiếu với văn bản; không: chưa",
  "Nguồn trích dẫn": "Số hiệu văn bản, mỗi dòng một nguồn",
  "Ghi chú": "Ghi chú về cách chấm",
};
