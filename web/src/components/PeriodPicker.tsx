// A reporting period: month, quarter, 6 months, year or any range. Presets only fill in from/to.
import { DatePicker, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";

export interface Period {
  from: string;
  to: string;
}

const fmt = (d: Dayjs) => d.format("YYYY-MM-DD");

export function presetPeriod(preset: string, today = dayjs()): Period {
  const y = today.year();
  switch (preset) {
    case "month":
      return { from: fmt(today.startOf("month")), to: fmt(today.endOf("month")) };
    case "quarter": {
      const q = Math.floor(today.month() / 3);
      const start = dayjs(new Date(y, q * 3, 1));
      return { from: fmt(start), to: fmt(start.add(3, "month").subtract(1, "day")) };
    }
    case "half":
      return today.month() < 6 ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
    case "last-year":
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    default:
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <Space wrap>
      <Select
        aria-label="Kỳ báo cáo"
        placeholder="Kỳ báo cáo"
        style={{ width: 170 }}
        onChange={(v: string) => onChange(presetPeriod(v))}
        options={[
          { value: "month", label: "Tháng này" },
          { value: "quarter", label: "Quý này" },
          { value: "half", label: "6 tháng" },
          { value: "year", label: "Năm nay" },
          { value: "last-year", label: "Năm trước" },
        ]}
      />
      <DatePicker.RangePicker
        aria-label="Từ ngày – đến ngày"
        format="DD/MM/YYYY"
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(r) => {
          if (r?.[0] && r[1]) onChange({ from: fmt(r[0]), to: fmt(r[1]) });
        }}
      />
    </Space>
  );
}
