export default function FeedbackPage() {
  return <p>Đang xây dựng</p>;
}
