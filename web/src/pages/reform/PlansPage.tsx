// Cải cách hành chính: the unit's plans of a year with their completion (done ÷ planned, overdue) and the
// overdue queue; the reform officer issues a plan here (GET/POST /api/reform/plans).
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../../auth.tsx";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { options, PLAN_KINDS } from "./labels.ts";
import type { Completion } from "./types.ts";
import { UnitYearBar, useUnitYear } from "./UnitYear.tsx";
import { uploadFile } from "./upload.ts";
import { type PlanRow, reform } from "../../api/reform.ts";

type Row = PlanRow;

export function CompletionBar({ c }: { c: Completion }) {
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 160 }}>
      <Progress percent={c.percent ?? 0} size="small" aria-label="Mức độ hoàn thành" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {c.done}/{c.planned} hoàn thành{c.late ? ` (${c.late} trễ hạn)` : ""}
        {c.overdue ? ` · ${c.overdue} quá hạn` : ""}
        {c.recurringAwaiting ? ` · ${c.recurringAwaiting} thường xuyên chờ đánh giá cuối kỳ` : ""}
      </Typography.Text>
    </Space>
  );
}

export default function PlansPage() {
  useTitle("Cải cách hành chính");
  const { hasRole } = useAuth();
  const view = useUnitYear();
  const [creating, setCreating] = useState(false);
  const plans = useLoad(
    (signal) => (view.unit ? reform.plans({ unit: view.unit, year: view.year }, signal) : null),
    [view.unit, view.year],
  );
  const overdue = useLoad(
    (signal) => (view.unit ? reform.overdueTasks(view.unit, signal) : null),
    [view.unit, plans.data],
  );
  const gaps = useLoad(
    (signal) =>
      view.unit ? reform.gaps({ unit: view.unit, from: `${view.year}-01-01`, to: `${view.year}-12-31` }, signal) : null,
    [view.unit, view.year, plans.data],
  );
  const total = (plans.data?.items ?? []).reduce(
    (a, p) => ({ planned: a.planned + p.completion.planned, done: a.done + p.completion.done }),
    { planned: 0, done: 0 },
  );
  const columns: ColumnsType<Row> = [
    {
      title: "Kế hoạch",
      key: "plan",
      render: (_v, p) => (
        <Space direction="vertical" size={0}>
          <Link to={`/can-bo/cchc/ke-hoach/${p.id}`}>{PLAN_KINDS[p.kind] ?? p.kind}</Link>
          <Typography.Text type="secondary">
            {p.number} ngày {p.issuedOn.split("-").reverse().join("/")} — {p.title}
          </Typography.Text>
        </Space>
      ),
    },
    { title: "Đơn vị", dataIndex: "unit" },
    { title: "Mức độ hoàn thành", key: "c", render: (_v, p) => <CompletionBar c={p.completion} /> },
    {
      title: "Tệp",
      key: "f",
      render: (_v, p) => (p.fileId ? "Có" : <Typography.Text type="warning">Chưa có tệp</Typography.Text>),
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Cải cách hành chính — Kế hoạch và nhiệm vụ
      </Typography.Title>
      <Space wrap>
        <UnitYearBar value={view} />
        {hasRole("reform_officer") && (
          <Button type="primary" onClick={() => setCreating(true)}>
            Thêm kế hoạch
          </Button>
        )}
        <Link to={`/can-bo/cchc/so-theo-doi?unit=${view.unit}&year=${view.year}`}>Sổ theo dõi CCHC</Link>
      </Space>
      <ProblemAlert message={plans.error} />
      <Card size="small" title={`Tổng hợp năm ${view.year}`}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Progress
            percent={total.planned ? Math.round((total.done / total.planned) * 10000) / 100 : 0}
            aria-label="Hoàn thành cả năm"
          />
          <Typography.Text data-testid="reform-total">
            {total.done}/{total.planned} nhiệm vụ đã hoàn thành (đến ngày{" "}
            {plans.data?.asOf?.split("-").reverse().join("/")})
          </Typography.Text>
        </Space>
      </Card>
      {(gaps.data?.items.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          message="Thiếu tài liệu kiểm chứng (bị trừ điểm khi thẩm định Chỉ số CCHC)"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {gaps.data?.items.slice(0, 20).map((g) => (
                <li key={`${g.code}-${g.message}`}>{g.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        rowKey="id"
        loading={plans.loading}
        columns={columns}
        dataSource={plans.data?.items ?? []}
        pagination={false}
      />
      {(overdue.data?.items.length ?? 0) > 0 && (
        <Card size="small" title="Nhiệm vụ quá hạn">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={overdue.data?.items}
            columns={[
              {
                title: "Kế hoạch",
                key: "p",
                render: (_v, t) => <Link to={`/can-bo/cchc/ke-hoach/${t.plan.id}`}>{t.plan.number}</Link>,
              },
              { title: "Nhiệm vụ", dataIndex: "content" },
              { title: "Chủ trì", dataIndex: "lead" },
              { title: "Hạn", dataIndex: "dueOn", render: (d: string) => d.split("-").reverse().join("/") },
              { title: "Tiến độ", dataIndex: "progress", render: (p: number) => `${p}%` },
            ]}
          />
        </Card>
      )}
      {creating && (
        <PlanForm
          unit={view.unit}
          year={view.year}
          onClose={(saved) => {
            setCreating(false);
            if (saved) plans.reload();
          }}
        />
      )}
    </Space>
  );
}

interface PlanValues {
  kind: string;
  number: string;
  title: string;
  issuedOn: Dayjs;
  issuer: string;
  year: number;
  file?: FileList;
}

function PlanForm({ unit, year, onClose }: { unit: string; year: number; onClose(saved: boolean): void }) {
  const [form] = Form.useForm<PlanValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: PlanValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const fileId = file ? await uploadFile(unit, file) : undefined;
      await reform.createPlan({
        unit,
        kind: values.kind,
        number: values.number,
        title: values.title,
        issuedOn: values.issuedOn.format("YYYY-MM-DD"),
        issuer: values.issuer,
        year: values.year,
        fileId,
      });
      message.success("Đã thêm kế hoạch");
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
      title="Thêm kế hoạch CCHC"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: "annual", year }}>
        <Form.Item name="kind" label="Loại kế hoạch" rules={[{ required: true }]}>
          <Select options={options(PLAN_KINDS)} />
        </Form.Item>
        <Form.Item name="number" label="Số, ký hiệu" rules={[{ required: true, message: "Nhập số, ký hiệu" }]}>
          <Input placeholder="01/KH-UBND" />
        </Form.Item>
        <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: "Nhập trích yếu" }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: "Chọn ngày ban hành" }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="issuer"
          label="Cơ quan ban hành"
          rules={[{ required: true, message: "Nhập cơ quan ban hành" }]}
        >
          <Input placeholder="UBND xã" />
        </Form.Item>
        <Form.Item name="year" label="Năm kế hoạch" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item label="Tệp kế hoạch (mỗi kế hoạch một tệp)">
          <input
            type="file"
            aria-label="Tệp kế hoạch"
            accept=".pdf,.docx,.jpg,.png"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
