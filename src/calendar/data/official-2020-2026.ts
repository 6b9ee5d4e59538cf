// Official holiday arrangements for civil servants (cán bộ, công chức, viên chức), 2020–2026: the dates the
// Prime Minister (through the Government Office, VPCP) approved on the proposal of the Ministry of Labour
// (Bộ LĐTBXH, until 2025) or the Ministry of Home Affairs (Bộ Nội vụ, from 2025). Each year replaces the
// computed default of holidays.ts entirely. Dates not named in a notice follow the Labour Code (holiday on the
// day, a weekend holiday compensated on the next working day); `unconfirmed` says what we could not check
// against a public page. An administrator's edits go in CalendarOverrides layers, not here.
import type { YearArrangement } from "../holidays.ts";

export interface Source {
  covers: string;
  url: string;
  note?: string;
}

export interface OfficialYear extends YearArrangement {
  year: number;
  sources: Source[];
  /** Parts of the year taken from the law or memory rather than a notice we could read. */
  unconfirmed: string[];
}

export const OFFICIAL_YEARS: readonly OfficialYear[] = [
  {
    year: 2020,
    daysOff: ["2020-01-01", "2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"].concat([
      "2020-04-02",
      "2020-04-30",
      "2020-05-01",
      "2020-09-02",
    ]),
    workingDays: [],
    sources: [
      {
        covers: "Tết: Thu 23/1 – Wed 29/1 (29 Chạp Kỷ Hợi – mùng 5 Canh Tý)",
        url: "https://socongthuong.daklak.gov.vn/vi/news/tag/thứ-tư/page-2",
        note: "notice of the Ministry of Labour relayed 07/01/2020",
      },
    ],
    unconfirmed: ["notice number for Tết", "2/9 a single day (Labour Code 2012), no notice read"],
  },
  {
    year: 2021,
    daysOff: ["2021-01-01", "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"].concat([
      "2021-04-21",
      "2021-04-30",
      "2021-05-03",
      "2021-09-02",
      "2021-09-03",
    ]),
    workingDays: [],
    sources: [
      {
        covers: "Tết: 10/2 – 16/2 (29 Chạp Canh Tý – mùng 5 Tân Sửu); National Day 4 days (2/9 – 5/9)",
        url: "https://hanoimoi.vn/lich-nghi-tet-nguyen-dan-tan-suu-va-quoc-khanh-2-9-498925.html",
      },
    ],
    unconfirmed: ["3/9 as the day beside 2/9 (the article gives 4 days from 2/9)"],
  },
  {
    year: 2022,
    daysOff: ["2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"].concat([
      "2022-04-11",
      "2022-05-02",
      "2022-05-03",
      "2022-09-01",
      "2022-09-02",
    ]),
    workingDays: [],
    sources: [
      {
        covers: "Tết: 5 days plus the weekends before and after (Công văn 245/VPCP-KGVX, 11/01/2022)",
        url: "https://kinhtemoitruong.vn./nghi-82743.tag",
      },
    ],
    unconfirmed: ["National Day 1/9 – 2/9 (Thu–Fri), no notice read"],
  },
  {
    year: 2023,
    daysOff: ["2023-01-02", "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"].concat([
      "2023-05-01",
      "2023-05-02",
      "2023-05-03",
      "2023-09-01",
      "2023-09-04",
    ]),
    workingDays: [],
    sources: [
      {
        covers: "Tết: Fri 20/1 – Thu 26/1; National Day 1/9 – 4/9 (Government Office dispatch, 01/12/2022)",
        url: "https://en.vietnamplus.vn/sevenday-tet-holiday-fixed-for-state-employees/244803.vnp",
      },
      {
        covers: "1/1 on a Sunday, Monday 2/1 compensatory",
        url: "http://118.69.84.237:801/phap-luat/tim-tu-van?page=2344&q=Gi%E1%BA%A3i+th%E1%BB%83+ph%C3%A1p+nh%C3%A2n",
      },
    ],
    unconfirmed: ["Giỗ Tổ (Sat 29/4) and 30/4 (Sun) compensated on Tue 2/5 and Wed 3/5, by the Labour Code"],
  },
  {
    year: 2024,
    daysOff: ["2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"].concat([
      "2024-04-18",
      "2024-04-29",
      "2024-04-30",
      "2024-05-01",
      "2024-09-02",
      "2024-09-03",
    ]),
    workingDays: ["2024-05-04"],
    sources: [
      {
        covers: "Tết: 8/2 – 14/2; National Day 31/8 – 3/9",
        url: "https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html",
      },
      {
        covers: "30/4–1/5 swap: Mon 29/4 off, Sat 4/5 worked (Công văn 2450/VPCP-KGVX, 12/04/2024)",
        url: "https://baotintuc.vn/infographics/ngay-nghi-le-dip-gio-to-hung-vuong-va-304-152024-20240412212054381.htm",
      },
    ],
    unconfirmed: [],
  },
  {
    year: 2025,
    daysOff: ["2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"].concat([
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
    ]),
    workingDays: ["2025-04-26"],
    sources: [
      {
        covers: "Tết: 25/1 – 2/2 (weekdays 27/1 – 31/1), approved 26/11/2024",
        url: "https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html",
      },
      {
        covers: "30/4–1/5 swap: Fri 2/5 off, Sat 26/4 worked",
        url: "https://tracuuquyhoach.com/tin-tuc/cong-chuc-vien-chuc-duoc-nghi-the-nao-trong-dip-le-30-4-1-5-2025-51994339",
        note: "relays VietnamPlus (TTXVN)",
      },
    ],
    unconfirmed: ["National Day Mon 1/9 – Tue 2/9, no notice read"],
  },
  {
    year: 2026,
    daysOff: ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].concat([
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
    ]),
    workingDays: ["2026-01-10", "2026-08-22"],
    sources: [
      {
        covers: "1/1 swap: Fri 2/1 off, Sat 10/1 worked (Công văn 12729/VPCP-KGVX, 25/12/2025)",
        url: "https://www.collector.com.tr//965292743",
        note: "a mirror of a Vietnamese news article",
      },
      {
        covers: "Tết: Sat 14/2 – Sun 22/2; National Day Sat 29/8 – Wed 2/9 with Mon 31/8 swapped for Sat 22/8",
        url: "https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html",
      },
    ],
    unconfirmed: ["Giỗ Tổ (Sun 26/4) compensated on Mon 27/4, by the Labour Code"],
  },
];
