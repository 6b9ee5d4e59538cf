// The counter's quick print of form 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả). It prints the values the
// server fills into the official .docx, served as JSON by the same function (src/documents/form-data.ts):
// "Mẫu số 01", the register number, the office named as on the receipt date, the applicant and ID number,
// the papers received, the appointment, the receiving officer and the QR code of the lookup page.
import { Button, Spin } from "antd";
import { useParams } from "react-router-dom";
import type { DossierFormJson } from "../../../../src/documents/form-data.ts";
import { api } from "../../api.ts";
import { dossiers } from "../../api/dossiers.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad, useTitle } from "../../hooks.ts";
import "./receipt.css";

function Head({ r }: { r: DossierFormJson }) {
  return (
    <>
      <div className="receipt-form-number" data-testid="receipt-form-number">
        {r.form.numberLine}
      </div>
      <div className="receipt-head">
        <div>
          <div>{r.office.parentNameUpper}</div>
          <strong>{r.office.nameUpper}</strong>
          <div data-testid="receipt-number">Số: {r.number}</div>
        </div>
        <div>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <div>
            <u>Độc lập - Tự do - Hạnh phúc</u>
          </div>
          <em>{r.dateLine}</em>
        </div>
      </div>
      <h1>{r.form.title}</h1>
      <p className="center">
        <strong>
          Mã hồ sơ: <span data-testid="receipt-code">{r.dossier.code}</span>
        </strong>
      </p>
      <div className="center">
        <img className="receipt-qr" src={r.qr.src} alt={`Mã QR tra cứu hồ sơ: ${r.qr.url}`} data-testid="receipt-qr" />
        <div className="receipt-hint">(Quét mã QR để tra cứu tình trạng giải quyết hồ sơ)</div>
      </div>
    </>
  );
}

function Body({ r }: { r: DossierFormJson }) {
  const d = r.dossier;
  return (
    <>
      <p>
        {r.office.name} tiếp nhận hồ sơ của: <strong>{r.applicant.name}</strong>
      </p>
      <p>
        Số định danh cá nhân: <span data-testid="receipt-id-number">{r.applicant.idNumber}</span>
      </p>
      <p>Địa chỉ: {r.applicant.address}</p>
      <p>
        Số điện thoại: {r.applicant.phone}
        {"    "}Email: {r.applicant.email}
      </p>
      <p>Nội dung yêu cầu giải quyết: {d.procedureName}</p>
      <p>1. Thành phần hồ sơ nộp gồm:</p>
      <ol className="receipt-components">
        {r.components.map((c) => (
          <li key={c.no}>
            {c.no}) {c.name} ({c.kind}): {c.count} bản
          </li>
        ))}
      </ol>
      <p>2. Số lượng hồ sơ: {d.sets} (bộ)</p>
      <p>3. Thời gian giải quyết hồ sơ theo quy định là: {d.limitText}</p>
      <p>4. Thời gian nhận hồ sơ: {d.receivedAtText}</p>
      <p>
        5. Thời gian trả kết quả giải quyết hồ sơ: <strong data-testid="receipt-due">{d.dueAtText}</strong>
      </p>
      <p>6. Hình thức nộp hồ sơ: {d.channelText}</p>
      <p>7. Đăng ký nhận kết quả tại: {d.returnViaText}</p>
      <p className="receipt-url">Tra cứu tình trạng hồ sơ tại: {d.lookupUrl}</p>
    </>
  );
}

function Signatures({ r }: { r: DossierFormJson }) {
  return (
    <div className="receipt-sign">
      <div>
        <strong>NGƯỜI NỘP HỒ SƠ</strong>
        <div>(Ký và ghi rõ họ tên)</div>
        <div className="receipt-name">{r.applicant.name}</div>
      </div>
      <div>
        <strong>{r.signer.title}</strong>
        <div>(Ký và ghi rõ họ tên)</div>
        <div className="receipt-name" data-testid="receipt-staff">
          {r.signer.name}
        </div>
      </div>
    </div>
  );
}

export default function ReceiptPage() {
  const { code = "" } = useParams();
  useTitle(`Giấy tiếp nhận hồ sơ ${code}`);
  const path = `/dossiers/${encodeURIComponent(code)}/documents/01`;
  const { data: r, error } = useLoad((signal) => dossiers.formView(code, "01", signal), [code]);
  if (error) return <ProblemAlert message={error} />;
  if (!r) return <Spin aria-label="Đang tải" />;
  return (
    <main className="receipt" id="noi-dung">
      <Head r={r} />
      <Body r={r} />
      <Signatures r={r} />
      <div className="no-print center">
        <Button type="primary" onClick={() => window.print()}>
          In phiếu
        </Button>{" "}
        <a href={api.url(path, { format: "docx" })}>Tải bản .docx</a>
      </div>
    </main>
  );
}
