// Thẩm định Chỉ số CCHC: the appraiser (reform officer of the province or district) picks a commune and sees,
// per sub-criterion, the self-score with its evidence and note beside the appraisal rounds, the explanation and
// the score reached; in an appraisal phase they enter the round's score and comment (AssessModal).
import { Card, Select, Space, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { reformIndex } from "../../api/reform-index.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { appraisalColumns } from "./columns.tsx";
import { useAssessEditing } from "./editing.tsx";
import { leaves, points } from "./format.ts";
import { LostPointsCard, PhaseSteps, UnitYearSelect, useIndexView } from "./parts.tsx";
import type { ScoredNode } from "./types.ts";

export default function AppraisalPage() {
  useTitle("Thẩm định Chỉ số CCHC");
  const view = useIndexView();
  const commune = view.params.get("commune") ?? "";
  const standings = useLoad(
    (signal) => (view.unit ? reformIndex.standings({ unit: view.unit, year: view.year }, signal) : null),
    [view.unit, view.year],
  );
  const card = useLoad(
    (signal) => (commune ? reformIndex.card({ unit: commune, year: view.year }, signal) : null),
    [commune, view.year],
  );
  const data = card.data;
  const { edit, modal } = useAssessEditing(data, () => {
    card.reload();
    standings.reload();
  });
  const rows = data ? [...leaves(data.nodes)].filter((n) => n.max !== null) : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Thẩm định Chỉ số CCHC{data ? ` — ${data.unitName}` : ""}
      </Typography.Title>
      <Space wrap>
        <UnitYearSelect view={view} label="Tỉnh, huyện" />
        <Select
          aria-label="Xã, phường"
          style={{ minWidth: 240 }}
          placeholder="Chọn xã, phường"
          value={commune || undefined}
          options={(standings.data?.ranking ?? []).map((r) => ({ value: r.unit, label: r.name }))}
          onChange={(c: string) => view.set({ commune: c })}
        />
        {data && <Link to={`/can-bo/chi-so-cchc?unit=${data.unit}&year=${data.year}`}>Bảng điểm đầy đủ</Link>}
      </Space>
      <ProblemAlert message={standings.error ?? card.error} />
      {data && (
        <>
          <Card size="small">
            <Space direction="vertical" style={{ width: "100%" }}>
              <Typography.Text data-testid="appraisal-totals">
                Tự chấm {points(data.selfTotal)} · Thẩm định {points(data.total)}/{points(data.max)}
                {data.band ? ` · ${data.band}` : ""}
              </Typography.Text>
              <PhaseSteps card={data} />
              {!data.may.appraise && (
                <Typography.Text type="warning">Tài khoản không có quyền thẩm định đơn vị này.</Typography.Text>
              )}
            </Space>
          </Card>
          <Table<ScoredNode>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 1100 }}
            data-testid="appraisal-table"
            columns={appraisalColumns(data, edit)}
          />
          <LostPointsCard lost={data.lost} />
        </>
      )}
      {modal}
    </Space>
  );
}
