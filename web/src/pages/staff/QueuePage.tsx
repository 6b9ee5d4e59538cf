export default function QueuePage() {
  return <p>Đang xây dựng</p>;
}
