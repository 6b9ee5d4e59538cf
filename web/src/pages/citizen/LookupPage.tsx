// Track a dossier by its code and lookup secret or the applicant's mobile phone (no personal data is shown);
// with the secret, also supplement an online dossier and rate the service (both need the secret itself).
import { Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Timeline, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { credentialOf } from "../../components/credential.ts";
import { formatInstant, stateColor, stateName } from "../../format.ts";
import { useTitle } from "../../hooks.ts";
import type { LookupResult } from "../../types.ts";
import { RatingForm } from "./RatingForm.tsx";
import { canSupplementOnline, SupplementForm, SupplementSent } from "./SupplementForm.tsx";
import { publicApi } from "../../api/public.ts";

export default function LookupPage() {
  useTitle("Tra cứu hồ sơ");
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string; secret: string }>();
  const [result, setResult] = useState<LookupResult>();
  const [creds, setCreds] = useState<{ code: string; secret: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [supplemented, setSupplemented] = useState(false);

  const lookup = async (v: { code: string; secret: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const code = v.code.trim();
      const credential = credentialOf(v.secret);
      setResult(await publicApi.lookup({ code, ...credential }));
      setCreds(credential.secret ? { code, secret: credential.secret } : undefined);
      setSupplemented(false);
    } catch (e) {
      setResult(undefined);
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  // the QR code on the receipt slip carries both: open the dossier straight away
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once, for the link the page was opened with
  useEffect(() => {
    const code = params.get("code");
    const secret = params.get("secret");
    if (code && secret) void lookup({ code, secret });
  }, []);

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        Tra cứu hồ sơ
      </Typography.Title>
      <Card>
        <Form
          form={form}
          layout="vertical"
          onFinish={lookup}
          initialValues={{ code: params.get("code") ?? "", secret: params.get("secret") ?? "" }}
          requiredMark={false}
        >
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                label="Mã hồ sơ"
                name="code"
                rules={[{ required: true, message: "Nhập mã hồ sơ ghi trên phiếu tiếp nhận" }]}
              >
                <Input placeholder="Ví dụ: H57.12-260302-0001" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                label="Mã tra cứu hoặc số điện thoại"
                name="secret"
                extra="Mã tra cứu in trên phiếu hẹn, hoặc số điện thoại di động đã khai khi nộp hồ sơ"
                rules={[{ required: true, message: "Nhập mã tra cứu in trên phiếu hẹn hoặc số điện thoại" }]}
              >
                <Input autoComplete="off" placeholder="Ví dụ: 7KQ2M9HP hoặc 0905123456" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label=" " colon={false}>
                <Button type="primary" htmlType="submit" loading={busy} block>
                  Tra cứu
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <ProblemAlert message={error} />
      {result && (
        <Card title={`Hồ sơ ${result.code}`} data-testid="lookup-result">
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label="Trạng thái">
              <Tag color={stateColor(result.state)} data-testid="lookup-state">
                {result.stateName ?? stateName(result.state)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="Thủ tục">
              {result.procedure?.name ?? result.procedure?.code ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label="Cơ quan tiếp nhận">
              {result.unit?.name ?? result.unit?.code ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label="Ngày tiếp nhận">{formatInstant(result.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="Ngày hẹn trả">{formatInstant(result.dueAt)}</Descriptions.Item>
            {result.extendedDueAt && (
              <Descriptions.Item label="Ngày hẹn trả mới">{formatInstant(result.extendedDueAt)}</Descriptions.Item>
            )}
            {result.deadlineAt && result.dueAt && result.deadlineAt !== result.dueAt && (
              <Descriptions.Item label="Hạn giải quyết (sau bổ sung)">
                <span data-testid="lookup-deadline">{formatInstant(result.deadlineAt)}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
            Quá trình xử lý
          </Typography.Title>
          <Timeline
            items={result.history.map((h) => ({
              children: `${formatInstant(h.at)} — ${h.description ?? stateName(h.toState ?? h.type)}${
                h.missing?.length ? `: ${h.missing.join("; ")}` : ""
              }${h.reason ? `. Lý do: ${h.reason}` : ""}`,
            }))}
          />
          {supplemented && <SupplementSent result={result} />}
          {creds && canSupplementOnline(result) && (
            <SupplementForm
              code={creds.code}
              secret={creds.secret}
              result={result}
              onDone={(updated) => {
                setResult(updated);
                setSupplemented(true);
              }}
            />
          )}
          {creds && (result.canRate ?? result.state === "returned") && (
            <RatingForm code={creds.code} secret={creds.secret} />
          )}
          {!creds && (
            <Typography.Paragraph type="secondary" data-testid="lookup-by-phone-note">
              Để bổ sung hồ sơ hoặc đánh giá mức độ hài lòng, vui lòng tra cứu bằng mã tra cứu in trên phiếu hẹn.
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </Space>
  );
}
