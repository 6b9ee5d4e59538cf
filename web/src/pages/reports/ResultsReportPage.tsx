// Kết quả giải quyết: the results report (CONTRACTS.md §3) by field, unit, procedure or field and level, every
// cell a link to its dossiers, CSV and Excel downloads of the same query, rows fed by figures typed in by hand
// marked "nhập tay".
import { Alert, Button, Select, Space, Typography } from "antd";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ResultsTable } from "../../components/ResultsTable.tsx";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { ResultsReport, ResultsRow } from "../../types.ts";
import { FilterBar, useReportFilters } from "./filters.tsx";

export const GROUPINGS: Record<string, string> = {
  field: "Lĩnh vực",
  unit: "Đơn vị",
  procedure: "Thủ tục",
  "field-level": "Lĩnh vực và cấp",
};

/** The drill-down of one cell; `back` is the page the drill-down links back to. */
export function drillHref(
  query: { from?: string; to?: string; unit?: string; by: string },
  key: string,
  column: keyof ResultsRow,
  back?: string,
): string {
  const params = new URLSearchParams({ by: query.by, key, column: String(column) });
  for (const k of ["from", "to", "unit"] as const) if (query[k]) params.set(k, query[k]);
  if (back) params.set("ve", back);
  return `/can-bo/bao-cao/chi-tiet?${params}`;
}

export default function ResultsReportPage() {
  useTitle("Báo cáo kết quả giải quyết");
  const filters = useReportFilters();
  const by = filters.params.get("by") ?? "field";
  const query = { ...filters.query, by };
  const report = useLoad(
    (signal) => (filters.ready ? api.get<ResultsReport>("/reports/results", query, signal) : null),
    [filters.from, filters.to, filters.unit, by],
  );
  const data = report.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Kết quả giải quyết thủ tục hành chính
      </Typography.Title>
      <FilterBar filters={filters}>
        <Select
          aria-label="Thống kê theo"
          style={{ width: 180 }}
          value={by}
          onChange={(v) => filters.update({ by: v })}
          options={Object.entries(GROUPINGS).map(([value, label]) => ({ value, label }))}
        />
        <Button href={api.url("/reports/results", { ...query, format: "xlsx" })} disabled={!filters.ready}>
          Tải Excel
        </Button>
        <Button href={api.url("/reports/results", { ...query, format: "csv" })} disabled={!filters.ready}>
          Tải CSV
        </Button>
      </FilterBar>
      <Space wrap data-testid="results-papers">
        <Typography.Text type="secondary">Văn bản kèm báo cáo:</Typography.Text>
        <Button
          size="small"
          href={api.url("/reports/results/appendix", { ...query, format: "docx" })}
          disabled={!filters.ready}
        >
          Phụ lục kết quả một cửa (.docx)
        </Button>
        <Button
          size="small"
          href={api.url("/reports/results/appendix", { ...query, format: "xlsx" })}
          disabled={!filters.ready}
        >
          Phụ lục (.xlsx)
        </Button>
        <Button
          size="small"
          href={
            filters.unit
              ? api.url(`/units/${encodeURIComponent(filters.unit)}/ledger`, {
                  from: filters.from,
                  to: filters.to,
                  format: "docx",
                })
              : undefined
          }
          disabled={!filters.ready || !filters.unit}
          title={filters.unit ? undefined : "Chọn một đơn vị để tải sổ theo dõi của đơn vị đó"}
        >
          Sổ theo dõi hồ sơ (mẫu 07)
        </Button>
      </Space>
      <ProblemAlert message={report.error} />
      {data?.manual && data.manual.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="manual-note"
          title="Báo cáo có số liệu nhập tay"
          description={`Các dòng đánh dấu "nhập tay" gồm số liệu do đơn vị nhập thủ công (không có hồ sơ trên hệ thống): ${data.manual
            .map((m) => `${m.unit} (${formatDate(m.from)} – ${formatDate(m.to)})`)
            .join("; ")}.`}
        />
      )}
      {data?.manualExcluded && data.manualExcluded.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="manual-excluded"
          title="Có số liệu nhập tay không được gộp"
          description={`Không gộp số liệu nhập tay của ${data.manualExcluded
            .map((m) => `${m.unit} (${formatDate(m.from)} – ${formatDate(m.to)})`)
            .join("; ")} vì kỳ đó không nằm trọn trong kỳ báo cáo.`}
        />
      )}
      {data && (
        <ResultsTable
          rows={data.rows}
          total={data.total}
          keyTitle={GROUPINGS[by] ?? by}
          drillHref={(key, column) => drillHref(query, key, column, "ket-qua")}
        />
      )}
    </Space>
  );
}
