// One report page: its heading, the shared filters (unit, period) with the page's own choices (grouping, scale…),
// CSV and Excel downloads of the same query, the server's error, then the page's tables. Every choice is kept in
// the URL so a report can be linked and reloaded; the figures always come from the API.
import { Button, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { type Loaded, useLoad, useTitle } from "../hooks.ts";
import { ProblemAlert } from "./ProblemAlert.tsx";
import { choiceValues, type ReportChoice } from "./ReportPageChoices.ts";
import { FilterBar, type ReportFilters, useReportFilters } from "./ReportPageFilters.tsx";

export type { ReportChoice };

/** The filters' query and the page's choices, as sent to the API. */
export type ReportQuery = ReportFilters["query"] & Record<string, string | undefined>;

export interface Report<T> extends Loaded<T> {
  filters: ReportFilters;
  choices: readonly ReportChoice[];
  /** The value of each choice. */
  choice: Record<string, string>;
  query: ReportQuery;
}

/** The filters, the choices and the report loaded for them (once the period is known). */
export function useReport<T>(
  choices: readonly ReportChoice[],
  /** null: nothing to load yet (a report that needs a unit, say). */
  load: (query: ReportQuery, signal: AbortSignal) => Promise<T> | null,
): Report<T> {
  const filters = useReportFilters();
  const choice = choiceValues(filters.params, choices);
  const query: ReportQuery = { ...filters.query, ...choice };
  const loaded = useLoad(
    (signal) => (filters.ready ? load(query, signal) : null),
    [filters.from, filters.to, filters.unit, ...Object.values(choice)],
  );
  return { ...loaded, filters, choices, choice, query };
}

interface ReportPageProps {
  /** The document title. */
  title: string;
  /** The page's heading (default: the title). */
  heading?: ReactNode;
  report: Report<unknown>;
  /** The download of the same query in a format; with it the page offers Excel and CSV. */
  download?: (format: "xlsx" | "csv") => string;
  /** Above the filters: a link back, an explanation. */
  before?: ReactNode;
  intro?: ReactNode;
  children?: ReactNode;
}

export function ReportPage({ title, heading, report, download, before, intro, children }: ReportPageProps) {
  useTitle(title);
  const { filters, choices, choice } = report;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {before}
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {heading ?? title}
      </Typography.Title>
      {intro}
      <FilterBar filters={filters}>
        {choices.map((c) => (
          <Select
            key={c.param}
            aria-label={c.label}
            style={{ width: c.width }}
            value={choice[c.param]}
            onChange={(v) => filters.update({ [c.param]: v })}
            options={c.options.map((o) => ({ ...o }))}
          />
        ))}
        {download && (
          <>
            <Button href={download("xlsx")} disabled={!filters.ready}>
              Tải Excel
            </Button>
            <Button href={download("csv")} disabled={!filters.ready}>
              Tải CSV
            </Button>
          </>
        )}
      </FilterBar>
      <ProblemAlert message={report.error} />
      {children}
    </Space>
  );
}

interface ReportTableProps<R> {
  testId: string;
  columns: ColumnsType<R>;
  /** The rows, the total row last. */
  rows: R[];
  rowKey: (keyof R & string) | ((row: R) => string | number);
  loading: boolean;
  /** What an empty period shows. */
  empty: string;
}

/** A report's figures: bordered, unpaged, scrolling sideways on a narrow screen. */
export function ReportTable<R extends object>({ testId, columns, rows, rowKey, loading, empty }: ReportTableProps<R>) {
  return (
    <Table<R>
      size="small"
      bordered
      rowKey={rowKey}
      loading={loading}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid={testId}
      columns={columns}
      dataSource={rows}
      locale={{ emptyText: empty }}
    />
  );
}
