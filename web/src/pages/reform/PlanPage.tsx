// One plan (GET /api/reform/plans/:id): its completion and its tasks — area, content, output, lead, deadline,
// kind, progress — filtered by area and status; the reform officer adds tasks and records progress, the
// completion with its output document (a task is never done without one) and evidence with page pointers.
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { useAuth } from "../../auth.tsx";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { AREAS, OUTPUT_KINDS, options, PLAN_KINDS, TASK_KINDS, TASK_SOURCES } from "./labels.ts";
import { CompletionBar } from "./PlansPage.tsx";
import type { Plan, Task } from "./types.ts";
import { uploadFile } from "./upload.ts";
import { reform } from "../../api/reform.ts";

const vnDate = (d: string | null | undefined) => (d ? d.split("-").reverse().join("/") : "");
type Status = "done" | "open" | "overdue";

function statusOf(t: Task, plan: Plan, asOf: string): Status {
  if (t.completedOn && t.output && (t.kind !== "recurring" || asOf >= plan.periodTo)) return "done";
  const due = t.deadline ?? plan.periodTo;
  return due < asOf ? "overdue" : "open";
}
const STATUS: Record<Status, [string, string]> = {
  done: ["Hoàn thành", "green"],
  open: ["Đang thực hiện", "blue"],
  overdue: ["Quá hạn", "red"],
};

export default function PlanPage() {
  const { id } = useParams();
  const { hasRole } = useAuth();
  const plan = useLoad((signal) => reform.plan(id, signal), [id]);
  useTitle(plan.data ? `Kế hoạch ${plan.data.number}` : "Kế hoạch CCHC");
  const [area, setArea] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [editing, setEditing] = useState<Task | "new">();
  const p = plan.data;
  const tasks = (p?.tasks ?? []).filter(
    (t) => (!area || t.area === area) && (!status || statusOf(t, p!, p!.asOf) === status),
  );
  const columns: ColumnsType<Task> = [
    { title: "STT", dataIndex: "ordinal", width: 60 },
    { title: "Lĩnh vực", dataIndex: "area", render: (a: string) => AREAS[a] ?? a },
    { title: "Nhiệm vụ", dataIndex: "content" },
    {
      title: "Sản phẩm đầu ra",
      key: "out",
      render: (_v, t) =>
        t.output
          ? `${OUTPUT_KINDS[t.outputKind]} số ${t.output.number} ngày ${vnDate(t.output.date)}`
          : OUTPUT_KINDS[t.outputKind],
    },
    { title: "Chủ trì", dataIndex: "lead" },
    { title: "Thời hạn", key: "d", render: (_v, t) => (t.kind === "recurring" ? "Thường xuyên" : vnDate(t.deadline)) },
    {
      title: "Tiến độ",
      dataIndex: "progress",
      render: (v: number) => <Progress percent={v} size="small" style={{ width: 110 }} />,
    },
    {
      title: "Trạng thái",
      key: "s",
      render: (_v, t) => {
        const [label, color] = STATUS[statusOf(t, p!, p!.asOf)];
        return <Tag color={color}>{label}</Tag>;
      },
    },
    { title: "Kiểm chứng", key: "e", render: (_v, t) => (t.evidence.length ? `${t.evidence.length} tệp` : "—") },
    ...(hasRole("reform_officer")
      ? [
          {
            title: "",
            key: "a",
            render: (_v: unknown, t: Task) => (
              <Button size="small" onClick={() => setEditing(t)}>
                Cập nhật
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <ProblemAlert message={plan.error} />
      {p && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {PLAN_KINDS[p.kind]} — {p.number}
          </Typography.Title>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Trích yếu">{p.title}</Descriptions.Item>
              <Descriptions.Item label="Ban hành">{`${vnDate(p.issuedOn)}, ${p.issuer}`}</Descriptions.Item>
              <Descriptions.Item label="Thời gian thực hiện">{`${vnDate(p.periodFrom)} – ${vnDate(p.periodTo)}`}</Descriptions.Item>
              <Descriptions.Item label="Tệp kế hoạch">
                {p.fileId ? <a href={`/api/files/${p.fileId}`}>Tải về</a> : "Chưa có"}
              </Descriptions.Item>
            </Descriptions>
            <div data-testid="plan-completion">
              <CompletionBar c={p.completion} />
            </div>
          </Card>
          <Space wrap>
            <Select
              allowClear
              aria-label="Lọc theo lĩnh vực"
              placeholder="Lĩnh vực"
              style={{ width: 240 }}
              options={options(AREAS)}
              value={area}
              onChange={setArea}
            />
            <Select
              allowClear
              aria-label="Lọc theo trạng thái"
              placeholder="Trạng thái"
              style={{ width: 180 }}
              options={Object.entries(STATUS).map(([value, [label]]) => ({ value, label }))}
              value={status}
              onChange={setStatus}
            />
            {hasRole("reform_officer") && (
              <Button type="primary" onClick={() => setEditing("new")}>
                Thêm nhiệm vụ
              </Button>
            )}
          </Space>
          <Table
            rowKey="id"
            columns={columns}
            dataSource={tasks}
            loading={plan.loading}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </>
      )}
      {editing && p && (
        <TaskForm
          plan={p}
          task={editing === "new" ? undefined : editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) plan.reload();
          }}
        />
      )}
    </Space>
  );
}

interface TaskValues {
  area: string;
  content: string;
  outputKind: string;
  lead: string;
  supporting?: string;
  deadline?: Dayjs;
  kind: string;
  source: string;
  progress: number;
  completedOn?: Dayjs;
  outputNumber?: string;
  outputDate?: Dayjs;
  evidencePages?: string;
}

const day = (d: string | null | undefined) => (d ? dayjs(d) : undefined);
const iso = (d: Dayjs | undefined) => (d ? d.format("YYYY-MM-DD") : null);

function TaskForm({ plan, task, onClose }: { plan: Plan; task?: Task; onClose(saved: boolean): void }) {
  const [form] = Form.useForm<TaskValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outputFile, setOutputFile] = useState<File>();
  const [evidenceFile, setEvidenceFile] = useState<File>();
  const submit = async (v: TaskValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const outputFileId = outputFile ? await uploadFile(plan.unit, outputFile) : (task?.output?.fileId ?? null);
      const evidence = [...(task?.evidence ?? [])];
      if (evidenceFile)
        evidence.push({ fileId: await uploadFile(plan.unit, evidenceFile), pages: v.evidencePages || null });
      const body = {
        area: v.area,
        content: v.content,
        outputKind: v.outputKind,
        lead: v.lead,
        supporting: (v.supporting ?? "")
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean),
        deadline: iso(v.deadline),
        kind: v.kind,
        source: v.source,
        progress: v.completedOn ? 100 : v.progress,
        completedOn: iso(v.completedOn),
        output:
          v.outputNumber && v.outputDate
            ? { number: v.outputNumber, date: iso(v.outputDate), fileId: outputFileId }
            : null,
        evidence,
        ...(task ? { ordinal: task.ordinal, version: task.version } : {}),
      };
      if (task) await reform.updateTask(task.id, body);
      else await reform.addTask(plan.id, body);
      message.success("Đã lưu nhiệm vụ");
      onClose(true);
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };
  const initial: Partial<TaskValues> = task
    ? {
        ...task,
        supporting: task.supporting.join("; "),
        deadline: day(task.deadline),
        completedOn: day(task.completedOn),
        outputNumber: task.output?.number,
        outputDate: day(task.output?.date),
      }
    : { area: "direction", outputKind: "report", kind: "one_off", source: "own", progress: 0 };
  return (
    <Modal
      open
      width={720}
      title={task ? `Cập nhật nhiệm vụ ${task.ordinal}` : "Thêm nhiệm vụ"}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="content" label="Nội dung nhiệm vụ" rules={[{ required: true, message: "Nhập nội dung" }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="area" label="Lĩnh vực">
            <Select style={{ width: 260 }} options={options(AREAS)} />
          </Form.Item>
          <Form.Item name="outputKind" label="Sản phẩm đầu ra">
            <Select style={{ width: 180 }} options={options(OUTPUT_KINDS)} />
          </Form.Item>
          <Form.Item name="kind" label="Loại nhiệm vụ">
            <Select style={{ width: 150 }} options={options(TASK_KINDS)} />
          </Form.Item>
          <Form.Item name="source" label="Nguồn">
            <Select style={{ width: 170 }} options={options(TASK_SOURCES)} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="lead" label="Chủ trì" rules={[{ required: true, message: "Nhập đơn vị, người chủ trì" }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="supporting" label="Phối hợp (cách nhau bởi ;)">
            <Input style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="deadline" label="Thời hạn">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Card size="small" title="Tiến độ và kết quả">
          <Space wrap align="start">
            <Form.Item name="progress" label="Tiến độ (%)">
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="completedOn" label="Ngày hoàn thành">
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="outputNumber" label="Số, ký hiệu văn bản đầu ra">
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="outputDate" label="Ngày văn bản đầu ra">
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          </Space>
          <Form.Item label="Tệp văn bản đầu ra">
            <input
              type="file"
              aria-label="Tệp văn bản đầu ra"
              accept=".pdf,.docx,.jpg,.png"
              onChange={(e) => setOutputFile(e.target.files?.[0])}
            />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item label="Thêm tài liệu kiểm chứng">
              <input
                type="file"
                aria-label="Tài liệu kiểm chứng"
                accept=".pdf,.docx,.jpg,.png"
                onChange={(e) => setEvidenceFile(e.target.files?.[0])}
              />
            </Form.Item>
            <Form.Item name="evidencePages" label="Trang (ví dụ 2-3)">
              <Input style={{ width: 120 }} aria-label="Trang kiểm chứng" />
            </Form.Item>
          </Space>
          {task && task.evidence.length > 0 && (
            <Typography.Text type="secondary">
              Đã có:{" "}
              {task.evidence.map((e) => `${e.fileId.slice(0, 8)}…${e.pages ? ` tr. ${e.pages}` : ""}`).join("; ")}
            </Typography.Text>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            Nhiệm vụ chỉ được ghi nhận hoàn thành khi có văn bản, sản phẩm đầu ra.
          </Typography.Paragraph>
        </Card>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
