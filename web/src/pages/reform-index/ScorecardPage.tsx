// Chỉ số CCHC of a unit: the criteria tree (field → criterion → sub-criterion) with maxima, the automatic score
// and its computation, the self-score, the appraisal rounds, the evidence cited (file and pages), a warning where
// required evidence is missing, the status of each node in the year's phase; the unit's officer self-scores
// (and explains) here, the level above appraises. Lost points and the .xlsx/.docx export below.
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { reformIndex } from "../../api/reform-index.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { AssessModal } from "./AssessModal.tsx";
import { type AssessMode, modeFor, statusOf } from "./rules.ts";
import { points } from "./format.ts";
import { ExportLinks, LostPointsCard, PhaseSteps, UnitYearSelect, useIndexView } from "./parts.tsx";
import type { Assessment, ScoredNode } from "./types.ts";

export function EvidenceLinks({ unit, year, code, a }: { unit: string; year: number; code: string; a?: Assessment }) {
  const files = [...(a?.evidence ?? []), ...(a?.explanationEvidence ?? [])];
  if (!files.length) return null;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {files.map((e) => (
        <li key={e.fileId}>
          <a href={reformIndex.evidenceUrl({ unit, year, code, fileId: e.fileId })} target="_blank" rel="noreferrer">
            {e.name ?? "Tệp"}
          </a>
          {e.pages ? `, tr. ${e.pages}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** A table row: the node, its children only when it has some (an empty list would show an expand icon). */
interface Row {
  code: string;
  node: ScoredNode;
  children?: Row[];
}

const rowsOf = (nodes: readonly ScoredNode[]): Row[] =>
  nodes.map((node) => ({
    code: node.code,
    node,
    ...(node.children.length ? { children: rowsOf(node.children) } : {}),
  }));

export default function ScorecardPage() {
  useTitle("Chỉ số CCHC");
  const view = useIndexView();
  const [editing, setEditing] = useState<{ node: ScoredNode; mode: AssessMode }>();
  const card = useLoad(
    (signal) => (view.unit ? reformIndex.card({ unit: view.unit, year: view.year }, signal) : null),
    [view.unit, view.year],
  );
  const data = card.data;
  const columns: ColumnsType<Row> = [
    { title: "Mã", dataIndex: "code", width: 120 },
    {
      title: "Tiêu chí",
      key: "name",
      render: (_v, { node: n }) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong={n.children.length > 0}>{n.name}</Typography.Text>
          {n.warnings.map((w) => (
            <Typography.Text key={w} type="warning">
              ⚠ {w}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: "Tối đa", key: "max", width: 70, align: "right", render: (_v, { node: n }) => points(n.max) },
    {
      title: "Tự chấm",
      key: "self",
      width: 80,
      align: "right",
      render: (_v, { node: n }) => (n.children.length ? "" : points(data?.assessments[n.code]?.selfScore)),
    },
    {
      title: "Thẩm định",
      key: "appraised",
      width: 110,
      align: "right",
      render: (_v, { node: n }) => {
        const a = data?.assessments[n.code];
        if (!a) return "";
        return [a.appraisal1, a.appraisal2, a.final]
          .map((x, i) => (x === null ? null : `${["L1", "L2", "Chốt"][i]}: ${points(x)}`))
          .filter(Boolean)
          .join(" · ");
      },
    },
    {
      title: "Điểm",
      key: "score",
      width: 70,
      align: "right",
      render: (_v, { node: n }) => <strong data-testid={`score-${n.code}`}>{points(n.score)}</strong>,
    },
    {
      title: "Cách tính, tài liệu kiểm chứng",
      key: "how",
      render: (_v, { node: n }) =>
        n.children.length ? null : (
          <Space direction="vertical" size={0}>
            {n.formula && <Typography.Text type="secondary">{n.formula}</Typography.Text>}
            {data && <EvidenceLinks unit={data.unit} year={data.year} code={n.code} a={data.assessments[n.code]} />}
            {data?.assessments[n.code]?.appraiserNote && (
              <Typography.Text italic>Thẩm định: {data.assessments[n.code]?.appraiserNote}</Typography.Text>
            )}
            {data?.assessments[n.code]?.explanation && (
              <Typography.Text>Giải trình: {data.assessments[n.code]?.explanation}</Typography.Text>
            )}
          </Space>
        ),
    },
    {
      title: "Trạng thái",
      key: "status",
      width: 130,
      render: (_v, { node: n }) => {
        const s = statusOf(n, data?.assessments[n.code]);
        const mode = data ? modeFor(data, n) : null;
        return (
          <Space direction="vertical" size={4}>
            {s.text && (
              <Tag color={s.color} style={{ whiteSpace: "normal" }}>
                {s.text}
              </Tag>
            )}
            {mode && (
              <Button size="small" onClick={() => setEditing({ node: n, mode })} aria-label={`Chấm ${n.code}`}>
                {mode === "self" ? "Tự chấm" : mode === "explanation" ? "Giải trình" : "Thẩm định"}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
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
          {data.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="Có điểm nhưng thiếu tài liệu kiểm chứng (sẽ bị trừ khi thẩm định)"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {data.warnings.map((w) => (
                    <li key={w.code}>{w.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Table
            key={`${data.unit}-${data.year}`}
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={rowsOf(data.nodes)}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 960 }}
            data-testid="index-tree"
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
          assessment={data.assessments[editing.node.code]}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) card.reload();
          }}
        />
      )}
    </Space>
  );
}
