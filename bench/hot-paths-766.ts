// The Decision 766 calls of bench/hot-paths.ts: the dashboard's counters summed by hand, and the pages of one
// indicator's dossiers with their bare pages; and the shape of a timed call.

export interface Call {
  name: string;
  path: string;
  cookie: string;
  bare: string;
  params: unknown[];
  /** Part of the 32-client mix. */
  mix?: boolean;
  /** Timed and printed but held to no target: why (a call no screen makes). */
  untargeted?: string;
}

/** The lists' sort key (migration 0014). */
export const LISTED = "coalesce(received_at, submitted_at, created_at)";
export const YEAR = "from=2025-01-01&to=2025-12-31";

/** The pages of one indicator's dossiers (reports-quality-dossiers.ts): a keyset page of one part + the figure
 * from the counters; bare: the page of the part's base on the lists' index (the figure's check left out). */
export function drillDowns({ province, unit, cookie }: { province: string; unit: string; cookie: string }): Call[] {
  const year = `${LISTED} >= '2025-01-01 00:00+07' and ${LISTED} < '2026-01-01 00:00+07'`;
  const page = (where: string) =>
    `select * from dossiers where province_code = $1 and ${where} order by ${LISTED} desc, code desc limit 21`;
  const handled = `${LISTED} < '2026-01-01 00:00+07' and (end_at is null or end_at >= '2025-01-01 00:00+07')`;
  const path = (id: string, part: string, scope: string) =>
    `/api/reports/indicators/${id}/dossiers?${YEAR}${scope}&part=${part}&pageSize=20`;
  return [
    {
      name: "766 dossiers: 2.1 on time, unit",
      path: path("on-time-766", "numerator", `&unit=${unit}`),
      cookie,
      bare: page(`unit_code = $2 and ${handled}`),
      params: [province, unit],
      mix: true,
    },
    {
      name: "766 dossiers: 2.1 handled, province",
      path: path("on-time-766", "denominator", ""),
      cookie,
      bare: page(handled),
      params: [province],
    },
    {
      name: "766 dossiers: 2.2 averaged, unit",
      path: path("average-processing-days", "denominator", `&unit=${unit}`),
      cookie,
      bare: page(`unit_code = $2 and ${year} and end_type in ('resolved', 'returned')`),
      params: [province, unit],
    },
    {
      name: "766 dossiers: 3.6 paid online, province",
      path: path("online-payment-rate", "numerator", ""),
      cookie,
      bare: page(`fee_amount > 0 and ${year} and fee_paid_online`),
      params: [province],
    },
  ];
}

/** The 766 counters summed directly: the five tables the counted path reads (migrations 0017, 0020), one statement. */
export function countersBare(unit: string): string {
  const where = `where span = 'm' and day < '2026-01-01' and province_code = $1 ${unit}`;
  const sums = (table: string, columns: string) =>
    `(select row(${columns.split(" ").map((c) => `sum(${c})`)}) from ${table} ${where})`;
  return `select ${[
    sums(
      "quality_counts",
      "received online with_fee paid_online e_result digitized open_on open_off ended ended_on_time",
    ),
    sums("quality_processing_counts", "completed processing_ms unplaced"),
    sums("quality_request_counts", "open_on open_off ended ended_on_time"),
    sums("quality_request_resumes", "resumed resumed_on_time"),
    sums("quality_request_processing", "completed processing_ms unplaced"),
  ].join(", ")}`;
}
