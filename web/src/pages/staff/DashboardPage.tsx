export default function DashboardPage() {
  return <p>Đang xây dựng</p>;
}
