// The checks a report passes before it is produced: the §4 checker (src/figures/check.ts) on the results
// it attaches and the 01b checks (src/reform/sheet/checks.ts) on its sheet. A violation blocks the document
// and is named (code, row, expected, found), never printed into a report.
import { checkResultsDocument, formatViolation } from "../../figures/check.ts";
import { checkSheet, formatSheetViolation } from "../sheet/checks.ts";
import type { ReportInputs } from "./figures.ts";

export interface ReportFinding {
  /** `results` (CONTRACTS.md §4), `sheet` (01b) or `text` (the unit's edits, edits.ts). */
  on: "results" | "sheet" | "text";
  code: string;
  text: string;
}

export class ReportBlockedError extends Error {
  override name = "ReportBlockedError";
  readonly code = "report-blocked";
  constructor(readonly findings: readonly ReportFinding[]) {
    super(
      `Báo cáo không được lập vì số liệu không nhất quán:\n${findings.map((f) => `  ${f.on} ${f.text}`).join("\n")}`,
    );
  }
}

/** Every violation of the report's figures; empty when it may be produced. */
export function checkReportInputs(inputs: ReportInputs): ReportFinding[] {
  const results = checkResultsDocument({ rows: [...inputs.results.rows], total: inputs.results.total }).map((v) => ({
    on: "results" as const,
    code: v.code,
    text: formatViolation(v),
  }));
  const sheet = checkSheet(inputs.sheet).map((v) => ({
    on: "sheet" as const,
    code: v.code,
    text: formatSheetViolation(v),
  }));
  return [...results, ...sheet];
}

/** Throws ReportBlockedError naming every violation. */
export function assertReportable(inputs: ReportInputs): void {
  const findings = checkReportInputs(inputs);
  if (findings.length) throw new ReportBlockedError(findings);
}
