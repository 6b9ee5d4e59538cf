// Staff sign-in: POST /api/auth/login sets the session cookie; then back to where the user was going.
import { Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { showProblem } from "../components/forms.ts";
import { useAuth } from "../auth.tsx";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { useTitle } from "../hooks.ts";

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  useTitle("Đăng nhập");
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? "/can-bo";
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (user) return <Navigate to={from} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      await login(values.username, values.password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(showProblem(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: "24px auto" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Đăng nhập cán bộ
      </Typography.Title>
      <ProblemAlert message={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[{ required: true, message: "Vui lòng nhập tên đăng nhập" }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: "Vui lòng nhập mật khẩu" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
    </Card>
  );
}
