// The filter bar every report page shares: the unit (the caller's units where they may read reports) and the
// period, both kept in the URL (?unit&from&to) so a report can be linked, reloaded and opened from the menu
// with the same choice. Without from/to, the current year under the province's cut day.
import { Select, Space } from "antd";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { ACTIONS } from "../../../src/people/policy.ts";
import { unitsFor, useAuth } from "../auth.tsx";
import { PeriodPicker, presetPeriod, useCutDay } from "./PeriodPicker.tsx";

/** Who reads reports, and so whose units the picker offers (people/policy.ts). */
export const REPORT_ROLES = ACTIONS["report.read"];

export interface ReportFilters {
  units: { code: string; name: string }[];
  unit: string | undefined;
  from: string | undefined;
  to: string | undefined;
  cutDay: number;
  /** from and to are known (the cut day has loaded when the URL had no period). */
  ready: boolean;
  params: URLSearchParams;
  update(patch: Record<string, string | undefined>): void;
  /** `{unit, from, to}` for an API query. */
  query: { unit?: string; from?: string; to?: string };
  /** The filters as a query string, for links between report pages. */
  search: string;
}

export function useReportFilters(): ReportFilters {
  const { user } = useAuth();
  const units = unitsFor(user, ...REPORT_ROLES);
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? units[0]?.code;
  const { cutDay, ready } = useCutDay(unit);
  const def = ready ? presetPeriod("year", undefined, cutDay) : undefined;
  const from = params.get("from") ?? def?.from;
  const to = params.get("to") ?? def?.to;
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setParams(next, { replace: true });
  };
  const query = { unit, from, to };
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return {
    units,
    unit,
    from,
    to,
    cutDay,
    ready: from !== undefined && to !== undefined,
    params,
    update,
    query,
    search,
  };
}

export function FilterBar({ filters, children }: { filters: ReportFilters; children?: ReactNode }) {
  const { units, unit, from, to, cutDay, update } = filters;
  return (
    <Space wrap align="center">
      {units.length > 0 && (
        <Select
          aria-label="Đơn vị"
          style={{ minWidth: 220 }}
          value={unit}
          onChange={(v) => update({ unit: v })}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
      )}
      {from && to && <PeriodPicker value={{ from, to }} cutDay={cutDay} onChange={(p) => update({ ...p })} />}
      {children}
    </Space>
  );
}
