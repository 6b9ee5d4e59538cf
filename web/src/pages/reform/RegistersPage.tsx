// Sổ theo dõi CCHC: the unit's records of each kind for a year (directives, inspections, outreach, initiatives,
// surveys, dialogues, VBQPPL, staff, discipline, training, yes/no facts) with their evidence, and the Phụ lục
// 01b figures they yield (GET /api/reform/records, /api/reform/figures).
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
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { AppendicesCard } from "./Appendices.tsx";
import { ImportExport } from "./ImportButton.tsx";
import { type FieldSpec, options, RECORD_FIELDS, RECORD_KINDS, recordData, recordSummary } from "./labels.ts";
import type { ReformRecord } from "./types.ts";
import { UnitYearBar, useUnitYear } from "./UnitYear.tsx";
import { uploadFile } from "./upload.ts";
import { reform } from "../../api/reform.ts";

const vnDate = (d: string) => d.split("-").reverse().join("/");

export default function RegistersPage() {
  useTitle("Sổ theo dõi CCHC");
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const view = useUnitYear();
  const [kind, setKind] = useState("directive");
  const [adding, setAdding] = useState(false);
  const range = { from: `${view.year}-01-01`, to: `${view.year}-12-31` };
  const records = useLoad(
    (signal) => (view.unit ? reform.records({ unit: view.unit, kind, ...range }, signal) : null),
    [view.unit, view.year, kind],
  );
  const figures = useLoad(
    (signal) => (view.unit ? reform.figures({ unit: view.unit, ...range }, signal) : null),
    [view.unit, view.year, records.data],
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Sổ theo dõi công tác cải cách hành chính
      </Typography.Title>
      <Space wrap>
        <UnitYearBar value={view} />
        <Select
          aria-label="Loại hồ sơ"
          style={{ width: 260 }}
          value={kind}
          options={options(RECORD_KINDS)}
          onChange={setKind}
        />
        {hasRole("reform_officer") && (
          <Button type="primary" onClick={() => setAdding(true)}>
            Thêm
          </Button>
        )}
      </Space>
      {hasRole("reform_officer") && <ImportExport unit={view.unit} year={view.year} onImported={records.reload} />}
      <ProblemAlert message={records.error} />
      <Table
        rowKey="id"
        loading={records.loading}
        dataSource={records.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: "Ngày", dataIndex: "on", render: vnDate, width: 110 },
          { title: "Đơn vị", dataIndex: "unit", width: 100 },
          { title: "Nội dung", key: "d", render: (_v, r) => recordSummary(r.kind, r.data) },
          {
            title: "Kiểm chứng",
            key: "e",
            render: (_v, r) => (r.evidence.length ? `${r.evidence.length} tệp` : "Chưa có"),
          },
          ...(hasRole("reform_officer")
            ? [
                {
                  title: "",
                  key: "x",
                  render: (_v: unknown, r: ReformRecord) => (
                    <Popconfirm
                      title="Xóa hồ sơ này? (lịch sử vẫn được lưu)"
                      okText="Xóa"
                      cancelText="Không"
                      onConfirm={async () => {
                        try {
                          await reform.deleteRecord(r.id);
                          records.reload();
                        } catch (e) {
                          message.error(errorMessage(e));
                        }
                      }}
                    >
                      <Button size="small" danger>
                        Xóa
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Card size="small" title={`Số liệu Phụ lục 01b năm ${view.year} từ hồ sơ CCHC`}>
        {figures.data && Object.keys(figures.data.figures).length === 0 ? (
          <Typography.Text type="secondary">Chưa có hồ sơ nào cho năm này.</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={Object.entries(figures.data?.figures ?? {}).map(([code, value]) => ({ code, value }))}
            columns={[
              { title: "Mã", dataIndex: "code", width: 140 },
              { title: "Số liệu", dataIndex: "value", align: "right" },
            ]}
          />
        )}
      </Card>
      <AppendicesCard unit={view.unit} year={view.year} reload={records.data} />
      {adding && (
        <RecordForm
          unit={view.unit}
          kind={kind}
          onClose={(saved) => {
            setAdding(false);
            if (saved) records.reload();
          }}
        />
      )}
    </Space>
  );
}

function Field({ spec }: { spec: FieldSpec }) {
  const rules = spec.optional ? [] : [{ required: true, message: `Nhập ${spec.label.toLowerCase()}` }];
  const input =
    typeof spec.type === "object" ? (
      <Select allowClear={spec.optional} options={options(spec.type.choices)} style={{ minWidth: 240 }} />
    ) : spec.type === "int" || spec.type === "number" ? (
      <InputNumber min={0} />
    ) : spec.type === "date" ? (
      <DatePicker format="DD/MM/YYYY" />
    ) : (
      <Input />
    );
  return (
    <Form.Item name={spec.key} label={spec.label} rules={rules}>
      {input}
    </Form.Item>
  );
}

function RecordForm({ unit, kind, onClose }: { unit: string; kind: string; onClose(saved: boolean): void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File>();
  const submit = async (values: Record<string, unknown> & { on: Dayjs; pages?: string; note?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const plain = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [
          k,
          v && typeof v === "object" && "format" in v ? (v as Dayjs).format("YYYY-MM-DD") : v,
        ]),
      );
      const evidence = file ? [{ fileId: await uploadFile(unit, file), pages: values.pages || null }] : [];
      await reform.createRecord({
        kind,
        unit,
        on: values.on.format("YYYY-MM-DD"),
        data: recordData(kind, plain),
        evidence,
        note: values.note || null,
      });
      message.success("Đã ghi hồ sơ");
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
      title={`Thêm: ${RECORD_KINDS[kind]}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="on" label="Ngày" rules={[{ required: true, message: "Chọn ngày" }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        {(RECORD_FIELDS[kind] ?? []).map((spec) => (
          <Field key={spec.key} spec={spec} />
        ))}
        <Form.Item label="Tài liệu kiểm chứng">
          <input
            type="file"
            aria-label="Tài liệu kiểm chứng"
            accept=".pdf,.docx,.jpg,.png"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </Form.Item>
        <Form.Item name="pages" label="Trang">
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
