// The interchange document of the reform records (JSON; the spreadsheet maps onto it, workbook-columns.ts):
// { format, version, plans: [{ …plan, tasks: [...] }], records: [...] }. Parsing checks every item's shape and
// rules and reports each problem with where it is (item path or sheet!row); nothing is half-read.
import type { z } from "zod";
import { foldVietnamese } from "../../catalog/fold.ts";
import type { Plan, RecordKind, ReformRecord, Task } from "./model.ts";
import { RECORD_KINDS } from "./model.ts";
import { checkPlan, checkRecord, checkTask, naturalRef, normalizePlan } from "./rules.ts";
import { PlanSchema, RecordSchema, TaskSchema } from "./schemas.ts";
import {
  type Column,
  getPath,
  PLAN_COLUMNS,
  PLAN_SHEET,
  RECORD_SHEETS,
  readCell,
  recordColumns,
  setPath,
  TASK_COLUMNS,
  TASK_SHEET,
  writeCell,
} from "./workbook-columns.ts";

export const FORMAT = "motcua-reform-records";

export interface Problem {
  /** "plans[2].tasks[5]", "Nhiệm vụ!12". */
  at: string;
  code: string;
  message: string;
}

export interface ParsedPlan {
  at: string;
  plan: Plan;
  tasks: { at: string; task: Omit<Task, "planId"> }[];
}

export interface ParsedRecord {
  at: string;
  record: ReformRecord & { ref: string };
}

export interface ParsedDocument {
  plans: ParsedPlan[];
  records: ParsedRecord[];
  problems: Problem[];
}

type Item = Record<string, unknown> & { at?: string };

function zodProblems(at: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    at: issue.path.length ? `${at}.${issue.path.join(".")}` : at,
    code: "validation-failed",
    message: issue.message,
  }));
}

const planKey = (unit: string, number: string, issuedOn?: string) =>
  `${unit}|${number.toLocaleLowerCase("vi")}|${issuedOn ?? ""}`;

function parsePlan(raw: Item, i: number, problems: Problem[]): ParsedPlan | undefined {
  const at = raw.at ?? `plans[${i}]`;
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(at, parsed.error));
    return undefined;
  }
  const plan = normalizePlan(parsed.data);
  problems.push(...checkPlan(plan).map((v) => ({ at: `${at}.${v.field}`, code: v.code, message: v.message })));
  const tasks: ParsedPlan["tasks"] = [];
  const ordinals = new Set<number>();
  (Array.isArray(raw.tasks) ? (raw.tasks as Item[]) : []).forEach((t, j) => {
    const tAt = t.at ?? `${at}.tasks[${j}]`;
    const r = TaskSchema.safeParse(t);
    if (!r.success) {
      problems.push(...zodProblems(tAt, r.error));
      return;
    }
    const task = { ...r.data, ordinal: r.data.ordinal ?? j + 1 };
    if (ordinals.has(task.ordinal))
      problems.push({ at: tAt, code: "ordinal-taken", message: `Trùng số thứ tự nhiệm vụ ${task.ordinal}` });
    ordinals.add(task.ordinal);
    const violations = checkTask({ ...task, planId: 0 });
    problems.push(...violations.map((v) => ({ at: `${tAt}.${v.field}`, code: v.code, message: v.message })));
    tasks.push({ at: tAt, task });
  });
  return { at, plan, tasks };
}

/** Reads an interchange document: every plan, task and record checked; problems listed, none skipped silently. */
export function parseDocument(doc: unknown): ParsedDocument {
  const problems: Problem[] = [];
  const root = (doc && typeof doc === "object" ? doc : {}) as { format?: unknown; plans?: unknown; records?: unknown };
  if (root.format !== undefined && root.format !== FORMAT)
    problems.push({ at: "format", code: "unknown-format", message: `Không phải tệp ${FORMAT}` });
  const plans: ParsedPlan[] = [];
  const keys = new Set<string>();
  (Array.isArray(root.plans) ? (root.plans as Item[]) : []).forEach((raw, i) => {
    const parsed = parsePlan(raw, i, problems);
    if (!parsed) return;
    const key = planKey(parsed.plan.unit, parsed.plan.number, parsed.plan.issuedOn);
    if (keys.has(key))
      problems.push({
        at: parsed.at,
        code: "duplicate-plan",
        message: `Kế hoạch ${parsed.plan.number} xuất hiện hai lần`,
      });
    keys.add(key);
    plans.push(parsed);
  });
  const records: ParsedRecord[] = [];
  const refs = new Set<string>();
  (Array.isArray(root.records) ? (root.records as Item[]) : []).forEach((raw, i) => {
    const at = raw.at ?? `records[${i}]`;
    const r = RecordSchema.safeParse(raw);
    if (!r.success) {
      problems.push(...zodProblems(at, r.error));
      return;
    }
    const record = r.data as ReformRecord & { ref?: string };
    problems.push(...checkRecord(record).map((v) => ({ at: `${at}.${v.field}`, code: v.code, message: v.message })));
    const ref = record.ref ?? naturalRef(record);
    const key = `${record.unit}|${record.kind}|${ref}`;
    if (refs.has(key)) problems.push({ at, code: "duplicate-record", message: `Hồ sơ ${ref} xuất hiện hai lần` });
    refs.add(key);
    records.push({ at, record: { ...record, ref } });
  });
  return { plans, records, problems };
}

// ——— Spreadsheet ↔ document ———

export type Sheets = Map<string, unknown[][]>;

/** Reads a sheet's rows by its header row (matched on the folded header text; unknown columns ignored). */
function readSheet(sheet: string, rows: unknown[][], columns: Column[]): Item[] {
  const [header, ...body] = rows;
  if (!header) return [];
  const byHeader = new Map(columns.map((c) => [foldVietnamese(c.header), c]));
  const positions = header.map((h) => byHeader.get(foldVietnamese(String(h ?? ""))));
  const items: Item[] = [];
  body.forEach((cells, r) => {
    const item: Item = { at: `${sheet}!${r + 2}` };
    let filled = false;
    positions.forEach((column, c) => {
      if (!column) return;
      const value = readCell(cells[c], column.type);
      if (value === undefined) return;
      filled = true;
      setPath(item, column.key, value);
    });
    if (filled) items.push(item);
  });
  return items;
}

/** The interchange document of a workbook's sheets (by name); tasks join their plan by unit and number. */
export function sheetsToDocument(sheets: Sheets): { document: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const plans = readSheet(PLAN_SHEET, sheets.get(PLAN_SHEET) ?? [], PLAN_COLUMNS).map(
    (p): Item & { tasks: Item[] } => ({ ...p, tasks: [] }),
  );
  for (const task of readSheet(TASK_SHEET, sheets.get(TASK_SHEET) ?? [], TASK_COLUMNS)) {
    const { unit, planNumber, planIssuedOn, ...rest } = task;
    const matches = plans.filter(
      (p) =>
        p.unit === unit &&
        String(p.number).toLocaleLowerCase("vi") === String(planNumber ?? "").toLocaleLowerCase("vi") &&
        (planIssuedOn === undefined || p.issuedOn === planIssuedOn),
    );
    if (matches.length !== 1) {
      problems.push({
        at: task.at!,
        code: matches.length ? "ambiguous-plan" : "unknown-plan",
        message: matches.length
          ? `Có nhiều kế hoạch số ${String(planNumber)}: nhập ngày ban hành kế hoạch`
          : `Không có kế hoạch số ${String(planNumber)} của đơn vị ${String(unit)} trong trang "${PLAN_SHEET}"`,
      });
      continue;
    }
    matches[0]!.tasks.push(rest);
  }
  const records: Item[] = [];
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    const name = RECORD_SHEETS[kind].sheet;
    for (const item of readSheet(name, sheets.get(name) ?? [], recordColumns(kind))) records.push({ ...item, kind });
  }
  return { document: { format: FORMAT, version: 1, plans, records }, problems };
}

/** The sheets of a document (header row first), the inverse of sheetsToDocument. */
export function documentToSheets(doc: {
  plans: (Record<string, unknown> & { tasks?: Record<string, unknown>[] })[];
  records: (Record<string, unknown> & { kind: RecordKind })[];
}): Sheets {
  const sheets: Sheets = new Map();
  const table = (columns: Column[], items: Record<string, unknown>[]) => [
    columns.map((c) => c.header),
    ...items.map((item) => columns.map((c) => writeCell(getPath(item, c.key), c.type))),
  ];
  sheets.set(PLAN_SHEET, table(PLAN_COLUMNS, doc.plans));
  const tasks = doc.plans.flatMap((p) =>
    (p.tasks ?? []).map((t) => ({ ...t, unit: p.unit, planNumber: p.number, planIssuedOn: p.issuedOn })),
  );
  sheets.set(TASK_SHEET, table(TASK_COLUMNS, tasks));
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    sheets.set(
      RECORD_SHEETS[kind].sheet,
      table(
        recordColumns(kind),
        doc.records.filter((r) => r.kind === kind),
      ),
    );
  }
  return sheets;
}
