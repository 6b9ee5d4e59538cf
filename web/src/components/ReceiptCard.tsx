// After intake: the code, the appointment and the lookup secret, and the receipt slip (form 01) to print.
import { Button, Descriptions, Result, Space } from "antd";
import { api } from "../api.ts";
import { formatInstant } from "../format.ts";
import type { Dossier } from "../types.ts";
import { LinkButton } from "./LinkButton.tsx";

export function ReceiptCard({ dossier, onNext }: { dossier: Dossier; onNext?: () => void }) {
  const code = encodeURIComponent(dossier.code);
  return (
    <Result
      status="success"
      title={<span data-testid="dossier-code">Đã tiếp nhận hồ sơ {dossier.code}</span>}
      subTitle={<span data-testid="appointment">Ngày hẹn trả kết quả: {formatInstant(dossier.dueAt)}</span>}
      extra={
        <Space direction="vertical" size="middle">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Mã hồ sơ">{dossier.code}</Descriptions.Item>
            {dossier.lookupSecret && (
              <Descriptions.Item label="Mã tra cứu (giao cho người nộp)">
                <span data-testid="lookup-secret">{dossier.lookupSecret}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ justifyContent: "center" }}>
            <LinkButton to={`/can-bo/ho-so/${code}/phieu-tiep-nhan`} target="_blank" type="primary">
              In phiếu tiếp nhận và hẹn trả kết quả
            </LinkButton>
            <Button href={api.url(`/dossiers/${code}/documents/01`, { format: "docx" })}>Tải phiếu (.docx)</Button>
            <LinkButton to={`/can-bo/ho-so/${code}`}>Mở hồ sơ</LinkButton>
            {onNext && <Button onClick={onNext}>Tiếp nhận hồ sơ khác</Button>}
          </Space>
        </Space>
      }
    />
  );
}
