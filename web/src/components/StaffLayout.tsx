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
  { path: "/can-bo/cchc", label: "Cải cách hành chính", roles: ["reform_officer", "leader", "admin"] },
  { path: "/can-bo/cchc/so-theo-doi", label: "Sổ theo dõi CCHC", roles: ["reform_officer", "leader", "admin"] },
  { path: "/can-bo/quan-tri/don-vi", label: "Đơn vị", roles: ["admin"] },
  { path: "/can-bo/quan-tri/nguoi-dung", label: "Người dùng", roles: ["admin"] },
  { path: "/can-bo/quan-tri/thu-tuc", label: "Danh mục thủ tục", roles: ["admin"] },
  { path: "/can-bo/quan-tri/lich", label: "Lịch làm việc", roles: ["admin"] },
  { path: "/can-bo/quan-tri/ky-bao-cao", label: "Kỳ báo cáo", roles: ["admin"] },
  { path: "/can-bo/quan-tri/nhap-xuat-ho-so", label: "Nhập / xuất hồ sơ", roles: ["admin"] },
];

const REPORT_READERS: Role[] = ["leader", "reform_officer", "admin"];

/** The "Báo cáo" section: pages for report.read, the manual-figures form for report.submit. */
const REPORTS: NavItem[] = [
  { path: "/can-bo/bao-cao", label: "Tổng quan", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/ket-qua", label: "Kết quả giải quyết", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/kenh-tiep-nhan", label: "Kênh tiếp nhận, DVCTT", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/tre-han", label: "Hồ sơ trễ hạn", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/chi-so", label: "Chỉ số chất lượng (766)", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/hai-long", label: "Mức độ hài lòng", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/phan-anh", label: "Phản ánh, kiến nghị", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/danh-gia-can-bo", label: "Đánh giá cán bộ", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/cchc", label: "Báo cáo CCHC", roles: REPORT_READERS },
  { path: "/can-bo/bao-cao/nhap-so-lieu", label: "Nhập số liệu thủ công", roles: ["reform_officer"] },
];
const REPORTS_KEY = "bao-cao";

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
  const items = NAV.filter((n) => hasRole(...n.roles));
  const reports = REPORTS.filter((n) => hasRole(...n.roles));
  const carried = reportSearch(pathname, search);
  // the longest matching path: /can-bo/bao-cao/ket-qua selects "Kết quả giải quyết", not "Tổng quan"
  const selected = [...items, ...reports]
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
          ...items.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.label)}</Link> })),
          ...(reports.length
            ? [
                {
                  key: REPORTS_KEY,
                  label: t("Báo cáo"),
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
