// Server-side paged queues: online submissions, results to return, my dossiers, due soon, overdue, all.
// The remaining working time and the overdue flag come from the server.
import { Input, Select, Space, Table, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { unitsFor, useAuth } from "../../auth.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { CHANNEL_NAME, formatInstant, formatRemaining, stateColor, stateName } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { DossierSummary } from "../../types.ts";
import { CursorPager, useCursorPages } from "./CursorPager.tsx";
import { dossiers } from "../../api/dossiers.ts";

interface QueueDef {
  title: string;
  query: { queue?: string; state?: string };
}

export const QUEUES: Record<string, QueueDef> = {
  "truc-tuyen": { title: "Hồ sơ nộp trực tuyến chờ tiếp nhận", query: { queue: "submitted" } },
  "tra-ket-qua": { title: "Hồ sơ chờ trả kết quả", query: { state: "resolved" } },
  "cua-toi": { title: "Hồ sơ của tôi", query: { queue: "mine" } },
  "sap-den-han": { title: "Hồ sơ sắp đến hạn", query: { queue: "due_soon" } },
  "qua-han": { title: "Hồ sơ quá hạn", query: { queue: "overdue" } },
  "tre-han-chua-xin-loi": { title: "Hồ sơ trễ hạn chưa có thư xin lỗi", query: { queue: "late_without_apology" } },
  "tat-ca": { title: "Tất cả hồ sơ", query: {} },
};

export default function QueuePage() {
  const { queue = "tat-ca" } = useParams();
  const def = QUEUES[queue] ?? (QUEUES["tat-ca"] as QueueDef);
  useTitle(def.title);
  const { user } = useAuth();
  const units = unitsFor(user, "front_desk", "officer", "leader", "reform_officer");
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? undefined;
  const q = params.get("q") ?? undefined;
  const pageSize = Number(params.get("pageSize") ?? "20");
  const pages = useCursorPages(`${queue}|${unit}|${q}|${pageSize}`);
  const { cursor } = pages;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const { data, error, loading } = useLoad(
    (signal) => dossiers.list({ ...def.query, unit, q, pageSize, cursor }, signal),
    [queue, unit, q, cursor, pageSize],
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {def.title}
      </Typography.Title>
      <Space wrap>
        {units.length > 1 && (
          <Select
            aria-label="Đơn vị"
            placeholder="Tất cả đơn vị"
            allowClear
            style={{ minWidth: 220 }}
            value={unit}
            onChange={(v) => set("unit", v)}
            options={units.map((u) => ({ value: u.code, label: u.name }))}
          />
        )}
        <Input.Search
          aria-label="Tìm theo mã hồ sơ hoặc tên người nộp"
          placeholder="Mã hồ sơ, tên người nộp"
          defaultValue={q}
          onSearch={(v) => set("q", v)}
          allowClear
          style={{ width: 300 }}
        />
      </Space>
      <ProblemAlert message={error} />
      <Table<DossierSummary>
        rowKey="code"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          {
            title: "Mã hồ sơ",
            dataIndex: "code",
            render: (c: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(c)}`}>{c}</Link>,
          },
          { title: "Thủ tục", render: (_v, d) => d.procedure.name ?? d.procedure.code },
          { title: "Người nộp", render: (_v, d) => d.applicant?.name ?? "—" },
          { title: "Kênh", dataIndex: "channel", render: (c: keyof typeof CHANNEL_NAME) => CHANNEL_NAME[c] ?? c },
          {
            title: "Trạng thái",
            dataIndex: "state",
            render: (s: string) => <Tag color={stateColor(s)}>{stateName(s)}</Tag>,
          },
          { title: "Ngày hẹn trả", render: (_v, d) => formatInstant(d.extendedDueAt ?? d.dueAt) },
          {
            title: "Thời gian còn lại",
            render: (_v, d) => (
              <span style={{ color: d.overdue || (d.remainingMinutes ?? 0) < 0 ? "#a8071a" : undefined }}>
                {formatRemaining(d.remainingMinutes)}
              </span>
            ),
          },
        ]}
      />
      <CursorPager
        data={data ?? undefined}
        pages={pages}
        pageSize={pageSize}
        onPageSize={(size) => set("pageSize", String(size))}
      />
    </Space>
  );
}
