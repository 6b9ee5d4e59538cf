// The leader sees reform progress beside the one-stop figures (issue 16): the year's plan tasks done ÷ planned
// and the overdue ones, from the same API the "Cải cách hành chính" page reads, linking to it.
import { Card, Progress, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { useAuth } from "../../auth.tsx";
import { useLoad } from "../../hooks.ts";
import { reform } from "../../api/reform.ts";

export function ReformProgressCard({ unit, year }: { unit?: string; year: number }) {
  const { hasRole } = useAuth();
  const visible = hasRole("leader", "reform_officer", "admin");
  const plans = useLoad((signal) => (visible ? reform.plans({ unit, year }, signal) : null), [visible, unit, year]);
  const overdue = useLoad((signal) => (visible && unit ? reform.overdueTasks(unit, signal) : null), [visible, unit]);
  if (!visible || !plans.data) return null;
  const total = plans.data.items.reduce(
    (a, p) => ({ planned: a.planned + p.completion.planned, done: a.done + p.completion.done }),
    { planned: 0, done: 0 },
  );
  const percent = total.planned ? Math.round((total.done / total.planned) * 1000) / 10 : 0;
  return (
    <Card title={`Cải cách hành chính năm ${year}`} size="small" data-testid="reform-progress">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Progress percent={percent} aria-label="Tỷ lệ nhiệm vụ CCHC đã hoàn thành" />
        <Typography.Text>
          {total.done}/{total.planned} nhiệm vụ trong {plans.data.items.length} kế hoạch đã hoàn thành
          {overdue.data ? `; ${overdue.data.items.length} nhiệm vụ quá hạn` : ""}.
        </Typography.Text>
        <Link to={`/can-bo/cchc${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`}>Xem kế hoạch và nhiệm vụ</Link>
      </Space>
    </Card>
  );
}
