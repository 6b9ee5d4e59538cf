// A new version of a procedure, edited as a form in Vietnamese: name and field, time limit, online level,
// components, fees, the internal process and its legal basis. Saving creates a version from a date; an edit never
// rewrites an old version. The server validates (src/catalog/procedure.ts) and its reasons show beside the fields.
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import type { Procedure } from "../../types.ts";
import {
  COMPETENT_LEVEL_LABELS,
  DOCUMENT_FORM_LABELS,
  LIMIT_UNIT_LABELS,
  ONLINE_LEVEL_LABELS,
  type ProcedureFormValues,
  STEP_ROLE_LABELS,
  toFormValues,
  toProcedureBody,
} from "./procedure-form.ts";
import { procedures } from "../../api/procedures.ts";

type Values = ProcedureFormValues & { effectiveFrom: dayjs.Dayjs };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const required = (message: string) => [{ required: true, message }];

function ListSection({
  name,
  title,
  add,
  children,
}: {
  name: string;
  title: string;
  add: Record<string, unknown>;
  children: (field: { key: number; name: number }) => React.ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add: push, remove }) => (
        <Card size="small" type="inner" title={title} style={{ marginBottom: 16 }}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" wrap>
              {children(field)}
              <Col flex="none">
                <Button
                  danger
                  onClick={() => remove(field.name)}
                  aria-label={`Xóa dòng ${field.name + 1} của ${title}`}
                >
                  Xóa
                </Button>
              </Col>
            </Row>
          ))}
          <Button onClick={() => push(add)}>Thêm dòng</Button>
        </Card>
      )}
    </Form.List>
  );
}

export function ProcedureEditor({ latest, onSaved }: { latest: Procedure; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const unit = Form.useWatch("limitUnit", form);

  const save = async (v: Values) => {
    setError(undefined);
    try {
      await procedures.create(toProcedureBody(latest, v, v.effectiveFrom.format("YYYY-MM-DD")));
      message.success("Đã tạo phiên bản mới");
      onSaved();
    } catch (e) {
      setError(showProblem(form, e));
    }
  };

  return (
    <Card size="small" title={`Tạo phiên bản mới của thủ tục ${latest.code}`} data-testid="procedure-editor">
      <ProblemAlert message={error} />
      <Form<Values>
        key={`${latest.code}-${latest.version}`}
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ ...toFormValues(latest), effectiveFrom: dayjs() }}
        // a version is created only by the button: Enter in a field (a date being typed) never saves
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") e.preventDefault();
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item label="Tên thủ tục" name="name" rules={required("Nhập tên thủ tục")}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Áp dụng từ ngày" name="effectiveFrom" rules={required("Chọn ngày áp dụng")}>
              <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Lĩnh vực" name="field" rules={required("Nhập lĩnh vực")}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Cấp thực hiện" name="level">
              <Select options={options(COMPETENT_LEVEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Cơ quan thực hiện" name="agency" rules={required("Nhập cơ quan thực hiện")}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label="Thời hạn giải quyết" name="limitValue">
              <InputNumber min={0} step={0.5} disabled={unit === "same_day"} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="Đơn vị thời hạn" name="limitUnit">
              <Select options={options(LIMIT_UNIT_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label="Giờ chốt trong ngày" name="cutoff" extra="Ví dụ 15:00; chỉ với “trong ngày”">
              <Input disabled={unit !== "same_day"} placeholder="15:00" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="Mức độ dịch vụ công trực tuyến" name="onlineLevel">
              <Select options={options(ONLINE_LEVEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label="Không phụ thuộc địa giới" name="boundaryFree" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="Tính lại thời hạn sau bổ sung" name="restartOnSupplement" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <ListSection name="components" title="Thành phần hồ sơ" add={{ form: "original", count: 1 }}>
          {(f) => (
            <>
              <Col xs={24} md={9}>
                <Form.Item name={[f.name, "name"]} rules={required("Nhập tên thành phần")}>
                  <Input placeholder="Tên giấy tờ" aria-label={`Tên thành phần ${f.name + 1}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, "form"]}>
                  <Select options={options(DOCUMENT_FORM_LABELS)} aria-label="Loại giấy tờ" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, "count"]}>
                  <InputNumber min={1} aria-label="Số lượng" style={{ width: "100%" }} />
                </Form.Item>
              </Col>
              <Col xs={20} md={5}>
                <Form.Item name={[f.name, "condition"]}>
                  <Input placeholder="Điều kiện nộp (để trống: bắt buộc)" aria-label="Điều kiện nộp" />
                </Form.Item>
              </Col>
            </>
          )}
        </ListSection>
        <ListSection name="fees" title="Phí, lệ phí" add={{ amount: null }}>
          {(f) => (
            <>
              <Col xs={24} md={7}>
                <Form.Item name={[f.name, "name"]} rules={required("Nhập tên phí, lệ phí")}>
                  <Input placeholder="Tên phí, lệ phí" aria-label={`Tên phí ${f.name + 1}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, "amount"]}>
                  <InputNumber min={0} placeholder="Mức thu (đồng)" aria-label="Mức thu" style={{ width: "100%" }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, "per"]}>
                  <Input placeholder="Đơn vị tính" aria-label="Đơn vị tính" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={[f.name, "basis"]}>
                  <Input placeholder="Căn cứ thu" aria-label="Căn cứ thu" />
                </Form.Item>
              </Col>
            </>
          )}
        </ListSection>
        <ListSection
          name="steps"
          title="Quy trình xử lý (tổng tỷ lệ thời gian 100%)"
          add={{ role: "officer", share: 0 }}
        >
          {(f) => (
            <>
              <Col xs={24} md={8}>
                <Form.Item name={[f.name, "name"]} rules={required("Nhập tên bước")}>
                  <Input placeholder="Tên bước" aria-label={`Tên bước ${f.name + 1}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, "role"]}>
                  <Select options={options(STEP_ROLE_LABELS)} aria-label="Vai trò" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[f.name, "unit"]}>
                  <Input placeholder="Bộ phận xử lý" aria-label="Bộ phận xử lý" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, "share"]}>
                  <InputNumber min={0} max={100} addonAfter="%" aria-label="Tỷ lệ thời gian" />
                </Form.Item>
              </Col>
            </>
          )}
        </ListSection>
        <Form.Item label="Căn cứ pháp lý" name="legalBasis" extra="Mỗi văn bản một mục; nhấn Enter để thêm">
          <Select mode="tags" open={false} aria-label="Căn cứ pháp lý" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            Lưu thành phiên bản mới
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
