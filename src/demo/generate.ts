// generateDemo: two years of a believable province's one-stop work up to `today`, a pure function of
// (seed, today, units, procedures). The CLI stores what it returns; the tests read it directly.
import { localDate, localInstant, localWeekday, localDayNumber } from "../calendar/index.ts";
import type { Procedure } from "../catalog/procedure.ts";
import { formatDossierCode } from "../dossier/code.ts";
import type { DossierRecord } from "../dossier/record.ts";
import type { Unit } from "../units/unit.ts";
import { type DemoFeedback, type DemoRating, demoFeedback, demoRatings } from "./feedback.ts";
import { planDossier } from "./lifecycle.ts";
import { ProcedureMix, calendarLimit, drawChannel, feeOf, limitText } from "./mix.ts";
import { addressIn, adultApplicant, citizenId, mobilePhone } from "./people.ts";
import { buildProvince, openWindows, placeName, REORGANISATION_DATE, type ReceivingUnit } from "./province.ts";
import { Random } from "./random.ts";
import { type DemoUser, demoStaff } from "./staff.ts";

export const DEFAULT_DOSSIERS = 30_000;
const DAY_MS = 86_400_000;
const SPAN_DAYS = 730;
/** Dossiers received this many days before today may still be stuck open (the overdue queue). */
const RECENT_DAYS = 45;

export interface DemoOptions {
  seed: number;
  /** The instant the demo ends at: nothing happens after it. */
  today: Date;
  units: readonly Unit[];
  procedures: readonly Procedure[];
  /** Submissions over the two years (received or refused at intake). */
  dossiers?: number;
}

export interface Demo {
  staff: DemoUser[];
  records: DossierRecord[];
  ratings: DemoRating[];
  feedback: DemoFeedback[];
  /** Units the generator could not use (a dossier code cannot carry their code). */
  skippedUnits: string[];
}

const REFUSAL_REASONS = [
  "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã",
  "Giấy tờ tùy thân đã hết hiệu lực",
  "Bản chính giấy tờ bị tẩy xóa, sửa chữa, không đủ điều kiện chứng thực",
  "Thành phần hồ sơ không đúng quy định, đã hướng dẫn người nộp hoàn thiện và nộp lại",
  "Tệp đính kèm không đọc được, đề nghị nộp lại bản scan rõ nét",
];

const WEEKDAY_FACTOR = [0.8, 1.2, 1.05, 1, 1, 0.9, 0.45];
/** Before Tết and before the school year the counters are busiest. */
const MONTH_FACTOR = [1.15, 0.8, 1, 1, 1, 1, 1.05, 1.1, 1.05, 1, 1, 1.1];

interface Slot {
  date: string;
  unit: ReceivingUnit;
  windows: readonly { start: number; end: number }[];
  weight: number;
  progress: number;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function slotsOf(days: string[], province: ReturnType<typeof buildProvince>, today: Date, random: Random): Slot[] {
  const slots: Slot[] = [];
  const todayDate = localDate(today);
  const nowMinute = Math.floor((today.getTime() - localInstant(todayDate).getTime()) / 60_000);
  days.forEach((date, i) => {
    const at = localInstant(date);
    const weekday = localWeekday(at);
    const month = Number(date.slice(5, 7)) - 1;
    const progress = i / Math.max(1, days.length - 1);
    const dayFactor = WEEKDAY_FACTOR[weekday]! * MONTH_FACTOR[month]! * (0.85 + 0.3 * progress);
    for (const unit of date < REORGANISATION_DATE ? province.before : province.after) {
      let windows = openWindows(unit, date, weekday).map((w) => ({ start: minutes(w.start), end: minutes(w.end) }));
      if (date === todayDate) {
        windows = windows
          .map((w) => ({ start: w.start, end: Math.min(w.end, nowMinute) }))
          .filter((w) => w.end > w.start);
      }
      const open = windows.reduce((sum, w) => sum + w.end - w.start, 0);
      if (open === 0) continue;
      const weight = unit.weight * dayFactor * (open / 450) * random.between(0.75, 1.25);
      slots.push({ date, unit, windows, weight, progress });
    }
  });
  return slots;
}

/** A minute of the day inside the windows, mornings busier than afternoons. */
function receiptMinute(random: Random, windows: Slot["windows"]): number {
  const w = random.weighted(windows.map((w) => [w, (w.end - w.start) * (w.start < 720 ? 1.4 : 1)] as const));
  return random.int(w.start, w.end - 1);
}

export function generateDemo(options: DemoOptions): Demo {
  const { seed, today } = options;
  const target = options.dossiers ?? DEFAULT_DOSSIERS;
  if (!Number.isInteger(target) || target < 0) throw new RangeError(`dossiers must be a whole number: ${target}`);
  const random = new Random(seed);
  const units = [...options.units].sort((a, b) => a.code.localeCompare(b.code));
  const procedures = [...options.procedures].sort(
    (a, b) => a.code.localeCompare(b.code) || a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  const province = buildProvince(units, random);
  const mix = new ProcedureMix(procedures);
  const staff = demoStaff(province.current, random);

  const first = localDayNumber(today) - SPAN_DAYS + 1;
  const days = Array.from({ length: SPAN_DAYS }, (_, i) => new Date((first + i) * DAY_MS).toISOString().slice(0, 10));
  const slots = slotsOf(days, province, today, random);
  const total = slots.reduce((sum, s) => sum + s.weight, 0);
  const recentFrom = today.getTime() - RECENT_DAYS * DAY_MS;

  // Systematic sampling: exactly `target` submissions, spread in proportion to the slot weights.
  const offset = random.next();
  let cumulative = 0;
  const records: DossierRecord[] = [];
  for (const slot of slots) {
    const before = Math.floor((cumulative / total) * target + offset);
    cumulative += slot.weight;
    const count = Math.floor((cumulative / total) * target + offset) - before;
    const times = Array.from({ length: count }, () => receiptMinute(random, slot.windows)).sort((a, b) => a - b);
    times.forEach((minute, i) => {
      records.push(dossier(slot, localInstant(slot.date, minute), i + 1, recentFrom));
    });
  }

  function dossier(slot: Slot, at: Date, sequence: number, recent: number): DossierRecord {
    const { unit: r, date } = slot;
    const choice = mix.draw(random);
    const procedure = mix.versionOn(choice.code, date);
    const channel = drawChannel(random, procedure.onlineLevel, slot.progress);
    const person = adultApplicant(random, Number(date.slice(0, 4)));
    const online = channel === "online_partial" || channel === "online_full";
    const base = {
      code: formatDossierCode(r.unit.code, at, sequence),
      unit: { code: r.unit.code, name: r.unit.name, parent: r.unit.parentCode },
      procedure: {
        code: procedure.code,
        name: procedure.name,
        field: procedure.field,
        level: procedure.level,
        limit: limitText(procedure),
      },
      channel,
      applicant: {
        name: person.name,
        idNumber: citizenId(random, person, r.idProvince),
        phone: mobilePhone(random),
        address: addressIn(random, r.unit.kind, placeName(province.units, r.unit.code, date)),
      },
    };
    if (random.chance(online ? 0.04 : 0.008)) {
      return {
        ...base,
        receivedAt: null,
        dueAt: null,
        events: [{ type: "refused", at, reason: random.pick(REFUSAL_REASONS) }],
      };
    }
    const plan = planDossier({
      random,
      calendar: r.deadline,
      procedure,
      limit: calendarLimit(procedure),
      channel,
      receivedAt: at,
      today,
      transferTo: r.transferTarget,
      recent: at.getTime() >= recent,
    });
    const record: DossierRecord = {
      ...base,
      receivedAt: at,
      dueAt: plan.dueAt,
      events: plan.events,
      digitized: channel === "online_full" || random.chance(online ? 0.9 : 0.35 + 0.5 * slot.progress),
      eResult: random.chance(channel === "online_full" ? 0.8 : online ? 0.4 : 0.15 + 0.35 * slot.progress),
    };
    const fee = feeOf(random, procedure);
    if (fee !== undefined) record.fee = { amount: fee, paidOnline: fee > 0 && online && random.chance(0.7) };
    return record;
  }

  const ratings = demoRatings(records, random, today);
  const feedback = demoFeedback(records, province, staff, random, today, Math.round(target / 250));
  return { staff, records, ratings, feedback, skippedUnits: [...province.skipped] };
}
