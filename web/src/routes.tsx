// The route table: every page's path, its component, who it is for (the server's policy actions, whose roles
// come from src/people/policy.ts) and its menu entries. App.tsx draws the routes from it and StaffLayout draws
// the staff menu from it, so a page is added in one place. routes.test.ts checks the table against the policy.
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  ExportOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  MessageOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { type ComponentType, lazy } from "react";
import { ACTIONS, type Action, STAFF_ROLES, type StaffRole } from "../../src/people/policy.ts";
import { HomePage } from "./pages/citizen/HomePage.tsx";
import { ProcedurePage } from "./pages/citizen/ProcedurePage.tsx";

/** One entry of the staff menu. */
export interface MenuEntry {
  /** Vietnamese label (its English in i18n.tsx). */
  label: string;
  icon?: ComponentType;
  /** The link, when the route's path has a parameter (a queue's name). Default: the route's path. */
  to?: string;
  /** Who sees the entry when narrower than the route's roles (never wider: routes.test.ts checks). */
  roles?: readonly StaffRole[];
  /** "reports": under the "Báo cáo" submenu, which carries the unit and period from page to page. */
  section?: "reports";
}

/** A page of the staff console, under /can-bo. */
export interface StaffRoute {
  /** Relative to /can-bo; "" is the console's start page. */
  path: string;
  page: ComponentType;
  /**
   * The policy actions the page works with: any one of them opens it (its roles are ACTIONS' roles).
   * "any-staff" for pages every staff member reaches (the start page, which redirects by role).
   */
  actions: readonly Action[] | "any-staff";
  menu?: readonly MenuEntry[];
  /** "bare": outside the console's frame (a printable receipt). */
  layout?: "bare";
}

export interface CitizenRoute {
  /** Relative to /; "" is the home page. */
  path: string;
  page: ComponentType;
}

export const STAFF_BASE = "/can-bo";

/** The roles any one of the actions grants (people/policy.ts). */
export function rolesOf(...actions: readonly Action[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => actions.some((a) => (ACTIONS[a] as readonly StaffRole[]).includes(role)));
}

/** The roles that open a route. */
export function routeRoles(route: StaffRoute): StaffRole[] {
  return route.actions === "any-staff" ? [...STAFF_ROLES] : rolesOf(...route.actions);
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const CITIZEN_ROUTES: readonly CitizenRoute[] = [
  { path: "", page: HomePage },
  { path: "thu-tuc/:code", page: ProcedurePage },
  { path: "nop-truc-tuyen/:code", page: page(() => import("./pages/citizen/SubmitPage.tsx")) },
  { path: "tra-cuu", page: page(() => import("./pages/citizen/LookupPage.tsx")) },
  { path: "phan-anh-kien-nghi", page: page(() => import("./pages/citizen/FeedbackPage.tsx")) },
  { path: "thong-ke", page: page(() => import("./pages/citizen/StatisticsPage.tsx")) },
  { path: "dang-nhap", page: page(() => import("./pages/LoginPage.tsx")) },
];

const QUEUE_WORKERS = rolesOf("dossier.receive", "dossier.process");
const report = (path: string, label: string, load: () => Promise<{ default: ComponentType }>): StaffRoute => ({
  path,
  page: page(load),
  actions: ["report.read"],
  menu: [{ label, section: "reports" }],
});

/** In menu order: the desk's queues, reform, administration, then the reports. */
export const STAFF_ROUTES: readonly StaffRoute[] = [
  { path: "", page: page(() => import("./pages/staff/StaffHome.tsx")), actions: "any-staff" },
  {
    path: "tiep-nhan",
    page: page(() => import("./pages/staff/IntakePage.tsx")),
    actions: ["dossier.receive"],
    menu: [{ label: "Tiếp nhận hồ sơ", icon: FormOutlined }],
  },
  {
    path: "hang-doi/:queue",
    page: page(() => import("./pages/staff/QueuePage.tsx")),
    actions: ["dossier.read"],
    menu: [
      { label: "Hồ sơ trực tuyến", icon: CloudUploadOutlined, to: "hang-doi/truc-tuyen", roles: ["front_desk"] },
      { label: "Trả kết quả", icon: ExportOutlined, to: "hang-doi/tra-ket-qua", roles: ["front_desk"] },
      { label: "Hồ sơ của tôi", icon: UserOutlined, to: "hang-doi/cua-toi", roles: QUEUE_WORKERS },
      { label: "Sắp đến hạn", icon: ClockCircleOutlined, to: "hang-doi/sap-den-han", roles: QUEUE_WORKERS },
      { label: "Quá hạn", icon: WarningOutlined, to: "hang-doi/qua-han", roles: QUEUE_WORKERS },
      {
        label: "Trễ hạn chưa xin lỗi",
        icon: MessageOutlined,
        to: "hang-doi/tre-han-chua-xin-loi",
        roles: rolesOf("dossier.process"),
      },
      {
        label: "Tất cả hồ sơ",
        icon: UnorderedListOutlined,
        to: "hang-doi/tat-ca",
        roles: [...QUEUE_WORKERS, "reform_officer"],
      },
    ],
  },
  { path: "ho-so/:code", page: page(() => import("./pages/staff/DossierPage.tsx")), actions: ["dossier.read"] },
  {
    path: "ho-so/:code/phieu-tiep-nhan",
    page: page(() => import("./pages/staff/ReceiptPage.tsx")),
    actions: ["dossier.read"],
    layout: "bare",
  },
  {
    path: "cchc",
    page: page(() => import("./pages/reform/PlansPage.tsx")),
    actions: ["reform.read"],
    menu: [{ label: "Cải cách hành chính", icon: FlagOutlined }],
  },
  { path: "cchc/ke-hoach/:id", page: page(() => import("./pages/reform/PlanPage.tsx")), actions: ["reform.read"] },
  {
    path: "cchc/so-theo-doi",
    page: page(() => import("./pages/reform/RegistersPage.tsx")),
    actions: ["reform.read"],
    menu: [{ label: "Sổ theo dõi CCHC", icon: BookOutlined }],
  },
  {
    path: "chi-so-cchc",
    page: page(() => import("./pages/reform-index/ScorecardPage.tsx")),
    actions: ["reform.read"],
    menu: [{ label: "Chỉ số CCHC", icon: FundOutlined }],
  },
  {
    path: "chi-so-cchc/tham-dinh",
    page: page(() => import("./pages/reform-index/AppraisalPage.tsx")),
    actions: ["reform.read"],
    menu: [{ label: "Thẩm định Chỉ số CCHC", icon: AuditOutlined, roles: rolesOf("reform.manage") }],
  },
  {
    path: "chi-so-cchc/xep-hang",
    page: page(() => import("./pages/reform-index/RankingPage.tsx")),
    actions: ["reform.read"],
    menu: [{ label: "Xếp hạng Chỉ số CCHC", icon: TrophyOutlined }],
  },
  {
    path: "quan-tri/don-vi",
    page: page(() => import("./pages/admin/UnitsAdmin.tsx")),
    actions: ["unit.manage"],
    menu: [{ label: "Đơn vị", icon: ApartmentOutlined }],
  },
  {
    path: "quan-tri/nguoi-dung",
    page: page(() => import("./pages/admin/UsersAdmin.tsx")),
    actions: ["user.manage"],
    menu: [{ label: "Người dùng", icon: TeamOutlined }],
  },
  {
    path: "quan-tri/thu-tuc",
    page: page(() => import("./pages/admin/CatalogueAdmin.tsx")),
    actions: ["catalog.manage"],
    menu: [{ label: "Danh mục thủ tục", icon: ProfileOutlined }],
  },
  {
    path: "quan-tri/lich",
    page: page(() => import("./pages/admin/CalendarAdmin.tsx")),
    actions: ["calendar.manage"],
    menu: [{ label: "Lịch làm việc", icon: CalendarOutlined }],
  },
  {
    // the reporting periods are set with calendar.manage (http/routes/reports-periods.ts)
    path: "quan-tri/ky-bao-cao",
    page: page(() => import("./pages/admin/PeriodSettingsAdmin.tsx")),
    actions: ["calendar.manage"],
    menu: [{ label: "Kỳ báo cáo", icon: ScheduleOutlined }],
  },
  {
    path: "quan-tri/nhap-xuat-ho-so",
    page: page(() => import("./pages/admin/InterchangeAdmin.tsx")),
    actions: ["dossier.import"],
    menu: [{ label: "Nhập / xuất hồ sơ", icon: SwapOutlined }],
  },
  report("bao-cao", "Tổng quan", () => import("./pages/staff/DashboardPage.tsx")),
  { path: "bao-cao/chi-tiet", page: page(() => import("./pages/staff/DrillDownPage.tsx")), actions: ["report.read"] },
  report("bao-cao/ket-qua", "Kết quả giải quyết", () => import("./pages/reports/ResultsReportPage.tsx")),
  report("bao-cao/kenh-tiep-nhan", "Kênh tiếp nhận, DVCTT", () => import("./pages/reports/ChannelsReportPage.tsx")),
  report("bao-cao/tre-han", "Hồ sơ trễ hạn", () => import("./pages/reports/LateReportPage.tsx")),
  report("bao-cao/chi-so", "Chỉ số chất lượng (766)", () => import("./pages/reports/IndicatorsPage.tsx")),
  {
    path: "bao-cao/chi-so/:id",
    page: page(() => import("./pages/reports/IndicatorDossiersPage.tsx")),
    actions: ["report.read"],
  },
  report("bao-cao/hai-long", "Mức độ hài lòng", () => import("./pages/reports/SatisfactionPage.tsx")),
  report("bao-cao/phan-anh", "Phản ánh, kiến nghị", () => import("./pages/reports/FeedbackReportPage.tsx")),
  report("bao-cao/danh-gia-can-bo", "Đánh giá cán bộ", () => import("./pages/reports/OfficerRatingsPage.tsx")),
  {
    // the CCHC report reads with reform.read (http/routes/reform-report.ts); listed among the reports
    path: "bao-cao/cchc",
    page: page(() => import("./pages/reform-report/ReformReportPage.tsx")),
    actions: ["reform.read"],
    menu: [{ label: "Báo cáo CCHC", section: "reports" }],
  },
  {
    path: "bao-cao/nhap-so-lieu",
    page: page(() => import("./pages/reports/ManualFiguresPage.tsx")),
    actions: ["report.submit"],
    menu: [{ label: "Nhập số liệu thủ công", section: "reports" }],
  },
];

/** The reports submenu's icon and key. */
export const REPORTS_SECTION = { key: "bao-cao", label: "Báo cáo", icon: BarChartOutlined } as const;

/** A menu entry resolved: its absolute link and the roles that see it. */
export interface MenuLink {
  path: string;
  label: string;
  icon?: ComponentType;
  roles: readonly StaffRole[];
  section?: "reports";
}

/** The staff menu in table order, each entry with its absolute path and roles. */
export function staffMenu(routes: readonly StaffRoute[] = STAFF_ROUTES): MenuLink[] {
  return routes.flatMap((route) =>
    (route.menu ?? []).map((entry) => ({
      path: `${STAFF_BASE}/${entry.to ?? route.path}`.replace(/\/$/, ""),
      label: entry.label,
      icon: entry.icon,
      roles: entry.roles ?? routeRoles(route),
      section: entry.section,
    })),
  );
}

/** Whether a concrete path matches a route pattern ("hang-doi/:queue" matches "hang-doi/tat-ca"). */
export function matchesPattern(pattern: string, path: string): boolean {
  const a = pattern.split("/");
  const b = path.split("/");
  return a.length === b.length && a.every((part, i) => (part.startsWith(":") ? b[i] !== "" : part === b[i]));
}
