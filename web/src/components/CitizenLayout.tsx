// The public portal's frame: skip link, header navigation (collapses on a phone), main landmark, footer.
import { LinkButton } from "./LinkButton.tsx";
import { Layout, Menu } from "antd";
import { Link, Outlet, useLocation } from "react-router-dom";
import { useAuth } from "../auth.tsx";
import { useT } from "../i18n.tsx";
import { LangToggle } from "./LangToggle.tsx";
import "./layout.css";

const NAV = [
  { path: "/", label: "Tìm thủ tục" },
  { path: "/tra-cuu", label: "Tra cứu hồ sơ" },
  { path: "/phan-anh-kien-nghi", label: "Phản ánh, kiến nghị" },
  { path: "/thong-ke", label: "Thống kê" },
];

export function CitizenLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const { user } = useAuth();
  const selected = NAV.filter((n) =>
    n.path === "/" ? pathname === "/" || pathname.startsWith("/thu-tuc") : pathname.startsWith(n.path),
  );
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#noi-dung">
        Chuyển đến nội dung chính
      </a>
      <Layout.Header className="citizen-header">
        <Link to="/" className="brand">
          {t("Dịch vụ hành chính công")}
        </Link>
        <nav aria-label="Điều hướng chính" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected.map((n) => n.path)}
            items={NAV.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.label)}</Link> }))}
          />
        </nav>
        <LangToggle />
        <LinkButton to={user ? "/can-bo" : "/dang-nhap"} size="small">
          {user ? t("Cán bộ") : t("Đăng nhập")}
        </LinkButton>
      </Layout.Header>
      <Layout.Content id="noi-dung" className="citizen-content" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center" }}>
        Hệ thống một cửa điện tử — phần mềm nguồn mở motcua. Thời gian làm việc: sáng 07:30–11:30, chiều 13:30–17:00,
        thứ Hai đến thứ Sáu.
      </Layout.Footer>
    </Layout>
  );
}
