// The unit's own report for the period: draft .docx/.pdf (blocked by the server when the figures break a
// check), issue (a new frozen version each time), submit up the tree; and, for a unit with units below it,
// the register of their reports (due, submitted, late) with the roll-up of their submitted 01b rows.
import { Alert, Button, Card, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api, errorMessage } from "../../api.ts";
import { formatCount } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import { editsOf, TextEdits } from "./TextEdits.tsx";
import { type IssuedReport, type RegisterEntry, STATUS_LABEL } from "./types.ts";
import { reform } from "../../api/reform.ts";

interface Props {
  query: { unit?: string; from?: string; to?: string };
  canManage: boolean;
  blocked: boolean;
}

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("vi-VN") : "");
const day = (d: string | null) => (d ? d.split("-").reverse().join("/") : "");

export function OwnReportCard({ query, canManage, blocked }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [number, setNumber] = useState("");
  const [texts, setTexts] = useState({ assessment: "", directions: "", proposals: "" });
  const reports = useLoad(
    (signal) => (query.unit ? reform.reports(query, signal) : null),
    [query.unit, query.from, query.to],
  );
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await run();
      reports.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Báo cáo của đơn vị" size="small" data-testid="own-report">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Button href={api.url("/reform/report", { ...query, format: "docx" })} disabled={blocked}>
            Tải dự thảo (.docx)
          </Button>
          <Button href={api.url("/reform/report", { ...query, format: "pdf" })} disabled={blocked}>
            Xem trước (PDF)
          </Button>
          {canManage && (
            <>
              <Input
                aria-label="Số báo cáo"
                placeholder="Số (ví dụ 82)"
                style={{ width: 140 }}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
              />
              <Button
                type="primary"
                loading={busy}
                disabled={blocked}
                onClick={() =>
                  act(() => reform.issueReport({ ...query, number: number || undefined, edits: editsOf(texts) }))
                }
              >
                Ban hành
              </Button>
            </>
          )}
        </Space>
        {canManage && <TextEdits texts={texts} onChange={setTexts} query={query} />}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Table<IssuedReport>
          size="small"
          rowKey="version"
          pagination={false}
          loading={reports.loading}
          dataSource={reports.data?.reports ?? []}
          locale={{ emptyText: "Chưa ban hành báo cáo cho kỳ này" }}
          columns={[
            { title: "Phiên bản", dataIndex: "version" },
            { title: "Số", render: (_v, r) => (r.number ? `${r.number}/BC-UBND` : "") },
            { title: "Ban hành", render: (_v, r) => date(r.issuedAt) },
            { title: "Hạn gửi", render: (_v, r) => day(r.dueOn) },
            {
              title: "Trạng thái",
              render: (_v, r) => (
                <Space direction="vertical" size={0}>
                  <Tag color={STATUS_LABEL[r.status].color}>{STATUS_LABEL[r.status].text}</Tag>
                  {r.returnComment && <Typography.Text type="danger">{r.returnComment}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: "",
              render: (_v, r) => (
                <Space>
                  <Button size="small" href={api.url("/reform/reports/file", { ...query, version: String(r.version) })}>
                    Tệp
                  </Button>
                  {canManage && r.status === "issued" && (
                    <Button
                      size="small"
                      onClick={() =>
                        act(() =>
                          reform.submitReport({
                            unit: r.unit,
                            from: r.from,
                            to: r.to,
                            version: r.version,
                          }),
                        )
                      }
                    >
                      Gửi cấp trên
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export function SubordinatesCard({ query, canManage }: Omit<Props, "blocked">) {
  const [returning, setReturning] = useState<RegisterEntry>();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const register = useLoad(
    (signal) => (query.unit ? reform.register(query, signal) : null),
    [query.unit, query.from, query.to],
  );
  const roll = useLoad(
    (signal) => (query.unit ? reform.rollUp(query, signal) : null),
    [query.unit, query.from, query.to, register.data],
  );
  if (!register.data?.units.length) return null;
  const sendBack = async () => {
    if (!returning?.version) return;
    setError(undefined);
    try {
      await reform.returnReport({
        unit: returning.unit,
        from: query.from,
        to: query.to,
        version: returning.version,
        comment,
      });
      setReturning(undefined);
      register.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const rows = (roll.data?.sheet.rows ?? []).filter((r) => r.value !== null);
  return (
    <Card title="Báo cáo của đơn vị cấp dưới" size="small" data-testid="subordinates">
      <Table<RegisterEntry>
        size="small"
        rowKey="unit"
        pagination={false}
        dataSource={register.data.units}
        columns={[
          { title: "Đơn vị", dataIndex: "name" },
          { title: "Hạn gửi", render: (_v, r) => day(r.dueOn) },
          {
            title: "Trạng thái",
            render: (_v, r) => (
              <Space>
                <Tag color={STATUS_LABEL[r.status].color}>{STATUS_LABEL[r.status].text}</Tag>
                {r.late && <Tag color="red">Trễ hạn</Tag>}
              </Space>
            ),
          },
          { title: "Ngày gửi", render: (_v, r) => date(r.submittedAt) },
          {
            title: "",
            render: (_v, r) =>
              canManage && r.status === "submitted" ? (
                <Button size="small" danger onClick={() => setReturning(r)}>
                  Trả lại
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Tổng hợp Phụ lục 01b từ báo cáo đã gửi
        {roll.data?.missing.length ? ` (chưa gửi: ${roll.data.missing.length} đơn vị)` : ""}
      </Typography.Title>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        data-testid="roll-up"
        dataSource={rows}
        locale={{ emptyText: "Chưa có báo cáo nào được gửi" }}
        columns={[
          { title: "Số TT", dataIndex: "code", width: 140 },
          { title: "Chỉ tiêu", dataIndex: "label" },
          { title: "Đơn vị tính", dataIndex: "unitOfMeasure", width: 160 },
          { title: "Tổng", align: "right", width: 110, render: (_v, r) => formatCount(r.value) },
        ]}
      />
      <Modal
        open={returning !== undefined}
        title={`Trả lại báo cáo của ${returning?.name ?? ""}`}
        okText="Trả lại"
        cancelText="Hủy"
        onOk={sendBack}
        okButtonProps={{ disabled: !comment.trim() }}
        onCancel={() => setReturning(undefined)}
      >
        <Input.TextArea aria-label="Ý kiến" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
      </Modal>
    </Card>
  );
}
