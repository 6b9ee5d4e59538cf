// The staff console's frame: a side menu showing only what the user's roles may use (the server still
// checks every request), the user's name and units, and sign-out.
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "../auth.tsx";
import { ROLE_NAME } from "../format.ts";
import { useT } from "../i18n.tsx";
import type { Role } from "../types.ts";
import { LangToggle } from "./LangToggle.tsx";
import "./layout.css";

interface NavItem {
  path: string;
  label: string;
  roles: Role[];
}

const NAV: NavItem[] = [
  { path: "/can-bo/tiep-nhan", label: "Tiếp nhận hồ sơ", roles: ["front_desk"] },
  { path: "/can-bo/hang-doi/truc-tuyen", label: "Hồ sơ trực tuyến", roles: ["front_desk"] },
  { path: "/can-bo/hang-doi/tra-ket-qua", label: "Trả kết quả", roles: ["front_desk"] },
  { path: "/can-bo/hang-doi/cua-toi", label: "Hồ sơ của tôi", roles: ["officer", "leader", "front_desk"] },
  { path: "/can-bo/hang-doi/sap-den-han", label: "Sắp đến hạn", roles: ["officer", "leader", "front_desk"] },
  { path: "/can-bo/hang-doi/qua-han", label: "Quá hạn", roles: ["officer", "leader", "front_desk"] },
  { path: "/can-bo/hang-doi/tre-han-chua-xin-loi", label: "Trễ hạn chưa xin lỗi", roles: ["officer", "leader"] },
  {
    path: "/can-bo/hang-doi/tat-ca",
    label: "Tất cả hồ sơ",
    roles: ["officer", "leader", "front_desk", "reform_officer"],
  },
  { path: "/can-bo/bao-cao", label: "Báo cáo", roles: ["leader", "reform_officer"] },
  { path: "/can-bo/quan-tri/don-vi", label: "Đơn vị", roles: ["admin"] },
  { path: "/can-bo/quan-tri/nguoi-dung", label: "Người dùng", roles: ["admin"] },
  { path: "/can-bo/quan-tri/thu-tuc", label: "Danh mục thủ tục", roles: ["admin"] },
  { path: "/can-bo/quan-tri/lich", label: "Lịch làm việc", roles: ["admin"] },
];

export default function StaffLayout() {
  const t = useT();
  const { user, hasRole, logout } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const items = NAV.filter((n) => hasRole(...n.roles));
  const selected = items.filter((n) => pathname.startsWith(n.path)).map((n) => n.path);
  const roles = [...new Set(user?.grants.map((g) => ROLE_NAME[g.role] ?? g.role))].join(", ");
  const menu = (
    <nav aria-label="Chức năng cán bộ">
      <Menu
        mode="inline"
        selectedKeys={selected}
        onClick={() => setOpen(false)}
        items={items.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.label)}</Link> }))}
      />
    </nav>
  );
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#noi-dung">
        Chuyển đến nội dung chính
      </a>
      <Layout.Header className="citizen-header no-print">
        {!screens.md && (
          <Button onClick={() => setOpen(true)} aria-label="Mở menu">
            ☰
          </Button>
        )}
        <Link to="/can-bo" className="brand">
          Một cửa — {t("Cán bộ")}
        </Link>
        <span style={{ flex: 1 }} />
        <Space wrap>
          <Typography.Text style={{ color: "#fff" }} data-testid="current-user">
            {user?.fullName} {roles && `(${roles})`}
          </Typography.Text>
          <LangToggle />
          <Button
            size="small"
            onClick={async () => {
              await logout();
              navigate("/dang-nhap");
            }}
          >
            {t("Đăng xuất")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout hasSider>
        {screens.md ? (
          <Layout.Sider width={220} theme="light" className="no-print">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer open={open} onClose={() => setOpen(false)} placement="left" title="Chức năng" size={260}>
            {menu}
          </Drawer>
        )}
        <Layout.Content id="noi-dung" className="staff-content" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
