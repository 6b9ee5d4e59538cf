// The unit's own paragraphs for sections III (đánh giá chung), IV (phương hướng) and V (kiến nghị), one per
// line; a figure is written as {name} and filled from the computation (a count typed as digits is refused by
// the server, naming it). Preview as PDF with the edits; issuing sends them along.
import { Alert, Button, Collapse, Input, Space, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api.ts";

export interface Edits {
  assessment?: string[];
  directions?: string[];
  proposals?: string[];
}

const SECTIONS: [keyof Edits, string][] = [
  ["assessment", "III. Đánh giá chung"],
  ["directions", "IV. Phương hướng, nhiệm vụ kỳ tới"],
  ["proposals", "V. Kiến nghị, đề xuất"],
];

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The edits as the API takes them: only sections with text. */
export function editsOf(texts: Record<keyof Edits, string>): Edits {
  const edits: Edits = {};
  for (const [key] of SECTIONS) if (lines(texts[key]).length) edits[key] = lines(texts[key]);
  return edits;
}

export function TextEdits({
  texts,
  onChange,
  query,
}: {
  texts: Record<keyof Edits, string>;
  onChange(texts: Record<keyof Edits, string>): void;
  query: { unit?: string; from?: string; to?: string };
}) {
  const [error, setError] = useState<string>();
  const preview = async () => {
    setError(undefined);
    try {
      const response = await fetch("/api/reform/report/preview", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/pdf" },
        credentials: "same-origin",
        body: JSON.stringify({ ...query, format: "pdf", edits: editsOf(texts) }),
      });
      if (!response.ok) {
        const problem = (await response.json()) as { detail?: string; title?: string };
        throw new Error(problem.detail ?? problem.title ?? `Lỗi ${response.status}`);
      }
      window.open(URL.createObjectURL(await response.blob()), "_blank");
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Collapse
      size="small"
      items={[
        {
          key: "text",
          label: "Nội dung phần III–V (đơn vị tự viết)",
          children: (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Typography.Text type="secondary">
                Mỗi dòng một đoạn; để trống thì dùng nội dung mẫu. Số liệu viết bằng tên trong ngoặc nhọn, ví dụ
                {
                  " {received}, {finished}, {onTimeRate}, {finishedLate}, {openOverdue}, {tasksDone}, {tasksPlanned}, {apologies}"
                }
                — không gõ số trực tiếp.
              </Typography.Text>
              {SECTIONS.map(([key, label]) => (
                <div key={key}>
                  <Typography.Text strong>{label}</Typography.Text>
                  <Input.TextArea
                    aria-label={label}
                    rows={3}
                    value={texts[key]}
                    onChange={(e) => onChange({ ...texts, [key]: e.target.value })}
                  />
                </div>
              ))}
              <Button onClick={preview}>Xem trước với nội dung đã sửa (PDF)</Button>
              {error && <Alert type="error" showIcon title={error} role="alert" />}
            </Space>
          ),
        },
      ]}
    />
  );
}
