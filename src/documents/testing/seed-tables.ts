// Figures transcribed from the seeds (tests must not read ../shared): seed 000 Phụ lục 4 (Q3/2020,
// phường Hương Xuân), seed 004's online-level table (6 months 2021), seed 002's late dossiers by unit.
import type { LateByUnitRow, ResultsRow, SatisfactionRow } from "../types.ts";

const ZERO: Omit<ResultsRow, "key"> = {
  carriedOver: 0,
  received: 0,
  receivedSaturday: 0,
  receivedDirect: 0,
  receivedPostal: 0,
  receivedOnlinePartial: 0,
  receivedOnlineFull: 0,
  finishedEarly: 0,
  finishedOnTime: 0,
  finishedLate: 0,
  withdrawn: 0,
  stopped: 0,
  declined: 0,
  openWithinDeadline: 0,
  openOverdue: 0,
  refusedAtIntake: 0,
};

/** key, carried over, received, Saturday, early, on time, late, within deadline, overdue. */
const P4: [string, ...number[]][] = [
  ["Bảo trợ xã hội", 0, 9, 0, 0, 0, 2, 7, 0],
  ["Bảo trợ xã hội (Cấp huyện)", 0, 11, 0, 0, 2, 7, 2, 0],
  ["Chứng thực", 0, 453, 23, 52, 399, 1, 1, 0],
  ["Đất đai (Cấp huyện)", 0, 18, 1, 0, 12, 5, 0, 1],
  ["Hộ tịch", 0, 223, 2, 17, 203, 1, 2, 0],
  ["TTHC liên thông Chính sách hỗ trợ COVID-19", 0, 10, 0, 0, 0, 10, 0, 0],
];

export const seed000Rows: ResultsRow[] = P4.map(([key, ...n]) => ({
  ...ZERO,
  key,
  carriedOver: n[0]!,
  received: n[1]!,
  receivedSaturday: n[2]!,
  finishedEarly: n[3]!,
  finishedOnTime: n[4]!,
  finishedLate: n[5]!,
  openWithinDeadline: n[6]!,
  openOverdue: n[7]!,
}));

/** Seed 004: 5,970 dossiers, level 2 (not online) 4,251, level 3 737, level 4 982. */
export const seed004Total: ResultsRow = {
  ...ZERO,
  key: "Tổng cộng",
  received: 5970,
  receivedDirect: 4000,
  receivedPostal: 251,
  receivedOnlinePartial: 737,
  receivedOnlineFull: 982,
};

/** Seed 002, footnote 1 and section g: 43 late dossiers, the land registry office with 14 apologies for 21. */
export const seed002Late: LateByUnitRow[] = [
  { unit: "Chi nhánh Văn phòng đăng ký đất đai huyện", late: 21, withApology: 14 },
  { unit: "Phòng Tài nguyên - Môi trường", late: 1, withApology: 1 },
  { unit: "Phòng Tư pháp", late: 7, withApology: 7 },
  { unit: "UBND thị trấn Nhơn Hòa", late: 1, withApology: 1 },
  { unit: "UBND xã Chư Don", late: 1, withApology: 1 },
  { unit: "UBND xã Ia Blứ", late: 1, withApology: 1 },
  { unit: "UBND xã Ia Hla", late: 2, withApology: 2 },
  { unit: "UBND xã Ia Le", late: 5, withApology: 5 },
  { unit: "UBND xã Ia Phang", late: 2, withApology: 2 },
  { unit: "UBND xã Ia Rong", late: 2, withApology: 2 },
];

/** Seed 004's survey, ballots per answer (the seed prints shares: Đất đai 91,7 / 3 / 5,3 of 1.104). */
export const seed004Satisfaction: SatisfactionRow[] = [
  { field: "Đất đai", simple: 1012, fewerPapers: 33, complicated: 59 },
  { field: "Xây dựng và đô thị", simple: 214, fewerPapers: 0, complicated: 0 },
  { field: "Tư pháp", simple: 138, fewerPapers: 0, complicated: 0 },
  { field: "Lao động, thương binh và xã hội", simple: 149, fewerPapers: 0, complicated: 0 },
];

/** Seed 004's results by field (6 months 2021), first rows: total, finished (total, on time, late), open (total, within, overdue). */
const R004: [string, ...number[]][] = [
  ["An toàn thực phẩm và dinh dưỡng", 3, 3, 3, 0, 0, 0, 0],
  ["Bảo trợ xã hội", 329, 328, 310, 18, 1, 1, 0],
  ["Chứng thực", 81, 79, 74, 5, 0, 0, 0],
  ["Đất đai", 3248, 2360, 1945, 415, 887, 810, 77],
];

export const seed004Rows: ResultsRow[] = R004.map(([key, ...n]) => ({
  ...ZERO,
  key,
  received: n[0]!,
  finishedOnTime: n[2]!,
  finishedLate: n[3]!,
  openWithinDeadline: n[5]!,
  openOverdue: n[6]!,
}));
