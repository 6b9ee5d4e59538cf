// Holidays, swapped working days and office hours. Computed defaults come from the server's calendar; an
// administrator reviews each year's official arrangement there.
import { Alert, Card, InputNumber, Space, Table, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";

interface YearCalendar {
  year: number;
  daysOff: string[];
  workingSaturdays: string[];
}

export default function CalendarAdmin() {
  useTitle("Lịch làm việc");
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useLoad(
    (signal) => api.get<YearCalendar>(`/calendar/${year}`, undefined, signal),
    [year],
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Ngày nghỉ lễ, ngày làm bù và giờ làm việc
      </Typography.Title>
      <Space>
        <Typography.Text id="nam-lich">Năm:</Typography.Text>
        <InputNumber aria-labelledby="nam-lich" min={1900} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {error && <Alert type="warning" showIcon title={`Chưa đọc được lịch năm ${year}: ${error}`} />}
      <Card size="small" title="Ngày nghỉ (thứ Hai – thứ Sáu)">
        <Table
          size="small"
          rowKey={(d) => d}
          loading={loading}
          dataSource={data?.daysOff ?? []}
          pagination={false}
          columns={[{ title: "Ngày", render: (_v, d: string) => formatDate(d) }]}
        />
      </Card>
      <Card size="small" title="Ngày làm việc bù (thứ Bảy, Chủ nhật)">
        <Table
          size="small"
          rowKey={(d) => d}
          loading={loading}
          dataSource={data?.workingSaturdays ?? []}
          pagination={false}
          columns={[{ title: "Ngày", render: (_v, d: string) => formatDate(d) }]}
        />
      </Card>
      <Card size="small" title="Giờ làm việc mặc định">
        Sáng 07:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu. Đơn vị làm việc sáng thứ Bảy được đánh dấu trong danh
        sách đơn vị.
      </Card>
    </Space>
  );
}
