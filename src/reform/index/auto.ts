// The automatic values of the index, from what motcua knows: the reform records (plans, tasks, outreach,
// initiatives) and the dossier figures (e-results, online payment, fully-online, digitisation — src/figures and
// the catalogue). Pure: the database layer (src/db/repos/reform-index/inputs.ts) loads the inputs. A value is
// absent when nothing is recorded (the node is then left for manual scoring), never a silent 0.
import { completionOf } from "../records/completion.ts";
import {
  type DateRange,
  type OutreachForm,
  type Plan,
  type ReformRecord,
  type Task,
  within,
} from "../records/model.ts";
import { OUTREACH_FORMS } from "../records/model.ts";
import {
  apologyCompliance,
  type LateApologies,
  type ProcedureCatalogue,
  publishedProcedures,
  type ReportFiling,
  reportTimeliness,
} from "./auto-sources.ts";
import type { AutoSource } from "./criteria.ts";
import type { AutoValue } from "./score.ts";

export interface RatioInput {
  numerator: number;
  denominator: number;
}

export interface DossierFigures {
  /** Dossiers received with an electronic result ÷ received (766 "e-result-rate"). */
  eResult?: RatioInput;
  /** Dossiers with a fee paid online ÷ dossiers with a fee (766 "online-payment-rate"). */
  onlinePayment?: RatioInput;
  /** Procedures of the unit's level with online payment deployed ÷ procedures with a fee (catalogue). */
  onlinePaymentProcedures?: RatioInput;
  /** Procedures with at least one dossier paid online ÷ procedures with a dossier with a fee. */
  onlinePaymentUsedProcedures?: RatioInput;
  /** Dossiers received fully online (toàn trình) ÷ received. */
  fullyOnline?: RatioInput;
  /** Dossiers finished in the year early or on time ÷ finished (finish_class of the results report). */
  onTime?: RatioInput;
  /** Dossiers digitised ÷ received (766 "digitization-rate"). */
  digitization?: RatioInput;
}

export interface IndexInputs {
  period: DateRange;
  plans: readonly (Plan & { id: number })[];
  tasks: readonly (Task & { id: number })[];
  records: readonly ReformRecord[];
  figures: DossierFigures;
  /** The periodic reports of the register whose period ends in the year, and the as-of local date. */
  reports?: readonly ReportFiling[];
  today?: string;
  /** Dossiers finished late in the year, with and without a timely apology. */
  late?: LateApologies;
  /** The commune-level catalogue at the year end. */
  procedures?: ProcedureCatalogue;
}

/** The conventional outreach forms and the ones seed 003's appraiser asked for (contest, seminar, stage show). */
export const NEW_OUTREACH_FORMS: readonly OutreachForm[] = ["contest", "seminar", "stage"];

/** 1.1.3: tasks of the annual plans in force done ÷ planned; unproven = done without an output file or evidence. */
export function planCompletion(inputs: IndexInputs): AutoValue | undefined {
  const plans = inputs.plans.filter(
    (p) => p.kind === "annual" && p.periodFrom <= inputs.period.to && p.periodTo >= inputs.period.from,
  );
  if (!plans.length) return undefined;
  const byId = new Map(plans.map((p) => [p.id, p]));
  const tasks = inputs.tasks.filter((t) => byId.has(t.planId));
  if (!tasks.length) return undefined;
  const c = completionOf(tasks, (id) => byId.get(id), inputs.period.to);
  const unproven = tasks.filter((t) => t.completedOn && !t.output?.fileId && !t.evidence.length).length;
  const note = unproven
    ? `${unproven}/${c.done} nhiệm vụ hoàn thành chưa có tệp sản phẩm đầu ra hay tài liệu kiểm chứng: chưa có căn cứ xác định đã hoàn thành ${c.done}/${c.planned} nhiệm vụ`
    : undefined;
  return {
    kind: "ratio",
    numerator: c.done,
    denominator: c.planned,
    unproven,
    label: "Nhiệm vụ hoàn thành/kế hoạch",
    note,
  };
}

/** 1.4.2: one for any conventional form, one for a contest, seminar or stage show (inferred from seed 003 [U]). */
export function outreachDiversity(inputs: IndexInputs): AutoValue | undefined {
  const forms = new Set(
    inputs.records
      .filter((r) => r.kind === "outreach" && within(r.on, inputs.period))
      .map((r) => (r.data as { form: OutreachForm }).form),
  );
  if (!forms.size) return undefined;
  const fresh = [...forms].filter((f) => NEW_OUTREACH_FORMS.includes(f));
  const usual = [...forms].filter((f) => !NEW_OUTREACH_FORMS.includes(f));
  const items = [...forms].map((f) => OUTREACH_FORMS[f]);
  const count = (usual.length ? 1 : 0) + (fresh.length ? 1 : 0);
  return {
    kind: "count",
    count,
    items,
    label: "Nhóm hình thức tuyên truyền (thông thường; cuộc thi/tọa đàm/sân khấu hóa)",
  };
}

/** 1.5.4: initiatives recognised in the period. */
export function initiatives(inputs: IndexInputs): AutoValue | undefined {
  const found = inputs.records.filter((r) => r.kind === "initiative" && within(r.on, inputs.period));
  if (!found.length && !inputs.records.length && !inputs.plans.length) return undefined;
  return {
    kind: "count",
    count: found.length,
    items: found.map((r) => (r.data as { title: string }).title),
    label: "Sáng kiến được công nhận",
  };
}

/** 2.2.1: a VBQPPL review plan in force in the period, with its own file (seed 003: merged in one file = 0). */
export function legalReviewPlan(inputs: IndexInputs): AutoValue | undefined {
  if (!inputs.plans.length) return undefined;
  const label = "Kế hoạch rà soát VBQPPL có tệp riêng";
  const reviews = inputs.plans.filter(
    (p) => p.kind === "legal_review" && p.periodFrom <= inputs.period.to && p.periodTo >= inputs.period.from,
  );
  if (!reviews.length) return { kind: "yes_no", yes: false, label, reason: "Không ban hành Kế hoạch rà soát VBQPPL" };
  const fileUse = new Map<string, number>();
  for (const p of inputs.plans) if (p.fileId) fileUse.set(p.fileId, (fileUse.get(p.fileId) ?? 0) + 1);
  const own = reviews.find((p) => p.fileId && fileUse.get(p.fileId) === 1);
  if (own) return { kind: "yes_no", yes: true, label: `${label} (${own.number})`, reason: "" };
  const shared = reviews.find((p) => p.fileId);
  const reason = shared
    ? `Kế hoạch ${shared.number} gộp chung một tệp với kế hoạch khác`
    : `Kế hoạch ${reviews[0]?.number} chưa đính kèm tệp`;
  return { kind: "yes_no", yes: false, label, reason };
}

const ratioValue = (label: string, r: RatioInput | undefined): AutoValue | undefined =>
  r ? { kind: "ratio", numerator: r.numerator, denominator: r.denominator, label } : undefined;

/** Every automatic value, keyed by source. */
export function autoValues(inputs: IndexInputs): Partial<Record<AutoSource, AutoValue>> {
  const f = inputs.figures;
  const all: Record<AutoSource, AutoValue | undefined> = {
    plan_completion: planCompletion(inputs),
    outreach_diversity: outreachDiversity(inputs),
    initiatives: initiatives(inputs),
    legal_review_plan: legalReviewPlan(inputs),
    e_result_rate: ratioValue("Hồ sơ có kết quả điện tử/hồ sơ tiếp nhận", f.eResult),
    online_payment_procedures: ratioValue(
      "TTHC triển khai thanh toán trực tuyến/TTHC có phí",
      f.onlinePaymentProcedures,
    ),
    online_payment_used_procedures: ratioValue(
      "TTHC có giao dịch thanh toán trực tuyến/TTHC có hồ sơ thu phí",
      f.onlinePaymentUsedProcedures,
    ),
    online_payment_rate: ratioValue("Hồ sơ thanh toán trực tuyến/hồ sơ có phí", f.onlinePayment),
    fully_online_rate: ratioValue("Hồ sơ trực tuyến toàn trình/hồ sơ tiếp nhận", f.fullyOnline),
    digitization_rate: ratioValue("Hồ sơ được số hóa/hồ sơ tiếp nhận", f.digitization),
    on_time_rate: ratioValue("Hồ sơ giải quyết trước hạn, đúng hạn/hồ sơ đã giải quyết", f.onTime),
    report_timeliness: inputs.reports ? reportTimeliness(inputs.reports, inputs.today ?? inputs.period.to) : undefined,
    apology_compliance: apologyCompliance(inputs.late),
    published_procedures: publishedProcedures(inputs.procedures),
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Partial<
    Record<AutoSource, AutoValue>
  >;
}
