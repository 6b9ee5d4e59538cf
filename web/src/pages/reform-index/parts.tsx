// Pieces shared by the CCHC index pages: the unit/year bar, the phase steps with their deadlines, the
// lost-points list (seed 003's "các tiêu chí bị trừ điểm") and the export links.
import { Alert, Card, Select, Space, Steps, Table, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { reformIndex } from "../../api/reform-index.ts";
import { unitsFor, useAuth } from "../../auth.tsx";
import { PHASE_ORDER, points, vnDate } from "./format.ts";
import type { Card as CardData, LostPoint } from "./types.ts";

/** The unit and year in the address (?unit=&year=), the default unit the user's first reform unit. */
export function useIndexView(param = "unit") {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const units = unitsFor(user, "reform_officer", "leader", "admin");
  const unit = params.get(param) ?? units[0]?.code ?? "";
  const year = Number(params.get("year") ?? new Date().getFullYear());
  const set = (next: Record<string, string | number | undefined>) =>
    setParams((p) => {
      const q = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) if (v !== undefined) q.set(k, String(v));
      return q;
    });
  return { unit, year, units, set, params };
}

export function UnitYearSelect({
  view,
  extra,
  label = "Đơn vị",
}: {
  view: ReturnType<typeof useIndexView>;
  extra?: { code: string; name: string } | undefined;
  label?: string;
}) {
  const thisYear = new Date().getFullYear();
  const options = [...view.units];
  if (extra && !options.some((u) => u.code === extra.code)) options.push(extra);
  return (
    <Space wrap>
      <Select
        aria-label={label}
        style={{ minWidth: 240 }}
        value={view.unit || undefined}
        placeholder="Chọn đơn vị"
        options={options.map((u) => ({ value: u.code, label: u.name }))}
        onChange={(unit: string) => view.set({ unit })}
      />
      <Select
        aria-label="Năm đánh giá"
        style={{ width: 110 }}
        value={view.year}
        options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `Năm ${y}` }))}
        onChange={(year: number) => view.set({ year })}
      />
    </Space>
  );
}

/** The five phases with their deadlines, the open one marked; a locked or finished year says so. */
export function PhaseSteps({ card }: { card: CardData }) {
  const y = card.indexYear;
  if (!y)
    return (
      <Alert
        type="info"
        showIcon
        message={`Tỉnh chưa thiết lập năm đánh giá ${card.year}: áp dụng bộ tiêu chí mặc định, đang mở tự đánh giá, chấm điểm.`}
      />
    );
  const current = card.phase === "closed" ? PHASE_ORDER.length : PHASE_ORDER.findIndex((p) => p.key === card.phase);
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="index-phase">
      <Typography.Text>
        Giai đoạn hiện tại: <strong>{card.phaseName}</strong>
        {y.locked ? " (năm đánh giá đã khóa: không sửa được điểm)" : ""}
      </Typography.Text>
      <Steps
        size="small"
        current={current}
        items={PHASE_ORDER.map((p) => ({
          title: p.name,
          description: y[p.key] ? `Hạn ${vnDate(y[p.key])}` : "Chưa đặt hạn",
        }))}
      />
    </Space>
  );
}

export function LostPointsCard({ lost }: { lost: LostPoint[] }) {
  const sum = Math.round(lost.reduce((s, l) => s + l.lost, 0) * 100) / 100;
  return (
    <Card size="small" title={`Các tiêu chí bị trừ điểm (${lost.length}) — tổng ${points(sum)} điểm`}>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        data-testid="lost-points"
        dataSource={lost}
        locale={{ emptyText: "Không có tiêu chí bị trừ điểm" }}
        columns={[
          { title: "Mã", dataIndex: "code", width: 80 },
          { title: "Tiêu chí", dataIndex: "name" },
          {
            title: "Bị trừ / tối đa",
            key: "lost",
            width: 130,
            render: (_v, l) => `−${points(l.lost)}/${points(l.max)}`,
          },
          { title: "Lý do", dataIndex: "reason" },
        ]}
      />
    </Card>
  );
}

export function ExportLinks({ unit, year }: { unit: string; year: number }) {
  const href = (format: "xlsx" | "docx") => reformIndex.exportUrl({ unit, year, format });
  return (
    <Space>
      <a href={href("xlsx")} download>
        Tải bảng điểm (.xlsx)
      </a>
      <a href={href("docx")} download>
        Tải bảng điểm (.docx)
      </a>
    </Space>
  );
}
