// Mức độ hài lòng: ratings given in the period by field or unit, on the satisfaction scale or on seed 004's
// survey scale (đơn giản / cần giảm giấy tờ / phức tạp), ballots and the share of each answer
// (GET /api/reports/satisfaction).
import { Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { RATING_WORDS, type Rating } from "../../../../src/figures/satisfaction.ts";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatCount, formatShare } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { SatisfactionReport, SatisfactionRow } from "../../types.ts";
import { FilterBar, useReportFilters } from "./filters.tsx";
import { useUnitNames } from "./LateReportPage.tsx";

export default function SatisfactionPage() {
  useTitle("Mức độ hài lòng");
  const filters = useReportFilters();
  const by = filters.params.get("by") === "unit" ? "unit" : "field";
  const scale = filters.params.get("scale") === "procedure" ? "procedure" : "satisfaction";
  const names = useUnitNames(filters.unit);
  const { data, error, loading } = useLoad(
    (signal) =>
      filters.ready
        ? api.get<SatisfactionReport>("/reports/satisfaction", { ...filters.query, by, scale }, signal)
        : null,
    [filters.from, filters.to, filters.unit, by, scale],
  );
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
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Kết quả khảo sát mức độ hài lòng
      </Typography.Title>
      <FilterBar filters={filters}>
        <Select
          aria-label="Thống kê theo"
          style={{ width: 150 }}
          value={by}
          onChange={(v) => filters.update({ by: v })}
          options={[
            { value: "field", label: "Lĩnh vực" },
            { value: "unit", label: "Đơn vị" },
          ]}
        />
        <Select
          aria-label="Thang đánh giá"
          style={{ width: 300 }}
          value={scale}
          onChange={(v) => filters.update({ scale: v })}
          options={[
            { value: "satisfaction", label: "Mức độ hài lòng" },
            { value: "procedure", label: "Đánh giá thủ tục (đơn giản / cần giảm giấy tờ / phức tạp)" },
          ]}
        />
      </FilterBar>
      <ProblemAlert message={error} />
      <Table<SatisfactionRow>
        size="small"
        bordered
        rowKey="key"
        loading={loading}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid="satisfaction-table"
        columns={columns}
        dataSource={data ? [...data.rows, data.total] : []}
        locale={{ emptyText: "Không có phiếu đánh giá trong kỳ" }}
      />
    </Space>
  );
}
