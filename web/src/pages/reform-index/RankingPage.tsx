// Xếp hạng Chỉ số CCHC: the communes and wards under a province or district for a year, ranked by their
// appraised total (equal totals share a rank) with the self total beside it, the band, the number of lost
// criteria, and a chart of how many units fall in each band (GET /api/reform/index/standings).
import { Card, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { reformIndex } from "../../api/reform-index.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { BandChart } from "./BandChart.tsx";
import { points } from "./format.ts";
import { UnitYearSelect, useIndexView } from "./parts.tsx";
import type { Standing } from "./types.ts";

export default function RankingPage() {
  useTitle("Xếp hạng Chỉ số CCHC");
  const view = useIndexView();
  const standings = useLoad(
    (signal) => (view.unit ? reformIndex.standings({ unit: view.unit, year: view.year }, signal) : null),
    [view.unit, view.year],
  );
  const data = standings.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Xếp hạng Chỉ số CCHC cấp xã năm {view.year}
      </Typography.Title>
      <UnitYearSelect view={view} label="Tỉnh, huyện" />
      <ProblemAlert message={standings.error} />
      {data && (
        <Typography.Text type="secondary">
          Bộ tiêu chí {data.setId} (phiên bản {data.setVersion}); xếp hạng theo điểm thẩm định, bằng điểm cùng hạng.
        </Typography.Text>
      )}
      <Table<Standing>
        rowKey="unit"
        size="small"
        loading={standings.loading}
        pagination={false}
        dataSource={data?.ranking ?? []}
        data-testid="index-ranking"
        locale={{ emptyText: "Không có xã, phường trực thuộc" }}
        columns={[
          { title: "Hạng", key: "rank", width: 80, render: (_v, r) => `${r.rank}/${r.of}` },
          {
            title: "Đơn vị",
            key: "name",
            render: (_v, r) => <Link to={`/can-bo/chi-so-cchc?unit=${r.unit}&year=${view.year}`}>{r.name}</Link>,
          },
          { title: "Tự chấm", key: "self", align: "right", render: (_v, r) => points(r.selfTotal) },
          { title: "Thẩm định", key: "total", align: "right", render: (_v, r) => points(r.total) },
          { title: "Tối đa", key: "max", align: "right", render: (_v, r) => points(r.max) },
          {
            title: "Tỷ lệ",
            key: "pct",
            align: "right",
            render: (_v, r) => (r.percent === null ? "—" : `${points(r.percent)}%`),
          },
          { title: "Xếp loại", key: "band", render: (_v, r) => r.band ?? "—" },
          { title: "Tiêu chí bị trừ", dataIndex: "lost", align: "right" },
          {
            title: "",
            key: "go",
            render: (_v, r) => (
              <Link to={`/can-bo/chi-so-cchc/tham-dinh?unit=${view.unit}&year=${view.year}&commune=${r.unit}`}>
                Thẩm định
              </Link>
            ),
          },
        ]}
      />
      {data && (
        <Card size="small" title="Số đơn vị theo xếp loại">
          <BandChart bands={data.bands} />
        </Card>
      )}
    </Space>
  );
}
