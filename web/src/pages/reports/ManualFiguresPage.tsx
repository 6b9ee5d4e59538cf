// Nhập số liệu thủ công: a results document for a unit and period motcua holds no dossiers for (a unit not
// yet on motcua, a historical period). Checked in the browser by the server's own rules, then sent to
// POST /api/reports/manual; the server's verdict (rule violations next to the fields, an overlap) is shown
// as it gives it, and an accepted document is shown back.
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiProblem } from "../../api.ts";
import { unitsFor, useAuth } from "../../auth.tsx";
import { PeriodPicker, presetPeriod, useCutDay } from "../../components/PeriodPicker.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { RESULT_COLUMNS, ResultsTable } from "../../components/ResultsTable.tsx";
import type { Period } from "../../components/periods.ts";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { ResultsRow, Unit } from "../../types.ts";
import {
  buildDocument,
  checkDocument,
  type FormRow,
  type PlacedViolation,
  placeViolations,
  serverViolations,
} from "./manual.ts";
import { units } from "../../api/units.ts";
import { reports } from "../../api/reports.ts";

interface Accepted {
  accepted: true;
  replaced: boolean;
  manual: true;
  document: { unit: string; from: string; to: string; by: string; rows: ResultsRow[]; total: ResultsRow };
}

/** The units the user may submit for: each reform-officer grant's unit and everything below it. */
function useSubmitUnits(): Unit[] {
  const { user } = useAuth();
  const roots = unitsFor(user, "reform_officer").map((u) => u.code);
  const { data } = useLoad(
    async (signal) => {
      const lists = await Promise.all(
        (roots.length ? roots : [undefined]).map((under) => units.list(under ? { under } : {}, signal)),
      );
      const seen = new Map<string, Unit>();
      for (const list of lists) for (const u of list.units) seen.set(u.code, u);
      return [...seen.values()];
    },
    [roots.join()],
  );
  return data ?? [];
}

const emptyRow = (): FormRow => ({ key: "" });

/** The server's refusal in one sentence, and its rule violations when it names them (placed on the fields). */
function refusal(error: unknown): { message: string; violations?: PlacedViolation[] } {
  if (!(error instanceof ApiProblem)) return { message: "Không gửi được số liệu." };
  switch (error.code) {
    case "invalid-document":
      return {
        message: `Máy chủ từ chối số liệu: ${error.userMessage}`,
        violations: serverViolations(error.invalidParams),
      };
    case "does-not-chain":
      return { message: `Số liệu không nối tiếp kỳ liền kề đã nhập: ${error.userMessage}` };
    case "validation-failed":
      return { message: [error.userMessage, ...error.invalidParams.map((p) => `${p.name}: ${p.reason}`)].join(" — ") };
    default:
      return { message: error.userMessage };
  }
}

/** One field's row of the results document: its name (unique) and every figure. */
function RowCard(props: { name: number; index: number; onRemove?: () => void; rows: () => FormRow[] }) {
  const { name, index, onRemove, rows } = props;
  return (
    <Card
      size="small"
      data-testid={`manual-row-${index}`}
      title={`Dòng ${index + 1}`}
      extra={
        onRemove && (
          <Button size="small" danger onClick={onRemove}>
            Xóa dòng
          </Button>
        )
      }
    >
      <Form.Item
        name={[name, "key"]}
        label="Lĩnh vực"
        rules={[
          { required: true, whitespace: true, message: "Nhập tên lĩnh vực" },
          {
            validator: (_r, v: string | undefined) => {
              const same = rows().filter((r) => (r?.key ?? "").trim() === (v ?? "").trim()).length;
              return same > 1 ? Promise.reject(new Error("Lĩnh vực đã có ở dòng khác")) : Promise.resolve();
            },
          },
        ]}
      >
        <Input style={{ maxWidth: 360 }} />
      </Form.Item>
      <Row gutter={[12, 0]}>
        {RESULT_COLUMNS.map((c) => (
          <Col xs={12} md={8} xl={6} key={c.key}>
            <Form.Item
              name={[name, c.key]}
              label={`${c.group}: ${c.label}`}
              rules={[{ required: true, message: "Chưa nhập số liệu" }]}
            >
              <InputNumber min={0} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The document as the server accepted it, with a link to the results report of its unit and period. */
function AcceptedCard({ accepted }: { accepted: Accepted }) {
  const { document } = accepted;
  return (
    <Card
      title={accepted.replaced ? "Đã nhận số liệu (thay thế bản đã nộp trước)" : "Đã nhận số liệu"}
      data-testid="manual-accepted"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="Đơn vị">{document.unit}</Descriptions.Item>
        <Descriptions.Item label="Kỳ báo cáo">
          {formatDate(document.from)} – {formatDate(document.to)}
        </Descriptions.Item>
      </Descriptions>
      <ResultsTable rows={document.rows} total={document.total} keyTitle="Lĩnh vực" />
      <Link
        to={`/can-bo/bao-cao/ket-qua?${new URLSearchParams({ unit: document.unit, from: document.from, to: document.to })}`}
      >
        Xem trong báo cáo kết quả giải quyết
      </Link>
    </Card>
  );
}

export default function ManualFiguresPage() {
  useTitle("Nhập số liệu thủ công");
  const [form] = Form.useForm<{ rows: FormRow[] }>();
  const units = useSubmitUnits();
  const [unit, setUnit] = useState<string>();
  const { cutDay } = useCutDay(unit);
  const [period, setPeriod] = useState<Period>(() => presetPeriod("last-year"));
  const [problem, setProblem] = useState<string>();
  const [other, setOther] = useState<string[]>([]);
  const [accepted, setAccepted] = useState<Accepted>();
  const [sending, setSending] = useState(false);
  const rows = Form.useWatch("rows", form) ?? [];
  const preview = buildDocument(rows.filter(Boolean));

  const show = (violations: PlacedViolation[], keys: string[]) => {
    const placed = placeViolations(violations, keys);
    form.setFields(placed.fields as never);
    setOther(placed.other);
  };

  const submit = async (values: { rows: FormRow[] }) => {
    setProblem(undefined);
    setOther([]);
    setAccepted(undefined);
    if (!unit) {
      setProblem("Chọn đơn vị nộp số liệu.");
      return;
    }
    const doc = buildDocument(values.rows ?? []);
    const keys = doc.rows.map((r) => r.key);
    const local = checkDocument(doc);
    if (local.length) {
      setProblem(`Số liệu không nhất quán: ${local.length} lỗi, xem các ô được đánh dấu.`);
      show(local, keys);
      return;
    }
    setSending(true);
    try {
      const result = await reports.submitManual<Accepted>({ unit, ...period, document: doc });
      setAccepted(result);
    } catch (error) {
      const refused = refusal(error);
      if (refused.violations) show(refused.violations, keys);
      setProblem(refused.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Nhập số liệu kết quả giải quyết thủ công
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Dành cho đơn vị chưa dùng hệ thống hoặc kỳ báo cáo trước khi có hệ thống. Chỉ nhận cho đơn vị và kỳ chưa có hồ
        sơ trên hệ thống; số liệu được kiểm tra theo các quy tắc: thành phần không lớn hơn tổng, các kênh cộng đúng số
        tiếp nhận, kỳ trước chuyển qua + mới tiếp nhận = đã giải quyết + rút + dừng + đang giải quyết.
      </Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label="Đơn vị nộp số liệu"
          placeholder="Đơn vị nộp số liệu"
          style={{ minWidth: 280 }}
          showSearch
          optionFilterProp="label"
          value={unit}
          onChange={setUnit}
          options={units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
        />
        <PeriodPicker value={period} cutDay={cutDay} onChange={setPeriod} />
      </Space>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ rows: [emptyRow()] }}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              {fields.map((field, i) => (
                <RowCard
                  key={field.key}
                  name={field.name}
                  index={i}
                  onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                  rows={() => form.getFieldValue("rows") ?? []}
                />
              ))}
              <Button onClick={() => add(emptyRow())}>Thêm lĩnh vực</Button>
            </Space>
          )}
        </Form.List>
        {preview.rows.length > 0 && (
          <Card size="small" title="Tổng cộng (tự cộng từ các dòng)" style={{ marginTop: 16 }}>
            <ResultsTable rows={[]} total={preview.total} keyTitle="" />
          </Card>
        )}
        <ProblemAlert message={problem} />
        {other.length > 0 && (
          <Alert type="error" showIcon title="Lỗi khác" description={other.join("; ")} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" loading={sending} style={{ marginTop: 16 }}>
          Gửi số liệu
        </Button>
      </Form>
      {accepted && <AcceptedCard accepted={accepted} />}
    </Space>
  );
}
