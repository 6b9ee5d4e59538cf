// Nhập / xuất hồ sơ (CONTRACTS.md §2, JSON Lines): an administrator uploads a .jsonl file to
// POST /api/dossiers/import — the same import as `motcua import` — and sees its summary and each rejected line
// with its number, reason and message; and downloads GET /api/dossiers/export for a unit and a date range.
// Larger files go through the command line (the API takes up to 32 MB).
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from "antd";
import type { UploadFile } from "antd";
import type { Dayjs } from "dayjs";
import { importVerdict } from "./import-verdict.ts";
import { useState } from "react";
import { ApiProblem, codeMessage, errorMessage, withQuery } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { foldedSearch } from "../../components/search.ts";
import { formatCount } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { DossierImportSummary } from "../../types.ts";
import { dossiers } from "../../api/dossiers.ts";
import { units as unitsApi } from "../../api/units.ts";

/** The import's rejection codes (docs/lifecycle.md, Interchange) in Vietnamese; the server's message follows. */
export const IMPORT_REASONS: Record<string, string> = {
  "invalid-json": "Không phải JSON hợp lệ",
  "not-an-object": "Dòng không phải một đối tượng JSON",
  "missing-field": "Thiếu trường bắt buộc",
  "invalid-field": "Trường không hợp lệ",
  "instant-without-offset": "Thời điểm thiếu múi giờ",
  "invalid-instant": "Thời điểm không hợp lệ",
  "invalid-channel": "Kênh tiếp nhận không hợp lệ",
  "invalid-level": "Cấp thực hiện không hợp lệ",
  "invalid-id-number": "Số định danh không hợp lệ",
  "invalid-via": "Hình thức trả kết quả không hợp lệ",
  "unknown-event-type": "Loại sự kiện không xác định",
  "received-at-missing": "Thiếu ngày tiếp nhận (và không bị từ chối)",
  "refused-after-receipt": "Từ chối sau khi đã tiếp nhận",
  "due-without-receipt": "Có ngày hẹn trả nhưng chưa tiếp nhận",
  "due-before-receipt": "Ngày hẹn trả trước ngày tiếp nhận",
  "due-required": "Thiếu ngày hẹn trả mới",
  "apology-required": "Gia hạn thiếu thư xin lỗi",
  "to-unit-required": "Chuyển liên thông thiếu đơn vị nhận",
  "via-required": "Trả kết quả thiếu hình thức trả",
  "reason-required": "Từ chối hoặc trả lại hồ sơ thiếu lý do",
  "events-out-of-order": "Sự kiện không theo thứ tự thời gian",
  "event-before-receipt": "Sự kiện trước ngày tiếp nhận",
  "event-after-end": "Sự kiện sau khi hồ sơ đã kết thúc",
  "declined-and-resolved": "Hồ sơ vừa giải quyết xong vừa trả lại vì không đủ điều kiện",
  "supplement-not-requested": "Nhận bổ sung khi chưa yêu cầu bổ sung",
  "supplement-already-requested": "Yêu cầu bổ sung lần hai trước khi tiếp nhận",
  "invalid-code": "Mã hồ sơ không hợp lệ",
  "code-unit-mismatch": "Mã hồ sơ không khớp đơn vị tiếp nhận",
  "unknown-unit": "Đơn vị chưa có (chọn tạo đơn vị/thủ tục còn thiếu)",
  "unknown-procedure": "Thủ tục chưa có (chọn tạo đơn vị/thủ tục còn thiếu)",
  "invalid-limit": "Thời hạn giải quyết không hợp lệ",
  "due-at-missing": "Thiếu ngày hẹn trả và không tính được từ thời hạn",
  conflict: "Mã hồ sơ đã có với nội dung khác",
  "storage-error": "Lỗi khi lưu",
  "manual-figures-cover-period": "Kỳ đã có số liệu nhập thủ công",
  forbidden: "Không có quyền nhập hồ sơ của tỉnh này",
};

/** The API's import limit (src/http/routes/interchange.ts IMPORT_BODY_LIMIT). */
const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

function ImportCard() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [createMissing, setCreateMissing] = useState(false);
  const [result, setResult] = useState<DossierImportSummary>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const file = files[0]?.originFileObj;
    setError(undefined);
    setResult(undefined);
    if (!file) {
      setError("Chọn tệp .jsonl cần nhập.");
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setError(
        `${codeMessage("payload-too-large")} Tệp nhập qua trang này tối đa 32 MB; tệp lớn hơn dùng lệnh motcua import.`,
      );
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      setResult(await dossiers.import(text, createMissing));
    } catch (e) {
      setError(
        e instanceof ApiProblem && e.code === "payload-too-large"
          ? `${e.userMessage} Tệp lớn hơn dùng lệnh motcua import.`
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="Nhập hồ sơ từ tệp JSON Lines (.jsonl)">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          Mỗi dòng là một hồ sơ theo định dạng trao đổi (docs/contracts.md §2). Hồ sơ đã có và không đổi được bỏ qua;
          dòng sai được báo kèm số dòng, các dòng khác vẫn được nhập.
        </Typography.Text>
        <Upload
          beforeUpload={() => false}
          maxCount={1}
          accept=".jsonl,.ndjson,.txt"
          fileList={files}
          onChange={(e) => setFiles(e.fileList.slice(-1))}
        >
          <Button>Chọn tệp .jsonl</Button>
        </Upload>
        <Checkbox checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)}>
          Tạo đơn vị/thủ tục còn thiếu
        </Checkbox>
        <Button type="primary" onClick={run} loading={busy}>
          Nhập hồ sơ
        </Button>
        <ProblemAlert message={error} />
        {result && (
          <>
            <Alert {...importVerdict(result)} showIcon role="status" />
            <Descriptions bordered size="small" column={{ xs: 2, md: 4 }} data-testid="import-summary">
              <Descriptions.Item label="Số dòng đã đọc">{formatCount(result.read)}</Descriptions.Item>
              <Descriptions.Item label="Đã nhập">{formatCount(result.imported)}</Descriptions.Item>
              <Descriptions.Item label="Không thay đổi">{formatCount(result.unchanged)}</Descriptions.Item>
              <Descriptions.Item label="Bị từ chối">{formatCount(result.rejected)}</Descriptions.Item>
            </Descriptions>
            {result.rejectedLines.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.line}-${r.reason}`}
                data-testid="import-rejected"
                dataSource={result.rejectedLines}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: "Dòng", dataIndex: "line", width: 80 },
                  {
                    title: "Lý do",
                    dataIndex: "reason",
                    width: 260,
                    render: (reason: string) =>
                      IMPORT_REASONS[reason] ? `${IMPORT_REASONS[reason]} (${reason})` : reason,
                  },
                  { title: "Chi tiết", dataIndex: "message" },
                ]}
              />
            )}
            {result.rejectedLinesTruncated && (
              <Typography.Text type="secondary">
                Chỉ liệt kê {formatCount(result.rejectedLines.length)} dòng đầu bị từ chối.
              </Typography.Text>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

interface ExportValues {
  unit?: string;
  range?: [Dayjs, Dayjs] | null;
}

function ExportCard() {
  const { user } = useAuth();
  const units = useLoad((signal) => unitsApi.list({}, signal), []);
  const [form] = Form.useForm<ExportValues>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ lines: number; name: string }>();
  const [busy, setBusy] = useState(false);
  const roots = new Set((user?.grants ?? []).map((g) => g.unitCode));
  const all = units.data?.units ?? [];
  const provinceOf = new Map(all.map((u) => [u.code, u.provinceCode ?? u.code]));
  const provinces = new Set([...roots].map((c) => provinceOf.get(c) ?? c));
  const options = all
    .filter((u) => user?.isSuperuser || provinces.has(u.provinceCode ?? u.code))
    .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));

  const run = async (v: ExportValues) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const query = {
        unit: v.unit,
        from: v.range?.[0]?.format("YYYY-MM-DD"),
        to: v.range?.[1]?.format("YYYY-MM-DD"),
      };
      const response = await fetch(withQuery("/api/dossiers/export", query), { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
        throw new ApiProblem(response.status, body.code ?? `http-${response.status}`, body.title ?? "", body.detail);
      }
      const blob = await response.blob();
      const text = await blob.text();
      const name = ["ho-so", query.unit, query.from, query.to].filter(Boolean).join("-") + ".jsonl";
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone({ lines: text.split("\n").filter((l) => l.trim()).length, name });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="Xuất hồ sơ ra tệp JSON Lines">
      <Form
        form={form}
        layout="vertical"
        onFinish={run}
        // Enter in a half-typed date must not export everything: only the button exports (issue 15)
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") e.preventDefault();
        }}
      >
        <Form.Item
          label="Đơn vị"
          name="unit"
          extra="Hồ sơ của đơn vị và các đơn vị trực thuộc; để trống: mọi đơn vị của bạn"
        >
          <Select
            aria-label="Đơn vị xuất"
            allowClear
            showSearch={foldedSearch}
            style={{ maxWidth: 400 }}
            loading={units.loading}
            options={options}
            placeholder="Mọi đơn vị trong phạm vi"
          />
        </Form.Item>
        <Form.Item label="Ngày tiếp nhận (từ – đến)" name="range">
          <DatePicker.RangePicker format="DD/MM/YYYY" aria-label="Ngày tiếp nhận từ – đến" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Xuất hồ sơ
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <ProblemAlert message={error} />
        {done && (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="export-done"
            title={`Đã xuất ${formatCount(done.lines)} hồ sơ vào tệp ${done.name}`}
          />
        )}
      </div>
    </Card>
  );
}

export default function InterchangeAdmin() {
  useTitle("Nhập / xuất hồ sơ");
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Nhập / xuất hồ sơ
      </Typography.Title>
      <ImportCard />
      <ExportCard />
    </Space>
  );
}
