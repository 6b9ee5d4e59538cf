// Đánh giá cán bộ: the ratings given in the period counted per officer rated — the staff member who handed the
// result over, or the assignee when it was returned online (GET /api/ratings/officers). Every figure is the
// server's: number of ratings, how many scored the officer, the officer's average and distribution, the
// service's average on the same dossiers.
import { Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ReportPage, ReportTable, useReport } from "../../components/ReportPage.tsx";
import { formatCount } from "../../format.ts";
import type { OfficerRatingsRow, OfficerScore } from "../../types.ts";
import { reports } from "../../api/reports.ts";

/** The officer's score in the words of the ratings table (5 rất hài lòng, 4 hài lòng, 3 bình thường, 1–2 không). */
export const OFFICER_SCORES: [OfficerScore, string][] = [
  ["very_satisfied", "Rất hài lòng"],
  ["satisfied", "Hài lòng"],
  ["neutral", "Bình thường"],
  ["dissatisfied", "Không hài lòng"],
];

/** Stars averaged by the server (two decimals), in Vietnamese notation. */
export function formatStars(value: number | null): string {
  return value === null ? "—" : value.toLocaleString("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export default function OfficerRatingsPage() {
  const report = useReport([], reports.officerRatings);
  const { data, loading } = report;
  const columns: ColumnsType<OfficerRatingsRow> = [
    {
      title: "Cán bộ",
      key: "officer",
      render: (_v, r) => `${r.officer.fullName} (${r.officer.username})`,
    },
    { title: "Số lượt đánh giá", dataIndex: "ratings", align: "right", render: (n: number) => formatCount(n) },
    {
      title: "Đánh giá về cán bộ",
      children: [
        {
          title: "Số lượt",
          key: "officerRatings",
          align: "right",
          render: (_v, r) => formatCount(r.officerRatings),
        },
        {
          title: "Điểm trung bình (1–5)",
          key: "averageOfficerStars",
          align: "right",
          render: (_v, r) => formatStars(r.averageOfficerStars),
        },
        ...OFFICER_SCORES.map(([score, label]) => ({
          title: label,
          key: score,
          align: "right" as const,
          render: (_v: unknown, r: OfficerRatingsRow) => formatCount(r.officerScores[score]),
        })),
      ],
    },
    {
      title: "Điểm trung bình dịch vụ (1–5)",
      key: "averageServiceStars",
      align: "right",
      render: (_v, r) => formatStars(r.averageServiceStars),
    },
  ];
  return (
    <ReportPage
      title="Đánh giá cán bộ"
      heading="Đánh giá của người dân theo cán bộ"
      report={report}
      intro={
        <Typography.Paragraph type="secondary">
          Mỗi lượt đánh giá gắn với cán bộ trả kết quả cho người dân (hoặc cán bộ được giao xử lý khi trả kết quả trực
          tuyến). Số lượt đánh giá về cán bộ chỉ tính các phiếu có chấm điểm cán bộ.
        </Typography.Paragraph>
      }
    >
      <ReportTable<OfficerRatingsRow>
        testId="officer-ratings-table"
        rowKey={(r) => r.officer.id}
        loading={loading}
        columns={columns}
        rows={data?.officers ?? []}
        empty="Không có đánh giá gắn với cán bộ trong kỳ"
      />
    </ReportPage>
  );
}
