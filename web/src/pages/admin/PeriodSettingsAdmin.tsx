// Kỳ báo cáo: the province's cut day (GET/PUT /api/reports/period-settings). 1 = calendar months; 15 = each
// month runs from the 15th of the month before to the 14th, and so do the quarters, half-years and the year.
// The preview resolves this year's periods with the day being typed, by the server's own standardPeriod.
import { App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useAuth } from "../../auth.tsx";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { indexCount, indexName, type PeriodKind, presetRange } from "../../components/periods.ts";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Unit } from "../../types.ts";
import { reports } from "../../api/reports.ts";
import { units as unitsApi } from "../../api/units.ts";

/** The provinces this user administers (a superuser: every province). */
export function adminProvinces(units: Unit[], adminUnits: string[], superuser: boolean): Unit[] {
  const provinceOf = new Map(units.map((u) => [u.code, u.provinceCode ?? u.code]));
  const mine = new Set(adminUnits.map((code) => provinceOf.get(code) ?? code));
  return units.filter((u) => u.parentCode === null && !u.effectiveTo && (superuser || mine.has(u.code)));
}

interface PreviewRow {
  key: string;
  name: string;
  from: string;
  to: string;
}

function preview(year: number, cutDay: number): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const add = (kind: PeriodKind, index: number, name: string) => {
    const r = presetRange({ kind, year, index }, cutDay);
    rows.push({ key: `${kind}-${index}`, name, ...r });
  };
  add("year", 1, `Năm ${year}`);
  for (let q = 1; q <= indexCount("quarter"); q++) add("quarter", q, `${indexName("quarter", q)}/${year}`);
  for (let m = 1; m <= indexCount("month"); m++) add("month", m, `${indexName("month", m)}/${year}`);
  return rows;
}

export default function PeriodSettingsAdmin() {
  useTitle("Kỳ báo cáo");
  const { message } = App.useApp();
  const { user } = useAuth();
  const units = useLoad((signal) => unitsApi.list({}, signal), []);
  const provinces = adminProvinces(
    units.data?.units ?? [],
    (user?.grants ?? []).filter((g) => g.role === "admin").map((g) => g.unitCode),
    user?.isSuperuser ?? false,
  );
  const [province, setProvince] = useState<string>();
  const chosen = province ?? provinces[0]?.code;
  const settings = useLoad((signal) => (chosen ? reports.periodSettings(chosen, signal) : null), [chosen]);
  const [form] = Form.useForm<{ cutDay: number }>();
  const typed = Form.useWatch("cutDay", form);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ cutDay: settings.data.cutDay });
  }, [settings.data, form]);
  const cutDay = Number.isInteger(typed) && typed >= 1 && typed <= 28 ? typed : (settings.data?.cutDay ?? 1);
  const year = dayjs().year();

  const save = async (v: { cutDay: number }) => {
    if (!chosen) return;
    setSaving(true);
    setError(undefined);
    try {
      await reports.setPeriodSettings(chosen, v.cutDay);
      message.success(`Đã lưu ngày chốt kỳ báo cáo: ngày ${v.cutDay}`);
      settings.reload();
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Kỳ báo cáo của tỉnh, thành phố
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Ngày chốt kỳ quyết định các kỳ báo cáo theo tháng, quý, 6 tháng và năm: ngày 1 là theo tháng dương lịch; ngày 15
        là từ ngày 15 tháng trước đến ngày 14 tháng báo cáo. Mọi trang báo cáo của tỉnh dùng ngày chốt này.
      </Typography.Paragraph>
      <ProblemAlert message={units.error ?? settings.error ?? error} />
      <Card size="small">
        <Form form={form} layout="inline" onFinish={save}>
          <Form.Item label="Tỉnh, thành phố">
            <Select
              aria-label="Tỉnh, thành phố"
              style={{ minWidth: 240 }}
              value={chosen}
              onChange={setProvince}
              options={provinces.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
            />
          </Form.Item>
          <Form.Item
            label="Ngày chốt kỳ"
            name="cutDay"
            rules={[
              { required: true, message: "Nhập ngày chốt kỳ" },
              { type: "integer", min: 1, max: 28, message: "Ngày chốt kỳ là số nguyên từ 1 đến 28" },
            ]}
            extra="1 = theo tháng dương lịch; 15 = từ ngày 15 tháng trước đến ngày 14"
          >
            <InputNumber min={1} max={28} precision={0} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} disabled={!chosen}>
              Lưu ngày chốt kỳ
            </Button>
          </Form.Item>
        </Form>
        {settings.data && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="cut-day-saved">
            Đang áp dụng: ngày {settings.data.cutDay}
            {settings.data.cutDay === 1 ? " (theo tháng dương lịch)" : ` (từ ngày ${settings.data.cutDay} tháng trước)`}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={`Các kỳ năm ${year} với ngày chốt ${cutDay}`}>
        <Table<PreviewRow>
          size="small"
          pagination={false}
          data-testid="period-preview"
          rowKey="key"
          dataSource={preview(year, cutDay)}
          columns={[
            { title: "Kỳ", dataIndex: "name" },
            { title: "Từ ngày", dataIndex: "from", render: (d: string) => formatDate(d) },
            { title: "Đến ngày", dataIndex: "to", render: (d: string) => formatDate(d) },
          ]}
        />
      </Card>
    </Space>
  );
}
