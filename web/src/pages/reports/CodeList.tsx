// The dossiers behind a figure when the API hands their codes over: a button with the count that opens the
// list, each code a link to the dossier.
import { Button, Modal, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { formatCount } from "../../format.ts";

/** A dossier code, or a placeholder ("#3") for a rating that came without one. */
const isDossier = (code: string) => !code.startsWith("#");

export function CodeTable({ codes, testId }: { codes: string[]; testId?: string }) {
  return (
    <Table<{ code: string }>
      size="small"
      rowKey="code"
      data-testid={testId}
      dataSource={codes.map((code) => ({ code }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        {
          title: "Mã hồ sơ",
          dataIndex: "code",
          render: (c: string) => (isDossier(c) ? <Link to={`/can-bo/ho-so/${encodeURIComponent(c)}`}>{c}</Link> : c),
        },
      ]}
    />
  );
}

/** The count as a button (plain text when 0); the list opens in a dialog titled `title`. */
export function CodesButton({ codes, title, count }: { codes: string[]; title: string; count?: number }) {
  const [open, setOpen] = useState(false);
  const n = count ?? codes.length;
  if (n === 0 || codes.length === 0) return <span>{formatCount(n)}</span>;
  return (
    <>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={`${formatCount(n)} hồ sơ: ${title}`}
        onClick={() => setOpen(true)}
      >
        {formatCount(n)}
      </Button>
      <Modal open={open} title={title} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <CodeTable codes={codes} testId="code-list" />
      </Modal>
    </>
  );
}
