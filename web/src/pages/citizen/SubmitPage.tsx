// Online submission (nộp hồ sơ trực tuyến): applicant details and one upload per component; a required component
// needs a file (src/dossier/completeness.ts, checked again by the server). The server creates the dossier in
// state `submitted` and returns its code and lookup secret.
import { Button, Card, Col, Form, Input, Result, Row, Select, Space, Spin, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { newIdempotencyKey } from "../../api.ts";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { FORM_NAME } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { LinkButton } from "../../components/LinkButton.tsx";
import { foldedSearch } from "../../components/search.ts";
import { isRequired } from "../../../../src/dossier/completeness.ts";
import { publicApi } from "../../api/public.ts";
import { units as unitsApi } from "../../api/units.ts";
import { procedures } from "../../api/procedures.ts";

interface SubmitValues {
  unitCode: string;
  applicant: { name: string; idNumber?: string; phone: string; email?: string; address?: string };
  note?: string;
  files?: Record<string, UploadFile[]>;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export default function SubmitPage() {
  const { code = "" } = useParams();
  const procedure = useLoad((signal) => procedures.get(code ?? "", {}, signal), [code]);
  const units = useLoad((signal) => unitsApi.list({}, signal), []);
  useTitle("Nộp hồ sơ trực tuyến");
  const [form] = Form.useForm<SubmitValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const [done, setDone] = useState<{ code: string; lookupSecret: string }>();
  const p = procedure.data;

  const submit = async (v: SubmitValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const attachments = await attachmentsOf(v.files);
      const components = Object.entries(v.files ?? {})
        .filter(([, files]) => (files ?? []).length > 0)
        .map(([name]) => name);
      const body = {
        procedureCode: code,
        unitCode: v.unitCode,
        applicant: v.applicant,
        note: v.note,
        components,
        attachments,
      };
      setDone(await publicApi.submit(body, key));
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Result
        status="success"
        title={<span data-testid="submitted-code">Đã nộp hồ sơ {done.code}</span>}
        subTitle={
          <>
            Mã tra cứu: <strong data-testid="submitted-secret">{done.lookupSecret}</strong>. Vui lòng ghi lại mã hồ sơ
            và mã tra cứu để theo dõi kết quả. Bộ phận Một cửa sẽ kiểm tra và thông báo tiếp nhận.
          </>
        }
        extra={
          <LinkButton
            to={`/tra-cuu?code=${encodeURIComponent(done.code)}&secret=${encodeURIComponent(done.lookupSecret)}`}
            type="primary"
          >
            Tra cứu hồ sơ
          </LinkButton>
        }
      />
    );
  if (procedure.error) return <ProblemAlert message={procedure.error} />;
  if (!p) return <Spin aria-label="Đang tải" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Nộp hồ sơ trực tuyến: {p.name}
      </Typography.Title>
      <ProblemAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
        <Form.Item
          label="Nơi nộp hồ sơ"
          name="unitCode"
          rules={[{ required: true, message: "Chọn cơ quan tiếp nhận" }]}
        >
          <Select
            showSearch={foldedSearch}
            placeholder="Chọn xã, phường hoặc cơ quan"
            options={(units.data?.units ?? [])
              .filter((u) => !u.effectiveTo)
              .map((u) => ({ value: u.code, label: u.name }))}
          />
        </Form.Item>
        <ApplicantFields />
        <Card size="small" title="Thành phần hồ sơ (tệp đính kèm)" style={{ marginBottom: 16 }}>
          {p.components.map((c) => (
            <Form.Item
              key={c.name}
              label={`${c.name} (${FORM_NAME[c.form] ?? c.form}${c.condition ? `; ${c.condition}` : ""})`}
              name={["files", c.name]}
              required={isRequired(c)}
              rules={
                isRequired(c)
                  ? [{ required: true, type: "array", message: "Đính kèm tệp cho thành phần hồ sơ bắt buộc này" }]
                  : []
              }
              valuePropName="fileList"
              getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            >
              <Upload beforeUpload={() => false} multiple accept=".pdf,.jpg,.jpeg,.png,.doc,.docx">
                <Button>Chọn tệp</Button>
              </Upload>
            </Form.Item>
          ))}
        </Card>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          Nộp hồ sơ
        </Button>
      </Form>
    </Space>
  );
}

/** The files picked for each component, read as base64 for the submission. */
async function attachmentsOf(picked: SubmitValues["files"]) {
  const attachments = [];
  for (const [component, files] of Object.entries(picked ?? {})) {
    for (const f of files ?? []) {
      if (!f.originFileObj) continue;
      attachments.push({
        component,
        name: f.name,
        contentType: f.type ?? "application/octet-stream",
        dataBase64: await toBase64(f.originFileObj),
      });
    }
  }
  return attachments;
}

/** The applicant: name and phone required (the notices go there), ID number, e-mail, address. */
function ApplicantFields() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Họ và tên"
            name={["applicant", "name"]}
            rules={[{ required: true, message: "Nhập họ và tên" }]}
          >
            <Input autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Số định danh cá nhân (CCCD)" name={["applicant", "idNumber"]}>
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Số điện thoại"
            name={["applicant", "phone"]}
            rules={[{ required: true, message: "Nhập số điện thoại để nhận thông báo" }]}
          >
            <Input inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Thư điện tử" name={["applicant", "email"]}>
            <Input type="email" autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Địa chỉ" name={["applicant", "address"]}>
        <Input autoComplete="street-address" />
      </Form.Item>
    </>
  );
}
