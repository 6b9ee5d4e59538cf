// Holidays, swapped working days and office hours (GET /api/calendar/:year?unit=). The server computes the
// defaults by law and overlays official arrangements; an administrator adds or removes a province's or the
// nation's overrides (PUT /api/calendar/overrides) and sets a unit's office hours (office-hours.tsx).
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { OfficeHoursCard } from "./OfficeHoursCard.tsx";
import { foldedSearch } from "../../components/search.ts";
import { calendar } from "../../api/calendar.ts";
import type { CalendarDay } from "../../types.ts";
import { units as unitsApi } from "../../api/units.ts";

const SOURCE: Record<string, string> = {
  law: "Theo Bộ luật Lao động",
  official: "Thông báo chính thức",
  override: "Điều chỉnh",
};

export default function CalendarAdmin() {
  useTitle("Lịch làm việc");
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const [unit, setUnit] = useState<string>();
  const units = useLoad((signal) => unitsApi.list({}, signal), []);
  const cal = useLoad((signal) => calendar.year(year, unit, signal), [year, unit]);
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const scope = cal.data?.unit?.provinceCode ?? "*";

  const edit = async (body: Record<string, unknown>) => {
    setError(undefined);
    try {
      await calendar.setOverrides(body);
      message.success("Đã cập nhật lịch");
      form.resetFields();
      cal.reload();
    } catch (e) {
      setError(showProblem(form, e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Ngày nghỉ lễ, ngày làm bù và giờ làm việc
      </Typography.Title>
      <Space wrap>
        <Typography.Text id="nam-lich">Năm:</Typography.Text>
        <InputNumber aria-labelledby="nam-lich" min={1900} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Select
          aria-label="Đơn vị"
          allowClear
          showSearch={foldedSearch}
          placeholder="Lịch toàn quốc"
          style={{ minWidth: 280 }}
          value={unit}
          onChange={setUnit}
          options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
        />
      </Space>
      <ProblemAlert message={cal.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={`Ngày nghỉ và ngày làm bù năm ${year}`}>
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              loading={cal.loading}
              dataSource={cal.data?.days ?? []}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                { title: "Ngày", dataIndex: "date", render: (d: string) => formatDate(d) },
                {
                  title: "Loại",
                  dataIndex: "kind",
                  render: (k: string) =>
                    k === "day_off" ? <Tag color="red">Nghỉ</Tag> : <Tag color="blue">Làm việc bù</Tag>,
                },
                { title: "Tên ngày lễ", dataIndex: "name", render: (n: string | null) => n ?? "—" },
                {
                  title: "Nguồn",
                  render: (_v, d) => {
                    const note = d.source.type === "override" ? d.source.note : null;
                    return `${SOURCE[d.source.type] ?? d.source.type}${note ? `: ${note}` : ""}`;
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={`Điều chỉnh lịch (${scope === "*" ? "toàn quốc" : `tỉnh ${scope}`})`}>
            <ProblemAlert message={error} />
            <Form
              form={form}
              layout="vertical"
              initialValues={{ kind: "day_off" }}
              onFinish={(v) =>
                edit({
                  scope,
                  add: [{ date: v.date.format("YYYY-MM-DD"), kind: v.kind, note: v.note, source: v.source || null }],
                })
              }
            >
              <Form.Item label="Ngày" name="date" rules={[{ required: true, message: "Chọn ngày" }]}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item label="Loại" name="kind">
                <Radio.Group>
                  <Radio value="day_off">Nghỉ</Radio>
                  <Radio value="working_day">Làm việc bù</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                label="Ghi chú"
                name="note"
                rules={[{ required: true, message: "Nêu lý do của ngày điều chỉnh" }]}
              >
                <Input />
              </Form.Item>
              <Form.Item label="Căn cứ (văn bản, đường dẫn)" name="source">
                <Input />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                Thêm điều chỉnh
              </Button>
            </Form>
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey={(o) => `${o.scope}-${o.date}`}
              dataSource={cal.data?.overrides ?? []}
              pagination={false}
              locale={{ emptyText: "Chưa có điều chỉnh" }}
              columns={[
                { title: "Ngày", dataIndex: "date", render: (d: string) => formatDate(d) },
                { title: "Phạm vi", dataIndex: "scope", render: (s: string) => (s === "*" ? "Toàn quốc" : s) },
                { title: "Ghi chú", dataIndex: "note" },
                {
                  title: "",
                  render: (_v, o) => (
                    <Button size="small" danger onClick={() => edit({ scope: o.scope, remove: [o.date] })}>
                      Xóa
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {cal.data && <OfficeHoursCard unit={cal.data.unit?.code} view={cal.data.officeHours} onSaved={cal.reload} />}
    </Space>
  );
}
