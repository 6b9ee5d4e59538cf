// Phản ánh, kiến nghị: feedback carried over, received, answered in time or late, open within or past its
// due date at the period's end and published, by unit or topic, with the formulas as the server states them
// (GET /api/reports/feedback).
import { Card, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ReportPage, ReportTable, useReport } from "../../components/ReportPage.tsx";
import { choice } from "../../components/ReportPageChoices.ts";
import { formatCount, formatShare } from "../../format.ts";
import type { FeedbackRow } from "../../types.ts";
import { reports } from "../../api/reports.ts";

export const FEEDBACK_COLUMNS: { key: Exclude<keyof FeedbackRow, "key" | "label" | "inTimeRate">; label: string }[] = [
  { key: "carriedOver", label: "Kỳ trước chuyển sang" },
  { key: "received", label: "Tiếp nhận trong kỳ" },
  { key: "answered", label: "Đã trả lời" },
  { key: "answeredInTime", label: "Trả lời đúng hạn" },
  { key: "answeredLate", label: "Trả lời quá hạn" },
  { key: "openWithinDue", label: "Chưa trả lời, trong hạn" },
  { key: "openOverdue", label: "Chưa trả lời, quá hạn" },
  { key: "published", label: "Đã công khai" },
];

const CHOICES = [choice("by", "Thống kê theo", 150, { unit: "Đơn vị", topic: "Nội dung" })];

export default function FeedbackReportPage() {
  const report = useReport(CHOICES, reports.feedback);
  const { data, loading } = report;
  const by = report.choice.by;
  const columns: ColumnsType<FeedbackRow> = [
    {
      title: by === "unit" ? "Đơn vị" : "Nội dung",
      dataIndex: "key",
      render: (k: string, r) => (k === "total" ? <strong>Tổng cộng</strong> : (r.label ?? k)),
    },
    ...FEEDBACK_COLUMNS.map((c) => ({
      title: <span title={data?.formulas[c.key]}>{c.label}</span>,
      key: c.key,
      align: "right" as const,
      render: (_v: unknown, r: FeedbackRow) => formatCount(r[c.key]),
    })),
    {
      title: <span title={data?.formulas.inTimeRate}>Tỷ lệ trả lời đúng hạn</span>,
      key: "inTimeRate",
      align: "right",
      render: (_v, r) => formatShare(r.inTimeRate),
    },
  ];
  return (
    <ReportPage title="Phản ánh, kiến nghị" heading="Phản ánh, kiến nghị về thủ tục hành chính" report={report}>
      <ReportTable<FeedbackRow>
        testId="feedback-table"
        rowKey="key"
        loading={loading}
        columns={columns}
        rows={data ? [...data.rows, data.total] : []}
        empty="Không có phản ánh, kiến nghị trong kỳ"
      />
      {data && (
        <Card size="small" title="Cách tính">
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="feedback-formulas">
            {FEEDBACK_COLUMNS.map((c) => (
              <li key={c.key}>
                <strong>{c.label}:</strong> {data.formulas[c.key]}
              </li>
            ))}
            <li>
              <strong>Tỷ lệ trả lời đúng hạn:</strong> {data.formulas.inTimeRate}
            </li>
            <li>
              <strong>Đẳng thức:</strong> {data.formulas.identity}
            </li>
          </ul>
          {data.ids.answeredLate.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 8 }} data-testid="feedback-late-ids">
              Số phản ánh trả lời quá hạn: {data.ids.answeredLate.map((id) => `#${id}`).join(", ")}
            </Typography.Paragraph>
          )}
          {data.ids.openOverdue.length > 0 && (
            <Typography.Paragraph data-testid="feedback-overdue-ids">
              Số phản ánh chưa trả lời, quá hạn: {data.ids.openOverdue.map((id) => `#${id}`).join(", ")}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </ReportPage>
  );
}
