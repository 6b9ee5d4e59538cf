// Criteria sets of the CCHC index (Bộ chỉ số CCHC) as versioned data: a tree of fields → criteria →
// sub-criteria, each with its maximum, its scoring rule, the evidence it needs and, where motcua knows the
// data, the automatic source. Every province issues its own set each year (REFORM.md §1), so a set is imported
// from JSON (zod below) and validated; `max: null` means "to be set by the province's decision" and is refused
// only when the node is scored (validateForScoring).
import { z } from "zod";

/** The data motcua computes a node from (auto.ts), instead of a manual score. */
export const AUTO_SOURCES = {
  plan_completion: "Tỷ lệ nhiệm vụ hoàn thành của kế hoạch CCHC năm (hồ sơ CCHC)",
  outreach_diversity: "Các hình thức tuyên truyền CCHC đã ghi nhận (hồ sơ CCHC)",
  initiatives: "Số sáng kiến CCHC được công nhận (hồ sơ CCHC)",
  legal_review_plan: "Kế hoạch rà soát VBQPPL ban hành, có tệp riêng (hồ sơ CCHC)",
  e_result_rate: "Tỷ lệ hồ sơ có kết quả điện tử (chỉ số 766)",
  online_payment_procedures: "Tỷ lệ TTHC triển khai thanh toán trực tuyến (danh mục TTHC)",
  online_payment_used_procedures: "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến (hồ sơ)",
  online_payment_rate: "Tỷ lệ hồ sơ thanh toán trực tuyến (chỉ số 766)",
  fully_online_rate: "Tỷ lệ hồ sơ trực tuyến toàn trình (hồ sơ)",
  digitization_rate: "Tỷ lệ hồ sơ được số hóa (chỉ số 766)",
  on_time_rate: "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (hồ sơ)",
  report_timeliness: "Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn (sổ báo cáo CCHC)",
  apology_compliance: "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi đúng hạn (hồ sơ)",
  published_procedures: "Tỷ lệ TTHC cấp xã được công khai đầy đủ (danh mục TTHC)",
} as const;
export type AutoSource = keyof typeof AUTO_SOURCES;

const tier = z.object({ min: z.number().min(0), points: z.number().min(0) });

/**
 * The scoring rule of a node. `sum`: the children's total (capped at max when max is set); `manual`: the
 * self-assessed/appraised score; `yes_no`: max when yes; `tiers`: the points of the highest tier whose `min`
 * the ratio reaches; `ratio`: ratio × max; `count`: count × per, capped at max; `bonus`/`penalty`: a signed
 * manual amount capped at max; `signed`: either, within ±max (field 9, điểm thưởng/trừ).
 */
export const ruleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sum") }),
  z.object({ kind: z.literal("manual") }),
  z.object({ kind: z.literal("yes_no") }),
  z.object({ kind: z.literal("tiers"), tiers: z.array(tier).min(1) }),
  z.object({ kind: z.literal("ratio") }),
  z.object({ kind: z.literal("count"), per: z.number().positive() }),
  z.object({ kind: z.literal("bonus") }),
  z.object({ kind: z.literal("penalty") }),
  z.object({ kind: z.literal("signed") }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const provenanceSchema = z.object({
  /** confirmed: the code, name and max are seen in a source (seed 003); unconfirmed: [U] in REFORM.md. */
  status: z.enum(["confirmed", "unconfirmed"]),
  sources: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export interface CriteriaNode {
  code: string;
  name: string;
  max: number | null;
  /** Default: `sum` for a parent, `manual` for a leaf (ruleOf). */
  rule?: Rule | undefined;
  /** What the appraiser wants to see (tài liệu kiểm chứng); empty = none required. */
  evidence: string[];
  auto: AutoSource | null;
  /** Deducted from an automatic score when the proof behind it is incomplete (seed 003, 1.1.3: −0.5). */
  unprovenDeduction: number | null;
  provenance: Provenance;
  children: CriteriaNode[];
}

export const nodeSchema: z.ZodType<CriteriaNode, unknown> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^\d+(\.\d+)*$/, "mã tiêu chí dạng 1.1.3"),
    name: z.string().min(1),
    max: z.number().min(0).nullable().default(null),
    rule: ruleSchema.optional(),
    evidence: z.array(z.string().min(1)).default([]),
    auto: z
      .enum(Object.keys(AUTO_SOURCES) as [AutoSource, ...AutoSource[]])
      .nullable()
      .default(null),
    unprovenDeduction: z.number().positive().nullable().default(null),
    provenance: provenanceSchema.default({ status: "unconfirmed", sources: [] }),
    children: z.array(nodeSchema).default([]),
  }),
);

export const bandSchema = z.object({ name: z.string().min(1), minPercent: z.number().min(0).max(100) });
export type Band = z.infer<typeof bandSchema>;

export const criteriaSetSchema = z.object({
  /** Identifier of the set, e.g. "xa-default" or "quang-tri-3501-2021-xa". */
  id: z.string().min(1),
  version: z.number().int().positive(),
  title: z.string().min(1),
  /** Province code the set belongs to; null = the shipped default. */
  province: z.string().nullable().default(null),
  year: z.number().int().nullable().default(null),
  /** The decision that issues the set (số hiệu, ngày), or the provenance of the default. */
  decision: z.string().nullable().default(null),
  scale: z.number().positive(),
  survey: z.object({ optional: z.boolean(), max: z.number().min(0).nullable() }),
  /** Bands by total ÷ scored maximum in %, highest first. */
  bands: z.array(bandSchema).min(1),
  fields: z.array(nodeSchema).min(1),
});
export type CriteriaSet = z.infer<typeof criteriaSetSchema>;

/** A leaf without an explicit rule is manual; a parent sums its children. */
export function ruleOf(node: CriteriaNode): Rule {
  return node.rule ?? (node.children.length ? { kind: "sum" } : { kind: "manual" });
}

export class CriteriaSetError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/** Parses a set from JSON, then checks the tree: codes unique and nested under their parent, tiers ordered. */
export function parseCriteriaSet(input: unknown): CriteriaSet {
  const parsed = criteriaSetSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new CriteriaSetError("criteria-set-invalid", "Bộ tiêu chí không hợp lệ", problems);
  }
  const problems = structuralProblems(parsed.data);
  if (problems.length) throw new CriteriaSetError("criteria-set-invalid", "Bộ tiêu chí không hợp lệ", problems);
  return parsed.data;
}

export function* walk(nodes: readonly CriteriaNode[]): Generator<CriteriaNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

function structuralProblems(set: CriteriaSet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (n: CriteriaNode, parent: string | null) => {
    if (seen.has(n.code)) problems.push(`${n.code}: mã tiêu chí trùng`);
    seen.add(n.code);
    if (parent && !n.code.startsWith(`${parent}.`)) problems.push(`${n.code}: không nằm dưới ${parent}`);
    const rule = ruleOf(n);
    if (rule.kind === "sum" && !n.children.length) problems.push(`${n.code}: quy tắc cộng điểm cần tiêu chí con`);
    if (rule.kind !== "sum" && n.children.length) problems.push(`${n.code}: tiêu chí có tiêu chí con phải cộng điểm`);
    if (rule.kind === "tiers") {
      for (const t of rule.tiers)
        if (n.max !== null && t.points > n.max) problems.push(`${n.code}: mức ${t.min} vượt điểm tối đa`);
    }
    if (n.auto && ["manual", "sum", "bonus", "penalty", "signed"].includes(rule.kind))
      problems.push(`${n.code}: nguồn tự động cần quy tắc có/không, mức, tỷ lệ hoặc đếm`);
    const childMax = n.children.map((c) => c.max);
    if (n.max !== null && childMax.length && childMax.every((m) => m !== null)) {
      const sum = childMax.reduce<number>((a, m) => a + (m as number), 0);
      if (sum > n.max + 1e-9) problems.push(`${n.code}: tổng điểm tiêu chí con (${sum}) vượt điểm tối đa ${n.max}`);
    }
    for (const c of n.children) visit(c, n.code);
  };
  for (const f of set.fields) visit(f, null);
  const bands = set.bands.map((b) => b.minPercent);
  if (bands.some((b, i) => i > 0 && b >= (bands[i - 1] as number))) problems.push("bands: xếp loại phải giảm dần");
  return problems;
}

/**
 * The leaves someone scored by hand although they have no maximum. Scoring refuses a set with any. An automatic
 * leaf without a maximum is not refused: its computation is shown and it stays unscored until the province's
 * set gives it a maximum.
 */
export function missingMaxima(set: CriteriaSet, scoredCodes: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const n of walk(set.fields)) {
    if (n.max !== null || n.children.length) continue;
    if (scoredCodes.has(n.code)) missing.push(n.code);
  }
  return missing;
}

export function findNode(set: CriteriaSet, code: string): CriteriaNode | undefined {
  for (const n of walk(set.fields)) if (n.code === code) return n;
  return undefined;
}
