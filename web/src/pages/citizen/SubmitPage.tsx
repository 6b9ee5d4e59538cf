export default function SubmitPage() {
  return <p>Đang xây dựng</p>;
}
