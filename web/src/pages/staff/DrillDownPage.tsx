export default function DrillDownPage() {
  return <p>Đang xây dựng</p>;
}
