// Phản ánh, kiến nghị: feedback carried over, received, answered in time or late, open within or past its
// due date at the period's end and published, by unit or topic, with the formulas as the server states them
// (GET /api/reports/feedback).
import { Card, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatCount, formatShare } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { FeedbackReport, FeedbackRow } from "../../types.ts";
import { FilterBar, useReportFilters } from "./filters.tsx";

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

export default function FeedbackReportPage() {
  useTitle("Phản ánh, kiến nghị");
  const filters = useReportFilters();
  const by = filters.params.get("by") === "topic" ? "topic" : "unit";
  const { data, error, loading } = useLoad(
    (signal) => (filters.ready ? api.get<FeedbackReport>("/reports/feedback", { ...filters.query, by }, signal) : null),
    [filters.from, filters.to, filters.unit, by],
  );
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
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Phản ánh, kiến nghị về thủ tục hành chính
      </Typography.Title>
      <FilterBar filters={filters}>
        <Select
          aria-label="Thống kê theo"
          style={{ width: 150 }}
          value={by}
          onChange={(v) => filters.update({ by: v })}
          options={[
            { value: "unit", label: "Đơn vị" },
            { value: "topic", label: "Nội dung" },
          ]}
        />
      </FilterBar>
      <ProblemAlert message={error} />
      <Table<FeedbackRow>
        size="small"
        bordered
        rowKey="key"
        loading={loading}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid="feedback-table"
        columns={columns}
        dataSource={data ? [...data.rows, data.total] : []}
        locale={{ emptyText: "Không có phản ánh, kiến nghị trong kỳ" }}
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
    </Space>
  );
}
