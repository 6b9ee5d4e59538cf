// Chỉ số chất lượng (Quyết định 766/QĐ-TTg): each indicator with its section of the portal's description ("Mô tả
// công thức tính chỉ số 766"), value, formula as the server states it, numerator and denominator, its points where
// the description gives a threshold, and a link to the dossiers behind it; then the indicators of the set motcua
// has no data for, with their source (GET /api/reports/indicators).
import { Alert, Card, Col, Row, Statistic, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { formatCount, formatPercent, formatShare } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import type { Indicator, IndicatorsReport } from "../../types.ts";
import { reports } from "../../api/reports.ts";

/** What the server adds to each indicator (section, source, score) and the indicators it cannot compute. */
interface Score {
  threshold: number;
  maxPoints: number | null;
  share: number | null;
  points: number | null;
}
interface ProcedureAverage {
  procedure: string;
  count: number;
  totalDays: number;
  value: number;
}
type Described = Indicator & { code?: string; source?: string; score?: Score; byProcedure?: ProcedureAverage[] };
interface NotComputed {
  code: string;
  title: string;
  group: string;
  dataSources: string[];
  reason: string;
}
type Report766 = Omit<IndicatorsReport, "indicators"> & { indicators: Described[]; notComputed?: NotComputed[] };

const pct = (share: number) => formatPercent(share * 100);

/** "Đạt từ 80% trở lên: điểm tối đa; dưới 80%: tỷ lệ × điểm tối đa / 80%. Đạt 62,50% điểm tối đa." */
export function scoreText(s: Score): string {
  const rule = `Điểm: đạt từ ${pct(s.threshold)} trở lên được điểm tối đa; dưới ${pct(s.threshold)} tính tỷ lệ × điểm tối đa / ${pct(s.threshold)}.`;
  if (s.share === null) return `${rule} Chưa có hồ sơ để chấm.`;
  const max =
    s.maxPoints === null
      ? " (điểm tối đa của chỉ số: chưa tìm được văn bản quy định)"
      : ` = ${s.points?.toLocaleString("vi-VN", { maximumFractionDigits: 2 })}/${s.maxPoints} điểm`;
  return `${rule} Đạt ${pct(s.share)} điểm tối đa${max}.`;
}

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
    (signal) => (ready ? reports.indicators(query, signal) : null),
    [query.from, query.to, query.unit, ready],
  );
}

export default function IndicatorsPage() {
  // the figures only, from the counters (issue 20); the page of one indicator asks for the codes behind it
  const report = useReport([], (query, signal) => reports.indicators({ ...query, codes: "false" }, signal));
  const data = report.data as Report766 | undefined;
  return (
    <ReportPage
      title="Chỉ số chất lượng (Quyết định 766)"
      heading="Chỉ số chất lượng giải quyết thủ tục hành chính (Quyết định 766/QĐ-TTg)"
      report={report}
    >
      <Row gutter={[16, 16]}>
        {data?.indicators.map((i) => (
          <Col xs={24} md={12} xl={8} key={i.id}>
            <Card data-testid={`indicator-${i.id}`} style={{ height: "100%" }}>
              {i.code && <Tag color="blue">Mục {i.code}</Tag>}
              <Statistic title={i.name} value={indicatorValue(i)} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="indicator-formula">
                Công thức: {i.formula}
              </Typography.Paragraph>
              <Typography.Paragraph data-testid="indicator-counts">{indicatorCounts(i)}</Typography.Paragraph>
              {i.score && (
                <Typography.Paragraph data-testid="indicator-score">{scoreText(i.score)}</Typography.Paragraph>
              )}
              {i.byProcedure && i.byProcedure.length > 0 && <ByProcedure rows={i.byProcedure} />}
              {i.source && (
                <Typography.Paragraph type="secondary" data-testid="indicator-source">
                  Nguồn: {i.source}
                </Typography.Paragraph>
              )}
              <Link to={indicatorHref(i.id, report.filters.search)}>Xem hồ sơ của chỉ số</Link>
            </Card>
          </Col>
        ))}
      </Row>
      {data?.notComputed && <NotComputedTable rows={data.notComputed} />}
    </ReportPage>
  );
}

function NotComputedTable({ rows }: { rows: NotComputed[] }) {
  return (
    <Card title="Chỉ số không tính được trong motcua" data-testid="indicators-not-computed">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="Các chỉ số dưới đây cần dữ liệu ngoài motcua; hệ thống không ước tính thay."
      />
      <Table<NotComputed>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: "Mục", dataIndex: "code", width: 70 },
          { title: "Chỉ số", dataIndex: "title" },
          { title: "Nhóm", dataIndex: "group" },
          {
            title: "Lý do",
            key: "reason",
            render: (_, r) => `Không có dữ liệu trong motcua: ${r.reason}`,
          },
          { title: "Nguồn dữ liệu", key: "sources", render: (_, r) => r.dataSources.join("; ") },
        ]}
      />
    </Card>
  );
}

/** 2.2 per procedure (the description shows it for one procedure at a time). */
function ByProcedure({ rows }: { rows: ProcedureAverage[] }) {
  const days = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
  return (
    <details data-testid="indicator-by-procedure" style={{ marginBottom: 12 }}>
      <summary>Theo từng thủ tục ({formatCount(rows.length)} thủ tục)</summary>
      <Table<ProcedureAverage>
        rowKey="procedure"
        size="small"
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={rows}
        columns={[
          { title: "Mã thủ tục", dataIndex: "procedure" },
          { title: "Số hồ sơ", key: "count", align: "right", render: (_, r) => formatCount(r.count) },
          { title: "Trung bình (ngày làm việc)", key: "value", align: "right", render: (_, r) => days(r.value) },
        ]}
      />
    </details>
  );
}
