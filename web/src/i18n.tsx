// Vietnamese first; an English toggle for the main navigation and headings. Keys are the Vietnamese text,
// so a missing English entry still shows correct Vietnamese.
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";

export type Lang = "vi" | "en";

/** English of the navigation and headings, keyed by their Vietnamese (routes.test.ts checks the menu has it). */
export const EN: Record<string, string> = {
  "Dịch vụ hành chính công": "Public administrative services",
  "Trang chủ": "Home",
  "Tìm thủ tục": "Find a procedure",
  "Tra cứu hồ sơ": "Track a dossier",
  "Phản ánh, kiến nghị": "Feedback",
  "Thống kê": "Statistics",
  "Đăng nhập": "Sign in",
  "Đăng xuất": "Sign out",
  "Cán bộ": "Staff",
  "Tiếp nhận hồ sơ": "Receive a dossier",
  "Hồ sơ trực tuyến": "Online submissions",
  "Trả kết quả": "Return results",
  "Hồ sơ của tôi": "My dossiers",
  "Sắp đến hạn": "Due soon",
  "Quá hạn": "Overdue",
  "Tất cả hồ sơ": "All dossiers",
  "Trễ hạn chưa xin lỗi": "Late without apology",
  "Báo cáo": "Reports",
  "Tổng quan": "Overview",
  "Kết quả giải quyết": "Results",
  "Kênh tiếp nhận, DVCTT": "Channels, online services",
  "Hồ sơ trễ hạn": "Late dossiers",
  "Chỉ số chất lượng (766)": "Quality indicators (Decision 766)",
  "Mức độ hài lòng": "Satisfaction",
  "Nhập số liệu thủ công": "Figures typed in by hand",
  "Quản trị": "Administration",
  "Đơn vị": "Units",
  "Người dùng": "Users",
  "Danh mục thủ tục": "Procedure catalogue",
  "Lịch làm việc": "Working calendar",
  "Kỳ báo cáo": "Reporting periods",
  "Nhập / xuất hồ sơ": "Dossier import / export",
  "Cải cách hành chính": "Administrative reform",
  "Sổ theo dõi CCHC": "Reform registers",
  "Chỉ số CCHC": "Reform index (PAR Index)",
  "Thẩm định Chỉ số CCHC": "Reform index appraisal",
  "Xếp hạng Chỉ số CCHC": "Reform index ranking",
  "Đánh giá cán bộ": "Officer ratings",
  "Báo cáo CCHC": "Reform report",
  "Đánh giá": "Rate the service",
  "Nộp hồ sơ trực tuyến": "Submit online",
  "Tìm kiếm": "Search",
};

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: "vi", setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem("motcua.lang") === "en" ? "en" : "vi"));
  const value = useMemo(
    () => ({
      lang,
      setLang: (l: Lang) => {
        localStorage.setItem("motcua.lang", l);
        document.documentElement.lang = l;
        setLangState(l);
      },
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

export function useT(): (vi: string) => string {
  const { lang } = useLang();
  return (vi) => (lang === "en" ? (EN[vi] ?? vi) : vi);
}
