// The results report (CONTRACTS.md §3) as a table; every figure is a link to the dossiers it counts.
import { Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import { formatCount } from "../format.ts";
import type { ResultsRow } from "../types.ts";

/** A figure of the results report. */
export type ResultColumn = Exclude<keyof ResultsRow, "key" | "manual">;
/** A row the table shows: the full report's (ResultsRow) or the public statistics' fewer figures. */
export type FigureRow = { key: string; manual?: boolean } & Partial<Record<ResultColumn, number>>;

export const RESULT_COLUMNS: { key: ResultColumn; label: string; group: string }[] = [
  { key: "carriedOver", label: "Kỳ trước chuyển qua", group: "Tiếp nhận" },
  { key: "received", label: "Mới tiếp nhận", group: "Tiếp nhận" },
  { key: "receivedSaturday", label: "Trong đó ngày thứ Bảy", group: "Tiếp nhận" },
  { key: "receivedDirect", label: "Trực tiếp", group: "Tiếp nhận" },
  { key: "receivedPostal", label: "Bưu chính", group: "Tiếp nhận" },
  { key: "receivedOnlinePartial", label: "Trực tuyến một phần", group: "Tiếp nhận" },
  { key: "receivedOnlineFull", label: "Trực tuyến toàn trình", group: "Tiếp nhận" },
  { key: "finishedEarly", label: "Trước hạn", group: "Đã giải quyết" },
  { key: "finishedOnTime", label: "Đúng hạn", group: "Đã giải quyết" },
  { key: "finishedLate", label: "Trễ hạn", group: "Đã giải quyết" },
  { key: "withdrawn", label: "Rút hồ sơ", group: "Khác" },
  { key: "stopped", label: "Dừng xử lý", group: "Khác" },
  { key: "openWithinDeadline", label: "Trong hạn", group: "Đang giải quyết" },
  { key: "openOverdue", label: "Quá hạn", group: "Đang giải quyết" },
  { key: "refusedAtIntake", label: "Từ chối tiếp nhận", group: "Khác" },
  { key: "declined", label: "Trong đó trả lại hồ sơ (không đủ điều kiện)", group: "Đã giải quyết" },
];

interface Props {
  rows: FigureRow[];
  total: FigureRow;
  keyTitle: string;
  /** Where a figure leads; undefined makes plain numbers (public pages). */
  drillHref?: (rowKey: string, column: ResultColumn) => string;
}

export function ResultsTable({ rows, total, keyTitle, drillHref }: Props) {
  const cell = (row: FigureRow, column: ResultColumn) => {
    const n = row[column] ?? 0;
    if (!drillHref || n === 0) return formatCount(n);
    return (
      <Link
        to={drillHref(row.key, column)}
        aria-label={`${formatCount(n)} hồ sơ: ${row.key}, ${RESULT_COLUMNS.find((c) => c.key === column)?.label}`}
      >
        {formatCount(n)}
      </Link>
    );
  };
  // Public statistics carry fewer fields than the full report: show the ones present.
  const present = RESULT_COLUMNS.filter((c) => typeof total[c.key] === "number");
  const groups = [...new Set(present.map((c) => c.group))];
  const columns: ColumnsType<FigureRow> = [
    {
      title: keyTitle,
      dataIndex: "key",
      fixed: "left",
      width: 200,
      render: (k: string, row: FigureRow) => (
        <>
          {k === "total" ? <strong>Tổng cộng</strong> : k}
          {row.manual && (
            <Tag color="purple" style={{ marginLeft: 6 }} title="Có số liệu nhập tay" data-testid="manual-tag">
              nhập tay
            </Tag>
          )}
        </>
      ),
    },
    ...groups.map((g) => ({
      title: g,
      children: present
        .filter((c) => c.group === g)
        .map((c) => ({
          title: c.label,
          key: c.key,
          align: "right" as const,
          render: (_v: unknown, row: FigureRow) => cell(row, c.key),
        })),
    })),
  ];
  return (
    <Table<FigureRow>
      size="small"
      bordered
      rowKey="key"
      pagination={false}
      scroll={{ x: "max-content" }}
      columns={columns}
      dataSource={[...rows, { ...total, key: "total" }]}
      data-testid="results-table"
    />
  );
}
