// A compact, server-paged list of dossiers for dashboards and drill-downs (keyset pages: CursorPager).
import { Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatInstant, stateColor, stateName } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import type { DossierSummary } from "../../types.ts";
import { CursorPager, useCursorPages } from "./CursorPager.tsx";
import { dossiers } from "../../api/dossiers.ts";

type Query = Record<string, string | undefined>;

export function DossierList({ query, path = "/dossiers" }: { query: Query; path?: string }) {
  const [pageSize, setPageSize] = useState(10);
  const key = JSON.stringify(query);
  const pages = useCursorPages(`${path}|${key}|${pageSize}`);
  const { cursor } = pages;
  const { data, error, loading } = useLoad(
    (signal) => dossiers.list({ ...query, pageSize, cursor }, signal, path),
    [key, path, cursor, pageSize],
  );
  return (
    <>
      <ProblemAlert message={error} />
      <Table<DossierSummary>
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        data-testid="dossier-list"
        pagination={false}
        columns={[
          {
            title: "Mã hồ sơ",
            dataIndex: "code",
            render: (c: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(c)}`}>{c}</Link>,
          },
          { title: "Thủ tục", render: (_v, d) => d.procedure?.name ?? d.procedure?.code },
          {
            title: "Trạng thái",
            dataIndex: "state",
            render: (s: string) => <Tag color={stateColor(s)}>{stateName(s)}</Tag>,
          },
          { title: "Ngày hẹn trả", dataIndex: "dueAt", render: (v: string) => formatInstant(v) },
        ]}
      />
      <CursorPager data={data ?? undefined} pages={pages} pageSize={pageSize} onPageSize={setPageSize} />
    </>
  );
}
