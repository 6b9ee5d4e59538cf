// A unit's office hours: windows per weekday and Saturday service (PUT /api/units/:code/office-hours).
import { App, Button, Card, Form, Input, Switch, Typography } from "antd";
import { useState } from "react";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { units } from "../../api/units.ts";
import type { OfficeHoursView } from "../../types.ts";

const DAYS: [string, string][] = [
  ["monday", "Thứ Hai"],
  ["tuesday", "Thứ Ba"],
  ["wednesday", "Thứ Tư"],
  ["thursday", "Thứ Năm"],
  ["friday", "Thứ Sáu"],
  ["saturday", "Thứ Bảy"],
];

const show = (w: { start: string; end: string }[] = []) => w.map((x) => `${x.start}-${x.end}`).join(", ");
const parse = (s: string | undefined) =>
  (s ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [start = "", end = ""] = p.split("-").map((x) => x.trim());
      return { start, end };
    });

export function OfficeHoursCard({
  unit,
  view,
  onSaved,
}: {
  unit: string | undefined;
  view: OfficeHoursView;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const initial = {
    ...Object.fromEntries(DAYS.map(([d]) => [d, show(view.windows[d])])),
    saturdayService: view.saturdayService,
    saturdayCounts: view.saturdayCounts,
  };
  return (
    <Card size="small" title={`Giờ làm việc${view.isDefault ? " (mặc định)" : ""}`}>
      <Typography.Paragraph>
        Một ngày làm việc: {Math.round((view.workingDayMinutes / 60) * 10) / 10} giờ.
      </Typography.Paragraph>
      {!unit && <Typography.Paragraph>Chọn một đơn vị để sửa giờ làm việc của đơn vị đó.</Typography.Paragraph>}
      <ProblemAlert message={error} />
      <Form
        key={`${unit}-${JSON.stringify(initial)}`}
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={initial}
        disabled={!unit}
        onFinish={async (v) => {
          setError(undefined);
          try {
            await units.setOfficeHours(unit ?? "", {
              windows: Object.fromEntries(DAYS.map(([d]) => [d, parse(v[d])])),
              saturdayService: v.saturdayService,
              saturdayCounts: v.saturdayCounts,
            });
            message.success("Đã lưu giờ làm việc");
            onSaved();
          } catch (e) {
            setError(showProblem(form, e));
          }
        }}
      >
        {DAYS.map(([d, label]) => (
          <Form.Item
            key={d}
            label={label}
            name={d}
            extra={d === "monday" ? "Dạng 07:30-11:30, 13:30-17:00" : undefined}
          >
            <Input />
          </Form.Item>
        ))}
        <Form.Item label="Làm việc sáng thứ Bảy" name="saturdayService" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label="Tính thứ Bảy vào thời hạn" name="saturdayCounts" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          Lưu giờ làm việc
        </Button>
      </Form>
    </Card>
  );
}
