// Scoring one sub-criterion in the open phase (PUT /api/reform/index/assessments/:unit/:year/:code): the unit's
// self-score with its note and evidence files (page pointers), its explanation (giải trình) with more files, or
// the appraiser's score of the round with a comment. The server refuses a change outside its phase.
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { reformIndex } from "../../api/reform-index.ts";
import { showProblem } from "../../components/forms.ts";
import { uploadFile } from "../reform/upload.ts";
import { minOf, points } from "./format.ts";
import type { AssessMode } from "./rules.ts";
import type { Assessment, Evidence, ScoredNode } from "./types.ts";

const SCORE_FIELD: Record<Exclude<AssessMode, "explanation">, { key: keyof Assessment; label: string }> = {
  self: { key: "selfScore", label: "Điểm tự chấm" },
  appraisal1: { key: "appraisal1", label: "Điểm thẩm định lần 1" },
  appraisal2: { key: "appraisal2", label: "Điểm thẩm định lần 2" },
  final: { key: "final", label: "Điểm cuối cùng" },
};

const TITLE: Record<AssessMode, string> = {
  self: "Tự chấm điểm",
  explanation: "Giải trình",
  appraisal1: "Thẩm định lần 1",
  appraisal2: "Thẩm định lần 2",
  final: "Chốt điểm",
};

interface Values {
  score?: number | null;
  note?: string;
  pages?: string;
}

interface Props {
  unit: string;
  year: number;
  node: ScoredNode;
  assessment: Assessment | undefined;
  mode: AssessMode;
  onClose(saved: boolean): void;
}

export function AssessModal({ unit, year, node, assessment, mode, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File>();
  const withFiles = mode === "self" || mode === "explanation";
  const listKey = mode === "explanation" ? "explanationEvidence" : "evidence";
  const [kept, setKept] = useState<Evidence[]>(assessment?.[listKey] ?? []);
  const scoreField = mode === "explanation" ? null : SCORE_FIELD[mode];
  const noteKey = mode === "self" ? "selfNote" : mode === "explanation" ? "explanation" : "appraiserNote";
  const initial: Values = {
    score: scoreField ? ((assessment?.[scoreField.key] as number | null | undefined) ?? null) : null,
    note: (assessment?.[noteKey] as string | null | undefined) ?? "",
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = { ...(assessment ? { version: assessment.version } : {}) };
      if (scoreField) body[scoreField.key] = values.score ?? null;
      body[noteKey] = values.note?.trim() ? values.note.trim() : null;
      if (withFiles) {
        const added = file ? [{ fileId: await uploadFile(unit, file), pages: values.pages?.trim() || null }] : [];
        body[listKey] = [...kept.map(({ fileId, pages, note }) => ({ fileId, pages, note })), ...added];
      }
      await reformIndex.assess({ unit, year, code: node.code }, body);
      message.success(`Đã lưu ${node.code}`);
      onClose(true);
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${TITLE[mode]} — ${node.code}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text strong>{node.name}</Typography.Text>
        <Typography.Text type="secondary">Điểm tối đa: {points(node.max)}</Typography.Text>
        {mode !== "self" && assessment && (
          <Typography.Text>
            Tự chấm: {points(assessment.selfScore)}
            {assessment.appraisal1 !== null && ` · Thẩm định lần 1: ${points(assessment.appraisal1)}`}
            {assessment.appraisal2 !== null && ` · Thẩm định lần 2: ${points(assessment.appraisal2)}`}
          </Typography.Text>
        )}
        {node.evidenceRequired.length > 0 && (
          <Alert type="info" showIcon message={`Tài liệu kiểm chứng cần có: ${node.evidenceRequired.join("; ")}`} />
        )}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
          {scoreField && (
            <Form.Item
              name="score"
              label={scoreField.label}
              rules={[{ required: mode === "self", message: "Nhập điểm" }]}
            >
              <InputNumber min={minOf(node)} max={node.max ?? undefined} step={0.25} decimalSeparator="," />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={
              mode === "self"
                ? "Ghi chú, giải trình"
                : mode === "explanation"
                  ? "Nội dung giải trình"
                  : "Ý kiến thẩm định"
            }
          >
            <Input.TextArea rows={3} maxLength={mode === "explanation" ? 4000 : 2000} />
          </Form.Item>
          {withFiles && (
            <>
              {kept.length > 0 && (
                <ul style={{ paddingLeft: 20 }}>
                  {kept.map((e) => (
                    <li key={e.fileId}>
                      {e.name ?? e.fileId}
                      {e.pages ? `, tr. ${e.pages}` : ""}{" "}
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setKept((list) => list.filter((x) => x.fileId !== e.fileId))}
                      >
                        Bỏ
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              <Form.Item label="Thêm tài liệu kiểm chứng (PDF, ảnh, DOCX)">
                <input
                  type="file"
                  aria-label="Tài liệu kiểm chứng"
                  accept=".pdf,.docx,.jpg,.png"
                  onChange={(e) => setFile(e.target.files?.[0])}
                />
              </Form.Item>
              <Form.Item name="pages" label="Trang kiểm chứng" extra="Ví dụ: 2-3 hoặc 1,4">
                <Input style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
          {error && <Alert type="error" showIcon message={error} />}
        </Form>
      </Space>
    </Modal>
  );
}
