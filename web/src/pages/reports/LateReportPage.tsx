// Hồ sơ trễ hạn: dossiers finished late in the period by unit, with and without a timely apology letter
// (seed 002's footnote), and the dossiers open and overdue at the period's end (GET /api/reports/late).
import { Card, Table } from "antd";
import { Link } from "react-router-dom";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { choice } from "../../components/ReportPageChoices.ts";
import { formatCount, formatInstant } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import type { LateReport, LateRow } from "../../types.ts";
import { CodesButton } from "./CodeList.tsx";
import { units } from "../../api/units.ts";
import { reports } from "../../api/reports.ts";

/** Unit names of the subtree (GET /api/units?under=…), for rows that carry only a code. */
export function useUnitNames(unit: string | undefined): Map<string, string> {
  const { data } = useLoad((signal) => units.list(unit ? { under: unit } : {}, signal), [unit]);
  return new Map((data?.units ?? []).map((u) => [u.code, u.name]));
}

/** "3 ngày 4 giờ" past the deadline (presentation of the server's milliseconds). */
function overdueText(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  return days > 0 ? `${days} ngày ${hours % 24} giờ` : `${hours} giờ`;
}

const CHOICES = [
  choice("basis", "Tính cho đơn vị", 220, {
    receiving: "Đơn vị tiếp nhận",
    handling: "Đơn vị đang xử lý (sau chuyển)",
  }),
];

export default function LateReportPage() {
  const report = useReport(CHOICES, reports.late);
  const { data, loading } = report;
  const names = useUnitNames(report.filters.unit);
  const unitName = (code: string) => (names.get(code) ? `${names.get(code)} (${code})` : code);
  return (
    <ReportPage title="Hồ sơ trễ hạn" heading="Hồ sơ trễ hạn theo đơn vị" report={report}>
      <Card title="Hồ sơ giải quyết trễ hạn trong kỳ" size="small">
        <Table<LateRow>
          size="small"
          rowKey="unit"
          loading={loading}
          pagination={false}
          data-testid="late-table"
          dataSource={data ? [...data.rows, data.total] : []}
          locale={{ emptyText: "Không có hồ sơ trễ hạn trong kỳ" }}
          columns={[
            {
              title: "Đơn vị",
              dataIndex: "unit",
              render: (u: string) => (u === "total" ? <strong>Tổng cộng</strong> : unitName(u)),
            },
            {
              title: "Số hồ sơ trễ hạn",
              align: "right",
              render: (_v, r) => <CodesButton codes={r.lateCodes} title={`Hồ sơ trễ hạn — ${unitName(r.unit)}`} />,
            },
            {
              title: "Có văn bản xin lỗi đúng hạn",
              align: "right",
              render: (_v, r) => (
                <CodesButton
                  codes={r.lateCodes.filter((c) => !r.withoutApologyCodes.includes(c))}
                  count={r.withApology}
                  title={`Hồ sơ trễ hạn có văn bản xin lỗi — ${unitName(r.unit)}`}
                />
              ),
            },
            {
              title: "Không có văn bản xin lỗi",
              align: "right",
              render: (_v, r) => (
                <CodesButton
                  codes={r.withoutApologyCodes}
                  count={r.withoutApology}
                  title={`Hồ sơ trễ hạn chưa có văn bản xin lỗi — ${unitName(r.unit)}`}
                />
              ),
            },
            {
              title: "Trong đó: văn bản xin lỗi gửi muộn",
              align: "right",
              render: (_v, r) => (
                <CodesButton
                  codes={r.lateApologyCodes}
                  count={r.lateApology}
                  title={`Hồ sơ trễ hạn có văn bản xin lỗi gửi muộn — ${unitName(r.unit)}`}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={`Hồ sơ đang quá hạn${data ? ` tại thời điểm ${formatInstant(data.overdueAtEnd.at)}` : ""}`}
        size="small"
        extra={data && <span data-testid="overdue-count">{formatCount(data.overdueAtEnd.dossiers.length)} hồ sơ</span>}
      >
        <Table<LateReport["overdueAtEnd"]["dossiers"][number]>
          size="small"
          rowKey="code"
          loading={loading}
          data-testid="overdue-table"
          dataSource={data?.overdueAtEnd.dossiers ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: "Không có hồ sơ quá hạn" }}
          columns={[
            {
              title: "Mã hồ sơ",
              dataIndex: "code",
              render: (c: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(c)}`}>{c}</Link>,
            },
            { title: "Đơn vị", dataIndex: "unit", render: (u: string) => unitName(u) },
            { title: "Thủ tục", dataIndex: "procedure" },
            { title: "Tiếp nhận", dataIndex: "receivedAt", render: (v: string) => formatInstant(v) },
            { title: "Hạn giải quyết", dataIndex: "dueAt", render: (v: string) => formatInstant(v) },
            { title: "Quá hạn", dataIndex: "overdueMs", render: (v: number) => overdueText(v) },
          ]}
        />
      </Card>
    </ReportPage>
  );
}
