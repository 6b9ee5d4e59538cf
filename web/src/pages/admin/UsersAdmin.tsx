// Staff accounts of a unit (and the units below it) with their roles; create an account.
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from "antd";
import { App } from "antd";
import { useState } from "react";
import { unitsFor, useAuth } from "../../auth.tsx";
import { showProblem } from "../../components/forms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { ROLE_NAME } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import { foldedSearch } from "../../components/search.ts";
import { users as usersApi } from "../../api/users.ts";
import type { StaffUser } from "../../types.ts";
import { units } from "../../api/units.ts";

export default function UsersAdmin() {
  useTitle("Quản trị người dùng");
  const { message } = App.useApp();
  const { user } = useAuth();
  const adminUnits = unitsFor(user, "admin");
  const allUnits = useLoad((signal) => units.list({}, signal), []);
  const [unit, setUnit] = useState(adminUnits[0]?.code);
  const users = useLoad((signal) => (unit ? usersApi.list(unit, signal) : null), [unit]);
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const unitOptions = (allUnits.data?.units ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Người dùng và vai trò
      </Typography.Title>
      <Select
        aria-label="Đơn vị"
        showSearch={foldedSearch}
        style={{ minWidth: 300 }}
        value={unit}
        onChange={setUnit}
        options={unitOptions}
        placeholder="Chọn đơn vị"
      />
      <ProblemAlert message={users.error} />
      <Table<StaffUser>
        size="small"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data?.users ?? []}
        scroll={{ x: true }}
        columns={[
          { title: "Tên đăng nhập", dataIndex: "username" },
          { title: "Họ và tên", dataIndex: "fullName" },
          { title: "Đơn vị", dataIndex: "unitCode" },
          {
            title: "Vai trò",
            render: (_v, u) =>
              u.grants.map((g) => (
                <Tag key={`${g.role}-${g.unitCode}`}>{`${ROLE_NAME[g.role] ?? g.role} — ${g.unitCode}`}</Tag>
              )),
          },
          { title: "Trạng thái", dataIndex: "active", render: (a: boolean) => (a ? "Đang hoạt động" : "Đã khóa") },
        ]}
      />
      <Card title="Tạo tài khoản cán bộ" size="small">
        <ProblemAlert message={error} />
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ unitCode: unit, roles: [] }}
          onFinish={async (v) => {
            setError(undefined);
            try {
              await usersApi.create(v);
              message.success("Đã tạo tài khoản");
              form.resetFields();
              users.reload();
            } catch (e) {
              setError(showProblem(form, e));
            }
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="Tên đăng nhập"
                name="username"
                rules={[{ required: true, message: "Nhập tên đăng nhập" }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, message: "Nhập họ và tên" }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="Mật khẩu ban đầu"
                name="password"
                rules={[{ required: true, message: "Nhập mật khẩu" }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Đơn vị" name="unitCode" rules={[{ required: true, message: "Chọn đơn vị" }]}>
                <Select showSearch={foldedSearch} options={unitOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label="Vai trò" name="roles" rules={[{ required: true, message: "Chọn ít nhất một vai trò" }]}>
                <Checkbox.Group options={Object.entries(ROLE_NAME).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit">
            Tạo tài khoản
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
