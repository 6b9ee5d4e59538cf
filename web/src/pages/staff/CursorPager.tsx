// Keyset paging for the staff lists (issue 20): the server returns a page and the cursor of the next one, so
// the pager keeps the cursors of the pages seen to go back, and shows the total as the server gives it —
// exact, or an estimate past a thousand dossiers ("khoảng").
import { Button, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { type CursorPage, totalText } from "./cursor-total.ts";

/** The cursor of the current page and the controls' state; starts again at page 1 when `reset` changes. */
export function useCursorPages(reset: string) {
  const [cursors, setCursors] = useState<string[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reset` names the list; a new list starts at page 1
  useEffect(() => setCursors([]), [reset]);
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => c.slice(0, -1)),
  };
}

export function CursorPager({
  data,
  pages,
  pageSize,
  onPageSize,
}: {
  data: CursorPage | undefined;
  pages: ReturnType<typeof useCursorPages>;
  pageSize: number;
  onPageSize: (size: number) => void;
}) {
  return (
    <Space wrap style={{ justifyContent: "flex-end", width: "100%" }} data-testid="cursor-pager">
      <Typography.Text type="secondary">{totalText(data)}</Typography.Text>
      <Button size="small" disabled={pages.page === 1} onClick={pages.previous}>
        Trang trước
      </Button>
      <Typography.Text>Trang {pages.page}</Typography.Text>
      <Button size="small" disabled={!data?.nextCursor} onClick={() => data?.nextCursor && pages.next(data.nextCursor)}>
        Trang sau
      </Button>
      <Select
        size="small"
        aria-label="Số hồ sơ mỗi trang"
        value={pageSize}
        onChange={onPageSize}
        options={[10, 20, 50, 100].map((n) => ({ value: n, label: `${n} / trang` }))}
      />
    </Space>
  );
}
