// A compact, server-paged list of dossiers for dashboards and drill-downs.
import { Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatInstant, stateColor, stateName } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import type { DossierSummary, Page } from "../../types.ts";

type Query = Record<string, string | undefined>;

export function DossierList({ query, path = "/dossiers" }: { query: Query; path?: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const key = JSON.stringify(query);
  const { data, error, loading } = useLoad(
    (signal) => api.get<Page<DossierSummary>>(path, { ...query, page, pageSize }, signal),
    [key, path, page, pageSize],
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
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `${t} hồ sơ`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
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
          { title: "Hẹn trả", dataIndex: "dueAt", render: (v: string) => formatInstant(v) },
        ]}
      />
    </>
  );
}
