// A print-friendly receipt and appointment slip (phiếu tiếp nhận và hẹn trả kết quả, form 01). The .docx
// version from the server is the official one; this page is for a quick print at the counter.
import { Button, Spin } from "antd";
import { useParams } from "react-router-dom";
import { api } from "../../api.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { CHANNEL_NAME, componentName, formatInstant } from "../../format.ts";
import { useLoad, useTitle } from "../../hooks.ts";
import type { Dossier } from "../../types.ts";
import "./receipt.css";

export default function ReceiptPage() {
  const { code = "" } = useParams();
  useTitle(`Phiếu tiếp nhận ${code}`);
  const { data: d, error } = useLoad(
    (signal) => api.get<Dossier>(`/dossiers/${encodeURIComponent(code)}`, undefined, signal),
    [code],
  );
  if (error) return <ProblemAlert message={error} />;
  if (!d) return <Spin aria-label="Đang tải" />;
  return (
    <main className="receipt" id="noi-dung">
      <div className="receipt-head">
        <div>
          <strong>{(d.unit?.name ?? d.unit?.code ?? "").toUpperCase()}</strong>
          <div>BỘ PHẬN MỘT CỬA</div>
        </div>
        <div>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <div>
            <u>Độc lập - Tự do - Hạnh phúc</u>
          </div>
        </div>
      </div>
      <h1>PHIẾU TIẾP NHẬN VÀ HẸN TRẢ KẾT QUẢ</h1>
      <p className="center">
        Mã hồ sơ: <strong data-testid="receipt-code">{d.code}</strong>
      </p>
      <p>
        Bộ phận Một cửa đã tiếp nhận hồ sơ của: <strong>{d.applicant?.name ?? "—"}</strong>
      </p>
      {d.applicant?.address && <p>Địa chỉ: {d.applicant.address}</p>}
      {d.applicant?.phone && <p>Số điện thoại: {d.applicant.phone}</p>}
      <p>Nội dung yêu cầu giải quyết: {d.procedure.name ?? d.procedure.code}</p>
      {d.components && d.components.length > 0 && (
        <>
          <p>Thành phần hồ sơ nộp gồm:</p>
          <ol>
            {d.components.map(componentName).map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ol>
        </>
      )}
      <p>Hình thức tiếp nhận: {CHANNEL_NAME[d.channel]}</p>
      <p>Thời gian nhận hồ sơ: {formatInstant(d.receivedAt)}</p>
      <p>
        Thời gian trả kết quả giải quyết hồ sơ: <strong data-testid="receipt-due">{formatInstant(d.dueAt)}</strong>
      </p>
      {d.lookupSecret && <p>Mã tra cứu trực tuyến: {d.lookupSecret}</p>}
      <div className="receipt-sign">
        <div>
          <strong>NGƯỜI NỘP HỒ SƠ</strong>
          <div>(Ký và ghi rõ họ tên)</div>
        </div>
        <div>
          <strong>NGƯỜI TIẾP NHẬN HỒ SƠ</strong>
          <div>(Ký và ghi rõ họ tên)</div>
        </div>
      </div>
      <div className="no-print center">
        <Button type="primary" onClick={() => window.print()}>
          In phiếu
        </Button>{" "}
        <a href={api.url(`/dossiers/${encodeURIComponent(d.code)}/documents/01`, { format: "docx" })}>Tải bản .docx</a>
      </div>
    </main>
  );
}
