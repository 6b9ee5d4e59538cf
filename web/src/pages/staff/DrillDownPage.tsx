// The dossiers behind one figure of the results report (GET /api/reports/results/dossiers): the same cell the
// dashboard links from (row key and field), paged by the server. A cell that includes figures typed in by
// hand says so: those dossiers are not in motcua, so the list holds only the ones that are.
import { Alert, Space, Table, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { RESULT_COLUMNS } from "../../components/ResultsTable.tsx";
import { useUnitNames } from "../../components/unit-names.ts";
import { formatCount, formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { reports } from "../../api/reports.ts";
import type { ResultsDrillDown, ResultsRow } from "../../types.ts";

export default function DrillDownPage() {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const [from, to, unit, by, key, column] = ["from", "to", "unit", "by", "key", "column"].map(get);
  const page = Number(get("page") ?? "1");
  const pageSize = Number(get("pageSize") ?? "50");
  const described = RESULT_COLUMNS.find((c) => c.key === column);
  const unitName = useUnitNames();
  const rowName = key === "total" ? "Tổng cộng" : by === "unit" && key ? unitName(key) : key;
  const title = `${described ? `${described.group}: ${described.label}` : column} — ${rowName}`;
  useTitle(title);
  const { data, error, loading } = useLoad(
    (signal) => reports.resultsDossiers({ from, to, unit, by, row: key, field: column, page, pageSize }, signal),
    [from, to, unit, by, key, column, page, pageSize],
  );
  // The report the cell belongs to: whether its row includes manual figures, and the cell's full value.
  const report = useLoad((signal) => reports.results({ from, to, unit, by }, signal), [from, to, unit, by]);
  const row = key === "total" ? report.data?.total : report.data?.rows.find((r) => r.key === key);
  const cellValue = row && column ? (row[column as keyof ResultsRow] as number | undefined) : undefined;
  const manualDocs = (report.data?.manual ?? []).filter((m) => key === "total" || by !== "unit" || m.unit === key);
  const back = new URLSearchParams(
    Object.entries({ from, to, unit, by }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const backPath = get("ve") === "ket-qua" ? "/can-bo/bao-cao/ket-qua" : "/can-bo/bao-cao";
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Link to={`${backPath}?${back}`}>← Về báo cáo</Link>
      <Typography.Title level={1} style={{ fontSize: 22 }} data-testid="drill-title">
        {title}
      </Typography.Title>
      <Typography.Text>
        Kỳ báo cáo: {formatDate(from)} – {formatDate(to)}
        {unit ? ` · Đơn vị: ${unitName(unit)}` : ""}
      </Typography.Text>
      <ProblemAlert message={error} />
      {row?.manual && data && cellValue !== undefined && (
        <Alert
          type="warning"
          showIcon
          data-testid="drill-manual"
          title="Ô này có số liệu nhập tay"
          description={
            <>
              Số liệu của ô là {formatCount(cellValue)} hồ sơ, trong đó{" "}
              {formatCount(Math.max(cellValue - data.total, 0))} hồ sơ thuộc số liệu nhập tay
              {manualDocs.length > 0 &&
                ` (${manualDocs.map((m) => `${unitName(m.unit)}: ${formatDate(m.from)} – ${formatDate(m.to)}`).join("; ")})`}
              . Số liệu nhập tay không có hồ sơ trên hệ thống nên không liệt kê được; danh sách dưới đây chỉ gồm{" "}
              {formatCount(data.total)} hồ sơ có trên hệ thống.
            </>
          }
        />
      )}
      <Table<ResultsDrillDown["dossiers"][number]>
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={data?.dossiers ?? []}
        scroll={{ x: true }}
        data-testid="drill-list"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => <span data-testid="drill-total">{t} hồ sơ</span>,
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set("page", String(p));
            next.set("pageSize", String(s));
            setParams(next, { replace: true });
          },
        }}
        columns={[
          {
            title: "Mã hồ sơ",
            dataIndex: "code",
            render: (c: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(c)}`}>{c}</Link>,
          },
          { title: "Thủ tục", dataIndex: "procedureCode" },
          { title: "Lĩnh vực", dataIndex: "field" },
          { title: "Đơn vị tiếp nhận", dataIndex: "unitCode", render: (c: string) => unitName(c) },
        ]}
      />
    </Space>
  );
}
