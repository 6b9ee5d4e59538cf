// Counter (or postal) intake in under a minute: procedure by typing, checklist, applicant, channel, fees.
// "Xem ngày hẹn" asks the server for the appointment (dry run); "Xác nhận tiếp nhận" receives the dossier.
// The appointment is never computed here.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { newIdempotencyKey } from "../../api.ts";
import { unitsFor, useAuth } from "../../auth.tsx";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ProcedurePicker } from "../../components/ProcedurePicker.tsx";
import { ReceiptCard } from "../../components/ReceiptCard.tsx";
import { CHANNEL_NAME, describeLimit, FORM_NAME, formatInstant, formatMoney } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Channel, Dossier } from "../../types.ts";
import { procedures } from "../../api/procedures.ts";
import { dossiers } from "../../api/dossiers.ts";

export interface IntakeValues {
  unitCode: string;
  procedureCode: string;
  channel: Extract<Channel, "direct" | "postal">;
  components: string[];
  applicant: { name: string; idNumber?: string; phone?: string; email?: string; address?: string };
  fee?: { amount: number; paidOnline?: boolean };
  note?: string;
}

/** The request body of POST /api/dossiers. */
function intakeBody(v: IntakeValues, dryRun: boolean) {
  return {
    unitCode: v.unitCode,
    procedureCode: v.procedureCode,
    channel: v.channel,
    applicant: v.applicant,
    components: v.components ?? [],
    fee: v.fee?.amount !== undefined && v.fee.amount !== null ? { amount: v.fee.amount, paidOnline: false } : undefined,
    reason: v.note,
    dryRun,
  };
}

export default function IntakePage() {
  useTitle("Tiếp nhận hồ sơ");
  const { user } = useAuth();
  const units = unitsFor(user, "front_desk");
  const [form] = Form.useForm<IntakeValues>();
  const procedureCode = Form.useWatch("procedureCode", form);
  const [preview, setPreview] = useState<Pick<Dossier, "dueAt"> & Partial<Dossier>>();
  const [created, setCreated] = useState<Dossier>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const procedure = useLoad(
    (signal) => (procedureCode ? procedures.get(procedureCode, {}, signal) : null),
    [procedureCode],
  );
  const p = procedureCode ? procedure.data : undefined;

  const askAppointment = async () => {
    setError(undefined);
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    try {
      setPreview(await dossiers.create(intakeBody(values, true)));
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const values = form.getFieldsValue(true) as IntakeValues;
      setCreated(await dossiers.create(intakeBody(values, false), key));
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    form.resetFields();
    setPreview(undefined);
    setCreated(undefined);
    setKey(newIdempotencyKey());
  };

  if (created) return <ReceiptCard dossier={created} onNext={reset} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Tiếp nhận hồ sơ
      </Typography.Title>
      <ProblemAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: "direct", unitCode: units[0]?.code, components: [] }}
        onValuesChange={() => setPreview(undefined)}
        requiredMark="optional"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="Đơn vị tiếp nhận"
              name="unitCode"
              rules={[{ required: true, message: "Chọn đơn vị tiếp nhận" }]}
            >
              <Select options={units.map((u) => ({ value: u.code, label: u.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              label="Thủ tục hành chính"
              name="procedureCode"
              rules={[{ required: true, message: "Chọn thủ tục" }]}
            >
              <ProcedurePicker />
            </Form.Item>
          </Col>
        </Row>
        {p && <Checklist procedure={p} />}
        <ApplicantFields />
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {preview ? (
        <Alert
          type="info"
          showIcon
          role="status"
          title={<span data-testid="appointment-preview">Ngày hẹn trả kết quả: {formatInstant(preview.dueAt)}</span>}
          description={
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="Thủ tục">{p?.name}</Descriptions.Item>
              <Descriptions.Item label="Người nộp">{form.getFieldValue(["applicant", "name"])}</Descriptions.Item>
            </Descriptions>
          }
          action={
            <Space direction="vertical">
              <Button type="primary" onClick={confirm} loading={busy}>
                Xác nhận tiếp nhận
              </Button>
              <Button onClick={() => setPreview(undefined)}>Sửa lại</Button>
            </Space>
          }
        />
      ) : (
        <Button type="primary" size="large" onClick={askAppointment} loading={busy}>
          Xem ngày hẹn trả
        </Button>
      )}
    </Space>
  );
}

type LoadedProcedure = NonNullable<Awaited<ReturnType<typeof procedures.get>>>;

/** The procedure's papers to tick as received, its time limit and its fees. */
function Checklist({ procedure: p }: { procedure: LoadedProcedure }) {
  return (
    <Card
      size="small"
      title="Thành phần hồ sơ đã nhận"
      style={{ marginBottom: 16 }}
      extra={`Thời hạn: ${describeLimit(p.timeLimit)}`}
    >
      <Form.Item name="components" noStyle>
        <Checkbox.Group
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
          aria-label="Thành phần hồ sơ đã nhận"
        >
          {p.components.map((c) => (
            <Checkbox key={c.name} value={c.name}>
              {c.name} — {FORM_NAME[c.form] ?? c.form}, {c.count} bản{c.condition ? ` (${c.condition})` : ""}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      {p.fees.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          Phí, lệ phí: {p.fees.map((f) => `${f.name}: ${formatMoney(f.amount)}${f.per ? `/${f.per}` : ""}`).join("; ")}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The applicant, the channel and the fee collected at the counter. */
function ApplicantFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          label="Họ và tên người nộp"
          name={["applicant", "name"]}
          rules={[{ required: true, message: "Nhập họ và tên" }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="Số định danh cá nhân (CCCD)" name={["applicant", "idNumber"]}>
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="Số điện thoại" name={["applicant", "phone"]}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="Thư điện tử" name={["applicant", "email"]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="Địa chỉ" name={["applicant", "address"]}>
          <Input autoComplete="street-address" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="Kênh tiếp nhận" name="channel">
          <Radio.Group>
            <Radio value="direct">{CHANNEL_NAME.direct}</Radio>
            <Radio value="postal">{CHANNEL_NAME.postal}</Radio>
          </Radio.Group>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="Phí, lệ phí đã thu (đồng)" name={["fee", "amount"]}>
          <InputNumber min={0} step={1000} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
