// The staff console's frame: a side menu, drawn from the route table (routes.tsx), showing only what the
// user's roles may use (the server still checks every request), the user's name and units, and sign-out.
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "../auth.tsx";
import { ROLE_NAME } from "../format.ts";
import { useT } from "../i18n.tsx";
import { REPORTS_SECTION, staffMenu } from "../routes.tsx";
import { LangToggle } from "./LangToggle.tsx";
import "./layout.css";

const MENU = staffMenu();
const REPORTS_KEY = REPORTS_SECTION.key;
const ReportsIcon = REPORTS_SECTION.icon;

/** The report filters (unit, period) carried from one report page to the next. */
function reportSearch(pathname: string, search: string): string {
  if (!pathname.startsWith("/can-bo/bao-cao")) return "";
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const k of ["unit", "from", "to"]) {
    const v = current.get(k);
    if (v) kept.set(k, v);
  }
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export default function StaffLayout() {
  const t = useT();
  const { user, hasRole, logout } = useAuth();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const visible = MENU.filter((n) => hasRole(...n.roles));
  const items = visible.filter((n) => n.section !== "reports");
  const reports = visible.filter((n) => n.section === "reports");
  const carried = reportSearch(pathname, search);
  // the longest matching path: /can-bo/bao-cao/ket-qua selects "Kết quả giải quyết", not "Tổng quan"
  const selected = visible
    .filter((n) => pathname === n.path || pathname.startsWith(`${n.path}/`))
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((n) => n.path);
  const [openKeys, setOpenKeys] = useState<string[]>(pathname.startsWith("/can-bo/bao-cao") ? [REPORTS_KEY] : []);
  const roles = [...new Set(user?.grants.map((g) => ROLE_NAME[g.role] ?? g.role))].join(", ");
  const menu = (
    <nav aria-label="Chức năng cán bộ">
      <Menu
        mode="inline"
        selectedKeys={selected}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        onClick={() => setOpen(false)}
        items={[
          ...items.map((n) => ({
            key: n.path,
            icon: n.icon && <n.icon />,
            label: <Link to={n.path}>{t(n.label)}</Link>,
          })),
          ...(reports.length
            ? [
                {
                  key: REPORTS_KEY,
                  icon: <ReportsIcon />,
                  label: t(REPORTS_SECTION.label),
                  children: reports.map((n) => ({
                    key: n.path,
                    label: <Link to={`${n.path}${carried}`}>{t(n.label)}</Link>,
                  })),
                },
              ]
            : []),
        ]}
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
          <Layout.Sider width={250} theme="light" className="no-print">
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
