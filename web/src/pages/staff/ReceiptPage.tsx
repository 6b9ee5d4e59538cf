export default function ReceiptPage() {
  return <p>Đang xây dựng</p>;
}
