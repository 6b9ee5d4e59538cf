// Phản ánh, kiến nghị (PAKN): send one, and read the answered ones the office has published.
import { Alert, Button, Card, Form, Input, List, Select, Space, Typography } from "antd";
import { useState } from "react";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { foldedSearch } from "../../components/search.ts";
import { formatDate } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { units as unitsApi } from "../../api/units.ts";
import { publicApi } from "../../api/public.ts";

export default function FeedbackPage() {
  useTitle("Phản ánh, kiến nghị");
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const published = useLoad((signal) => publicApi.feedback(signal), []);
  const units = useLoad((signal) => unitsApi.list({}, signal), []);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        Phản ánh, kiến nghị
      </Typography.Title>
      <Card title="Gửi phản ánh, kiến nghị">
        {sent && <Alert type="success" showIcon role="status" title={sent} style={{ marginBottom: 16 }} />}
        <ProblemAlert message={error} />
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={async (v) => {
            setBusy(true);
            setError(undefined);
            try {
              const r = await publicApi.sendFeedback(v);
              setSent(
                `Đã gửi phản ánh, kiến nghị${r?.id ? ` (số ${r.id})` : ""}. Cơ quan sẽ trả lời trong thời hạn quy định.`,
              );
              form.resetFields();
            } catch (e) {
              setError(showProblem(form, e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item label="Họ và tên" name="name" rules={[{ required: true, message: "Nhập họ và tên" }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            label="Số điện thoại hoặc thư điện tử"
            name="contact"
            rules={[{ required: true, message: "Nhập thông tin liên hệ" }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="Cơ quan nhận phản ánh"
            name="unitCode"
            dependencies={["dossierCode"]}
            extra="Không bắt buộc khi đã nhập mã hồ sơ: phản ánh được gửi đến cơ quan đã tiếp nhận hồ sơ."
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value || String(getFieldValue("dossierCode") ?? "").trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error("Chọn cơ quan nhận phản ánh hoặc nhập mã hồ sơ liên quan")),
              }),
            ]}
          >
            <Select
              showSearch={foldedSearch}
              allowClear
              placeholder="Chọn xã, phường hoặc cơ quan"
              loading={units.loading}
              options={(units.data?.units ?? [])
                .filter((u) => !u.effectiveTo)
                .map((u) => ({ value: u.code, label: u.name }))}
            />
          </Form.Item>
          <Form.Item label="Mã hồ sơ liên quan (nếu có)" name="dossierCode">
            <Input />
          </Form.Item>
          <Form.Item label="Tiêu đề" name="subject" rules={[{ required: true, message: "Nhập tiêu đề" }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="Nội dung"
            name="content"
            rules={[{ required: true, message: "Nhập nội dung phản ánh, kiến nghị" }]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            Gửi
          </Button>
        </Form>
      </Card>
      <Card title="Phản ánh, kiến nghị đã được trả lời">
        <ProblemAlert message={published.error} />
        <List
          loading={published.loading}
          dataSource={published.data?.items ?? []}
          locale={{ emptyText: "Chưa có phản ánh, kiến nghị nào được công khai." }}
          renderItem={(f) => (
            <List.Item key={f.id}>
              <List.Item.Meta
                title={`${f.subject ?? "Phản ánh"} — ${formatDate(f.createdAt)}`}
                description={f.content}
              />
              {f.answer && (
                <div style={{ maxWidth: 480 }}>
                  Trả lời ({formatDate(f.answeredAt)}): {f.answer}
                </div>
              )}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
