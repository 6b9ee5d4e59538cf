// Providers (locale, theme, session) and the routes. Staff and admin pages load on demand so the citizen
// portal stays light on a phone.
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AuthProvider } from "./auth.tsx";
import { CitizenLayout } from "./components/CitizenLayout.tsx";
import { NotFound } from "./components/NotFound.tsx";
import { RequireStaff } from "./components/RequireStaff.tsx";
import { LangProvider, useLang } from "./i18n.tsx";
import { HomePage } from "./pages/citizen/HomePage.tsx";
import { ProcedurePage } from "./pages/citizen/ProcedurePage.tsx";

const SubmitPage = lazy(() => import("./pages/citizen/SubmitPage.tsx"));
const LookupPage = lazy(() => import("./pages/citizen/LookupPage.tsx"));
const FeedbackPage = lazy(() => import("./pages/citizen/FeedbackPage.tsx"));
const StatisticsPage = lazy(() => import("./pages/citizen/StatisticsPage.tsx"));
const LoginPage = lazy(() => import("./pages/LoginPage.tsx"));
const StaffLayout = lazy(() => import("./components/StaffLayout.tsx"));
const StaffHome = lazy(() => import("./pages/staff/StaffHome.tsx"));
const IntakePage = lazy(() => import("./pages/staff/IntakePage.tsx"));
const QueuePage = lazy(() => import("./pages/staff/QueuePage.tsx"));
const DossierPage = lazy(() => import("./pages/staff/DossierPage.tsx"));
const ReceiptPage = lazy(() => import("./pages/staff/ReceiptPage.tsx"));
const DashboardPage = lazy(() => import("./pages/staff/DashboardPage.tsx"));
const DrillDownPage = lazy(() => import("./pages/staff/DrillDownPage.tsx"));
const ResultsReportPage = lazy(() => import("./pages/reports/ResultsReportPage.tsx"));
const ChannelsReportPage = lazy(() => import("./pages/reports/ChannelsReportPage.tsx"));
const LateReportPage = lazy(() => import("./pages/reports/LateReportPage.tsx"));
const IndicatorsPage = lazy(() => import("./pages/reports/IndicatorsPage.tsx"));
const IndicatorDossiersPage = lazy(() => import("./pages/reports/IndicatorDossiersPage.tsx"));
const SatisfactionPage = lazy(() => import("./pages/reports/SatisfactionPage.tsx"));
const FeedbackReportPage = lazy(() => import("./pages/reports/FeedbackReportPage.tsx"));
const ManualFiguresPage = lazy(() => import("./pages/reports/ManualFiguresPage.tsx"));
const OfficerRatingsPage = lazy(() => import("./pages/reports/OfficerRatingsPage.tsx"));
const UnitsAdmin = lazy(() => import("./pages/admin/UnitsAdmin.tsx"));
const UsersAdmin = lazy(() => import("./pages/admin/UsersAdmin.tsx"));
const CatalogueAdmin = lazy(() => import("./pages/admin/CatalogueAdmin.tsx"));
const CalendarAdmin = lazy(() => import("./pages/admin/CalendarAdmin.tsx"));
const PeriodSettingsAdmin = lazy(() => import("./pages/admin/PeriodSettingsAdmin.tsx"));
const InterchangeAdmin = lazy(() => import("./pages/admin/InterchangeAdmin.tsx"));
const ReformPlansPage = lazy(() => import("./pages/reform/PlansPage.tsx"));
const ReformPlanPage = lazy(() => import("./pages/reform/PlanPage.tsx"));
const ReformRegistersPage = lazy(() => import("./pages/reform/RegistersPage.tsx"));
const ReformReportPage = lazy(() => import("./pages/reform-report/ReformReportPage.tsx"));

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

function AppRoutes() {
  return (
    <Routes>
      <Route element={<CitizenLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc/:code" element={<ProcedurePage />} />
        <Route path="nop-truc-tuyen/:code" element={<SubmitPage />} />
        <Route path="tra-cuu" element={<LookupPage />} />
        <Route path="phan-anh-kien-nghi" element={<FeedbackPage />} />
        <Route path="thong-ke" element={<StatisticsPage />} />
        <Route path="dang-nhap" element={<LoginPage />} />
      </Route>
      <Route
        path="can-bo"
        element={
          <RequireStaff>
            <StaffLayout />
          </RequireStaff>
        }
      >
        <Route index element={<StaffHome />} />
        <Route path="tiep-nhan" element={<IntakePage />} />
        <Route path="hang-doi/:queue" element={<QueuePage />} />
        <Route path="ho-so/:code" element={<DossierPage />} />
        <Route path="bao-cao" element={<DashboardPage />} />
        <Route path="bao-cao/chi-tiet" element={<DrillDownPage />} />
        <Route path="bao-cao/ket-qua" element={<ResultsReportPage />} />
        <Route path="bao-cao/kenh-tiep-nhan" element={<ChannelsReportPage />} />
        <Route path="bao-cao/tre-han" element={<LateReportPage />} />
        <Route path="bao-cao/chi-so" element={<IndicatorsPage />} />
        <Route path="bao-cao/chi-so/:id" element={<IndicatorDossiersPage />} />
        <Route path="bao-cao/hai-long" element={<SatisfactionPage />} />
        <Route path="bao-cao/phan-anh" element={<FeedbackReportPage />} />
        <Route path="bao-cao/nhap-so-lieu" element={<ManualFiguresPage />} />
        <Route path="bao-cao/danh-gia-can-bo" element={<OfficerRatingsPage />} />
        <Route path="bao-cao/cchc" element={<ReformReportPage />} />
        <Route path="quan-tri/don-vi" element={<UnitsAdmin />} />
        <Route path="quan-tri/nguoi-dung" element={<UsersAdmin />} />
        <Route path="quan-tri/thu-tuc" element={<CatalogueAdmin />} />
        <Route path="quan-tri/lich" element={<CalendarAdmin />} />
        <Route path="quan-tri/ky-bao-cao" element={<PeriodSettingsAdmin />} />
        <Route path="quan-tri/nhap-xuat-ho-so" element={<InterchangeAdmin />} />
        <Route path="cchc" element={<ReformPlansPage />} />
        <Route path="cchc/ke-hoach/:id" element={<ReformPlanPage />} />
        <Route path="cchc/so-theo-doi" element={<ReformRegistersPage />} />
      </Route>
      <Route
        path="can-bo/ho-so/:code/phieu-tiep-nhan"
        element={
          <RequireStaff>
            <ReceiptPage />
          </RequireStaff>
        }
      />
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
