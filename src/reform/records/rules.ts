// Rules across the fields of a reform record, each broken rule with a stable code (docs/reform-records.md
// "Validation"). Shapes are checked before (schemas.ts); these checks see parsed values.
import { createHash } from "node:crypto";
import {
  FACTS,
  type Evidence,
  type Plan,
  type RecordData,
  type RecordKind,
  type ReformRecord,
  type Task,
} from "./model.ts";

export interface RuleViolation {
  code: string;
  /** The field at fault, as a dotted path ("output", "data.issuesResolved"). */
  field: string;
  message: string;
}

const v = (code: string, field: string, message: string): RuleViolation => ({ code, field, message });

const PAGES = /^\d+(\s*-\s*\d+)?(\s*[,;]\s*\d+(\s*-\s*\d+)?)*$/;

/** Page pointers: "3", "3-5", "2, 7-9" — positive pages, ranges ascending. */
export function validPages(pages: string): boolean {
  if (!PAGES.test(pages.trim())) return false;
  return pages.split(/[,;]/).every((part) => {
    const [a, b] = part.split("-").map((s) => Number(s.trim()));
    return a! >= 1 && (b === undefined || b >= a!);
  });
}

export function checkEvidence(evidence: readonly Evidence[], field = "evidence"): RuleViolation[] {
  const out: RuleViolation[] = [];
  evidence.forEach((e, i) => {
    if (e.pages && !validPages(e.pages))
      out.push(
        v("evidence-pages-invalid", `${field}.${i}.pages`, `Trang "${e.pages}" không hợp lệ (ví dụ: 3, 3-5, 2, 7-9)`),
      );
  });
  return out;
}

/** The plan with its period filled in: the calendar year of `year` unless given. */
export function normalizePlan<
  T extends Omit<Plan, "periodFrom" | "periodTo"> & { periodFrom?: string; periodTo?: string },
>(plan: T): T & { periodFrom: string; periodTo: string } {
  return {
    ...plan,
    periodFrom: plan.periodFrom ?? `${plan.year}-01-01`,
    periodTo: plan.periodTo ?? `${plan.year}-12-31`,
  };
}

export function checkPlan(plan: Plan): RuleViolation[] {
  const out = checkEvidence(plan.evidence);
  if (plan.periodFrom > plan.periodTo)
    out.push(v("period-order", "periodTo", "Thời gian thực hiện: ngày kết thúc trước ngày bắt đầu"));
  if (plan.periodFrom.slice(0, 4) !== String(plan.year) && plan.periodTo.slice(0, 4) !== String(plan.year))
    out.push(v("plan-year-outside-period", "year", `Năm kế hoạch ${plan.year} nằm ngoài thời gian thực hiện`));
  return out;
}

/** A task done has a completion date and its output document; 100% progress means done. */
export function checkTask(task: Task): RuleViolation[] {
  const out = checkEvidence(task.evidence);
  if (task.completedOn) {
    if (!task.output)
      out.push(v("task-done-without-output", "output", "Nhiệm vụ chỉ hoàn thành khi có văn bản, sản phẩm đầu ra"));
    else if (task.output.date > task.completedOn)
      out.push(v("task-output-after-completion", "output.date", "Văn bản đầu ra ban hành sau ngày hoàn thành"));
    if (task.progress !== 100)
      out.push(v("task-done-progress", "progress", "Nhiệm vụ đã hoàn thành phải có tiến độ 100%"));
  } else if (task.progress === 100) {
    out.push(v("task-progress-without-completion", "completedOn", "Tiến độ 100%: nhập ngày hoàn thành"));
  }
  return out;
}

const partOver = (field: string, part: number, total: number, what: string): RuleViolation[] =>
  part > total ? [v("part-exceeds-total", field, `${what} (${part}) lớn hơn tổng số (${total})`)] : [];

type Checker<K extends RecordKind> = (data: RecordData[K], on: string) => RuleViolation[];

const RECORD_RULES: { [K in RecordKind]?: Checker<K> } = {
  inspection: (d) =>
    d.issuesResolved > d.issuesFound
      ? [v("resolved-exceeds-found", "data.issuesResolved", "Số vấn đề đã xử lý lớn hơn số vấn đề phát hiện")]
      : [],
  legal_document: (d, on) => {
    const out: RuleViolation[] = [];
    const dates = [
      ...d.checks,
      ...d.reviews,
      ...(d.proposal ? [d.proposal.on] : []),
      ...(d.handledOn ? [d.handledOn] : []),
    ];
    if (d.status === "issued" && dates.some((date) => date < on))
      out.push(v("date-before-issue", "data", "Ngày kiểm tra, rà soát, xử lý trước ngày ban hành văn bản"));
    if (d.handledOn && !d.proposal)
      out.push(
        v("handled-without-proposal", "data.handledOn", "Văn bản chưa có kiến nghị xử lý thì chưa thể xử lý xong"),
      );
    if (d.handledOn && d.proposal && d.handledOn < d.proposal.on)
      out.push(v("handled-before-proposal", "data.handledOn", "Ngày xử lý xong trước ngày kiến nghị"));
    return out;
  },
  procedure_review: (d) =>
    partOver("data", d.selfRepealed + d.selfAmended + d.proposedToHigher, d.reviewed, "Số TTHC có kết quả xử lý"),
  qualification: (d) => {
    const levels = d.postgraduate + d.university + d.college + d.intermediate + d.elementary + d.untrained;
    const out = partOver("data.meetingStandard", d.meetingStandard, d.total, "Số đạt chuẩn");
    if (levels !== d.total)
      out.push(v("levels-do-not-add-up", "data", `Cộng các trình độ (${levels}) khác tổng số (${d.total})`));
    const political = (d.politicalAdvanced ?? 0) + (d.politicalIntermediate ?? 0) + (d.politicalElementary ?? 0);
    out.push(...partOver("data", political, d.total, "Số có trình độ lý luận chính trị"));
    return out;
  },
  outgoing_documents: (d) => [
    ...partOver("data.electronic", d.electronic, d.total, "Số văn bản điện tử"),
    ...partOver("data.withPaper", d.withPaper, d.total, "Số văn bản điện tử kèm bản giấy"),
  ],
  fact: (d) => {
    const def = FACTS[d.fact];
    if (def.type === "share") {
      if (d.numerator == null || d.denominator == null || d.denominator === 0)
        return [v("fact-share-incomplete", "data", "Nhập số được tính và tổng số (lớn hơn 0)")];
      return partOver("data.numerator", d.numerator, d.denominator, def.label);
    }
    const choices: readonly number[] = def.choices;
    if (d.value == null || !Number.isInteger(d.value) || (def.type === "choice" && !choices.includes(d.value)))
      return [
        v(
          "fact-value-invalid",
          "data.value",
          def.type === "choice" ? `${def.label}: chọn ${choices.join(", ")}` : `${def.label}: nhập số nguyên không âm`,
        ),
      ];
    return [];
  },
};

export function checkRecord(record: ReformRecord): RuleViolation[] {
  const rule = RECORD_RULES[record.kind] as Checker<RecordKind> | undefined;
  return [...checkEvidence(record.evidence), ...(rule ? rule(record.data, record.on) : [])];
}

/**
 * The natural key of a record, so a re-import updates instead of duplicating: the document number for
 * documents, the fact or group and date for snapshots, otherwise a digest of the date and the data.
 */
export function naturalRef(record: Pick<ReformRecord, "kind" | "on" | "data">): string {
  const d = record.data as Record<string, unknown>;
  switch (record.kind) {
    case "directive":
    case "legal_document":
      return `${record.kind}:${String(d.number).toLocaleLowerCase("vi")}`;
    case "initiative":
      return `initiative:${String(d.decision).toLocaleLowerCase("vi")}:${String(d.title).toLocaleLowerCase("vi")}`;
    case "fact":
      return `fact:${String(d.fact)}@${record.on}`;
    case "staffing":
      return `staffing@${record.on}`;
    case "qualification":
      return `qualification:${String(d.group)}@${record.on}`;
    default: {
      const digest = createHash("sha256")
        .update(canonical({ on: record.on, data: record.data }))
        .digest("hex");
      return `${record.kind}@${record.on}:${digest.slice(0, 16)}`;
    }
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
