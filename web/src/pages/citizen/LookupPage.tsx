export default function LookupPage() {
  return <p>Đang xây dựng</p>;
}
