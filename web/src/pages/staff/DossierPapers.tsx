// The applicant and the papers of a dossier, as the clerk, the officer and the leader must see them before they
// act: contact details, the procedure's component checklist against what was handed in, and every file (the
// citizen's upload, scans, the officer's draft, the result) opened in the page — PDF and images in a viewer.
import { Button, Card, Col, Descriptions, List, Modal, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../api.ts";
import { formatInstant } from "../../format.ts";
import { useLoad } from "../../hooks.ts";
import type { Dossier, DossierFile } from "../../types.ts";
import { procedures } from "../../api/procedures.ts";

const VIEWABLE = new Set(["application/pdf", "image/jpeg", "image/png"]);

function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

/** The local date of an instant (Asia/Ho_Chi_Minh), for the catalogue version in force at receipt. */
function localDateOf(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function handedIn(d: Dossier): Set<string> {
  return new Set((d.components ?? []).map((c) => (typeof c === "string" ? c : c.name)));
}

function FileViewer({ file, onClose }: { file?: DossierFile; onClose: () => void }) {
  if (!file) return null;
  const src = api.url(`/files/${file.id}`);
  return (
    <Modal open title={file.name} onCancel={onClose} footer={null} width="min(1000px, 96vw)" destroyOnHidden>
      {file.mime === "application/pdf" ? (
        <iframe
          src={src}
          title={file.name}
          style={{ width: "100%", height: "75vh", border: 0 }}
          data-testid="file-viewer"
        />
      ) : (
        <img src={src} alt={file.name} style={{ maxWidth: "100%" }} data-testid="file-viewer" />
      )}
    </Modal>
  );
}

export function DossierPapers({ dossier: d }: { dossier: Dossier }) {
  const [open, setOpen] = useState<DossierFile>();
  const at = localDateOf(d.receivedAt ?? d.submittedAt);
  const procedure = useLoad((signal) => procedures.get(d.procedure.code, { at }, signal), [d.procedure.code, at]);
  const given = handedIn(d);
  const files = d.files ?? [];
  const a = d.applicant ?? {};
  return (
    <Card title="Người nộp và giấy tờ" size="small" data-testid="dossier-papers">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Descriptions bordered size="small" column={1} data-testid="applicant">
            <Descriptions.Item label="Họ và tên">{a.name ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="Số định danh cá nhân">{a.idNumber ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="Số điện thoại">{a.phone ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="Thư điện tử">{a.email ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="Địa chỉ">{a.address ?? "—"}</Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Text strong>Thành phần hồ sơ theo thủ tục</Typography.Text>
          <List
            size="small"
            data-testid="component-checklist"
            loading={procedure.loading}
            dataSource={procedure.data?.components ?? []}
            locale={{ emptyText: procedure.error ?? "Thủ tục không quy định thành phần hồ sơ" }}
            renderItem={(c) => (
              <List.Item>
                <Space wrap>
                  {given.has(c.name) ? <Tag color="green">Đã nộp</Tag> : <Tag>Chưa có</Tag>}
                  <span>{c.name}</span>
                  <Typography.Text type="secondary">
                    ({c.form === "original" ? "bản chính" : c.form === "copy" ? "bản sao" : "bản chính hoặc bản sao"},{" "}
                    {c.count} bộ)
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Col>
      </Row>
      <Typography.Text strong style={{ display: "block", marginTop: 16 }}>
        Tệp đính kèm ({files.length})
      </Typography.Text>
      <List
        size="small"
        data-testid="dossier-files"
        dataSource={files}
        locale={{ emptyText: "Chưa có tệp nào (hồ sơ giấy chưa số hóa)" }}
        renderItem={(file) => (
          <List.Item
            actions={[
              VIEWABLE.has(file.mime) ? (
                <Button key="view" size="small" onClick={() => setOpen(file)}>
                  Xem
                </Button>
              ) : null,
              <a key="get" href={api.url(`/files/${file.id}`)} download={file.name}>
                Tải về
              </a>,
            ]}
          >
            <Space wrap>
              <span>{file.name}</span>
              {file.component && <Tag>{file.component}</Tag>}
              {file.digitized && <Tag color="blue">Bản số hóa</Tag>}
              <Typography.Text type="secondary">
                {sizeText(file.size)} · {formatInstant(file.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <FileViewer file={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
