// Chỉ số chất lượng (Quyết định 766/QĐ-TTg): each indicator with its value, its formula as the server states
// it, numerator and denominator, and a link to the dossiers behind it (GET /api/reports/indicators).
import { Card, Col, Row, Space, Statistic, Typography } from "antd";
import { Link } from "react-router-dom";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatCount, formatShare } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Indicator, IndicatorsReport } from "../../types.ts";
import { FilterBar, useReportFilters } from "./filters.tsx";

/** The value as shown: a percentage, or an average in working days. */
export function indicatorValue(i: Indicator): string {
  if (i.kind === "rate") return formatShare(i);
  return i.value === null ? "—" : `${i.value.toLocaleString("vi-VN", { maximumFractionDigits: 2 })} ngày làm việc`;
}

/** "88 / 92 hồ sơ" for a rate; "92 hồ sơ, tổng 310,5 ngày" for an average. */
export function indicatorCounts(i: Indicator): string {
  if (i.kind === "rate") return `Tử số ${formatCount(i.numerator)} / mẫu số ${formatCount(i.denominator)}`;
  return `${formatCount(i.count)} hồ sơ, tổng ${i.totalDays.toLocaleString("vi-VN", { maximumFractionDigits: 2 })} ngày làm việc`;
}

export function indicatorHref(id: string, search: string): string {
  return `/can-bo/bao-cao/chi-so/${encodeURIComponent(id)}${search ? `?${search}` : ""}`;
}

export function useIndicators(query: { from?: string; to?: string; unit?: string }, ready: boolean) {
  return useLoad(
    (signal) => (ready ? api.get<IndicatorsReport>("/reports/indicators", query, signal) : null),
    [query.from, query.to, query.unit, ready],
  );
}

export default function IndicatorsPage() {
  useTitle("Chỉ số chất lượng (Quyết định 766)");
  const filters = useReportFilters();
  const { data, error } = useIndicators(filters.query, filters.ready);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Chỉ số chất lượng giải quyết thủ tục hành chính (Quyết định 766/QĐ-TTg)
      </Typography.Title>
      <FilterBar filters={filters} />
      <ProblemAlert message={error} />
      <Row gutter={[16, 16]}>
        {data?.indicators.map((i) => (
          <Col xs={24} md={12} xl={8} key={i.id}>
            <Card data-testid={`indicator-${i.id}`} style={{ height: "100%" }}>
              <Statistic title={i.name} value={indicatorValue(i)} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="indicator-formula">
                Công thức: {i.formula}
              </Typography.Paragraph>
              <Typography.Paragraph data-testid="indicator-counts">{indicatorCounts(i)}</Typography.Paragraph>
              <Link to={indicatorHref(i.id, filters.search)}>Xem hồ sơ của chỉ số</Link>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
