// One received dossier's history, planned on the receiving unit's calendar: transfer (liên thông), supplement
// requests (clock paused, resumed with calendar.resume), extensions with or without an apology, resolution
// early / on time / late, withdrawal, stop, and the return of the result. Events after `today` are cut off,
// so a dossier whose plan runs past today is open in whatever state it had reached.
import type { TimeLimit, WorkingCalendar } from "../calendar/index.ts";
import { startOfLocalDate, localDate } from "../calendar/index.ts";
import type { Procedure } from "../catalog/procedure.ts";
import type { Channel, DossierEvent, ReturnVia } from "../dossier/record.ts";
import type { Random } from "./random.ts";

const DAY = 450; // working minutes in a working day (7.5 h); the demo units keep default hours

export interface PlanInput {
  random: Random;
  calendar: WorkingCalendar;
  procedure: Procedure;
  limit: TimeLimit;
  channel: Channel;
  receivedAt: Date;
  today: Date;
  /** Where an inter-agency dossier is sent, or null when the procedure stays at the unit. */
  transferTo: string | null;
  /** Received in the last weeks: some such dossiers are still stuck in processing (the overdue queue). */
  recent: boolean;
}

export interface Plan {
  dueAt: Date;
  events: DossierEvent[];
}

const SUPPLEMENT_REASONS = [
  "Bổ sung bản sao giấy tờ tùy thân còn hiệu lực",
  "Bổ sung văn bản ủy quyền có chứng thực",
  "Bổ sung giấy tờ chứng minh nơi cư trú",
];
const WITHDRAW_REASONS = [
  "Người nộp hồ sơ có đơn xin rút hồ sơ",
  "Công dân rút hồ sơ để điều chỉnh thông tin kê khai",
  "Người yêu cầu không tiếp tục thực hiện thủ tục",
];
/** Trả lại hồ sơ: why a dossier was found not to qualify after appraisal (the written notice's reason). */
const DECLINE_REASONS = [
  "Không đủ điều kiện giải quyết: thửa đất không đủ diện tích tối thiểu để tách thửa theo quy định của tỉnh",
  "Không đủ điều kiện giải quyết: người yêu cầu không thuộc đối tượng được hưởng chính sách",
  "Không đủ điều kiện giải quyết: nội dung đề nghị không thuộc phạm vi điều chỉnh của thủ tục",
];

const STOP_REASONS = [
  "Người yêu cầu không bổ sung hồ sơ theo thông báo, quá thời hạn quy định",
  "Phát sinh tranh chấp liên quan đến nội dung yêu cầu, dừng xử lý theo quy định",
];

/** Busier fields take longer and go wrong more often. */
function riskOf(field: string): number {
  if (field === "Đất đai") return 3;
  if (field === "Hoạt động xây dựng" || field === "Bảo trợ xã hội" || field === "Người có công") return 2;
  return 1;
}

function transferProbability(p: Procedure): number {
  if (p.links.length > 0) return 0.7;
  if (p.field === "Đất đai" || p.field === "Hoạt động xây dựng") return 0.3;
  if (p.field === "Bảo trợ xã hội" || p.field === "Người có công") return 0.15;
  return 0;
}

function returnVia(random: Random, channel: Channel): ReturnVia {
  switch (channel) {
    case "direct":
      return random.weighted<ReturnVia>([
        ["direct", 0.95],
        ["postal", 0.05],
      ]);
    case "postal":
      return random.weighted<ReturnVia>([
        ["postal", 0.85],
        ["direct", 0.15],
      ]);
    case "online_partial":
      return random.weighted<ReturnVia>([
        ["direct", 0.6],
        ["online", 0.3],
        ["postal", 0.1],
      ]);
    case "online_full":
      return random.weighted<ReturnVia>([
        ["online", 0.85],
        ["postal", 0.15],
      ]);
  }
}

/** What the planning steps share: the input, time arithmetic on the unit's calendar, the events so far. */
interface Planning {
  input: PlanInput;
  random: PlanInput["random"];
  at: (from: Date, minutes: number) => Date;
  span: (from: Date, to: Date) => number;
  sameDay: boolean;
  risk: number;
  events: DossierEvent[];
}

/** Where the clock stands: the cursor (last step) and the deadline in force. */
type Clock = { cursor: Date; due: Date };

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function planDossier(input: PlanInput): Plan {
  const { random, calendar: cal, procedure, limit, receivedAt } = input;
  const sameDay = limit.unit === "same_day";
  const p: Planning = {
    input,
    random,
    at: (from, minutes) => cal.addWorkingMinutes(from, Math.max(0, Math.round(minutes))),
    span: (from, to) => Math.max(0, cal.workingMinutesBetween(from, to)),
    sameDay,
    risk: riskOf(procedure.field),
    events: [],
  };
  const { at, span, events } = p;
  const dueAt = cal.appointment(receivedAt, limit);
  let clock: Clock = { cursor: receivedAt, due: dueAt };
  const done = (): Plan => ({ dueAt, events: events.filter((e) => e.at.getTime() <= input.today.getTime()) });

  if (input.transferTo !== null && random.chance(transferProbability(procedure))) {
    const { cursor, due } = clock;
    clock = { due, cursor: at(cursor, random.between(10, Math.max(20, Math.min(4 * 60, span(cursor, due) * 0.3)))) };
    events.push({ type: "transferred", at: clock.cursor, toUnit: input.transferTo });
  }
  const supplements = sameDay ? 0.01 : 0.05 * p.risk;
  if (random.chance(supplements)) {
    const after = planSupplements(p, clock);
    if (after === "ended") return done();
    clock = after;
  }
  if (planEarlyEnd(p, clock)) return done();
  // Stuck: nobody resolves it (the overdue queue near today); older ones were all cleared.
  if (input.recent && random.chance(sameDay ? 0.02 : 0.08)) return done();

  const kind = random.weighted([
    ["late", (sameDay ? 0.006 : 0.02) * p.risk],
    ["on_time", sameDay ? 0.9 : 0.3],
    ["early", sameDay ? 0.1 : 0.7],
  ] as const);
  const resolved = kind === "late" ? planLate(p, clock) : planInTime(p, clock, kind === "early");
  // trả lại hồ sơ: about one appraised dossier in a hundred does not qualify. Chosen by the instant, not by the
  // random stream, so that every other demo figure stays as it was.
  const minute = Math.floor(resolved.getTime() / 60_000);
  if (!sameDay && kind !== "late" && minute % 97 === 0) {
    events.push({ type: "declined", at: resolved, reason: DECLINE_REASONS[minute % DECLINE_REASONS.length]! });
  } else events.push({ type: "resolved", at: resolved });

  // Most results are collected; a few wait at the counter for good.
  if (!random.chance(0.985)) return done();
  const via = returnVia(random, input.channel);
  events.push({ type: "returned", at: at(resolved, returnDelay(p, via)), via });
  return done();
}

/** One or two supplement rounds; "ended" when the applicant withdraws or the dossier is stopped meanwhile. */
function planSupplements(p: Planning, clock: Clock): Clock | "ended" {
  const { random, at, span, events } = p;
  const { procedure, calendar: cal, limit } = p.input;
  let { cursor, due } = clock;
  for (let round = 0; round < 2; round++) {
    const requested = at(cursor, random.between(0.05, 0.6) * span(cursor, due));
    const missing = procedure.components.filter((c) => c.form !== "original_or_copy" || random.chance(0.5));
    const reason = missing.length ? `Bổ sung: ${random.pick(missing).name}` : random.pick(SUPPLEMENT_REASONS);
    events.push({ type: "supplement_requested", at: requested, reason });
    const answer = random.next();
    if (answer < 0.08) {
      events.push({
        type: "withdrawn",
        at: at(requested, random.int(2, 15) * DAY),
        reason: random.pick(WITHDRAW_REASONS),
      });
      return "ended";
    }
    if (answer < 0.09) {
      events.push({ type: "stopped", at: at(requested, random.int(15, 30) * DAY), reason: STOP_REASONS[0]! });
      return "ended";
    }
    const resumed = at(
      requested,
      random.weighted([
        [random.int(20, DAY), 3],
        [random.int(1, 4) * DAY + random.int(0, 300), 5],
        [random.int(5, 12) * DAY, 2],
      ] as const),
    );
    due = procedure.restartOnSupplement ? cal.appointment(resumed, limit) : cal.resume(due, requested, resumed);
    events.push({ type: "supplement_received", at: resumed, dueAt: due });
    cursor = resumed;
    // A second request happens (and costs the dossier its on-time mark in the quality index).
    if (!random.chance(0.06)) break;
  }
  return { cursor, due };
}

/** A rare withdrawal or stop before any result; true when the dossier ended so. */
function planEarlyEnd(p: Planning, { cursor, due }: Clock): boolean {
  const { random, at, span, events } = p;
  const ending = random.next();
  if (ending < 0.006) {
    events.push({
      type: "withdrawn",
      at: at(cursor, random.between(0.1, 0.9) * span(cursor, due) + 5),
      reason: random.pick(WITHDRAW_REASONS),
    });
    return true;
  }
  if (ending < 0.0065 && !p.sameDay) {
    events.push({
      type: "stopped",
      at: at(cursor, random.between(0.3, 0.9) * span(cursor, due) + 5),
      reason: STOP_REASONS[1]!,
    });
    return true;
  }
  return false;
}

/** A late result, mostly after a re-appointment with its apology; the instant of the result. */
function planLate(p: Planning, clock: Clock): Date {
  const { random, at, span, events } = p;
  const { due } = clock;
  let { cursor } = clock;
  const apology = random.weighted([
    ["timely", 0.82],
    ["none", 0.08],
    ["too_late", 0.06],
    ["without_letter", 0.04],
  ] as const);
  // A timely apology is dated at least one calendar day before the due date (src/dossier/apology.ts); a
  // dossier already on its due date can only apologise late, so those few break the rule too.
  const beforeDueDay = span(cursor, startOfLocalDate(localDate(due)));
  const extendedAt =
    apology === "too_late"
      ? at(due, random.int(30, 2 * DAY))
      : later(at(cursor, random.between(0.6, 0.97) * (beforeDueDay > 0 ? beforeDueDay : span(cursor, due))), cursor);
  const after = later(due, extendedAt);
  const newDue = at(after, random.int(1, 5) * DAY);
  if (apology !== "none") {
    events.push({ type: "extended", at: extendedAt, dueAt: newDue, apology: apology !== "without_letter" });
    cursor = extendedAt;
  }
  const resolved = random.chance(0.8)
    ? at(after, 1 + random.next() * Math.max(1, span(after, newDue) - 1))
    : at(newDue, random.int(30, 3 * DAY));
  return later(resolved, cursor);
}

/** An early or on-time result; the instant of the result. */
function planInTime(p: Planning, { cursor, due }: Clock, early: boolean): Date {
  const { random, at, span, sameDay } = p;
  const dueDayStart = startOfLocalDate(localDate(due));
  const ahead = span(cursor, dueDayStart);
  let resolved: Date;
  if (early && ahead >= 15) {
    resolved = at(cursor, random.between(0.1, 0.95) * ahead);
  } else {
    const from = p.input.calendar.nextWorkingInstant(later(cursor, dueDayStart));
    resolved = sameDay ? at(cursor, random.int(5, 120)) : at(from, random.next() * span(from, due));
    if (resolved.getTime() > due.getTime()) resolved = due;
  }
  return later(resolved, cursor);
}

/** Minutes from the result to its collection, by how it is returned. */
function returnDelay(p: Planning, via: ReturnVia): number {
  const { random } = p;
  if (via === "online") return random.int(0, 60);
  if (via === "postal") return random.int(1, 3) * DAY;
  if (p.sameDay) return random.int(0, 30);
  return random.weighted([
    [random.int(0, 60), 4],
    [random.int(1, 3) * DAY, 4],
    [random.int(4, 10) * DAY, 1],
  ] as const);
}
