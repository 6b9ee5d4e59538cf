// One list of dossiers behind a Decision 766 indicator (its numerator, its denominator, or the dossiers an
// average is taken over), a keyset page at a time with the staff lists' pager; starts again at page 1 when the
// report's unit or period changes.
import { Card, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatDate, stateName } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import type { DossierSummary } from "../../types.ts";
import { CursorPager, useCursorPages } from "../staff/CursorPager.tsx";
import { reports } from "../../api/reports.ts";

interface IndicatorPartListProps {
  /** The indicator's id (on-time-766, average-processing-days…). */
  id: string;
  part: "numerator" | "denominator";
  /** The report's unit and period. */
  query: { unit?: string; from?: string; to?: string };
  testId: string;
  /** The card's title for the list's total (undefined until the first page is in). */
  title: (total: number | undefined) => string;
}

export function IndicatorPartList({ id, part, query, testId, title }: IndicatorPartListProps) {
  const [pageSize, setPageSize] = useState(20);
  const key = JSON.stringify({ id, part, ...query });
  const pages = useCursorPages(`${key}|${pageSize}`);
  const { cursor } = pages;
  const { data, error, loading } = useLoad(
    (signal) => reports.indicatorDossiers(id, { ...query, part, pageSize, cursor }, signal),
    [key, cursor, pageSize],
  );
  return (
    <Card title={title(data?.total)} size="small" data-testid={`${testId}-card`}>
      <ProblemAlert message={error} />
      <Table<DossierSummary>
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        data-testid={testId}
        pagination={false}
        columns={[
          {
            title: "Mã hồ sơ",
            dataIndex: "code",
            render: (c: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(c)}`}>{c}</Link>,
          },
          { title: "Người nộp", render: (_v, d) => d.applicant?.name ?? "—" },
          { title: "Thủ tục", render: (_v, d) => d.procedure?.name ?? d.procedure?.code },
          { title: "Ngày tiếp nhận", dataIndex: "receivedAt", render: (v: string) => formatDate(v) },
          { title: "Trạng thái", render: (_v, d) => d.stateName ?? stateName(d.state) },
        ]}
      />
      <CursorPager data={data} pages={pages} pageSize={pageSize} onPageSize={setPageSize} />
    </Card>
  );
}
