// Báo cáo CCHC: the unit's Phụ lục 01b for the period with where each figure comes from and the checks'
// findings, hand entries where nothing is recorded, the draft report (.docx / PDF preview), issuing and
// submitting it, and for a unit above others the register of their reports with the roll-up.
import { Space, Typography } from "antd";
import { useAuth } from "../../auth.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import { FilterBar, useReportFilters } from "../reports/filters.tsx";
import { OwnReportCard, SubordinatesCard } from "./ReportsCard.tsx";
import { SheetTable, Violations } from "./SheetTable.tsx";
import { reform } from "../../api/reform.ts";

export default function ReformReportPage() {
  useTitle("Báo cáo CCHC");
  const { user } = useAuth();
  const filters = useReportFilters();
  const sheet = useLoad(
    (signal) => (filters.ready && filters.unit ? reform.sheet(filters.query, signal) : null),
    [filters.from, filters.to, filters.unit],
  );
  const canManage = user?.grants.some((g) => g.role === "reform_officer" && g.unitCode === filters.unit) ?? false;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Báo cáo CCHC
      </Typography.Title>
      <FilterBar filters={filters} />
      <ProblemAlert message={sheet.error} />
      {sheet.data && (
        <>
          <Violations sheet={sheet.data} />
          <OwnReportCard query={filters.query} canManage={canManage} blocked={sheet.data.violations.length > 0} />
          <SubordinatesCard query={filters.query} canManage={canManage} />
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            Phụ lục 01b — Thống kê số liệu về kết quả thực hiện công tác cải cách hành chính
          </Typography.Title>
          <SheetTable sheet={sheet.data} canEdit={canManage} onChanged={sheet.reload} />
        </>
      )}
    </Space>
  );
}
