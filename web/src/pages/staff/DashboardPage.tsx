// The leader's dashboard: results for any period by field/unit/procedure, headline figures, overdue and
// late-without-apology lists, channels. Every figure links to the dossiers it counts.
import { Button, Card, Col, Row, Select, Space, Statistic, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../../api.ts";
import { unitsFor, useAuth } from "../../auth.tsx";
import { PeriodPicker, presetPeriod } from "../../components/PeriodPicker.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ResultsTable } from "../../components/ResultsTable.tsx";
import { formatCount, formatPercent } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { ResultsReport, ResultsRow } from "../../types.ts";
import { ChannelChart, OutcomeChart } from "./ChannelChart.tsx";
import { DossierList } from "./DossierList.tsx";

const BY: Record<string, string> = {
  field: "Lĩnh vực",
  unit: "Đơn vị",
  procedure: "Thủ tục",
  "field-level": "Lĩnh vực và cấp",
};

/** GET /api/reports/indicators: Decision 766's indicators, each with its formula and counts. */
interface Indicators {
  indicators: {
    id: string;
    kind: "rate" | "average";
    value: number | null;
    numerator?: number;
    denominator?: number;
  }[];
}

export default function DashboardPage() {
  useTitle("Báo cáo, thống kê");
  const { user } = useAuth();
  const units = unitsFor(user, "leader", "reform_officer");
  const [params, setParams] = useSearchParams();
  const def = presetPeriod("year");
  const from = params.get("from") ?? def.from;
  const to = params.get("to") ?? def.to;
  const unit = params.get("unit") ?? units[0]?.code;
  const by = params.get("by") ?? "field";
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  const query = { from, to, unit, by };
  const report = useLoad((signal) => api.get<ResultsReport>("/reports/results", query, signal), [from, to, unit, by]);
  const indicators = useLoad(
    (signal) => api.get<Indicators>("/reports/indicators", { from, to, unit }, signal),
    [from, to, unit],
  );
  const drill = (key: string, column: keyof ResultsRow) =>
    `/can-bo/bao-cao/chi-tiet?${new URLSearchParams({ from, to, by, key, column, ...(unit ? { unit } : {}) })}`;
  const t = report.data?.total;
  const onTime = indicators.data?.indicators.find((i) => i.id === "on-time-766");
  const rate = onTime?.value === null || onTime?.value === undefined ? null : onTime.value * 100;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Báo cáo kết quả giải quyết thủ tục hành chính
      </Typography.Title>
      <Space wrap>
        {units.length > 0 && (
          <Select
            aria-label="Đơn vị"
            style={{ minWidth: 220 }}
            value={unit}
            onChange={(v) => update({ unit: v })}
            options={units.map((u) => ({ value: u.code, label: u.name }))}
          />
        )}
        <PeriodPicker value={{ from, to }} onChange={(p) => update(p as unknown as Record<string, string>)} />
        <Select
          aria-label="Thống kê theo"
          style={{ width: 180 }}
          value={by}
          onChange={(v) => update({ by: v })}
          options={Object.entries(BY).map(([value, label]) => ({ value, label }))}
        />
        <Button href={api.url("/reports/results", { ...query, format: "xlsx" })}>Tải Excel</Button>
        <Button href={api.url("/reports/results", { ...query, format: "csv" })}>Tải CSV</Button>
      </Space>
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
              <Statistic title="Tỷ lệ đúng hạn (Chỉ số 766)" value={formatPercent(rate)} />
              <Link to={drill("total", "finishedOnTime")}>Xem hồ sơ đúng hạn</Link>
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
              <Statistic title="Đang quá hạn" value={formatCount(t.openOverdue)} valueStyle={{ color: "#a8071a" }} />
              <Link to={drill("total", "openOverdue")}>Xem hồ sơ</Link>
            </Card>
          </Col>
        </Row>
      )}
      {report.data && t && <ResultsTable rows={report.data.rows} total={t} keyTitle={BY[by] ?? by} drillHref={drill} />}
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
