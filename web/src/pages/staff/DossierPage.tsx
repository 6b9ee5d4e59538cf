// One dossier: its state and appointments, the timeline (the control sheet, phiếu kiểm soát), the one-stop
// forms, and the actions the server allows this user — only those.
import { Card, Descriptions, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { CHANNEL_NAME, formatInstant, formatRemaining, stateColor, stateName } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Dossier, DossierEvent } from "../../types.ts";
import { ActionButtons } from "./ActionButtons.tsx";
import { DossierPapers } from "./DossierPapers.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { formsFor } from "./dossier-forms.ts";
import { dossiers } from "../../api/dossiers.ts";

/** Events that leave the state as it is, named as the one-stop forms name them. */
const SAME_STATE_EVENT: Record<string, string> = {
  assigned: "Giao xử lý",
  transferred: "Chuyển liên thông",
  result_proposed: "Trình kết quả",
  result_approved: "Phê duyệt kết quả",
  extended: "Gia hạn, xin lỗi (mẫu 04)",
  payment_requested: "Yêu cầu nghĩa vụ tài chính",
  rated: "Đánh giá",
};

function actorName(e: DossierEvent): string {
  if (e.actor?.id === "citizen") return "Công dân";
  return e.actor?.fullName ?? e.actor?.name ?? e.actor?.id ?? "—";
}

/** The log stores the assignee's user id; the server names every user the log mentions. */
function staffName(d: Dossier, id: string): string {
  return (
    d.staffNames?.[id] ??
    d.events.find((e) => e.actor?.id === id && e.actor.fullName)?.actor?.fullName ??
    `cán bộ số ${id}`
  );
}

export default function DossierPage() {
  const { code = "" } = useParams();
  useTitle(`Hồ sơ ${code}`);
  const loaded = useLoad((signal) => dossiers.get(code ?? "", signal), [code]);
  const [d, setD] = useState<Dossier>();
  useEffect(() => setD(loaded.data), [loaded.data]);
  if (loaded.error) return <ProblemAlert message={loaded.error} />;
  if (!d) return <Spin aria-label="Đang tải" />;
  const enc = encodeURIComponent(d.code);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Hồ sơ {d.code}
        </Typography.Title>
        <Tag color={stateColor(d.state)} data-testid="dossier-state">
          {stateName(d.state)}
        </Tag>
        {d.overdue && <Tag color="red">Quá hạn</Tag>}
        {d.flags?.lateApology && <Tag color="volcano">Văn bản xin lỗi gửi muộn</Tag>}
      </Space>
      <Card title="Thao tác" size="small">
        <ActionButtons dossier={d} onDone={() => loaded.reload()} />
      </Card>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Thủ tục">{d.procedure.name ?? d.procedure.code}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị tiếp nhận">{d.unit?.name ?? d.unit?.code}</Descriptions.Item>
        <Descriptions.Item label="Người nộp">{d.applicant?.name ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="Kênh">{CHANNEL_NAME[d.channel] ?? d.channel}</Descriptions.Item>
        <Descriptions.Item label="Ngày tiếp nhận">{formatInstant(d.receivedAt ?? d.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="Ngày hẹn trả">
          <span data-testid="due-at">{formatInstant(d.dueAt)}</span>
        </Descriptions.Item>
        {d.extendedDueAt && (
          <Descriptions.Item label="Ngày hẹn trả mới (sau xin lỗi)">{formatInstant(d.extendedDueAt)}</Descriptions.Item>
        )}
        <Descriptions.Item label="Thời gian còn lại">{formatRemaining(d.remainingMinutes)}</Descriptions.Item>
        {d.assignee && (
          <Descriptions.Item label="Người xử lý">{d.assigneeName ?? staffName(d, d.assignee)}</Descriptions.Item>
        )}
      </Descriptions>
      <DossierPapers dossier={d} />
      <Card title="Quá trình giải quyết (phiếu kiểm soát)" size="small">
        <Table<DossierEvent>
          size="small"
          rowKey={(e, i) => `${e.at}-${e.type}-${i}`}
          pagination={false}
          scroll={{ x: true }}
          dataSource={d.events}
          data-testid="timeline"
          columns={[
            { title: "Thời điểm", dataIndex: "at", render: (at: string) => formatInstant(at), width: 170 },
            {
              title: "Sự kiện",
              dataIndex: "type",
              render: (_t, e) =>
                e.fromState && e.toState && e.fromState !== e.toState
                  ? `${stateName(e.fromState)} → ${stateName(e.toState)}`
                  : (SAME_STATE_EVENT[e.type] ?? e.type),
            },
            { title: "Người thực hiện", render: (_v, e) => actorName(e) },
            {
              title: "Nội dung",
              dataIndex: "reason",
              render: (r: string | undefined, e) => [describePayload(e, d), r].filter(Boolean).join(" · "),
            },
          ]}
        />
      </Card>
      <Card title="Biểu mẫu" size="small">
        <Space direction="vertical">
          {formsFor(d.events).map(({ id, label }) => (
            <Space key={id} wrap>
              <span>{label}</span>
              <a href={api.url(`/dossiers/${enc}/documents/${id}`, { format: "docx" })}>.docx</a>
              <a href={api.url(`/dossiers/${enc}/documents/${id}`, { format: "pdf" })}>.pdf</a>
            </Space>
          ))}
          <LinkButton to={`/can-bo/ho-so/${enc}/phieu-tiep-nhan`} target="_blank" size="small">
            Bản in nhanh phiếu tiếp nhận
          </LinkButton>
        </Space>
      </Card>
    </Space>
  );
}

function describePayload(e: DossierEvent, d: Dossier): string {
  const p = e.payload ?? {};
  const parts: string[] = [];
  if (Array.isArray(p.missing)) parts.push(`Cần bổ sung: ${(p.missing as string[]).join("; ")}`);
  if (typeof p.dueAt === "string") {
    // the receipt's appointment, or a later one (after a supplement, in the apology letter): docs/lifecycle.md
    const term = e.type === "received" || e.type === "accepted" ? "Ngày hẹn trả" : "Ngày hẹn trả mới";
    parts.push(`${term}: ${formatInstant(p.dueAt)}`);
  }
  if (typeof p.assignee === "string") parts.push(`Giao: ${staffName(d, p.assignee)}`);
  if (typeof p.toUnit === "string") parts.push(`Chuyển đến: ${p.toUnit}`);
  if (typeof p.receiptNo === "string") parts.push(`Số phiếu: ${p.receiptNo}`);
  const letter = p.letter as { record?: string; document?: { name?: string } } | undefined;
  if (e.type === "extended") {
    const named = letter?.record ?? letter?.document?.name;
    parts.push(p.apology === false ? "Không có thư xin lỗi" : `Thư xin lỗi: ${named ?? "có"}`);
  }
  return parts.join(" · ") || "";
}
