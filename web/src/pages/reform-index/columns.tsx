// The columns of the index pages: the scorecard's criteria tree (ScorecardPage) and the appraisal table of the
// leaves (AppraisalPage), each with the button that opens AssessModal for the phase's round.
import { Button, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { reformIndex } from "../../api/reform-index.ts";
import { points } from "./format.ts";
import { type AssessMode, modeFor, statusOf } from "./rules.ts";
import type { Assessment, Card, ScoredNode } from "./types.ts";

/** Opens the assessment of a node in a mode (useAssessEditing). */
export type Edit = (node: ScoredNode, mode: AssessMode) => void;

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
export interface Row {
  code: string;
  node: ScoredNode;
  children?: Row[];
}

export const rowsOf = (nodes: readonly ScoredNode[]): Row[] =>
  nodes.map((node) => ({
    code: node.code,
    node,
    ...(node.children.length ? { children: rowsOf(node.children) } : {}),
  }));

/** The scorecard tree's columns: maximum, self-score, appraisal rounds, score, computation, status. */
export function scorecardColumns(data: Card, edit: Edit): ColumnsType<Row> {
  return [
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
      render: (_v, { node: n }) => (n.children.length ? "" : points(data.assessments[n.code]?.selfScore)),
    },
    {
      title: "Thẩm định",
      key: "appraised",
      width: 110,
      align: "right",
      render: (_v, { node: n }) => {
        const a = data.assessments[n.code];
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
            {<EvidenceLinks unit={data.unit} year={data.year} code={n.code} a={data.assessments[n.code]} />}
            {data.assessments[n.code]?.appraiserNote && (
              <Typography.Text italic>Thẩm định: {data.assessments[n.code]?.appraiserNote}</Typography.Text>
            )}
            {data.assessments[n.code]?.explanation && (
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
        const s = statusOf(n, data.assessments[n.code]);
        const mode = modeFor(data, n);
        return (
          <Space direction="vertical" size={4}>
            {s.text && (
              <Tag color={s.color} style={{ whiteSpace: "normal" }}>
                {s.text}
              </Tag>
            )}
            {mode && (
              <Button size="small" onClick={() => edit(n, mode)} aria-label={`Chấm ${n.code}`}>
                {mode === "self" ? "Tự chấm" : mode === "explanation" ? "Giải trình" : "Thẩm định"}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
}

/** The appraisal table's columns: per leaf the self-score with its evidence beside the rounds and the score. */
export function appraisalColumns(data: Card, edit: Edit): ColumnsType<ScoredNode> {
  const a = (code: string) => data.assessments[code];
  return [
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
          <Button size="small" onClick={() => edit(n, mode)} aria-label={`Thẩm định ${n.code}`}>
            Thẩm định
          </Button>
        ) : (
          <Typography.Text type="secondary">{s.text}</Typography.Text>
        );
      },
    },
  ];
}
