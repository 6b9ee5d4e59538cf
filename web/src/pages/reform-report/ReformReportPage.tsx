// Báo cáo CCHC: the unit's Phụ lục 01b for the period with where each figure comes from and the checks'
// findings, hand entries where nothing is recorded, the draft report (.docx / PDF preview), issuing and
// submitting it, and for a unit above others the register of their reports with the roll-up.
import { Typography } from "antd";
import { reform } from "../../api/reform.ts";
import { useAuth } from "../../auth.tsx";
import { ReportPage, useReport } from "../../components/ReportPage.tsx";
import { OwnReportCard, SubordinatesCard } from "./ReportsCard.tsx";
import { SheetTable, Violations } from "./SheetTable.tsx";

export default function ReformReportPage() {
  const { user } = useAuth();
  const report = useReport([], (query, signal) => (query.unit ? reform.sheet(query, signal) : null));
  const { filters, data: sheet } = report;
  const canManage = user?.grants.some((g) => g.role === "reform_officer" && g.unitCode === filters.unit) ?? false;
  return (
    <ReportPage title="Báo cáo CCHC" report={report}>
      {sheet && (
        <>
          <Violations sheet={sheet} />
          <OwnReportCard query={filters.query} canManage={canManage} blocked={sheet.violations.length > 0} />
          <SubordinatesCard query={filters.query} canManage={canManage} />
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            Phụ lục 01b — Thống kê số liệu về kết quả thực hiện công tác cải cách hành chính
          </Typography.Title>
          <SheetTable sheet={sheet} canEdit={canManage} onChanged={report.reload} />
        </>
      )}
    </ReportPage>
  );
}
