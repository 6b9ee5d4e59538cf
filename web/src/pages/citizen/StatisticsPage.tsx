export default function StatisticsPage() {
  return <p>Đang xây dựng</p>;
}
