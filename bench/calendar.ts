// Appointment throughput of the indexed calendar, and how its cost depends on the length of the limit,
// against a naive day-by-day loop measured in the same run. Run: node --import tsx bench/calendar.ts
import {
  getCalendar,
  holidaysOf,
  localDate,
  localWeekday,
  startOfLocalDate,
  type TimeLimit,
} from "../src/calendar/index.ts";

const N = 1_000_000;
const NAIVE_N = 100_000;
const from = Date.parse("2020-01-01T00:00:00+07:00");
const span = Date.parse("2030-01-01T00:00:00+07:00") - from;
let seed = 42;
// A seeded LCG: the same receipts every run.
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const receipts = Array.from({ length: N }, () => new Date(from + Math.floor(random() * span)));

let t = performance.now();
const calendar = getCalendar();
console.log(`index build: ${(performance.now() - t).toFixed(1)} ms (once per office-hours profile)`);

function rate(run: (at: Date) => number, count: number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(count, 20_000); i++) sink += run(receipts[i]!); // warm-up
  t = performance.now();
  for (let i = 0; i < count; i++) sink += run(receipts[i]!);
  const seconds = (performance.now() - t) / 1000;
  if (sink === 42) console.log("");
  return count / seconds;
}

// The baseline: walk day by day, consuming each working day's windows (what the index replaces).
const daysOff = new Set<string>();
const worked = new Set<string>();
for (let y = 2020; y <= 2031; y++) {
  const h = holidaysOf(y);
  for (const d of h.daysOff) daysOff.add(d);
  for (const d of h.workingSaturdays) worked.add(d);
}
const WINDOWS = [
  [450, 690],
  [810, 1020],
] as const;
function naive(received: Date, minutes: number): number {
  let day = localDate(received);
  let minute = (received.getTime() - startOfLocalDate(day).getTime()) / 60_000; // fractional: receipts carry seconds
  let left = minutes;
  for (;;) {
    const start = startOfLocalDate(day);
    const w = localWeekday(start);
    const working = (w >= 1 && w <= 5 && !daysOff.has(day)) || worked.has(day);
    if (working) {
      for (const [s, e] of WINDOWS) {
        const begin = Math.max(s, minute);
        if (begin >= e) continue;
        if (e - begin >= left) return start.getTime() + (begin + left) * 60_000;
        left -= e - begin;
      }
    }
    day = localDate(start.getTime() + 86_400_000);
    minute = 0;
  }
}

const oneDay: TimeLimit = { value: 1, unit: "working_days" };
const sixtyDays: TimeLimit = { value: 60, unit: "working_days" };
const indexed1 = rate((at) => calendar.appointment(at, oneDay).getTime(), N);
const indexed60 = rate((at) => calendar.appointment(at, sixtyDays).getTime(), N);
const naive1 = rate((at) => naive(at, 450), NAIVE_N);
const naive60 = rate((at) => naive(at, 60 * 450), NAIVE_N);

// The two must agree, or the comparison means nothing.
for (let i = 0; i < 10_000; i++) {
  const a = calendar.appointment(receipts[i]!, sixtyDays).getTime();
  if (a !== naive(receipts[i]!, 60 * 450)) throw new Error(`baseline disagrees for ${receipts[i]!.toISOString()}`);
}

const fmt = (n: number) => `${(n / 1e6).toFixed(2)} M/s`;
console.log(`indexed, 1 working day:   ${fmt(indexed1)}`);
console.log(`indexed, 60 working days: ${fmt(indexed60)}`);
console.log(`naive,   1 working day:   ${fmt(naive1)}`);
console.log(`naive,   60 working days: ${fmt(naive60)}`);
console.log(
  `cost ratio 60-day / 1-day: indexed ${(indexed1 / indexed60).toFixed(2)}×, naive ${(naive1 / naive60).toFixed(2)}×`,
);
console.log(`indexed vs naive at 60 days: ${(indexed60 / naive60).toFixed(0)}× faster`);
if (indexed60 < 1_000_000) console.log("WARNING: below the 1,000,000 appointments/s target");
