// Public statistics of resolved dossiers and the public apologies for late ones (no personal data).
import { Card, Col, Row, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { type Period, PeriodPicker, presetPeriod } from "../../components/PeriodPicker.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ResultsTable } from "../../components/ResultsTable.tsx";
import { formatCount, formatDate, formatInstant, formatPercent } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { publicApi } from "../../api/public.ts";
import type { PublicApology } from "../../types.ts";

export default function StatisticsPage() {
  useTitle("Thống kê kết quả giải quyết hồ sơ");
  const [period, setPeriod] = useState<Period>(() => presetPeriod("year"));
  const { data, error, loading } = useLoad((signal) => publicApi.statistics(period, signal), [period.from, period.to]);
  const t = data?.total;
  const finished = t ? t.finishedEarly + t.finishedOnTime + t.finishedLate : 0;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        Thống kê kết quả giải quyết hồ sơ
      </Typography.Title>
      <PeriodPicker value={period} onChange={setPeriod} />
      <ProblemAlert message={error} />
      {t && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card loading={loading}>
              <Statistic title="Hồ sơ tiếp nhận" value={formatCount(t.received)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card loading={loading}>
              <Statistic title="Đã giải quyết" value={formatCount(finished)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card loading={loading}>
              <Statistic title="Đúng hạn và trước hạn" value={formatCount(t.finishedEarly + t.finishedOnTime)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card loading={loading}>
              <Statistic title="Tỷ lệ đúng hạn" value={formatPercent(data?.onTimeRate)} />
            </Card>
          </Col>
        </Row>
      )}
      {data && t && <ResultsTable rows={data.rows} total={t} keyTitle="Lĩnh vực" />}
      <Card title="Công khai xin lỗi vì chậm trễ">
        <Table<PublicApology>
          size="small"
          rowKey="code"
          loading={loading}
          scroll={{ x: true }}
          dataSource={data?.apologies ?? []}
          locale={{ emptyText: "Không có hồ sơ trễ hạn trong kỳ." }}
          columns={[
            { title: "Mã hồ sơ", dataIndex: "code" },
            { title: "Thủ tục", dataIndex: "procedure", render: (v?: string) => v ?? "—" },
            { title: "Cơ quan", dataIndex: "unit" },
            { title: "Ngày hẹn trả", dataIndex: "dueAt", render: (v: string | null) => formatInstant(v) },
            { title: "Ngày hẹn trả mới", dataIndex: "newDueAt", render: (v: string | null) => formatInstant(v) },
            { title: "Ngày xin lỗi", dataIndex: "day", render: (v: string) => formatDate(v) },
          ]}
        />
      </Card>
    </Space>
  );
}
