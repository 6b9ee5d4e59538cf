// The demo's reform records and CCHC index (docs/reform-index.md "Demo data"): for a few communes of each
// province, last year's annual CCHC plan with tasks (some done, as seed 003's commune: outputs named but no
// files), a VBQPPL review plan on even communes, outreach and initiatives, the Q1 and half-year reports of the
// first two issued and submitted (the second's half-year one late), and this year's plan; the province's
// index years with the default commune set — last year self-assessed and appraised (its phases over), this
// year open for self-assessment — and last year's survey. Deterministic for a day; a province whose index
// year already exists is left alone (re-running adds nothing).
import type { Kysely } from "kysely";
import { localDate } from "../calendar/local-time.ts";
import type { Database } from "../db/schema.ts";
import { saveAssessment } from "../db/repos/reform-index/assessments.ts";
import { findIndexYear, saveIndexYear } from "../db/repos/reform-index/sets.ts";
import { saveSurveys } from "../db/repos/reform-index/surveys.ts";
import { metaForUnit } from "../db/repos/reform-report/meta.ts";
import { issueReport, submitReport } from "../db/repos/reform-report/register.ts";
import { createPlan } from "../db/repos/reform/plans.ts";
import { createRecord } from "../db/repos/reform/records.ts";
import { createTask } from "../db/repos/reform/tasks.ts";
import type { UnitDirectory } from "../db/repos/units.ts";
import { DEFAULT_COMMUNE_SET } from "../reform/index/default-commune-set.ts";
import type { ReformArea } from "../reform/records/model.ts";

export interface DemoReformSummary {
  provinces: number;
  communes: number;
  tasks: number;
  reports: number;
  skipped: string[];
}

const TASKS: [ReformArea, string][] = [
  ["direction", "Ban hành Kế hoạch CCHC năm và kế hoạch tuyên truyền CCHC"],
  ["direction", "Tự kiểm tra công tác CCHC tại các bộ phận"],
  ["institution", "Rà soát, hệ thống hóa văn bản QPPL do HĐND, UBND xã ban hành"],
  ["procedure", "Niêm yết, công khai TTHC tại Bộ phận Một cửa và trên trang thông tin điện tử"],
  ["procedure", "Số hóa hồ sơ, kết quả giải quyết TTHC theo quy định"],
  ["civil_service", "Cử cán bộ, công chức tham gia bồi dưỡng kỹ năng giao tiếp, ứng xử"],
  ["public_finance", "Công khai quản lý, sử dụng tài sản công"],
  ["digital", "Vận hành hệ thống quản lý văn bản và điều hành, chữ ký số"],
];

/** The first few communes and wards of a province in force today, by code. */
function communesOf(units: UnitDirectory, province: string, count: number, today: string): string[] {
  return units
    .all()
    .filter(
      (u) =>
        u.provinceCode === province &&
        ["commune", "ward"].includes(u.kind) &&
        !u.placeholder &&
        (!u.effectiveTo || u.effectiveTo > today),
    )
    .map((u) => u.code)
    .sort()
    .slice(0, count);
}

const at = (date: string) => new Date(`${date}T09:00:00+07:00`);

/** A commune's plan for a whole year, issued by its People's Committee, without file or evidence. */
const communePlan = (
  unit: string,
  year: number,
  p: { kind: "annual" | "legal_review"; number: string; title: string; issuedOn: string },
) => ({
  unit,
  ...p,
  issuer: "UBND xã",
  year,
  periodFrom: `${year}-01-01`,
  periodTo: `${year}-12-31`,
  fileId: null,
  evidence: [],
});

async function seedPlan(db: Kysely<Database>, province: string, unit: string, i: number, year: number, asOf: string) {
  const plan = await createPlan(
    db,
    province,
    communePlan(unit, year, {
      kind: "annual",
      number: `${10 + i}/KH-UBND`,
      title: `Kế hoạch cải cách hành chính năm ${year}`,
      issuedOn: `${year}-01-15`,
    }),
    { userId: null, now: at(`${year}-01-15`) },
  );
  // last year: all but (i mod 3) tasks done by their deadline; this year: the first half of the year's tasks
  let tasks = 0;
  for (const [n, [area, content]] of TASKS.entries()) {
    const deadline = `${year}-${String(3 + n).padStart(2, "0")}-28`;
    const done = deadline <= asOf && n < TASKS.length - (i % 3);
    await createTask(
      db,
      plan,
      province,
      {
        area,
        content,
        outputKind: n === 0 ? "plan" : "report",
        lead: "Công chức Văn phòng - Thống kê",
        supporting: [],
        deadline,
        kind: "one_off",
        source: n < 2 ? "above" : "own",
        progress: done ? 100 : deadline <= asOf ? 60 : 20,
        completedOn: done ? deadline : null,
        output: done ? { number: `${20 + n}/BC-UBND`, date: deadline, title: content } : null,
        evidence: [],
      },
      { userId: null, now: at(deadline <= asOf ? deadline : asOf) },
    );
    tasks++;
  }
  return tasks;
}

async function seedRecords(db: Kysely<Database>, province: string, unit: string, i: number, year: number) {
  const by = { userId: null, now: at(`${year}-12-20`) };
  const rec = (kind: string, on: string, data: object) =>
    createRecord(db, province, { unit, kind, on, data, evidence: [] } as never, by);
  await rec("outreach", `${year}-04-10`, {
    form: "loudspeaker",
    title: "Tuyên truyền CCHC trên đài truyền thanh",
    count: 12,
  });
  await rec("outreach", `${year}-06-05`, { form: "website", title: "Tin bài CCHC trên trang TTĐT", count: 8 });
  if (i % 2 === 0)
    await rec("outreach", `${year}-09-15`, {
      form: "contest",
      title: "Cuộc thi tìm hiểu CCHC",
      count: 1,
      participants: 240,
    });
  for (let k = 0; k < i % 3; k++)
    await rec("initiative", `${year}-${10 + k}-05`, {
      title: k ? "Zalo hỗ trợ thủ tục hành chính" : "Sổ tay hướng dẫn TTHC thường gặp",
      decision: `${5 + k}/QĐ-HĐSK`,
    });
  if (i % 2 === 0)
    await createPlan(
      db,
      province,
      communePlan(unit, year, {
        kind: "legal_review",
        number: `${30 + i}/KH-UBND`,
        title: `Kế hoạch rà soát, hệ thống hóa văn bản QPPL năm ${year}`,
        issuedOn: `${year}-02-10`,
      }),
      by,
    );
}

/** Q1 and half-year reports of the year (BNV 581 cut-offs), submitted on time, the half-year late on odd communes. */
async function seedReports(db: Kysely<Database>, units: UnitDirectory, unit: string, i: number, year: number) {
  let issued = 0;
  for (const [from, to, submitted] of [
    [`${year - 1}-12-15`, `${year}-03-14`, `${year}-03-18`],
    [`${year - 1}-12-15`, `${year}-06-14`, i % 2 ? `${year}-06-25` : `${year}-06-19`],
  ] as const) {
    const meta = metaForUnit(units, unit, { date: to, number: `${40 + issued}` });
    try {
      const r = await issueReport(db, units, { unit, from, to, meta }, { userId: null, now: at(to) });
      await submitReport(db, r, { userId: null, now: at(submitted) });
      issued++;
    } catch {
      // a report the checks block (ReportBlockedError) is left out of the demo: the register shows it missing
    }
  }
  return issued;
}

const DEADLINES = (next: number) => ({
  self: `${next}-01-15`,
  appraisal1: `${next}-01-31`,
  explanation: `${next}-02-10`,
  appraisal2: `${next}-02-20`,
  final: `${next}-02-28`,
});

async function seedAssessments(db: Kysely<Database>, unit: string, i: number, year: number) {
  const self = { userId: null, now: at(`${year + 1}-01-05`) };
  const appraise = { userId: null, now: at(`${year + 1}-01-20`) };
  const scores: [string, number][] = [
    ["2.3", 2],
    ["3.12.1", 0.5],
    ["6.2", 2],
    ["6.3", i % 2 ? 1 : 2],
  ];
  for (const [code, selfScore] of scores)
    await saveAssessment(db, { unit, year, code, change: { selfScore, selfNote: "Đơn vị tự chấm" } }, self);
  const appraisals: [string, number, string][] = [
    ["6.2", i % 2 ? 0 : 2, i % 2 ? "Không có tài liệu kiểm chứng công khai tài sản công" : "Đạt"],
    ["2.3", i % 3 === 0 ? 0 : 2, i % 3 === 0 ? "Chưa tổ chức triển khai VBQPPL của cấp trên" : "Đạt"],
  ];
  for (const [code, appraisal1, appraiserNote] of appraisals)
    await saveAssessment(db, { unit, year, code, change: { appraisal1, appraiserNote } }, appraise);
}

/** Seeds the reform records and index of `perProvince` communes of each province for last year and this year. */
export async function seedDemoReform(
  db: Kysely<Database>,
  units: UnitDirectory,
  options: { today: Date; perProvince?: number },
): Promise<DemoReformSummary> {
  const today = localDate(options.today);
  const current = Number(today.slice(0, 4));
  const last = current - 1;
  const summary: DemoReformSummary = { provinces: 0, communes: 0, tasks: 0, reports: 0, skipped: [] };
  const provinces = units.all().filter((u) => u.kind === "province" && !u.placeholder);
  for (const p of provinces) {
    if (await findIndexYear(db, p.code, last)) {
      summary.skipped.push(p.code);
      continue;
    }
    const communes = communesOf(units, p.code, options.perProvince ?? 4, today);
    if (!communes.length) continue;
    const set = { setId: DEFAULT_COMMUNE_SET.id, setVersion: DEFAULT_COMMUNE_SET.version, locked: false };
    await saveIndexYear(
      db,
      { provinceCode: p.code, year: last, ...set, units: null, ...DEADLINES(current) },
      { userId: null, now: at(`${last}-12-01`) },
    );
    for (const [i, unit] of communes.entries()) {
      summary.tasks += await seedPlan(db, p.code, unit, i, last, today);
      summary.tasks += await seedPlan(db, p.code, unit, i + 1, current, today);
      await seedRecords(db, p.code, unit, i, last);
      if (i < 2) summary.reports += await seedReports(db, units, unit, i, last); // each one renders a .docx
      await seedAssessments(db, unit, i, last);
    }
    await saveSurveys(
      db,
      {
        provinceCode: p.code,
        year: last,
        rows: communes.map((unit, i) => ({ unit, percent: 78 + ((i * 7) % 17), respondents: 100 + 20 * i })),
      },
      { userId: null, now: at(`${current}-01-25`) },
    );
    await saveIndexYear(
      db,
      { provinceCode: p.code, year: current, ...set, units: null, ...DEADLINES(current + 1) },
      { userId: null, now: options.today },
    );
    for (const unit of communes)
      await saveAssessment(
        db,
        { unit, year: current, code: "6.2", change: { selfScore: 2, selfNote: "Đã công khai tài sản công quý I–III" } },
        { userId: null, now: options.today },
      );
    summary.provinces++;
    summary.communes += communes.length;
  }
  return summary;
}
