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

export function planDossier(input: PlanInput): Plan {
  const { random, calendar: cal, procedure, limit, receivedAt } = input;
  const at = (from: Date, minutes: number) => cal.addWorkingMinutes(from, Math.max(0, Math.round(minutes)));
  const span = (from: Date, to: Date) => Math.max(0, cal.workingMinutesBetween(from, to));
  const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
  const sameDay = limit.unit === "same_day";
  const risk = riskOf(procedure.field);

  const dueAt = cal.appointment(receivedAt, limit);
  const events: DossierEvent[] = [];
  let due = dueAt;
  let cursor = receivedAt;
  const done = (): Plan => ({ dueAt, events: events.filter((e) => e.at.getTime() <= input.today.getTime()) });

  if (input.transferTo !== null && random.chance(transferProbability(procedure))) {
    cursor = at(cursor, random.between(10, Math.max(20, Math.min(4 * 60, span(cursor, due) * 0.3))));
    events.push({ type: "transferred", at: cursor, toUnit: input.transferTo });
  }

  const supplements = sameDay ? 0.01 : 0.05 * risk;
  if (random.chance(supplements)) {
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
        return done();
      }
      if (answer < 0.09) {
        events.push({ type: "stopped", at: at(requested, random.int(15, 30) * DAY), reason: STOP_REASONS[0]! });
        return done();
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
  }

  const ending = random.next();
  if (ending < 0.006) {
    events.push({
      type: "withdrawn",
      at: at(cursor, random.between(0.1, 0.9) * span(cursor, due) + 5),
      reason: random.pick(WITHDRAW_REASONS),
    });
    return done();
  }
  if (ending < 0.0065 && !sameDay) {
    events.push({
      type: "stopped",
      at: at(cursor, random.between(0.3, 0.9) * span(cursor, due) + 5),
      reason: STOP_REASONS[1]!,
    });
    return done();
  }
  // Stuck: nobody resolves it (the overdue queue near today); older ones were all cleared.
  if (input.recent && random.chance(sameDay ? 0.02 : 0.08)) return done();

  const kind = random.weighted([
    ["late", (sameDay ? 0.006 : 0.02) * risk],
    ["on_time", sameDay ? 0.9 : 0.3],
    ["early", sameDay ? 0.1 : 0.7],
  ] as const);
  let resolved: Date;
  if (kind === "late") {
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
    resolved = random.chance(0.8)
      ? at(after, 1 + random.next() * Math.max(1, span(after, newDue) - 1))
      : at(newDue, random.int(30, 3 * DAY));
  } else {
    const dueDayStart = startOfLocalDate(localDate(due));
    const early = span(cursor, dueDayStart);
    if (kind === "early" && early >= 15) {
      resolved = at(cursor, random.between(0.1, 0.95) * early);
    } else {
      const from = cal.nextWorkingInstant(later(cursor, dueDayStart));
      resolved = sameDay ? at(cursor, random.int(5, 120)) : at(from, random.next() * span(from, due));
      if (resolved.getTime() > due.getTime()) resolved = due;
    }
  }
  resolved = later(resolved, cursor);
  // trả lại hồ sơ: about one appraised dossier in a hundred does not qualify. Chosen by the instant, not by the
  // random stream, so that every other demo figure stays as it was.
  const minute = Math.floor(resolved.getTime() / 60_000);
  if (!sameDay && kind !== "late" && minute % 97 === 0) {
    events.push({ type: "declined", at: resolved, reason: DECLINE_REASONS[minute % DECLINE_REASONS.length]! });
  } else events.push({ type: "resolved", at: resolved });

  // Most results are collected; a few wait at the counter for good.
  if (!random.chance(0.985)) return done();
  const via = returnVia(random, input.channel);
  const delay =
    via === "online"
      ? random.int(0, 60)
      : via === "postal"
        ? random.int(1, 3) * DAY
        : sameDay
          ? random.int(0, 30)
          : random.weighted([
              [random.int(0, 60), 4],
              [random.int(1, 3) * DAY, 4],
              [random.int(4, 10) * DAY, 1],
            ] as const);
  events.push({ type: "returned", at: at(resolved, delay), via });
  return done();
}
