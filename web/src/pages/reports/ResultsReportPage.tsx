// Kết quả giải quyết: the results report (CONTRACTS.md §3) by field, unit, procedure or field and level, every
// cell a link to its dossiers, CSV and Excel downloads of the same query, rows fed by figures typed in by hand
// marked "nhập tay".
import { Alert, Button, Space, Typography } from "antd";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { choice } from "../../components/ReportPageChoices.ts";
import { ResultsTable } from "../../components/ResultsTable.tsx";
import { formatDate } from "../../format.ts";
import type { ResultsRow } from "../../types.ts";
import { reports } from "../../api/reports.ts";
import { units } from "../../api/units.ts";

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

const CHOICES = [choice("by", "Thống kê theo", 180, GROUPINGS)];

export default function ResultsReportPage() {
  const report = useReport(CHOICES, reports.results);
  const { filters, data } = report;
  const by = report.choice.by ?? "field";
  const query = { ...report.query, by };
  return (
    <ReportPage
      title="Báo cáo kết quả giải quyết"
      heading="Kết quả giải quyết thủ tục hành chính"
      report={report}
      download={(format) => reports.downloadUrl("results", query, format)}
    >
      <Space wrap data-testid="results-papers">
        <Typography.Text type="secondary">Văn bản kèm báo cáo:</Typography.Text>
        <Button size="small" href={reports.downloadUrl("results/appendix", query, "docx")} disabled={!filters.ready}>
          Phụ lục kết quả một cửa (.docx)
        </Button>
        <Button size="small" href={reports.downloadUrl("results/appendix", query, "xlsx")} disabled={!filters.ready}>
          Phụ lục (.xlsx)
        </Button>
        <Button
          size="small"
          href={
            filters.unit
              ? units.ledgerUrl(filters.unit, {
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
    </ReportPage>
  );
}
