// The per-row error report of every import (catalogue and units): one bad row never blocks the others.
import { z } from "zod";

export interface ImportError {
  /** JSON: 1-based position in the array. CSV: spreadsheet row (the header is row 1). */
  row: number;
  /** Dotted path of the offending field, e.g. "timeLimit.unit" or "steps". */
  field?: string;
  /** Stable machine code, e.g. "required", "invalid_value", "steps_share_sum", "csv_syntax". */
  code: string;
  /** Vietnamese message a user can act on. */
  message: string;
}

export interface ImportResult<T> {
  ok: T[];
  errors: ImportError[];
  /** The row number of each accepted item (parallel to `ok`), so a later stage can report against it. */
  rows?: number[];
}

/** Codes of errors that reject the whole file rather than one row. */
export const FILE_ERROR_CODES = new Set(["invalid_json", "not_array", "csv_syntax", "missing_column", "empty_file"]);

const vi = z.locales.vi().localeError;

/** Vietnamese messages for any issue a schema did not word itself. */
export function vietnameseErrorMap(issue: Parameters<typeof vi>[0]) {
  if (issue.code === "invalid_type" && issue.input === undefined) return "Thiếu giá trị bắt buộc";
  if (issue.code === "unrecognized_keys") return `Trường không được hỗ trợ: ${issue.keys.join(", ")}`;
  return vi(issue);
}

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom") {
    const code = (issue.params as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? code : "invalid_value";
  }
  if (issue.code === "invalid_type") return issue.input === undefined ? "required" : "invalid_type";
  if (issue.code === "unrecognized_keys") return "unknown_field";
  return "invalid_value";
}

/** Parse with Vietnamese messages; on failure, one ImportError per issue. */
export function parseRow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  row: number,
  renameField: (path: string) => string = (p) => p,
): { value: z.infer<S> } | { errors: ImportError[] } {
  const result = schema.safeParse(input, { error: vietnameseErrorMap });
  if (result.success) return { value: result.data };
  return {
    errors: result.error.issues.map((issue) => {
      const path = issue.path.map(String).join(".");
      const field = path ? renameField(path) : undefined;
      return { row, ...(field ? { field } : {}), code: issueCode(issue), message: issue.message };
    }),
  };
}

/** One line per error, for CLI output: "Dòng 3, timeLimit.unit (invalid_value): …". */
export function formatImportError(e: ImportError): string {
  return `Dòng ${e.row}${e.field ? `, ${e.field}` : ""} (${e.code}): ${e.message}`;
}
