// RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and newlines; CRLF or LF; a UTF-8 BOM is
// skipped. Small enough to own rather than add a dependency.

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file where the record starts (records may span lines). */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Parses CSV text into records. Throws CsvSyntaxError on an unterminated quote or a stray quote. */
export function parseCsv(input: string, delimiter = ","): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ fields, line: recordLine });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atFieldStart && c === '"') {
      // Quoted field: read to the closing quote.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError("Dấu ngoặc kép chưa được đóng", startLine);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n") line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
        throw new CsvSyntaxError("Ký tự thừa sau dấu ngoặc kép đóng", line);
      }
      atFieldStart = false;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (c === '"') throw new CsvSyntaxError("Dấu ngoặc kép nằm giữa trường không được bao trong ngoặc kép", line);
    field += c;
    atFieldStart = false;
    i++;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/**
 * Formula injection ("CSV injection", OWASP): a spreadsheet opening a CSV runs a cell starting with `=`, `+`,
 * `-` or `@` (and, in some, a tab or carriage return) as a formula — `=HYPERLINK(…)` in a procedure's name
 * becomes a live link. Every CSV motcua writes neutralises such a cell by prefixing an apostrophe: the
 * spreadsheet shows the text, apostrophe included, and never evaluates it. `restoreCell` undoes it on import.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseCell` on import: `'=…` (as motcua exported it) reads back as `=…`. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/**
 * Writes rows as CSV with CRLF line ends; `bom` prefixes a UTF-8 BOM (Excel reads Vietnamese correctly).
 * Every cell is neutralised against formula injection (`neutraliseCell`).
 */
export function stringifyCsv(
  rows: readonly (readonly string[])[],
  options: { bom?: boolean; delimiter?: string } = {},
) {
  const d = options.delimiter ?? ",";
  const body = rows.map((r) => r.map((v) => quote(neutraliseCell(v), d)).join(d)).join("\r\n");
  return (options.bom ? "\uFEFF" : "") + body + (rows.length ? "\r\n" : "");
}
