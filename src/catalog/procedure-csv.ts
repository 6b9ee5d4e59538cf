// Catalogue import/export as CSV, one procedure version per row (columns in docs/catalog.md).
import { decodeList, decodeSimpleList, encodeList, encodeSimpleList } from "./compact.ts";
import { CsvSyntaxError, parseCsv, restoreCell, stringifyCsv } from "./csv.ts";
import { type ImportError, type ImportResult, parseRow } from "./import-error.ts";
import { Procedure } from "./procedure.ts";
import { duplicateVersionError } from "./versions.ts";

export const PROCEDURE_CSV_COLUMNS = [
  "code",
  "version",
  "name",
  "field",
  "level",
  "agency",
  "limit_value",
  "limit_unit",
  "limit_cutoff",
  "fees",
  "components",
  "steps",
  "online_level",
  "boundary_free",
  "restart_on_supplement",
  "links",
  "effective_from",
  "legal_basis",
  "unconfirmed",
] as const;
type Column = (typeof PROCEDURE_CSV_COLUMNS)[number];

const REQUIRED: Column[] = [
  "code",
  "name",
  "field",
  "level",
  "agency",
  "limit_value",
  "limit_unit",
  "online_level",
  "effective_from",
];

/** Schema path → CSV column, so an error names the column the user sees. */
function columnOf(path: string): string {
  const [head, ...rest] = path.split(".");
  const map: Record<string, string> = {
    timeLimit: rest[0] === "unit" ? "limit_unit" : rest[0] === "cutoff" ? "limit_cutoff" : "limit_value",
    onlineLevel: "online_level",
    boundaryFree: "boundary_free",
    restartOnSupplement: "restart_on_supplement",
    effectiveFrom: "effective_from",
    legalBasis: "legal_basis",
  };
  const col = map[head!] ?? head!;
  return head === "timeLimit" || rest.length === 0 ? col : `${col}.${rest.join(".")}`;
}

const TRUE = new Set(["true", "1", "x", "có", "co", "yes"]);
const FALSE = new Set(["false", "0", "", "không", "khong", "no"]);

type Cells = Partial<Record<Column, string>>;

function cellError(row: number, field: string, message: string): ImportError {
  return { row, field, code: "invalid_value", message };
}

/** Turn the cells of one row into the schema's input shape; structural problems become errors. */
function rowToInput(c: Cells, row: number): { input: Record<string, unknown> } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const num = (col: Column, s: string | undefined) => {
    if (s === undefined || s.trim() === "") return undefined;
    const n = Number(s.trim().replace(",", "."));
    if (Number.isNaN(n)) errors.push(cellError(row, col, `“${s}” không phải là số`));
    return n;
  };
  const bool = (col: Column) => {
    const v = (c[col] ?? "").trim().toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    errors.push(cellError(row, col, `“${c[col]}” phải là true hoặc false`));
    return undefined;
  };
  const opt = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : s.trim());
  const fees = decodeList(c.fees ?? "").map((p) => ({
    name: p[0],
    amount: p[1] === undefined || p[1] === "" ? null : num("fees", p[1].replace(/[.\s]/g, "")),
    per: opt(p[2]),
    basis: opt(p[3]),
    note: opt(p[4]),
  }));
  const components = decodeList(c.components ?? "").map((p) => ({
    name: p[0],
    form: p[1],
    count: num("components", p[2]) ?? 1,
    condition: opt(p[3]),
  }));
  const steps = decodeList(c.steps ?? "").map((p) => ({
    name: p[0],
    role: p[1],
    share: num("steps", p[2]),
    unit: opt(p[3]),
  }));
  const links = decodeList(c.links ?? "").map((p) => ({ agency: p[0], kind: p[1] }));
  const input = {
    code: opt(c.code),
    version: num("version", c.version) ?? 1,
    name: opt(c.name),
    field: opt(c.field),
    level: opt(c.level),
    agency: opt(c.agency),
    timeLimit: {
      value: num("limit_value", c.limit_value),
      unit: opt(c.limit_unit),
      ...(opt(c.limit_cutoff) ? { cutoff: opt(c.limit_cutoff) } : {}),
    },
    fees: fees.map(dropUndefined),
    components: components.map(dropUndefined),
    steps: steps.map(dropUndefined),
    onlineLevel: opt(c.online_level),
    boundaryFree: bool("boundary_free"),
    restartOnSupplement: bool("restart_on_supplement"),
    links,
    effectiveFrom: opt(c.effective_from),
    legalBasis: decodeSimpleList(c.legal_basis ?? ""),
    unconfirmed: decodeSimpleList(c.unconfirmed ?? ""),
  };
  return errors.length ? { errors } : { input: dropUndefined(input) };
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Imports procedure versions from CSV text. Rows are numbered as in a spreadsheet (header = row 1). */
export function importProceduresCsv(text: string): ImportResult<Procedure> {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      return {
        ok: [],
        errors: [{ row: e.line, code: "csv_syntax", message: `Tệp CSV lỗi ở dòng ${e.line}: ${e.message}` }],
      };
    }
    throw e;
  }
  const [header, ...rows] = records;
  if (!header) return { ok: [], errors: [{ row: 1, code: "empty_file", message: "Tệp CSV không có dữ liệu" }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((col) => !names.includes(col));
  if (missing.length) {
    return {
      ok: [],
      errors: missing.map((col) => ({
        row: 1,
        field: col,
        code: "missing_column",
        message: `Thiếu cột bắt buộc “${col}”`,
      })),
    };
  }
  const ok: Procedure[] = [];
  const okRows: number[] = [];
  const errors: ImportError[] = [];
  rows.forEach((record, index) => {
    const row = index + 2;
    if (record.fields.length !== names.length) {
      errors.push({
        row,
        code: "column_count",
        message: `Dòng có ${record.fields.length} cột, tiêu đề có ${names.length} cột`,
      });
      return;
    }
    const cells: Cells = {};
    names.forEach((n, i) => {
      // A cell motcua's export neutralised against formula injection ("'=…") reads back as written.
      if ((PROCEDURE_CSV_COLUMNS as readonly string[]).includes(n)) cells[n as Column] = restoreCell(record.fields[i]!);
    });
    const shaped = rowToInput(cells, row);
    if ("errors" in shaped) {
      errors.push(...shaped.errors);
      return;
    }
    const parsed = parseRow(Procedure, shaped.input, row, columnOf);
    if ("errors" in parsed) errors.push(...parsed.errors);
    else {
      const dup = duplicateVersionError(ok, parsed.value, row);
      if (dup) errors.push(dup);
      else {
        ok.push(parsed.value);
        okRows.push(row);
      }
    }
  });
  return { ok, errors, rows: okRows };
}

/** Exports procedure versions as CSV (UTF-8 with BOM by default, so Excel shows Vietnamese correctly). */
export function exportProceduresCsv(procedures: readonly Procedure[], options: { bom?: boolean } = {}): string {
  const rows = procedures.map((p): string[] => {
    const cells: Record<Column, string> = {
      code: p.code,
      version: String(p.version),
      name: p.name,
      field: p.field,
      level: p.level,
      agency: p.agency,
      limit_value: String(p.timeLimit.value),
      limit_unit: p.timeLimit.unit,
      limit_cutoff: p.timeLimit.cutoff ?? "",
      fees: encodeList(p.fees.map((f) => [f.name, f.amount === null ? "" : String(f.amount), f.per, f.basis, f.note])),
      components: encodeList(p.components.map((d) => [d.name, d.form, String(d.count), d.condition])),
      steps: encodeList(p.steps.map((s) => [s.name, s.role, String(s.share), s.unit])),
      online_level: p.onlineLevel,
      boundary_free: String(p.boundaryFree),
      restart_on_supplement: String(p.restartOnSupplement),
      links: encodeList(p.links.map((l) => [l.agency, l.kind])),
      effective_from: p.effectiveFrom,
      legal_basis: encodeSimpleList(p.legalBasis),
      unconfirmed: encodeSimpleList(p.unconfirmed),
    };
    return PROCEDURE_CSV_COLUMNS.map((col) => cells[col]);
  });
  return stringifyCsv([[...PROCEDURE_CSV_COLUMNS], ...rows], { bom: options.bom ?? true });
}
