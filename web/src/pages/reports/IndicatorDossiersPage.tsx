// The dossiers behind one Decision 766 indicator: for a rate, the dossiers of its numerator and of its
// denominator; for an average, the dossiers averaged. The figure comes from the counters (codes=false); each list
// is read a keyset page at a time from GET /api/reports/indicators/{id}/dossiers, recent first.
import { Alert, Card, Col, Row, Statistic, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { formatCount, formatDate } from "../../format.ts";
import { indicatorCounts, indicatorValue } from "./IndicatorsPage.tsx";
import { IndicatorPartList } from "./IndicatorPartList.tsx";
import { reports } from "../../api/reports.ts";

export default function IndicatorDossiersPage() {
  const { id = "" } = useParams();
  const report = useReport([], (query, signal) => reports.indicators({ ...query, codes: "false" }, signal));
  const { data } = report;
  const indicator = data?.indicators.find((i) => i.id === id);
  const title = indicator?.name ?? "Chỉ số chất lượng";
  const { query } = report.filters;
  return (
    <ReportPage
      title={title}
      heading={<span data-testid="indicator-title">{title}</span>}
      report={report}
      before={<Link to={`/can-bo/bao-cao/chi-so?${report.filters.search}`}>← Về chỉ số chất lượng</Link>}
    >
      {data && !indicator && <Alert type="warning" showIcon title={`Không có chỉ số ${id}`} />}
      {indicator && (
        <>
          <Card>
            <Statistic
              title={`Kỳ ${formatDate(data?.from)} – ${formatDate(data?.to)}`}
              value={indicatorValue(indicator)}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Công thức: {indicator.formula}
            </Typography.Paragraph>
            <Typography.Paragraph>{indicatorCounts(indicator)}</Typography.Paragraph>
            {"source" in indicator && typeof indicator.source === "string" && (
              <Typography.Paragraph type="secondary" data-testid="indicator-source">
                Nguồn: {indicator.source}
              </Typography.Paragraph>
            )}
          </Card>
          {indicator.kind === "rate" ? (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <IndicatorPartList
                  id={id}
                  part="numerator"
                  query={query}
                  testId="numerator-list"
                  title={(n) => `Tử số: ${formatCount(n ?? indicator.numerator)} hồ sơ`}
                />
              </Col>
              <Col xs={24} lg={12}>
                <IndicatorPartList
                  id={id}
                  part="denominator"
                  query={query}
                  testId="denominator-list"
                  title={(n) => `Mẫu số: ${formatCount(n ?? indicator.denominator)} hồ sơ`}
                />
              </Col>
            </Row>
          ) : (
            <IndicatorPartList
              id={id}
              part="denominator"
              query={query}
              testId="average-list"
              title={(n) => `Hồ sơ đã giải quyết: ${formatCount(n ?? indicator.count)}`}
            />
          )}
        </>
      )}
    </ReportPage>
  );
}
