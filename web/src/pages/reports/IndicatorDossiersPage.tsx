// The dossiers behind one Decision 766 indicator: for a rate, the dossiers of its numerator and of its
// denominator; for an average, the dossiers averaged. Codes as the API returns them, each a link.
import { Alert, Card, Col, Row, Statistic, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { formatCount, formatDate } from "../../format.ts";
import { CodeTable } from "./CodeList.tsx";
import { indicatorCounts, indicatorValue } from "./IndicatorsPage.tsx";
import { reports } from "../../api/reports.ts";

/** The API lists at most 1,000 codes behind a figure (the counts are complete): say so when it is cut. */
function shown(codes: string[], count: number): string {
  return codes.length < count ? ` (hiển thị ${formatCount(codes.length)} mã đầu tiên)` : "";
}

export default function IndicatorDossiersPage() {
  const { id } = useParams();
  const report = useReport([], reports.indicators);
  const { data } = report;
  const indicator = data?.indicators.find((i) => i.id === id);
  const title = indicator?.name ?? "Chỉ số chất lượng";
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
                <Card
                  title={`Tử số: ${formatCount(indicator.numerator)} hồ sơ${shown(indicator.numeratorCodes, indicator.numerator)}`}
                  size="small"
                >
                  <CodeTable codes={indicator.numeratorCodes} testId="numerator-list" />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card
                  title={`Mẫu số: ${formatCount(indicator.denominator)} hồ sơ${shown(indicator.denominatorCodes, indicator.denominator)}`}
                  size="small"
                >
                  <CodeTable codes={indicator.denominatorCodes} testId="denominator-list" />
                </Card>
              </Col>
            </Row>
          ) : (
            <Card
              title={`Hồ sơ đã giải quyết: ${formatCount(indicator.count)}${shown(indicator.codes, indicator.count)}`}
              size="small"
            >
              <CodeTable codes={indicator.codes} testId="average-list" />
            </Card>
          )}
        </>
      )}
    </ReportPage>
  );
}
