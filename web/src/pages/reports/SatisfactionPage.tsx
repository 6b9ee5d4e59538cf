// Mức độ hài lòng: ratings given in the period by field or unit, on the satisfaction scale or on seed 004's
// survey scale (đơn giản / cần giảm giấy tờ / phức tạp), ballots and the share of each answer
// (GET /api/reports/satisfaction).
import type { ColumnsType } from "antd/es/table";
import { RATING_WORDS, type Rating } from "../../../../src/figures/satisfaction.ts";
import { ReportPage, ReportTable, useReport } from "../../components/ReportPage.tsx";
import { choice } from "../../components/ReportPageChoices.ts";
import { formatCount, formatShare } from "../../format.ts";
import type { SatisfactionRow } from "../../types.ts";
import { useUnitNames } from "./LateReportPage.tsx";
import { reports } from "../../api/reports.ts";

const CHOICES = [
  choice("by", "Thống kê theo", 150, { field: "Lĩnh vực", unit: "Đơn vị" }),
  choice("scale", "Thang đánh giá", 300, {
    satisfaction: "Mức độ hài lòng",
    procedure: "Đánh giá thủ tục (đơn giản / cần giảm giấy tờ / phức tạp)",
  }),
];

export default function SatisfactionPage() {
  const report = useReport(CHOICES, reports.satisfaction);
  const { data, loading } = report;
  const by = report.choice.by;
  const names = useUnitNames(report.filters.unit);
  const keyName = (k: string) =>
    k === "total" ? "Tổng cộng" : by === "unit" && names.get(k) ? `${names.get(k)} (${k})` : k || "—";
  const columns: ColumnsType<SatisfactionRow> = [
    {
      title: by === "unit" ? "Đơn vị" : "Lĩnh vực",
      dataIndex: "key",
      render: (k: string) => (k === "total" ? <strong>{keyName(k)}</strong> : keyName(k)),
    },
    { title: "Số phiếu", dataIndex: "ballots", align: "right", render: (n: number) => formatCount(n) },
    ...(data?.scale ?? []).map((rating) => ({
      title: RATING_WORDS[rating as Rating] ?? rating,
      children: [
        {
          title: "Số phiếu",
          key: `${rating}-count`,
          align: "right" as const,
          render: (_v: unknown, r: SatisfactionRow) => formatCount(r.counts[rating]),
        },
        {
          title: "Tỷ lệ",
          key: `${rating}-share`,
          align: "right" as const,
          render: (_v: unknown, r: SatisfactionRow) => formatShare(r.shares[rating]),
        },
      ],
    })),
  ];
  return (
    <ReportPage title="Mức độ hài lòng" heading="Kết quả khảo sát mức độ hài lòng" report={report}>
      <ReportTable<SatisfactionRow>
        testId="satisfaction-table"
        rowKey="key"
        loading={loading}
        columns={columns}
        rows={data ? [...data.rows, data.total] : []}
        empty="Không có phiếu đánh giá trong kỳ"
      />
    </ReportPage>
  );
}
