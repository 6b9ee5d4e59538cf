export default function IntakePage() {
  return <p>Đang xây dựng</p>;
}
