// After the return: ratings (satisfaction, and seed 004's "simple / needs fewer papers / complicated"), and
// PAKN (phản ánh, kiến nghị) with a 10-working-day answer deadline: most answered in time, some late, some not.
import type { DossierRecord } from "../dossier/record.ts";
import type { DemoProvince, ReceivingUnit } from "./province.ts";
import { mobilePhone, vietnameseName } from "./people.ts";
import type { Random } from "./random.ts";
import type { DemoUser } from "./staff.ts";

export type Score = "very_satisfied" | "satisfied" | "neutral" | "dissatisfied";
export type Assessment = "simple" | "fewer_papers" | "complicated";

/** A row of the `ratings` table. */
export interface DemoRating {
  dossierCode: string;
  unitCode: string;
  at: Date;
  /** 1–5 as given; `score` is its 4-level word. */
  stars: number;
  score: Score;
  officerStars?: number;
  officerScore?: Score;
  assessment?: Assessment;
  comment?: string;
}

/** A row of the `feedback` table; `answeredBy` is a demo username. */
export interface DemoFeedback {
  unitCode: string;
  dossierCode?: string;
  procedureCode?: string;
  receivedAt: Date;
  senderName: string;
  senderPhone?: string;
  subject: string;
  content: string;
  dueAt: Date;
  answer?: string;
  answeredAt?: Date;
  answeredBy?: string;
  published: boolean;
}

const ANSWER_DAYS = 10;
const DAY = 450;
const HOUR_MS = 3_600_000;

const COMMENTS = [
  "Cán bộ hướng dẫn tận tình, chu đáo",
  "Trả kết quả nhanh hơn ngày hẹn",
  "Thời gian chờ tại quầy còn lâu",
  "Nộp trực tuyến thuận tiện, không phải đi lại",
  "Đề nghị giảm bớt giấy tờ phải nộp",
];

/** The deadline in force when the dossier was resolved, and whether it was resolved after it (CONTRACTS §3). */
export function finishedLate(r: DossierRecord): boolean {
  let deadline = r.dueAt;
  for (const e of r.events) {
    if (e.type === "supplement_received" && e.dueAt) deadline = e.dueAt;
    if (e.type === "resolved") return deadline !== null && e.at.getTime() > deadline.getTime();
  }
  return false;
}

/** Stars as the citizen gives them (1–5), and the 4-level word the figures read. */
function stars(random: Random, late: boolean): number {
  return random.weighted(
    late
      ? [
          [5, 0.1],
          [4, 0.35],
          [3, 0.3],
          [2, 0.15],
          [1, 0.1],
        ]
      : [
          [5, 0.5],
          [4, 0.38],
          [3, 0.09],
          [2, 0.02],
          [1, 0.01],
        ],
  );
}

export function scoreOfStars(stars: number): Score {
  return stars >= 5 ? "very_satisfied" : stars === 4 ? "satisfied" : stars === 3 ? "neutral" : "dissatisfied";
}

export function demoRatings(records: readonly DossierRecord[], random: Random, today: Date): DemoRating[] {
  const ratings: DemoRating[] = [];
  for (const r of records) {
    const returned = r.events.find((e) => e.type === "returned");
    if (!returned) continue;
    if (!random.chance(returned.via === "online" ? 0.35 : returned.via === "direct" ? 0.2 : 0.1)) continue;
    const at = new Date(returned.at.getTime() + random.int(1, 48 * 60) * 60_000);
    if (at.getTime() > today.getTime()) continue;
    const late = finishedLate(r);
    const hard = r.procedure.field === "Đất đai" || r.procedure.field === "Hoạt động xây dựng";
    const given = stars(random, late);
    const rating: DemoRating = {
      dossierCode: r.code,
      unitCode: r.unit.code,
      at,
      stars: given,
      score: scoreOfStars(given),
    };
    if (random.chance(0.6)) {
      rating.officerStars = stars(random, false);
      rating.officerScore = scoreOfStars(rating.officerStars);
    }
    rating.assessment = random.weighted<Assessment>([
      ["simple", hard ? 0.35 : 0.72],
      ["fewer_papers", hard ? 0.35 : 0.2],
      ["complicated", hard ? 0.3 : 0.08],
    ]);
    if (random.chance(0.1)) rating.comment = random.pick(COMMENTS);
    ratings.push(rating);
  }
  return ratings;
}

const ABOUT_DOSSIER = [
  (code: string) => `Hồ sơ số ${code} đã quá ngày hẹn trả nhưng chưa nhận được kết quả, đề nghị kiểm tra.`,
  (code: string) => `Đề nghị cho biết tiến độ giải quyết hồ sơ số ${code}.`,
  (code: string) => `Cán bộ tiếp nhận hồ sơ số ${code} hướng dẫn tận tình, xin cảm ơn.`,
];
const ABOUT_PROCEDURE = [
  (name: string) => `Hướng dẫn nộp hồ sơ trực tuyến thủ tục "${name}" còn khó hiểu, đề nghị có hướng dẫn chi tiết.`,
  (name: string) => `Đề nghị niêm yết công khai mức phí, lệ phí của thủ tục "${name}" tại trụ sở.`,
  (name: string) => `Đề nghị giảm bớt thành phần hồ sơ của thủ tục "${name}", nhiều giấy tờ đã có trên cơ sở dữ liệu.`,
];
const GENERAL = [
  "Thời gian chờ chứng thực sáng thứ Hai quá lâu, đề nghị bố trí thêm cán bộ tiếp nhận.",
  "Đề nghị bố trí thêm ghế ngồi chờ và nước uống tại Bộ phận Một cửa.",
  "Đề nghị tiếp nhận hồ sơ vào sáng thứ Bảy cho người đi làm.",
];
const ANSWERS = [
  "Ủy ban nhân dân đã tiếp thu, chỉ đạo Bộ phận Một cửa kiểm tra và xử lý; kết quả đã được thông báo cho người phản ánh.",
  "Cảm ơn ông/bà đã phản ánh. Ủy ban nhân dân đã bố trí thêm cán bộ tiếp nhận vào giờ cao điểm.",
  "Ủy ban nhân dân đã cập nhật hướng dẫn trên Cổng Dịch vụ công và niêm yết tại trụ sở.",
];

export function demoFeedback(
  records: readonly DossierRecord[],
  province: DemoProvince,
  staff: readonly DemoUser[],
  random: Random,
  today: Date,
  count: number,
): DemoFeedback[] {
  const receiving = new Map<string, ReceivingUnit>();
  for (const r of [...province.before, ...province.after]) receiving.set(r.unit.code, r);
  const received = records.filter((r) => r.receivedAt !== null);
  if (received.length === 0) return [];
  const leaderOf = (unitCode: string) => {
    const unit = province.units.get(unitCode);
    const current = unit?.successorCode ?? unitCode;
    return staff.find((u) => u.unitCode === current && u.role === "leader")?.username;
  };
  const out: DemoFeedback[] = [];
  for (let i = 0; i < count; i++) {
    const r = random.pick(received);
    const unit = receiving.get(r.unit.code);
    if (!unit) continue;
    const cal = unit.deadline;
    const receivedAt = new Date(r.receivedAt!.getTime() + random.int(1, 10 * 24) * HOUR_MS);
    if (receivedAt.getTime() > today.getTime()) continue;
    const kind = random.next();
    const content =
      kind < 0.45
        ? random.pick(ABOUT_DOSSIER)(r.code)
        : kind < 0.8
          ? random.pick(ABOUT_PROCEDURE)(r.procedure.name ?? r.procedure.code)
          : random.pick(GENERAL);
    const anonymous = random.chance(0.15);
    const sex = random.chance(0.5) ? "female" : "male";
    const item: DemoFeedback = {
      unitCode: r.unit.code,
      receivedAt,
      senderName: kind < 0.45 ? (r.applicant?.name ?? vietnameseName(random, sex)) : vietnameseName(random, sex),
      subject: kind < 0.45 ? "Tiến độ giải quyết hồ sơ" : kind < 0.8 ? "Thủ tục hành chính" : "Bộ phận Một cửa",
      content,
      dueAt: cal.addWorkingMinutes(receivedAt, ANSWER_DAYS * DAY),
      published: false,
    };
    if (kind < 0.45) item.dossierCode = r.code;
    if (kind < 0.8) item.procedureCode = r.procedure.code;
    if (!anonymous) item.senderPhone = kind < 0.45 ? (r.applicant?.phone ?? mobilePhone(random)) : mobilePhone(random);
    const outcome = random.weighted([
      ["in_time", 0.82],
      ["late", 0.08],
      ["never", 0.1],
    ] as const);
    let answeredAt: Date | undefined;
    if (outcome === "in_time") answeredAt = cal.addWorkingMinutes(receivedAt, random.int(60, ANSWER_DAYS * DAY));
    if (outcome === "late") answeredAt = cal.addWorkingMinutes(item.dueAt, random.int(30, 10 * DAY));
    if (answeredAt && answeredAt.getTime() <= today.getTime()) {
      item.answer = random.pick(ANSWERS);
      item.answeredAt = answeredAt;
      const by = leaderOf(r.unit.code);
      if (by) item.answeredBy = by;
      item.published = random.chance(0.85);
    }
    out.push(item);
  }
  return out.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
