// Nộp bổ sung trực tuyến: the applicant of an online dossier awaiting a supplement sends the missing papers
// with the code and lookup secret they looked it up with (POST /api/public/supplements). What is missing is the
// request's list, as the lookup gives it; the server decides whether the supplement is accepted.
import { Alert, Button, Card, Form, Input, Upload } from "antd";
import type { UploadFile } from "antd";
import { useState } from "react";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatInstant } from "../../format.ts";
import type { LookupResult } from "../../types.ts";
import { publicApi } from "../../api/public.ts";

/** The server's limits for the applicant's files (the intake's): 30 files, 20 MB each. */
const MAX_FILES = 30;
const MAX_BYTES = 20 * 1024 * 1024;

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The latest request's list of missing papers, when the lookup shows one. */
export function missingOf(result: LookupResult): string[] {
  return result.history.findLast((h) => h.type === "supplement_requested")?.missing ?? [];
}

/**
 * The lookup shows an online dossier (its history opens with the online submission) awaiting a supplement.
 * Whether the supplement is accepted stays the server's decision (409 not-online-dossier, illegal-transition).
 */
export function canSupplementOnline(result: LookupResult): boolean {
  return result.state === "awaiting_supplement" && result.history[0]?.type === "submitted";
}

interface Values {
  files: UploadFile[];
  note?: string;
}

export function SupplementForm({
  code,
  secret,
  result,
  onDone,
}: {
  code: string;
  secret: string;
  result: LookupResult;
  onDone: (updated: LookupResult) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const missing = missingOf(result);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const attachments = [];
      for (const f of v.files ?? []) {
        if (!f.originFileObj) continue;
        attachments.push({
          name: f.name,
          contentType: f.type || undefined,
          dataBase64: await toBase64(f.originFileObj),
        });
      }
      const updated = await publicApi.supplement({
        code,
        secret,
        attachments,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      onDone(updated);
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title="Nộp bổ sung hồ sơ trực tuyến"
      style={{ marginTop: 16 }}
      data-testid="supplement-form"
      role="region"
      aria-label="Nộp bổ sung hồ sơ trực tuyến"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ"
        description={
          missing.length ? (
            <>
              Các giấy tờ cần bổ sung:
              <ul data-testid="supplement-missing" style={{ margin: "4px 0 0", paddingLeft: 20 }}>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : (
            "Xem phiếu yêu cầu bổ sung (mẫu 02) để biết các giấy tờ cần bổ sung."
          )
        }
      />
      <ProblemAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label="Tệp bổ sung (PDF, JPG, PNG, DOCX; tối đa 20 MB mỗi tệp)"
          name="files"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          rules={[
            { required: true, type: "array", min: 1, message: "Chọn ít nhất một tệp bổ sung" },
            {
              validator: (_r, files: UploadFile[] | undefined) => {
                const list = files ?? [];
                if (list.length > MAX_FILES) return Promise.reject(new Error(`Tối đa ${MAX_FILES} tệp`));
                const big = list.find((f) => (f.size ?? f.originFileObj?.size ?? 0) > MAX_BYTES);
                return big ? Promise.reject(new Error(`Tệp ${big.name} lớn hơn 20 MB`)) : Promise.resolve();
              },
            },
          ]}
        >
          <Upload beforeUpload={() => false} multiple accept=".pdf,.jpg,.jpeg,.png,.docx">
            <Button>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Form.Item label="Ghi chú gửi cơ quan giải quyết" name="note">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Gửi hồ sơ bổ sung
        </Button>
      </Form>
    </Card>
  );
}

/** What the applicant sees once the supplement is recorded: the new appointment when the server moved it. */
export function SupplementSent({ result }: { result: LookupResult }) {
  const received = result.history.findLast((h) => h.type === "supplement_received");
  const due = received?.dueAt ?? result.deadlineAt;
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      data-testid="supplement-sent"
      style={{ marginTop: 16 }}
      title="Đã nộp hồ sơ bổ sung"
      description={
        received?.dueAt
          ? `Cơ quan giải quyết đã nhận hồ sơ bổ sung. Ngày hẹn trả kết quả mới: ${formatInstant(due)}.`
          : "Cơ quan giải quyết đã nhận hồ sơ bổ sung và tiếp tục giải quyết hồ sơ."
      }
    />
  );
}
