// The unit tree with effective dates and successors; import from a JSON file.
import { Card, Space, Table, Tag, Typography } from "antd";
import { JsonImport } from "../../components/JsonImport.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Unit } from "../../types.ts";
import { UNIT_KIND_LABELS } from "../../../../src/units/unit.ts";
import { units as unitsApi } from "../../api/units.ts";

type Node = Unit & { children?: Node[] };

function tree(units: Unit[]): Node[] {
  const byCode = new Map<string, Node>(units.map((u) => [u.code, { ...u }]));
  const roots: Node[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else roots.push(node);
  }
  return roots;
}

export default function UnitsAdmin() {
  useTitle("Quản trị đơn vị");
  const { data, error, loading, reload } = useLoad((signal) => unitsApi.list({}, signal), []);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Đơn vị hành chính
      </Typography.Title>
      <Card size="small" title="Nhập danh sách đơn vị (JSON)">
        <JsonImport send={unitsApi.import} label="Chọn tệp đơn vị…" onDone={reload} />
      </Card>
      <ProblemAlert message={error} />
      <Table<Node>
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={tree(data?.units ?? [])}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: "Mã", dataIndex: "code" },
          { title: "Tên đơn vị", dataIndex: "name" },
          {
            title: "Loại",
            dataIndex: "kind",
            render: (k: string) => UNIT_KIND_LABELS[k as keyof typeof UNIT_KIND_LABELS] ?? k,
          },
          { title: "Hiệu lực từ", dataIndex: "effectiveFrom", render: (v?: string) => formatDate(v) },
          {
            title: "Hết hiệu lực",
            dataIndex: "effectiveTo",
            render: (v?: string | null) => (v ? <Tag color="red">{formatDate(v)}</Tag> : "—"),
          },
          { title: "Đơn vị kế thừa", dataIndex: "successorCode", render: (v?: string | null) => v ?? "—" },
          {
            title: "Làm việc sáng thứ Bảy",
            dataIndex: "saturdayService",
            render: (v?: boolean) => (v ? "Có" : "Không"),
          },
        ]}
      />
    </Space>
  );
}
