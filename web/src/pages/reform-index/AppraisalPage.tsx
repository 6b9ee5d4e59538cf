// Thẩm định Chỉ số CCHC: the appraiser (reform officer of the province or district) picks a commune and sees,
// per sub-criterion, the self-score with its evidence and note beside the appraisal rounds, the explanation and
// the score reached; in an appraisal phase they enter the round's score and comment (AssessModal).
import { Button, Card, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { reformIndex } from "../../api/reform-index.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { AssessModal } from "./AssessModal.tsx";
import { leaves, points } from "./format.ts";
import { LostPointsCard, PhaseSteps, UnitYearSelect, useIndexView } from "./parts.tsx";
import { type AssessMode, modeFor, statusOf } from "./rules.ts";
import { EvidenceLinks } from "./ScorecardPage.tsx";
import type { ScoredNode } from "./types.ts";

export default function AppraisalPage() {
  useTitle("Thẩm định Chỉ số CCHC");
  const view = useIndexView();
  const commune = view.params.get("commune") ?? "";
  const [editing, setEditing] = useState<{ node: ScoredNode; mode: AssessMode }>();
  const standings = useLoad(
    (signal) => (view.unit ? reformIndex.standings({ unit: view.unit, year: view.year }, signal) : null),
    [view.unit, view.year],
  );
  const card = useLoad(
    (signal) => (commune ? reformIndex.card({ unit: commune, year: view.year }, signal) : null),
    [commune, view.year],
  );
  const data = card.data;
  const a = (code: string) => data?.assessments[code];
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
            columns={[
              { title: "Mã", dataIndex: "code", width: 80 },
              { title: "Tiêu chí", dataIndex: "name" },
              { title: "Tối đa", key: "max", width: 70, align: "right", render: (_v, n) => points(n.max) },
              {
                title: "Tự chấm, kiểm chứng",
                key: "self",
                render: (_v, n) =>
                  n.source === "auto" ? (
                    <Typography.Text type="secondary">Tự động: {n.formula}</Typography.Text>
                  ) : (
                    <Space direction="vertical" size={0}>
                      <strong>{points(a(n.code)?.selfScore)}</strong>
                      {a(n.code)?.selfNote && <Typography.Text type="secondary">{a(n.code)?.selfNote}</Typography.Text>}
                      <EvidenceLinks unit={data.unit} year={data.year} code={n.code} a={a(n.code)} />
                      {n.warnings.map((w) => (
                        <Typography.Text key={w} type="warning">
                          ⚠ Thiếu tài liệu kiểm chứng
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
              },
              {
                title: "Lần 1",
                key: "a1",
                width: 70,
                align: "right",
                render: (_v, n) => points(a(n.code)?.appraisal1),
              },
              { title: "Giải trình", key: "ex", render: (_v, n) => a(n.code)?.explanation ?? "" },
              {
                title: "Lần 2",
                key: "a2",
                width: 70,
                align: "right",
                render: (_v, n) => points(a(n.code)?.appraisal2),
              },
              { title: "Chốt", key: "fin", width: 70, align: "right", render: (_v, n) => points(a(n.code)?.final) },
              { title: "Ý kiến thẩm định", key: "note", render: (_v, n) => a(n.code)?.appraiserNote ?? "" },
              {
                title: "Điểm",
                key: "score",
                width: 70,
                align: "right",
                render: (_v, n) => <strong>{points(n.score)}</strong>,
              },
              {
                title: "",
                key: "act",
                width: 140,
                render: (_v, n) => {
                  const mode = modeFor(data, n);
                  const s = statusOf(n, a(n.code));
                  return mode && mode !== "self" && mode !== "explanation" ? (
                    <Button
                      size="small"
                      onClick={() => setEditing({ node: n, mode })}
                      aria-label={`Thẩm định ${n.code}`}
                    >
                      Thẩm định
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">{s.text}</Typography.Text>
                  );
                },
              },
            ]}
          />
          <LostPointsCard lost={data.lost} />
        </>
      )}
      {editing && data && (
        <AssessModal
          unit={data.unit}
          year={data.year}
          node={editing.node}
          mode={editing.mode}
          assessment={a(editing.node.code)}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) {
              card.reload();
              standings.reload();
            }
          }}
        />
      )}
    </Space>
  );
}
