// Providers (locale, theme, session) and the routes, drawn from the route table in routes.tsx. Staff and admin
// pages load on demand so the citizen portal stays light on a phone.
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import { type ComponentType, lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AuthProvider } from "./auth.tsx";
import { CitizenLayout } from "./components/CitizenLayout.tsx";
import { NotFound } from "./components/NotFound.tsx";
import { RequireStaff } from "./components/RequireStaff.tsx";
import { LangProvider, useLang } from "./i18n.tsx";
import { CITIZEN_ROUTES, STAFF_BASE, STAFF_ROUTES } from "./routes.tsx";

const StaffLayout = lazy(() => import("./components/StaffLayout.tsx"));

const theme = {
  token: {
    // Darker than antd's default blue: 7:1 on white for links and primary buttons (WCAG AA for small text).
    colorPrimary: "#0a4ea3",
    colorLink: "#0a4ea3",
    // Secondary text and placeholders dark enough for 4.5:1 on white (antd's defaults are about 3:1).
    colorTextDescription: "#595959",
    colorTextSecondary: "#595959",
    colorTextPlaceholder: "#6b6b6b",
    fontFamily: "'Be Vietnam Pro', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    // Header menu on the blue bar: near-white items (antd's 65% white is under 4.5:1 on this blue).
    Menu: { darkItemColor: "rgba(255,255,255,0.92)", darkItemBg: "transparent", darkItemSelectedBg: "#083b7a" },
  },
};

function Providers() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === "en" ? enUS : viVN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} aria-label="Đang tải" />}>
              <AppRoutes />
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** A table entry as a route: "" is its layout's index page. */
function routeOf({ path, page: Page }: { path: string; page: ComponentType }) {
  return path === "" ? <Route key="" index element={<Page />} /> : <Route key={path} path={path} element={<Page />} />;
}

function AppRoutes() {
  const framed = STAFF_ROUTES.filter((r) => r.layout !== "bare");
  const bare = STAFF_ROUTES.filter((r) => r.layout === "bare");
  return (
    <Routes>
      <Route element={<CitizenLayout />}>{CITIZEN_ROUTES.map(routeOf)}</Route>
      <Route
        path={STAFF_BASE.slice(1)}
        element={
          <RequireStaff>
            <StaffLayout />
          </RequireStaff>
        }
      >
        {framed.map(routeOf)}
      </Route>
      {bare.map(({ path, page: Page }) => (
        <Route
          key={path}
          path={`${STAFF_BASE.slice(1)}/${path}`}
          element={
            <RequireStaff>
              <Page />
            </RequireStaff>
          }
        />
      ))}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function App() {
  return (
    <LangProvider>
      <Providers />
    </LangProvider>
  );
}
