// Believable applicants: Vietnamese names, 12-digit citizen IDs (CCCD) by the structure rules of
// src/dossier/identity.ts, mobile numbers, and addresses inside the receiving unit.
import { BIRTH_PROVINCE_CODES } from "../dossier/identity.ts";
import type { Random } from "./random.ts";

/** Họ, weighted roughly by their share of the population (Nguyễn ~38%). */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9.5],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Huỳnh", 4],
  ["Phan", 4.5],
  ["Võ", 4],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 0.5],
  ["Tôn Nữ", 0.3],
  ["Trương", 1],
  ["Đoàn", 0.8],
  ["Mai", 0.5],
  ["Lương", 0.5],
];

const MIDDLE_MALE = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Ngọc", "Xuân", "Đình"];
const MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Mỹ", "Hồng", "Phương", "Diệu"];
const GIVEN_MALE = [
  "An",
  "Anh",
  "Bảo",
  "Bình",
  "Cường",
  "Dũng",
  "Duy",
  "Đạt",
  "Hải",
  "Hiếu",
  "Hòa",
  "Hoàng",
  "Hùng",
  "Huy",
  "Khang",
  "Khoa",
  "Kiên",
  "Long",
  "Lộc",
  "Minh",
  "Nam",
  "Nghĩa",
  "Phát",
  "Phong",
  "Phúc",
  "Quân",
  "Quang",
  "Sơn",
  "Tài",
  "Thắng",
  "Thành",
  "Thiện",
  "Thịnh",
  "Tiến",
  "Toàn",
  "Trung",
  "Tuấn",
  "Tùng",
  "Việt",
  "Vinh",
];
const GIVEN_FEMALE = [
  "An",
  "Anh",
  "Châu",
  "Chi",
  "Diễm",
  "Dung",
  "Duyên",
  "Giang",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hiền",
  "Hoa",
  "Hồng",
  "Hương",
  "Huyền",
  "Lan",
  "Linh",
  "Loan",
  "Mai",
  "My",
  "Nga",
  "Ngân",
  "Ngọc",
  "Nhi",
  "Nhung",
  "Oanh",
  "Phương",
  "Quyên",
  "Tâm",
  "Thảo",
  "Thu",
  "Thủy",
  "Trang",
  "Trâm",
  "Trinh",
  "Uyên",
  "Vân",
  "Vy",
  "Yến",
];

export interface Person {
  name: string;
  sex: "male" | "female";
  birthYear: number;
}

export function vietnameseName(random: Random, sex: "male" | "female"): string {
  const family = random.weighted(FAMILY_NAMES);
  if (family === "Tôn Nữ") return `Tôn Nữ ${random.pick(GIVEN_FEMALE)} ${random.pick(GIVEN_FEMALE)}`;
  const middle = random.pick(sex === "male" ? MIDDLE_MALE : MIDDLE_FEMALE);
  const given = random.pick(sex === "male" ? GIVEN_MALE : GIVEN_FEMALE);
  return `${family} ${middle} ${given}`;
}

/** An adult applicant (18–80 years old in `year`). */
export function adultApplicant(random: Random, year: number): Person {
  const sex = random.chance(0.52) ? "female" : "male";
  return { name: vietnameseName(random, sex), sex, birthYear: year - random.int(18, 80) };
}

const OTHER_PROVINCES = [...BIRTH_PROVINCE_CODES];

/**
 * CCCD: 3 digits of the birth-registration province, 1 digit of century and sex (0/1 = 1900s male/female,
 * 2/3 = 2000s), 2 digits of the birth year, 6 random digits. Most applicants were born in the province itself.
 */
export function citizenId(random: Random, person: Person, homeProvince: string): string {
  const province = random.chance(0.85) ? homeProvince : random.pick(OTHER_PROVINCES);
  const century = person.birthYear >= 2000 ? 2 : 0;
  const centurySex = century + (person.sex === "female" ? 1 : 0);
  return `${province}${centurySex}${String(person.birthYear % 100).padStart(2, "0")}${random.digits(6)}`;
}

/** Mobile prefixes in use since the 2018 renumbering (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile). */
const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ["090", 8],
  ["093", 6],
  ["089", 3],
  ["070", 3],
  ["079", 2],
  ["077", 3],
  ["076", 2],
  ["078", 2],
  ["091", 6],
  ["094", 5],
  ["088", 3],
  ["083", 2],
  ["084", 2],
  ["085", 2],
  ["081", 1],
  ["082", 1],
  ["086", 4],
  ["096", 6],
  ["097", 6],
  ["098", 6],
  ["032", 2],
  ["033", 2],
  ["034", 2],
  ["035", 3],
  ["036", 2],
  ["037", 2],
  ["038", 2],
  ["039", 3],
  ["056", 1],
  ["058", 1],
  ["059", 1],
];

export function mobilePhone(random: Random): string {
  return `${random.weighted(MOBILE_PREFIXES)}${random.digits(7)}`;
}

const STREETS = [
  "Lê Lợi",
  "Trần Hưng Đạo",
  "Nguyễn Huệ",
  "Hùng Vương",
  "Phan Chu Trinh",
  "Bạch Đằng",
  "Lý Thường Kiệt",
  "Ngô Quyền",
  "Điện Biên Phủ",
  "Hai Bà Trưng",
  "Nguyễn Văn Linh",
  "Lê Duẩn",
  "Quang Trung",
  "Phạm Văn Đồng",
  "Nguyễn Trãi",
  "Trần Phú",
  "Lê Thánh Tôn",
  "Nguyễn Tất Thành",
  "Tôn Đức Thắng",
  "Võ Nguyên Giáp",
  "Phan Bội Châu",
  "Huỳnh Thúc Kháng",
  "Nguyễn Sinh Cung",
  "Kim Long",
  "Chi Lăng",
  "Đống Đa",
  "Hoàng Diệu",
];
const VILLAGES = [
  "Thôn 1",
  "Thôn 2",
  "Thôn 3",
  "Thôn 4",
  "Thôn 5",
  "Thôn Đông",
  "Thôn Tây",
  "Thôn Trung",
  "Thôn Thượng",
  "Thôn Hạ",
];

/**
 * A street address in a ward, a village (thôn) in a commune, followed by the unit and its parents as they were
 * named at the time (`place` is e.g. "phường Kim Trà, thành phố Huế").
 */
export function addressIn(random: Random, kind: string, place: string): string {
  if (kind === "ward") {
    const house = random.int(1, 250);
    const alley = random.chance(0.35) ? `${random.int(2, 120)}/` : "";
    return `${alley}${house} ${random.pick(STREETS)}, ${place}`;
  }
  if (random.chance(0.3)) return `Tổ ${random.int(1, 12)}, ${random.pick(VILLAGES)}, ${place}`;
  return `${random.pick(VILLAGES)}, ${place}`;
}
