// The procedure catalogue: import (JSON or CSV), every version of a procedure, and an edit that creates a
// new version with its effective date in a Vietnamese form (an edit never rewrites an old version).
import { Alert, Card, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useAuth } from "../../auth.tsx";
import { JsonImport } from "../../components/JsonImport.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ProcedurePicker } from "../../components/ProcedurePicker.tsx";
import { describeLimit, formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Procedure } from "../../types.ts";
import { ProcedureEditor } from "./ProcedureEditor.tsx";
import { procedures } from "../../api/procedures.ts";

export default function CatalogueAdmin() {
  useTitle("Danh mục thủ tục hành chính");
  // the national catalogue is every province's: only the system administrator changes it (docs/security.md)
  const national = useAuth().user?.isSuperuser === true;
  const [code, setCode] = useState<string>();
  const versions = useLoad((signal) => (code ? procedures.versions(code, signal) : null), [code]);
  const list = versions.data?.versions ?? [];
  const latest = list.reduce<Procedure | undefined>((a, p) => (!a || p.version > a.version ? p : a), undefined);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Danh mục thủ tục hành chính
      </Typography.Title>
      <Card size="small" title="Nhập danh mục (JSON hoặc CSV)">
        {national ? <JsonImport send={procedures.import} csv label="Chọn tệp danh mục…" /> : <NationalOnly />}
      </Card>
      <Card size="small" title="Tra cứu và chỉnh sửa thủ tục">
        <ProcedurePicker value={code} onChange={setCode} aria-label="Chọn thủ tục để xem các phiên bản" />
        <ProblemAlert message={versions.error} />
        {code && (
          <Table<Procedure>
            style={{ marginTop: 16 }}
            size="small"
            rowKey="version"
            loading={versions.loading}
            dataSource={list}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: "Phiên bản", dataIndex: "version" },
              { title: "Áp dụng từ", dataIndex: "effectiveFrom", render: (v: string) => formatDate(v) },
              { title: "Tên", dataIndex: "name" },
              { title: "Thời hạn", render: (_v, p) => describeLimit(p.timeLimit) },
              { title: "Số thành phần", render: (_v, p) => p.components.length },
            ]}
          />
        )}
      </Card>
      {latest && national && <ProcedureEditor latest={latest} onSaved={() => versions.reload()} />}
    </Space>
  );
}

function NationalOnly() {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="catalogue-national-only"
      title="Danh mục thủ tục quốc gia do quản trị hệ thống cập nhật"
      description="Quản trị tỉnh xem được mọi phiên bản; việc nhập danh mục và tạo phiên bản mới dành cho tài khoản quản trị hệ thống."
    />
  );
}
