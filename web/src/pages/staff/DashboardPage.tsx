// The leader's dashboard: results for any period by field/unit/procedure, headline figures, overdue and
// late-without-apology lists, channels. Every figure links to the dossiers it counts.
import { Button, Card, Col, Row, Select, Space, Statistic, Typography } from "antd";
import { Link } from "react-router-dom";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ResultsTable } from "../../components/ResultsTable.tsx";
import { formatCount } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { ResultsRow } from "../../types.ts";
import { FilterBar, useReportFilters } from "../reports/filters.tsx";
import { indicatorHref, indicatorValue, useIndicators } from "../reports/IndicatorsPage.tsx";
import { drillHref, GROUPINGS } from "../reports/ResultsReportPage.tsx";
import { ChannelChart, OutcomeChart } from "./ChannelChart.tsx";
import { DossierList } from "./DossierList.tsx";
import { ReformProgressCard } from "./ReformProgressCard.tsx";
import { dossiers } from "../../api/dossiers.ts";
import { reports } from "../../api/reports.ts";

/** Today's date in Vietnam (YYYY-MM-DD). */
function todayLocal(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
}

/** 2026-03-31 → 31/03/2026. */
function formatLocalDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

export default function DashboardPage() {
  useTitle("Báo cáo, thống kê");
  const filters = useReportFilters();
  const { from, to, unit } = filters;
  const by = filters.params.get("by") ?? "field";
  const query = { ...filters.query, by };
  const report = useLoad((signal) => (filters.ready ? reports.results(query, signal) : null), [from, to, unit, by]);
  // only the figures: from the server's counters, without the codes behind them (issue 20)
  const indicatorQuery = { ...filters.query, codes: "false" };
  const indicators = useIndicators(indicatorQuery, filters.ready);
  const drill = (key: string, column: keyof ResultsRow) => drillHref(query, key, column);
  // a stock on a live dashboard is as of now (issue 15): the overdue queue's own count, not the period's end
  const live = filters.ready && (to ?? "") >= todayLocal();
  const stock = useLoad((signal) => (live ? dossiers.stock(unit, signal) : null), [live, unit]);
  const t = report.data?.total;
  const onTime = indicators.data?.indicators.find((i) => i.id === "on-time-766");

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Báo cáo kết quả giải quyết thủ tục hành chính
      </Typography.Title>
      <FilterBar filters={filters}>
        <Select
          aria-label="Thống kê theo"
          style={{ width: 180 }}
          value={by}
          onChange={(v) => filters.update({ by: v })}
          options={Object.entries(GROUPINGS).map(([value, label]) => ({ value, label }))}
        />
        <Button href={api.url("/reports/results", { ...query, format: "xlsx" })}>Tải Excel</Button>
        <Button href={api.url("/reports/results", { ...query, format: "csv" })}>Tải CSV</Button>
      </FilterBar>
      <ProblemAlert message={report.error} />
      {t && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title="Tiếp nhận trong kỳ" value={formatCount(t.received)} />
              <Link to={drill("total", "received")}>Xem hồ sơ</Link>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title="Tỷ lệ đúng hạn (Chỉ số 766)"
                value={onTime ? indicatorValue(onTime) : "—"}
                data-testid="headline-on-time"
              />
              {/* the index's own measure (supplements excluded, more than one request = late), not finishedOnTime */}
              <Link to={indicatorHref("on-time-766", filters.search)}>Xem hồ sơ của chỉ số</Link>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title="Giải quyết trễ hạn"
                value={formatCount(t.finishedLate)}
                valueStyle={{ color: "#a8071a" }}
              />
              <Link to={drill("total", "finishedLate")}>Xem hồ sơ</Link>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              {live ? (
                <>
                  <Statistic
                    title="Đang quá hạn (hiện tại)"
                    value={stock.data ? `${stock.data.exact ? "" : "khoảng "}${formatCount(stock.data.overdue)}` : "—"}
                    valueStyle={{ color: "#a8071a" }}
                    data-testid="headline-overdue"
                  />
                  <Link to={`/can-bo/hang-doi/qua-han${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`}>
                    Xem hồ sơ
                  </Link>
                </>
              ) : (
                <>
                  <Statistic
                    title={`Quá hạn tại ngày ${formatLocalDate(to ?? "")}`}
                    value={formatCount(t.openOverdue)}
                    valueStyle={{ color: "#a8071a" }}
                    data-testid="headline-overdue"
                  />
                  <Link to={drill("total", "openOverdue")}>Xem hồ sơ</Link>
                </>
              )}
            </Card>
          </Col>
        </Row>
      )}
      {report.data && t && (
        <ResultsTable rows={report.data.rows} total={t} keyTitle={GROUPINGS[by] ?? by} drillHref={drill} />
      )}
      {t && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title="Hồ sơ tiếp nhận theo kênh" size="small">
              <ChannelChart total={t} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title="Tình hình giải quyết" size="small">
              <OutcomeChart total={t} />
            </Card>
          </Col>
        </Row>
      )}
      <ReformProgressCard unit={unit} year={Number((to ?? new Date().toISOString()).slice(0, 4))} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Hồ sơ đang quá hạn" size="small">
            <DossierList query={{ queue: "overdue", unit }} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Hồ sơ trễ hạn chưa có thư xin lỗi" size="small">
            <DossierList query={{ queue: "late_without_apology", unit }} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
