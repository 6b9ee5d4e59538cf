// The dossiers behind one figure of the results report (GET /api/reports/results/dossiers).
import { Space, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { RESULT_COLUMNS } from "../../components/ResultsTable.tsx";
import { formatDate } from "../../format.ts";
import { useTitle } from "../../hooks.ts";
import { DossierList } from "./DossierList.tsx";

export default function DrillDownPage() {
  const [params] = useSearchParams();
  const query = Object.fromEntries(
    ["from", "to", "unit", "by", "key", "column"].map((k) => [k, params.get(k) ?? undefined]),
  );
  const column = RESULT_COLUMNS.find((c) => c.key === query.column);
  const title = `${column ? `${column.group}: ${column.label}` : query.column} — ${query.key === "total" ? "Tổng cộng" : query.key}`;
  useTitle(title);
  const back = new URLSearchParams(
    Object.entries(query).filter(([k, v]) => v && ["from", "to", "unit", "by"].includes(k)) as [string, string][],
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Link to={`/can-bo/bao-cao?${back}`}>← Về báo cáo</Link>
      <Typography.Title level={1} style={{ fontSize: 22 }} data-testid="drill-title">
        {title}
      </Typography.Title>
      <Typography.Text>
        Kỳ báo cáo: {formatDate(query.from)} – {formatDate(query.to)}
      </Typography.Text>
      <DossierList path="/reports/results/dossiers" query={query} />
    </Space>
  );
}
