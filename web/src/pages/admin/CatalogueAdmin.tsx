// The procedure catalogue: import (JSON or CSV), every version of a procedure, and an edit that creates a
// new version with its effective date (an edit never rewrites an old version).
import { App, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { api } from "../../api.ts";
import { showProblem } from "../../components/forms.ts";
import { JsonImport } from "../../components/JsonImport.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ProcedurePicker } from "../../components/ProcedurePicker.tsx";
import { describeLimit, formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Procedure } from "../../types.ts";

export default function CatalogueAdmin() {
  useTitle("Danh mục thủ tục hành chính");
  const { message } = App.useApp();
  const [code, setCode] = useState<string>();
  const versions = useLoad(
    (signal) =>
      code
        ? api.get<{ versions: Procedure[] } | Procedure[]>(
            `/procedures/${encodeURIComponent(code)}/versions`,
            undefined,
            signal,
          )
        : null,
    [code],
  );
  const list = Array.isArray(versions.data) ? versions.data : (versions.data?.versions ?? []);
  const latest = list.reduce<Procedure | undefined>((a, p) => (!a || p.version > a.version ? p : a), undefined);
  const [form] = Form.useForm<{ json: string; effectiveFrom: dayjs.Dayjs }>();
  const [error, setError] = useState<string>();

  const save = async (v: { json: string; effectiveFrom: dayjs.Dayjs }) => {
    setError(undefined);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(v.json) as Record<string, unknown>;
    } catch {
      form.setFields([{ name: "json", errors: ["Nội dung không phải JSON hợp lệ"] }]);
      return;
    }
    try {
      await api.post("/procedures", { ...body, effectiveFrom: v.effectiveFrom.format("YYYY-MM-DD") });
      message.success("Đã tạo phiên bản mới");
      versions.reload();
    } catch (e) {
      setError(showProblem(form, e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Danh mục thủ tục hành chính
      </Typography.Title>
      <Card size="small" title="Nhập danh mục (JSON hoặc CSV)">
        <JsonImport path="/procedures/import" csv label="Chọn tệp danh mục…" />
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
      {latest && (
        <Card size="small" title={`Tạo phiên bản mới của ${latest.code}`}>
          <ProblemAlert message={error} />
          <Form
            key={`${latest.code}-${latest.version}`}
            form={form}
            layout="vertical"
            onFinish={save}
            initialValues={{
              json: JSON.stringify({ ...latest, version: latest.version + 1, effectiveFrom: undefined }, null, 2),
              effectiveFrom: dayjs(),
            }}
          >
            <Form.Item
              label="Áp dụng từ ngày"
              name="effectiveFrom"
              rules={[{ required: true, message: "Chọn ngày áp dụng" }]}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item
              label="Nội dung thủ tục (JSON)"
              name="json"
              rules={[{ required: true, message: "Nhập nội dung" }]}
            >
              <Input.TextArea rows={16} style={{ fontFamily: "monospace" }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              Lưu thành phiên bản mới
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
