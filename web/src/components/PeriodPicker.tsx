// A reporting period: any month, quarter, half-year or year (current or past), or any range of days. Presets
// resolve to dates with the province's cut day (GET /api/reports/period-settings; 1 when the server has none),
// and the picker always shows the dates the report will cover.
import { DatePicker, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { formatDate } from "../format.ts";
import { useLoad } from "../hooks.ts";
import {
  indexCount,
  indexName,
  KIND_NAME,
  matchPreset,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  type Preset,
  presetContaining,
  presetName,
  presetRange,
  switchKind,
  yearOptions,
} from "./periods.ts";
import { reports } from "../api/reports.ts";

export type { Period };

const fmt = (d: Dayjs) => d.format("YYYY-MM-DD");

/** Today's local date in the browser (the e2e tests fix the browser's clock). */
export function today(): string {
  return fmt(dayjs());
}

/** The current month, quarter, half-year or year (kept for pages that only need "this year"). */
export function presetPeriod(preset: string, day = dayjs(), cutDay = 1): Period {
  const kind: PeriodKind =
    preset === "month" ? "month" : preset === "quarter" ? "quarter" : preset === "half" ? "half-year" : "year";
  const p = presetContaining(kind, fmt(day), cutDay);
  return presetRange(preset === "last-year" ? { ...p, year: p.year - 1 } : p, cutDay);
}

/** The cut day of the unit's province; 1 while unknown, without a unit, or when the server has no setting. */
export function useCutDay(unit: string | undefined): { cutDay: number; ready: boolean } {
  const settings = useLoad(
    (signal) => (unit ? reports.periodSettings(unit, signal).catch(() => ({ province: "", cutDay: 1 })) : null),
    [unit],
  );
  if (!unit) return { cutDay: 1, ready: true };
  const cutDay = settings.data?.cutDay;
  return { cutDay: Number.isInteger(cutDay) ? (cutDay as number) : 1, ready: settings.data !== undefined };
}

type Kind = PeriodKind | "custom";

export function PeriodPicker({
  value,
  onChange,
  cutDay = 1,
}: {
  value: Period;
  onChange: (p: Period) => void;
  cutDay?: number;
}) {
  const matched = matchPreset(value, cutDay);
  const [custom, setCustom] = useState(false);
  const kind: Kind = custom || !matched ? "custom" : matched.kind;
  const preset: Preset = matched ?? switchKind(value, "year", cutDay);
  const pick = (p: Preset) => {
    setCustom(false);
    onChange(presetRange(p, cutDay));
  };
  const currentYear = dayjs().year();
  return (
    <Space wrap align="center" data-testid="period-picker">
      <Select<Kind>
        aria-label="Loại kỳ báo cáo"
        style={{ width: 130 }}
        value={kind}
        onChange={(k) => {
          if (k === "custom") setCustom(true);
          else pick(switchKind(value, k, cutDay, today()));
        }}
        options={[
          ...PERIOD_KINDS.map((k) => ({ value: k as Kind, label: KIND_NAME[k] })),
          { value: "custom", label: "Tùy chọn" },
        ]}
      />
      {kind !== "custom" && kind !== "year" && (
        <Select<number>
          aria-label={KIND_NAME[kind]}
          style={{ width: 170 }}
          virtual={false}
          value={preset.index}
          onChange={(index) => pick({ ...preset, index })}
          options={Array.from({ length: indexCount(kind) }, (_, i) => ({
            value: i + 1,
            label: indexName(kind, i + 1),
          }))}
        />
      )}
      {kind !== "custom" && (
        <Select<number>
          aria-label="Năm"
          style={{ width: 100 }}
          virtual={false}
          value={preset.year}
          onChange={(year) => pick({ ...preset, year })}
          options={yearOptions(currentYear, preset.year).map((y) => ({ value: y, label: String(y) }))}
        />
      )}
      {kind === "custom" && (
        <DatePicker.RangePicker
          aria-label="Từ ngày – đến ngày"
          format="DD/MM/YYYY"
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          onChange={(r) => {
            if (r?.[0] && r[1]) onChange({ from: fmt(r[0]), to: fmt(r[1]) });
          }}
        />
      )}
      <Typography.Text data-testid="period-range">
        {matched && kind !== "custom" ? `${presetName(matched)}: ` : ""}từ {formatDate(value.from)} đến{" "}
        {formatDate(value.to)}
        {cutDay !== 1 ? ` (kỳ tính từ ngày ${cutDay} tháng trước)` : ""}
      </Typography.Text>
    </Space>
  );
}
