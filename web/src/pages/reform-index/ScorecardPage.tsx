// Chỉ số CCHC of a unit: the criteria tree (field → criterion → sub-criterion) with maxima, the automatic score
// and its computation, the self-score, the appraisal rounds, the evidence cited (file and pages), a warning where
// required evidence is missing, the status of each node in the year's phase; the unit's officer self-scores
// (and explains) here, the level above appraises. Lost points and the .xlsx/.docx export below.
import { Alert, Card, Descriptions, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { reformIndex } from "../../api/reform-index.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { rowsOf, scorecardColumns } from "./columns.tsx";
import { useAssessEditing } from "./editing.tsx";
import { points } from "./format.ts";
import { ExportLinks, LostPointsCard, PhaseSteps, UnitYearSelect, useIndexView } from "./parts.tsx";
import type { Card as CardData } from "./types.ts";

/** The totals, self total, band, set, pending criteria and the year's phases. */
function TotalsCard({ data }: { data: CardData }) {
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: "total",
              label: "Điểm đạt",
              children: (
                <span data-testid="index-total">
                  {points(data.total)}/{points(data.max)}
                  {data.percent !== null ? ` (${points(data.percent)}%)` : ""}
                </span>
              ),
            },
            { key: "self", label: "Tự chấm", children: points(data.selfTotal) },
            { key: "band", label: "Xếp loại", children: data.band ?? "—" },
            { key: "set", label: "Bộ tiêu chí", children: `${data.setId} (phiên bản ${data.setVersion})` },
            { key: "pending", label: "Chưa chấm", children: data.pending.join(", ") || "—" },
            { key: "unscored", label: "Chờ tỉnh quy định điểm", children: data.unscored.length },
          ]}
        />
        <PhaseSteps card={data} />
      </Space>
    </Card>
  );
}

/** Scored criteria whose required evidence is missing. */
function EvidenceWarnings({ warnings }: { warnings: CardData["warnings"] }) {
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message="Có điểm nhưng thiếu tài liệu kiểm chứng (sẽ bị trừ khi thẩm định)"
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      }
    />
  );
}

export default function ScorecardPage() {
  useTitle("Chỉ số CCHC");
  const view = useIndexView();
  const card = useLoad(
    (signal) => (view.unit ? reformIndex.card({ unit: view.unit, year: view.year }, signal) : null),
    [view.unit, view.year],
  );
  const data = card.data;
  const { edit, modal } = useAssessEditing(data, card.reload);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Chỉ số cải cách hành chính{data ? ` — ${data.unitName}` : ""}
      </Typography.Title>
      <Space wrap>
        <UnitYearSelect view={view} extra={data ? { code: data.unit, name: data.unitName } : undefined} />
        <Link to={`/can-bo/chi-so-cchc/xep-hang?year=${view.year}`}>Xếp hạng</Link>
        {data && <ExportLinks unit={data.unit} year={data.year} />}
      </Space>
      <ProblemAlert message={card.error} />
      {data && (data.unitKind === "province" || data.unitKind === "district") && (
        <Alert
          type="info"
          showIcon
          message="Chỉ số CCHC chấm cho từng xã, phường: chọn đơn vị ở trang xếp hạng hoặc thẩm định."
          description={
            <Space>
              <Link to={`/can-bo/chi-so-cchc/xep-hang?unit=${data.unit}&year=${data.year}`}>
                Xếp hạng các xã, phường
              </Link>
              <Link to={`/can-bo/chi-so-cchc/tham-dinh?unit=${data.unit}&year=${data.year}`}>Thẩm định</Link>
            </Space>
          }
        />
      )}
      {data && data.unitKind !== "province" && data.unitKind !== "district" && (
        <>
          <TotalsCard data={data} />
          <EvidenceWarnings warnings={data.warnings} />
          <Table
            key={`${data.unit}-${data.year}`}
            rowKey="code"
            size="small"
            columns={scorecardColumns(data, edit)}
            dataSource={rowsOf(data.nodes)}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 960 }}
            data-testid="index-tree"
          />
          <LostPointsCard lost={data.lost} />
        </>
      )}
      {modal}
    </Space>
  );
}
